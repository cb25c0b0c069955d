import type { AppContext } from '../../context';
import type { NotificationsService } from '../notifications/notifications.service';
import { createBoardService } from './board.service';
import { createCloseService } from './close';
import { createEvaluationsService } from './evaluations.service';
import { createKpiEntriesService } from './kpi-entries';
import { createMonitorService } from './monitor.service';
import { createReminders } from './reminders';

/** The workflow and control side of periodic evaluation, built from the context and notifications. */
export function createEvaluationWorkflow(ctx: AppContext, notifications: NotificationsService) {
  const { notify } = notifications;
  const evaluations = createEvaluationsService(ctx, { notify });
  return {
    evaluations,
    kpi: createKpiEntriesService(ctx, evaluations),
    board: createBoardService(ctx, evaluations, notify),
    close: createCloseService(ctx, evaluations),
    monitor: createMonitorService(ctx, evaluations),
    reminders: createReminders(ctx, notify, notifications.notifyMany),
  };
}

export type EvaluationWorkflow = ReturnType<typeof createEvaluationWorkflow>;
