import type { EvaluationListQuery } from '@canbo/domain';
import { type Kysely, type RawBuilder, type Selectable, type SqlBool, sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB, EvaluationTable } from '../../db/schema';
import { type EvaluationAccess, visibleEvaluations } from './evaluations.access';

export type Db = Kysely<DB> | Transaction<DB>;

export type EvaluationRow = Selectable<EvaluationTable> & {
  person_name: string;
  person_code: string;
  unit_name: string;
  cycle_label: string;
  cycle_status: string;
  period_start: string;
  period_end: string;
  self_due: string;
  review_due: string;
  decision_due: string;
  complaint_days: number;
};

/** Evaluations with the person, the unit and the cycle's period and deadlines. */
export function evaluationRows(db: Db, tenantId: string) {
  return db
    .selectFrom('evaluation as e')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
    )
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.unit_id'),
    )
    .innerJoin('eval_cycle as c', (j) =>
      j.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.id', '=', 'e.cycle_id'),
    )
    .selectAll('e')
    .select([
      'p.full_name as person_name',
      'p.code as person_code',
      'u.name as unit_name',
      'c.label as cycle_label',
      'c.status as cycle_status',
      'c.period_start',
      'c.period_end',
      'c.self_due',
      'c.review_due',
      'c.decision_due',
      'c.complaint_days',
    ])
    .where('e.tenant_id', '=', tenantId);
}

/** The evaluation if the actor may see it (else undefined: 404); `lock` takes the row FOR UPDATE. */
export async function findEvaluation(
  db: Db,
  access: EvaluationAccess,
  id: string,
  lock = false,
): Promise<EvaluationRow | undefined> {
  let q = evaluationRows(db, access.actor.tenantId).where('e.id', '=', id).where(visibleEvaluations(access));
  if (lock) q = q.forUpdate('e');
  return (await q.executeTakeFirst()) as EvaluationRow | undefined;
}

/** System use (jobs, close): no scope. */
export async function findEvaluationById(db: Db, tenantId: string, id: string, lock = false) {
  let q = evaluationRows(db, tenantId).where('e.id', '=', id);
  if (lock) q = q.forUpdate('e');
  return (await q.executeTakeFirst()) as EvaluationRow | undefined;
}

/**
 * Optimistic concurrency: undefined when the row's version is no longer `version`; otherwise the
 * evaluation's columns as written (the caller's answer needs no second read).
 */
