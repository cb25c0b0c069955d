import type { ReviewPeriodView } from '@canbo/domain';
import type { EvaluationAccess } from '../evaluations/evaluations.access';
import { addCount, emptyPeriodCounts, presentPeriod } from './annual.presenter';
import * as repo from './annual.repository';
import type { Db } from './annual.types';

/** Periods with the counts of the reviews the actor sees. */
export async function periodViews(
  db: Db,
  access: EvaluationAccess,
  rows: readonly Omit<repo.PeriodRow, 'tenant_id'>[],
): Promise<ReviewPeriodView[]> {
  const preparing = rows.filter((r) => r.state === 'preparing' && r.job_id !== null).map((r) => r.job_id!);
  const [counts, jobs] = await Promise.all([
    repo.periodCounts(
      db,
      access,
      rows.map((r) => r.id),
    ),
    preparationJobs(db, access.actor.tenantId, preparing),
  ]);
  return rows.map((r) => {
    const c = emptyPeriodCounts();
    for (const n of counts.filter((x) => x.period_id === r.id)) addCount(c, n.person, n.state, Number(n.n));
    return {
      ...presentPeriod(r, c),
      preparation: r.state === 'preparing' ? (jobs.get(r.job_id ?? '') ?? null) : null,
    };
  });
}

export async function periodView(
  db: Db,
  access: EvaluationAccess,
  row: Omit<repo.PeriodRow, 'tenant_id'>,
): Promise<ReviewPeriodView> {
  return (await periodViews(db, access, [row]))[0]!;
}

type Preparation = NonNullable<ReviewPeriodView['preparation']>;

/** The preparation jobs' state and the progress they write into their result ({ done, total }). */
async function preparationJobs(db: Db, tenantId: string, jobIds: readonly string[]) {
  const out = new Map<string, Preparation>();
  if (jobIds.length === 0) return out;
  const rows = await db
    .selectFrom('job')
    .select(['id', 'state', 'result', 'last_error'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...jobIds])
    .execute();
  for (const row of rows) {
    const result = (row.result ?? {}) as { done?: number; total?: number };
    out.set(row.id, {
      state: row.state as Preparation['state'],
      done: Number(result.done ?? 0),
      total: Number(result.total ?? 0),
      error: row.last_error,
    });
  }
  return out;
}
