import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema';
import { newId } from '../ids';

export interface JobRow {
  tenant_id: string;
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface EnqueueOptions {
  tenantId: string;
  kind: string;
  payload?: unknown;
  runAt?: Date;
  maxAttempts?: number;
  /** A second job with the same key is not created (several cron processes, one job). */
  dedupeKey?: string;
}

export async function enqueue(db: Kysely<DB>, options: EnqueueOptions): Promise<string | null> {
  const now = new Date();
  const row = await db
    .insertInto('job')
    .values({
      tenant_id: options.tenantId,
      id: newId(),
      kind: options.kind,
      payload: JSON.stringify(options.payload ?? {}),
      state: 'queued',
      max_attempts: options.maxAttempts ?? 5,
      run_at: options.runAt ?? now,
      dedupe_key: options.dedupeKey ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'dedupe_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Takes the oldest due job; SKIP LOCKED lets several workers share one queue. */
export async function claimJob(
  db: Kysely<DB>,
  workerId: string,
  kinds: readonly string[],
): Promise<JobRow | null> {
  if (kinds.length === 0) return null;
  const { rows } = await sql<JobRow>`
    UPDATE job SET state = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1
     WHERE (tenant_id, id) = (
       SELECT tenant_id, id FROM job
        WHERE state = 'queued' AND run_at <= now() AND kind IN (${sql.join(kinds)})
        ORDER BY run_at
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING tenant_id, id, kind, payload, attempts, max_attempts`.execute(db);
  return rows[0] ?? null;
}

export async function completeJob(db: Kysely<DB>, job: JobRow, result: unknown): Promise<void> {
  await db
    .updateTable('job')
    .set({
      state: 'done',
      finished_at: new Date(),
      result: JSON.stringify(result ?? null),
      locked_at: null,
      locked_by: null,
    })
    .where('tenant_id', '=', job.tenant_id)
    .where('id', '=', job.id)
    .execute();
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3_600, 10 * 2 ** Math.max(0, attempts - 1));
}

/** A failed attempt goes back to the queue after a backoff, or ends in `failed` when attempts run out. */
export async function failJob(
  db: Kysely<DB>,
  job: JobRow,
  error: unknown,
  now = new Date(),
): Promise<'queued' | 'failed'> {
  const message = (error instanceof Error ? (error.stack ?? error.message) : String(error)).slice(0, 4_000);
  const final = job.attempts >= job.max_attempts;
  await db
    .updateTable('job')
    .set({
      state: final ? 'failed' : 'queued',
      last_error: message,
      locked_at: null,
      locked_by: null,
      run_at: final ? now : new Date(now.getTime() + backoffSeconds(job.attempts) * 1_000),
      finished_at: final ? now : null,
    })
    .where('tenant_id', '=', job.tenant_id)
    .where('id', '=', job.id)
    .execute();
  return final ? 'failed' : 'queued';
}

/** Jobs left running by a process that died go back to the queue. */
export async function requeueStale(db: Kysely<DB>, olderThanMinutes = 15): Promise<number> {
  const cutoff = new Date(Date.now() - olderThanMinutes * 60_000);
  const result = await db
    .updateTable('job')
    .set({ state: 'queued', locked_at: null, locked_by: null })
    .where('state', '=', 'running')
    .where('locked_at', '<', cutoff)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
