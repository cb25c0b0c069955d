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
  const notices = { noticeInsert: notifications.noticeInsert, noticesWritten: notifications.noticesWritten };
  const evaluations = createEvaluationsService(ctx, { notices });
  return {
    evaluations,
    kpi: createKpiEntriesService(ctx, evaluations),
    board: createBoardService(ctx, evaluations, notices),
    close: createCloseService(ctx, evaluations),
    monitor: createMonitorService(ctx, evaluations),
    reminders: createReminders(ctx, notices, notifications.notifyMany),
  };
}

export type EvaluationWorkflow = ReturnType<typeof createEvaluationWorkflow>;
