import type { AppContext } from './context';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthService } from './modules/auth/auth.service';
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
import { createSettingsService } from './modules/settings/settings.service';
import { createUnitsService } from './modules/units/units.service';
import { createUsersService } from './modules/users/users.service';
import { createBallotsService } from './modules/votes/ballots.service';
import { createVotesService } from './modules/votes/votes.service';

export function createServices(ctx: AppContext) {
  const units = createUnitsService(ctx);
  const people = createPeopleService(ctx);
  const notifications = createNotificationsService(ctx);
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
  };
}

export type Services = ReturnType<typeof createServices>;
