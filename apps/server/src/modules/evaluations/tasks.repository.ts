import type { TaskStats } from '@canbo/domain';
import { type RawBuilder, type Selectable, sql } from 'kysely';
import type { EvalTaskTable } from '../../db/schema';
import { type Db, type EvaluationAccess, visibleEvaluations } from './evaluations.access';

/** The evaluation, if the actor may see it (visibleEvaluations); FOR SHARE keeps its state still meanwhile. */
export function findEvaluation(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = db
    .selectFrom('evaluation as e')
    .select(['e.id', 'e.person_id', 'e.unit_path', 'e.decision_unit_path', 'e.state'])
    .where('e.tenant_id', '=', access.actor.tenantId)
    .where('e.id', '=', id)
    .where(visibleEvaluations(access, 'e'));
  if (lock) q = q.forShare();
  return q.executeTakeFirst();
}

export type TaskRow = Selectable<EvalTaskTable> & {
  file_name: string | null;
  file_size: number | null;
  file_type: string | null;
};

function taskRows(db: Db, tenantId: string, evaluationId: string) {
  return db
    .selectFrom('eval_task as t')
    .leftJoin('stored_file as f', (j) =>
      j.onRef('f.tenant_id', '=', 't.tenant_id').onRef('f.id', '=', 't.evidence_file_id'),
    )
    .selectAll('t')
    .select(['f.name as file_name', 'f.size_bytes as file_size', 'f.content_type as file_type'])
    .where('t.tenant_id', '=', tenantId)
    .where('t.evaluation_id', '=', evaluationId);
}

export async function tasksOf(db: Db, tenantId: string, evaluationId: string) {
  return (await taskRows(db, tenantId, evaluationId)
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute()) as TaskRow[];
}

export async function findTask(db: Db, tenantId: string, evaluationId: string, id: string, lock = false) {
  let q = taskRows(db, tenantId, evaluationId).where('t.id', '=', id);
  if (lock) q = q.forUpdate('t');
  return (await q.executeTakeFirst()) as TaskRow | undefined;
}

export async function nextSortOrder(db: Db, tenantId: string, evaluationId: string) {
  const row = await db
    .selectFrom('eval_task')
    .select((eb) => eb.fn.max('sort_order').as('max'))
    .where('tenant_id', '=', tenantId)
    .where('evaluation_id', '=', evaluationId)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

/** A file that is the evidence of a task of an evaluation the actor may see. */
export async function fileVisible(db: Db, access: EvaluationAccess, fileId: string) {
  const row = await db
    .selectFrom('eval_task as t')
    .innerJoin('evaluation as e', (j) =>
      j.onRef('e.tenant_id', '=', 't.tenant_id').onRef('e.id', '=', 't.evaluation_id'),
    )
    .select('t.id')
    .where('t.tenant_id', '=', access.actor.tenantId)
    .where('t.evidence_file_id', '=', fileId)
    .where(visibleEvaluations(access, 'e'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The task record of an evaluation as the rules read it (qd-366-2025 conditions): dropped tasks do not
 * count; a done task is on time when done by its deadline; late = done after the deadline, or still
 * open with the deadline before `asOf`; exceeding = done and marked as exceeding the commitment.
 */
/**
 * The task record of an evaluation as one JSON value (TaskStats), for use inside a larger statement:
 * dropped tasks do not count; a done task is on time when done by its deadline, else late; an open
 * task past its deadline on `asOf` is late.
 */
export function taskStatsJson(
  tenantId: string | RawBuilder<string>,
  evaluationId: string | RawBuilder<string>,
  asOf: string,
) {
  return sql<TaskStats>`(SELECT json_build_object(
      'total', count(*),
      'done', count(*) FILTER (WHERE t.status = 'done'),
      'onTime', count(*) FILTER (WHERE t.status = 'done' AND t.done_date <= t.deadline),
      'late', count(*) FILTER (WHERE (t.status = 'done' AND (t.done_date IS NULL OR t.done_date > t.deadline))
                                  OR (t.status <> 'done' AND t.deadline < ${asOf}::date)),
      'exceeding', count(*) FILTER (WHERE t.status = 'done' AND t.exceeded))
    FROM eval_task t
   WHERE t.tenant_id = ${tenantId} AND t.evaluation_id = ${evaluationId} AND t.status <> 'dropped')`;
}

/** `taskStatsJson`'s rule over tasks already read (dates as ISO text, which compare as dates). */
export function taskStatsOf(
  tasks: readonly Pick<Selectable<EvalTaskTable>, 'status' | 'done_date' | 'deadline' | 'exceeded'>[],
  asOf: string,
): TaskStats {
  const stats: TaskStats = { total: 0, done: 0, onTime: 0, late: 0, exceeding: 0 };
  for (const t of tasks) {
    if (t.status === 'dropped') continue;
    stats.total++;
    if (t.status === 'done') {
      stats.done++;
      if (t.done_date !== null && t.done_date <= t.deadline) stats.onTime++;
      else stats.late++;
      if (t.exceeded) stats.exceeding++;
    } else if (t.deadline < asOf) stats.late++;
  }
  return stats;
}

export async function taskStats(
  db: Db,
  tenantId: string,
  evaluationId: string,
  asOf: string,
): Promise<TaskStats> {
  const { rows } = await sql<{
    stats: TaskStats;
  }>`SELECT ${taskStatsJson(tenantId, evaluationId, asOf)} AS stats`.execute(db);
  return rows[0]!.stats;
}
