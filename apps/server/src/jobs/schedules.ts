import { Cron } from 'croner';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema';
import { CYCLES_DAILY } from '../modules/evaluations/cycles.schedule';
import { EVALUATION_SCHEDULES } from '../modules/evaluations/reminders';
import { enqueue } from './queue';

export interface Schedule {
  kind: string;
  /** Cron pattern, server local time. */
  pattern: string;
}

export const SCHEDULES: Schedule[] = [
  { kind: 'sessions.cleanup', pattern: '*/15 * * * *' },
  CYCLES_DAILY,
  ...EVALUATION_SCHEDULES,
];

/**
 * Each tick enqueues one job keyed by kind and minute, so several cron processes
 * sharing a database still create it once.
 */
export function startSchedules(
  db: Kysely<DB>,
  tenantId: string,
  logger: Logger,
  schedules = SCHEDULES,
): () => void {
  const crons = schedules.map(
    (s) =>
      new Cron(s.pattern, { protect: true }, async (self: Cron) => {
        const tick = (self.currentRun() ?? new Date()).toISOString().slice(0, 16);
        await enqueue(db, { tenantId, kind: s.kind, dedupeKey: `${s.kind}@${tick}` }).catch((error) =>
          logger.error({ err: error, kind: s.kind }, 'could not enqueue a scheduled job'),
        );
      }),
  );
  return () => {
    for (const c of crons) c.stop();
  };
}
