import type { AppContext } from './context';
import { createAbsencesService } from './modules/annual/absences.service';
import { createAnnualBoardService } from './modules/annual/board.service';
import { createReviewPeriodsService } from './modules/annual/periods.service';
import { createAnnualReviewsService } from './modules/annual/reviews.service';
import { createWeakOrgsService } from './modules/annual/weak-orgs.service';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthService } from './modules/auth/auth.service';
import { createControlModule } from './modules/control/control.module';
import { createCyclesService } from './modules/evaluations/cycles.service';
import { createDelegationsService } from './modules/evaluations/delegations.service';
import { createEvaluationWorkflow } from './modules/evaluations/evaluations.module';
import { createFindingsService } from './modules/evaluations/findings.service';
import { createFrameworksService } from './modules/evaluations/frameworks.service';
import { createKpiCatalogueService } from './modules/evaluations/kpi-catalogue.service';
import { createTasksService } from './modules/evaluations/tasks.service';
import { createExportsService } from './modules/imports/exports.service';
import { createImportsService } from './modules/imports/imports.service';
import { createJobsService } from './modules/jobs/jobs.service';
import { createNotificationsService } from './modules/notifications/notifications.service';
import { createPeopleService } from './modules/people/people.service';
import { createIndicatorsService } from './modules/reports/indicators.service';
import { createReportRunsService } from './modules/reports/report-runs.service';
import { createReportTemplatesService } from './modules/reports/report-templates.service';
import { createTargetsService } from './modules/reports/targets.service';
import { createWorkItemsService } from './modules/reports/work-items.service';
import { createSettingsService } from './modules/settings/settings.service';
import { createUnitsService } from './modules/units/units.service';
import { createUsersService } from './modules/users/users.service';
import { createBallotsService } from './modules/votes/ballots.service';
import { createVotesService } from './modules/votes/votes.service';

export function createServices(ctx: AppContext) {
  const units = createUnitsService(ctx);
  const people = createPeopleService(ctx);
  const notifications = createNotificationsService(ctx);
  const reportTemplates = createReportTemplatesService(ctx);
  return {
    auth: createAuthService(ctx),
    units,
    users: createUsersService(ctx, units),
    settings: createSettingsService(ctx),
    audit: createAuditService(ctx),
    jobs: createJobsService(ctx),
    people,
    imports: createImportsService(ctx),
    exports: createExportsService(ctx, { people, units }),
    notifications,
    evaluationWorkflow: createEvaluationWorkflow(ctx, notifications),
    frameworks: createFrameworksService(ctx),
    cycles: createCyclesService(ctx),
    kpiCatalogue: createKpiCatalogueService(ctx),
    findings: createFindingsService(ctx),
    tasks: createTasksService(ctx),
    delegations: createDelegationsService(ctx),
    votes: createVotesService(ctx),
    ballots: createBallotsService(ctx),
    indicators: createIndicatorsService(ctx),
    targets: createTargetsService(ctx),
    workItems: createWorkItemsService(ctx),
    reportTemplates,
    reportRuns: createReportRunsService(ctx, reportTemplates),
    reviewPeriods: createReviewPeriodsService(ctx),
    annualReviews: createAnnualReviewsService(ctx),
    annualBoard: createAnnualBoardService(ctx),
    weakOrgs: createWeakOrgsService(ctx),
    absences: createAbsencesService(ctx),
    control: createControlModule(ctx),
  };
}

export type Services = ReturnType<typeof createServices>;
