import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema';
import { createLoop } from './loop';
import { claimJob, completeJob, failJob, type JobRow, requeueStale } from './queue';

export type JobHandler = (job: JobRow) => Promise<unknown>;

export interface Worker {
  /** Runs due jobs until none is left; returns how many ran. */
  drain(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createWorker(
  db: Kysely<DB>,
  handlers: Record<string, JobHandler>,
  logger: Logger,
  pollMs = 1_000,
): Worker {
  const id = `${os.hostname()}:${process.pid}`;
  const kinds = Object.keys(handlers);
  async function runOne(): Promise<boolean> {
    const job = await claimJob(db, id, kinds);
    if (!job) return false;
    try {
      const result = await handlers[job.kind]!(job);
      await completeJob(db, job, result);
      logger.info({ job: job.id, kind: job.kind }, 'job done');
    } catch (error) {
      const state = await failJob(db, job, error);
      logger.warn({ job: job.id, kind: job.kind, attempts: job.attempts, state, err: error }, 'job failed');
    }
    return true;
  }

  async function drain(): Promise<number> {
    let count = 0;
    while (await runOne()) count++;
    return count;
  }

  const loop = createLoop(
    drain,
    pollMs,
    (error) => logger.error({ err: error }, 'job polling failed'),
    () => requeueStale(db),
  );
  return { drain, start: loop.start, stop: loop.stop };
}
