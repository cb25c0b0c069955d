import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { enqueue, type JobRow } from '../../jobs/queue';
import type { CycleRow } from './control.repository';
import * as figures from './figures.repository';

/** The background job that recomputes one cycle's stored control figures. */
export const CONTROL_FIGURES_JOB = 'control.figures';

interface RefreshPayload {
  cycleId: string;
  /** The version the figures must reflect at least (a change of a closed cycle). */
  version?: number;
  /** The computed_at judged too old: skipped when someone refreshed since. */
  staleAsOf?: string;
}

/**
 * A change of a closed cycle's results (the close itself, a reopened result and the steps after it):
 * in the caller's transaction, the cycle's stored figures become stale and a refresh job is queued
 * (one per version). Open cycles are refreshed by age instead, so their every step does not touch the
 * snapshot row.
 */
export async function figuresChanged(tx: Transaction<DB>, tenantId: string, cycleId: string): Promise<void> {
  const version = await figures.raiseVersion(tx, tenantId, cycleId);
  await enqueue(tx, {
    tenantId,
    kind: CONTROL_FIGURES_JOB,
    payload: { cycleId, version } satisfies RefreshPayload,
    dedupeKey: `${CONTROL_FIGURES_JOB}:${cycleId}:v${version}`,
  });
}

/**
 * The stored control figures of each cycle (docs/CONTROL.md, "How it is computed"): computed when a
 * cycle closes or a closed cycle changes (a job), and for open cycles on demand — figures older than
 * `controlFiguresMaxAgeMinutes` are answered as they are while a job refreshes them; a cycle without
 * figures is computed once, synchronously.
 */
export function createControlFiguresService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const maxAgeMs = ctx.config.controlFiguresMaxAgeMinutes * 60_000;

  /**
   * Recomputes a cycle's figures in one transaction, holding its snapshot row: concurrent refreshes
   * wait for each other, and a change of a closed cycle raising the version waits for the commit (so
   * it is either in these figures or makes them stale). `unless` skips the work when figures stored
   * meanwhile already satisfy the request.
   */
  async function refresh(cycleId: string, unless?: (s: figures.SnapshotRow) => boolean): Promise<Date> {
    return db.transaction().execute(async (tx) => {
      const snapshot = await figures.lockSnapshot(tx, tenantId, cycleId);
      if (snapshot.computed_at && unless?.(snapshot)) return new Date(snapshot.computed_at);
      return figures.computeFigures(tx, tenantId, cycleId, snapshot.version);
    });
  }

  /**
   * The time the cycle's stored figures are as of, computing them first if there are none; stale ones
   * (too old for an open cycle, or outdated by a change of a closed one) are answered while a job
   * refreshes them.
   */
  async function ensure(cycle: Pick<CycleRow, 'id' | 'status'>): Promise<Date> {
    const snapshot = await figures.snapshotOf(db, tenantId, cycle.id);
    if (!snapshot?.computed_at) return refresh(cycle.id, (s) => s.computed_version >= s.version);
    const asOf = new Date(snapshot.computed_at);
    const outdated = snapshot.computed_version < snapshot.version;
    const old = cycle.status !== 'closed' && Date.now() - asOf.getTime() > maxAgeMs;
    if (outdated || old) {
      const payload: RefreshPayload = outdated
        ? { cycleId: cycle.id, version: snapshot.version }
        : { cycleId: cycle.id, staleAsOf: asOf.toISOString() };
      await enqueue(db as Kysely<DB>, {
        tenantId,
        kind: CONTROL_FIGURES_JOB,
        payload,
        dedupeKey: outdated
          ? `${CONTROL_FIGURES_JOB}:${cycle.id}:v${snapshot.version}`
          : `${CONTROL_FIGURES_JOB}:${cycle.id}@${asOf.toISOString()}`,
      });
    }
    return asOf;
  }

  /** The job: refresh unless figures at least as new as asked for were stored since it was queued. */
  async function runQueued(job: JobRow): Promise<unknown> {
    const p = job.payload as RefreshPayload;
    const asOf = await refresh(p.cycleId, (s) => {
      if (p.version !== undefined) return s.computed_version >= p.version;
      return p.staleAsOf !== undefined && new Date(s.computed_at!).getTime() > Date.parse(p.staleAsOf);
    });
    return { cycleId: p.cycleId, asOf: asOf.toISOString() };
  }

  return { refresh, ensure, runQueued };
}

export type ControlFiguresService = ReturnType<typeof createControlFiguresService>;
