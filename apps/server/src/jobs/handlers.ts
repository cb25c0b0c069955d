import { PREPARE_JOB } from '../modules/annual/periods.service';
import { CONTROL_FIGURES_JOB } from '../modules/control/figures.service';
import { CYCLES_DAILY } from '../modules/evaluations/cycles.schedule';
import { REPORT_BUILD_JOB } from '../modules/reports/report-runs.service';
import { todayInVietnam } from '../modules/units/units.dates';
import type { Services } from '../services';
import type { JobHandler } from './worker';

/** Every kind of background job and what runs it. */
export function jobHandlers(services: Services): Record<string, JobHandler> {
  return {
    'sessions.cleanup': async () => ({ deleted: await services.auth.cleanupExpiredSessions() }),
    'imports.run': (job) => services.imports.runQueued(job),
    'evaluations.remind': () => services.evaluationWorkflow.reminders.run(todayInVietnam()),
    'notifications.email': () => services.notifications.sendEmails(),
    [CYCLES_DAILY.kind]: () => services.cycles.daily(),
    [PREPARE_JOB]: (job) => services.reviewPeriods.runPrepare(job),
    [REPORT_BUILD_JOB]: (job) => services.reportRuns.runQueued(job),
    [CONTROL_FIGURES_JOB]: (job) => services.control.figures.runQueued(job),
  };
}