export async function updateEvaluation(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
) {
  return tx
    .updateTable('evaluation')
    .set({ ...changes, updated_at: new Date(), version: sql`version + 1` } as never)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export interface StepInsert {
  id: string;
  evaluationId: string;
  action: string;
  fromState: string;
  toState: string;
  level: number;
  scores: Record<string, number> | null;
  total: number | null;
  grade: string | null;
  ruleCode: string | null;
  comment: string | null;
  actorUserId: string | null;
  actorName: string;
  onBehalfOf: string | null;
  bulk: boolean;
  openedAt: string | null;
  at: Date;
}

/**
 * The INSERT of one step as a statement fragment (a transition writes it in the statement that changes
 * the row); the step is written only when `onlyIf` holds. Its number follows the evaluation's last.
 */
export function stepInsert(
  tenantId: string,
  s: StepInsert,
  onlyIf: RawBuilder<boolean> = sql<boolean>`true`,
): RawBuilder<unknown> {
  return sql`INSERT INTO evaluation_step (tenant_id, id, evaluation_id, seq, action, from_state, to_state, level,
      scores, total, grade, rule_code, comment, actor_user_id, actor_name, on_behalf_of, bulk, opened_at, at)
    SELECT ${tenantId}::uuid, ${s.id}::uuid, ${s.evaluationId}::uuid,
      COALESCE((SELECT max(seq) FROM evaluation_step WHERE tenant_id = ${tenantId} AND evaluation_id = ${s.evaluationId}), 0) + 1,
      ${s.action}, ${s.fromState}, ${s.toState}, ${s.level}::int,
      ${s.scores === null ? null : JSON.stringify(s.scores)}::jsonb, ${s.total}::numeric, ${s.grade}, ${s.ruleCode},
      ${s.comment}, ${s.actorUserId}::uuid, ${s.actorName}, ${s.onBehalfOf}::uuid, ${s.bulk}::boolean,
      ${s.openedAt}::timestamptz, ${s.at}::timestamptz
     WHERE ${onlyIf}`;
}

/**
 * The UPDATE of one evaluation at `version` as a statement fragment, RETURNING the columns it wrote and
 * the new version — no row when the version has moved on (optimistic concurrency). The other columns
 * are as read at `version`; parsing all ~40 of them again cost the server more than the statement.
 */
export function evaluationUpdate(
  tenantId: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): RawBuilder<unknown> {
  const written = Object.entries({ ...changes, updated_at: new Date() }).filter(([, v]) => v !== undefined);
  const set = written.map(([column, value]) => sql`${sql.ref(column)} = ${value}`);
  const returned = written.map(([column]) => sql.ref(column));
  return sql`UPDATE evaluation SET ${sql.join(set)}, version = version + 1
     WHERE tenant_id = ${tenantId} AND id = ${id} AND version = ${version}
    RETURNING ${sql.join(returned)}, version`;
}

/**
 * Steps with the deputy's name as a scalar subquery (a key lookup per step, and steps are few) rather
 * than a join, which the planner could turn into a scan of every account.
 */
function stepRows(db: Db) {
  return db
    .selectFrom('evaluation_step as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('app_user as b')
        .select('b.display_name')
        .whereRef('b.tenant_id', '=', 's.tenant_id')
        .whereRef('b.id', '=', 's.on_behalf_of')
        .as('on_behalf_name'),
    );
}

/** One evaluation's steps in order. */
export function stepsOf(db: Db, tenantId: string, evaluationId: string) {
  return stepRows(db)
    .where('s.tenant_id', '=', tenantId)
    .where('s.evaluation_id', '=', evaluationId)
    .orderBy('s.seq')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof stepsOf>>[number];

/** Users who reviewed (themselves or through a deputy) since the latest self-assessment was submitted. */
export async function reviewersSinceSubmit(
  db: Db,
  tenantId: string,
  evaluationId: string,
): Promise<string[]> {
  return (await reviewersSinceSubmitMany(db, tenantId, [evaluationId])).get(evaluationId) ?? [];
}

/** Steps that start a new round of review: reviewers before the latest of them no longer count. */
const ROUND_STARTS = ['submitSelf', 'return', 'reopen', 'complain'];

/**
 * Who reviewed (or for whom a deputy did) since the latest (re)submission, from an evaluation's steps
 * as read: the rule of `reviewersSinceSubmitMany`, without a statement of its own.
 */
export function reviewersSinceSubmitIn(
  steps: readonly Pick<StepRow, 'seq' | 'action' | 'actor_user_id' | 'on_behalf_of'>[],
): string[] {
  const since = Math.max(0, ...steps.filter((s) => ROUND_STARTS.includes(s.action)).map((s) => s.seq));
  return steps
    .filter((s) => s.action === 'review' && s.seq > since)
    .flatMap((s) => [s.actor_user_id, s.on_behalf_of])
    .filter((u): u is string => u !== null);
}

/** For each evaluation, who reviewed it (or for whom a deputy did) since it was last (re)submitted. */
export async function reviewersSinceSubmitMany(
  db: Db,
  tenantId: string,
  evaluationIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (evaluationIds.length === 0) return out;
  const { rows } = await sql<{ evaluation_id: string; user_id: string }>`
    WITH since AS (
      SELECT e.id, COALESCE(max(x.seq) FILTER (WHERE x.action IN ('submitSelf', 'return', 'reopen', 'complain')), 0) AS seq
        FROM unnest(${[...new Set(evaluationIds)]}::uuid[]) AS e(id)
        LEFT JOIN evaluation_step x ON x.tenant_id = ${tenantId} AND x.evaluation_id = e.id
       GROUP BY e.id
    )
    SELECT DISTINCT s.evaluation_id, u.user_id
      FROM since
      JOIN evaluation_step s ON s.tenant_id = ${tenantId} AND s.evaluation_id = since.id
       AND s.action = 'review' AND s.seq > since.seq
      CROSS JOIN LATERAL (VALUES (s.actor_user_id), (s.on_behalf_of)) AS u(user_id)
     WHERE u.user_id IS NOT NULL`.execute(db);
  for (const row of rows) out.set(row.evaluation_id, [...(out.get(row.evaluation_id) ?? []), row.user_id]);
  return out;
}

function taskRows(db: Db) {
  return db
    .selectFrom('eval_task as t')
    .leftJoin('stored_file as f', (j) =>
      j.onRef('f.tenant_id', '=', 't.tenant_id').onRef('f.id', '=', 't.evidence_file_id'),
    )
    .selectAll('t')
    .select(['f.name as file_name', 'f.size_bytes as file_size', 'f.content_type as file_type']);
}

export function tasksOf(db: Db, tenantId: string, evaluationId: string) {
  return taskRows(db)
    .where('t.tenant_id', '=', tenantId)
    .where('t.evaluation_id', '=', evaluationId)
    .orderBy('t.sort_order')
    .orderBy('t.deadline')
    .orderBy('t.id')
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof tasksOf>>[number];

/** What `answerListColumns` adds to a row. */
export interface AnswerListColumns {
  r_steps: Record<string, unknown>[] | null;
  r_tasks: Record<string, unknown>[] | null;
}

/**
 * The steps and tasks of evaluation `e` as two JSON columns, put in the order `stepsOf` and `tasksOf`
 * give by `answerListsFrom`: a step reads them with its row, so its answer needs no further statement
 * (workflow.ts). Ordering a handful of rows in Node spares an aggregate sort per column on every step.
 */
export function answerListColumns(db: Db) {
  const steps = stepRows(db)
    .where(sql<SqlBool>`s.tenant_id = e.tenant_id AND s.evaluation_id = e.id`)
    .as('x');
  const tasks = taskRows(db)
    .where(sql<SqlBool>`t.tenant_id = e.tenant_id AND t.evaluation_id = e.id`)
    .as('x');
  return [
    sql<AnswerListColumns['r_steps']>`(SELECT json_agg(x) FROM ${steps})`.as('r_steps'),
    sql<AnswerListColumns['r_tasks']>`(SELECT json_agg(x) FROM ${tasks})`.as('r_tasks'),
  ] as const;
}

const at = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));

/** Rows as `stepsOf` and `tasksOf` give them, from `answerListColumns` (JSON has no timestamps). */
export function answerListsFrom(columns: AnswerListColumns): { steps: StepRow[]; tasks: TaskRow[] } {
  const steps = (columns.r_steps ?? []).map(
    (s) => ({ ...s, at: at(s.at), opened_at: at(s.opened_at) }) as unknown as StepRow,
  );
  const tasks = (columns.r_tasks ?? []).map(
    (t) => ({ ...t, created_at: at(t.created_at), updated_at: at(t.updated_at) }) as unknown as TaskRow,
  );
  return { steps: steps.sort((a, b) => a.seq - b.seq), tasks: tasks.sort(taskOrder) };
}

/** `tasksOf`'s order: the deadline is an ISO date and a uuid sorts as its lower-case text in both. */
function taskOrder(a: TaskRow, b: TaskRow): number {
  return a.sort_order - b.sort_order || text(a.deadline, b.deadline) || text(a.id, b.id);
}
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function kpiEntriesOf(db: Db, tenantId: string, evaluationId: string) {
  return db
    .selectFrom('kpi_entry as k')
    .innerJoin('kpi_product as p', (j) =>
      j.onRef('p.tenant_id', '=', 'k.tenant_id').onRef('p.id', '=', 'k.product_id'),
    )
    .selectAll('k')
    .select(['p.code as product_code', 'p.name as product_name', 'p.measure'])
    .where('k.tenant_id', '=', tenantId)
    .where('k.evaluation_id', '=', evaluationId)
    .orderBy('p.code')
    .execute();
}
export type KpiEntryRow = Awaited<ReturnType<typeof kpiEntriesOf>>[number];

export async function frameworkOf(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('eval_framework')
    .select(['id', 'name', 'version_no', 'rule_set_id', 'criteria', 'parameters', 'status'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

type ListQuery = z.infer<typeof EvaluationListQuery>;

export interface ListFilter {
  query: ListQuery;
  /** Only items waiting on the caller: review at the current level, or decision. */
  waiting: { review: RawCond; decide: RawCond; userId: string | null } | null;
}
type RawCond = ReturnType<typeof sql<SqlBool>>;

export async function listEvaluations(
  db: Db,
  access: EvaluationAccess,
  filter: ListFilter,
  search: string | null,
) {
  const { query } = filter;
  let q = evaluationRows(db, access.actor.tenantId).where(visibleEvaluations(access));
  if (query.cycleId) q = q.where('e.cycle_id', '=', query.cycleId);
  if (query.unitId) q = q.where('e.unit_id', '=', query.unitId);
  if (query.state) q = q.where('e.state', '=', query.state);
  if (query.grade) q = q.where('e.grade', '=', query.grade);
  if (query.late !== undefined) q = q.where('e.late', '=', query.late);
  if (search) q = q.where(sql<SqlBool>`p.search_key LIKE ${`%${search}%`}`);
  if (filter.waiting) {
    const { review, decide, userId } = filter.waiting;
    const notReviewedByMe =
      userId === null
        ? sql<SqlBool>`true`
        : sql<SqlBool>`NOT EXISTS (SELECT 1 FROM evaluation_step s WHERE s.tenant_id = e.tenant_id AND s.evaluation_id = e.id
            AND s.action = 'review' AND (s.actor_user_id = ${userId} OR s.on_behalf_of = ${userId})
            AND s.seq > COALESCE((SELECT max(x.seq) FROM evaluation_step x WHERE x.tenant_id = e.tenant_id
              AND x.evaluation_id = e.id AND x.action IN ('submitSelf', 'return', 'reopen', 'complain')), 0))`;
    q = q.where(
      sql<SqlBool>`((e.state IN ('selfAssessed', 'inReview') AND ${review} AND ${notReviewedByMe})
        OR (e.state IN ('reviewed', 'complained') AND ${decide}))`,
    );
  }
  const countRow = await q.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirst();
  const order =
    query.sort === 'unit'
      ? [sql`u.sort_key COLLATE "C"`, sql`p.sort_key COLLATE "C"`]
      : query.sort === 'total'
        ? [sql`e.total DESC NULLS LAST`, sql`p.sort_key COLLATE "C"`]
        : query.sort === 'state'
          ? [sql`e.state`, sql`p.sort_key COLLATE "C"`]
          : [sql`p.sort_key COLLATE "C"`];
  let ordered = q;
  for (const o of order) ordered = ordered.orderBy(o as never);
  const rows = (await ordered
    .orderBy('e.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute()) as EvaluationRow[];
  return { rows, total: Number(countRow?.n ?? 0) };
}
