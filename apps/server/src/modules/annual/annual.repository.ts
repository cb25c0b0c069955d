import { type RawBuilder, sql } from 'kysely';
import { inScope, subtreeEnd } from '../../access/scope-sql';
import type { EvaluationAccess } from '../evaluations/evaluations.access';
import type { Db } from './annual.types';

/** SQL of the annual review: periods, reviews (scoped), steps and meetings. */

// ── Scope ──────────────────────────────────────────────────────────────────────────────

/**
 * Reviews the actor may see: their own (through their account's person), any in their evaluations.read
 * scope (by the unit reviewed in), and the ones whose deciding unit they review or decide — never their
 * own through those grants (a reviewer does not act on their own review).
 */
export function visibleReviews(access: EvaluationAccess, alias = 'r'): RawBuilder<boolean> {
  const person = sql.ref(`${alias}.person_id`);
  const own = access.selfId === null ? sql<boolean>`false` : sql<boolean>`${person} = ${access.selfId}`;
  const notOwn =
    access.selfId === null ? sql<boolean>`true` : sql<boolean>`${person} IS DISTINCT FROM ${access.selfId}`;
  const reviewable = [access.review, access.decide]
    .filter((s) => s.paths === null || s.paths.length > 0)
    .map((s) => inScope(s, `${alias}.decision_unit_path`));
  const parts = [own, inScope(access.read, `${alias}.unit_path`)];
  if (reviewable.length > 0) parts.push(sql<boolean>`(${notOwn} AND (${sql.join(reviewable, sql` OR `)}))`);
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

/** Periods the actor may see: overlapping one of their scopes, or holding their own review. */
function visiblePeriods(access: EvaluationAccess, alias = 'p'): RawBuilder<boolean> {
  const scopes = [access.read, access.review, access.decide, access.manage];
  if (scopes.some((s) => s.paths === null)) return sql<boolean>`true`;
  const path = sql.ref(`${alias}.unit_path`);
  const paths = [...new Set(scopes.flatMap((s) => s.paths ?? []))];
  const parts = paths.map(
    (s) => sql`((${path} >= ${s} AND ${path} < ${subtreeEnd(s)})
      OR (${s} >= ${path} AND ${s} < left(${path}, -1) || '0'))`,
  );
  if (access.selfId !== null) {
    parts.push(sql`EXISTS (SELECT 1 FROM annual_review o WHERE o.tenant_id = ${sql.ref(`${alias}.tenant_id`)}
      AND o.period_id = ${sql.ref(`${alias}.id`)} AND o.person_id = ${access.selfId})`);
  }
  if (parts.length === 0) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(parts, sql` OR `)})`;
}

// ── Periods ────────────────────────────────────────────────────────────────────────────

function periods(db: Db, tenantId: string) {
  return db
    .selectFrom('review_period as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .selectAll('p')
    .select('u.name as unit_name')
    .where('p.tenant_id', '=', tenantId);
}

export async function findPeriod(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = periods(db, access.actor.tenantId).where('p.id', '=', id).where(visiblePeriods(access));
  if (lock) q = q.forUpdate('p');
  return q.executeTakeFirst();
}
export type PeriodRow = NonNullable<Awaited<ReturnType<typeof findPeriod>>>;

export function periodById(db: Db, tenantId: string, id: string) {
  return periods(db, tenantId).where('p.id', '=', id).executeTakeFirst();
}

export interface PeriodFilter {
  unitPath?: string;
  kind?: string | undefined;
  year?: number | undefined;
  state?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listPeriods(db: Db, access: EvaluationAccess, f: PeriodFilter) {
  let q = periods(db, access.actor.tenantId).where(visiblePeriods(access));
  if (f.unitPath)
    q = q.where('p.unit_path', '>=', f.unitPath).where('p.unit_path', '<', subtreeEnd(f.unitPath));
  if (f.kind) q = q.where('p.kind', '=', f.kind);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.state) q = q.where('p.state', '=', f.state);
  const [rows, count] = await Promise.all([
    q
      .orderBy('p.period_end', 'desc')
      .orderBy('p.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Counts per period of the reviews the actor sees, by subject and state. */
export async function periodCounts(db: Db, access: EvaluationAccess, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ period_id: string; person: boolean; state: string; n: number }>`
    SELECT r.period_id, (r.subject = 'person') AS person, r.state, count(*) AS n FROM annual_review r
     WHERE r.tenant_id = ${access.actor.tenantId} AND r.period_id IN (${sql.join([...ids])})
       AND ${visibleReviews(access)}
     GROUP BY r.period_id, (r.subject = 'person'), r.state`.execute(db);
  return rows;
}

/** Per unit of a period: reviews by subject kind and state, among those the actor sees. */
export async function periodUnitCounts(db: Db, access: EvaluationAccess, periodId: string) {
  const { rows } = await sql<{
    unit_id: string;
    unit_name: string;
    unit_path: string;
    person: boolean;
    state: string;
    n: string | number;
  }>`
    SELECT r.unit_id, u.name AS unit_name, u.path AS unit_path, (r.subject = 'person') AS person, r.state,
           count(*) AS n
      FROM annual_review r
      JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ${access.actor.tenantId} AND r.period_id = ${periodId} AND ${visibleReviews(access)}
     GROUP BY r.unit_id, u.name, u.path, (r.subject = 'person'), r.state
     ORDER BY u.path`.execute(db);
  return rows;
}

// ── Reviews ────────────────────────────────────────────────────────────────────────────

export function reviewRows(db: Db, tenantId: string) {
  return db
    .selectFrom('annual_review as r')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'r.tenant_id').onRef('u.id', '=', 'r.unit_id'),
    )
    .leftJoin('person as pe', (j) =>
      j.onRef('pe.tenant_id', '=', 'r.tenant_id').onRef('pe.id', '=', 'r.person_id'),
    )
    .innerJoin('review_period as rp', (j) =>
      j.onRef('rp.tenant_id', '=', 'r.tenant_id').onRef('rp.id', '=', 'r.period_id'),
    )
    .selectAll('r')
    .select([
      'rp.label as period_label',
      'u.name as unit_name',
      'u.parent_id as unit_parent_id',
      'pe.full_name',
      'pe.code as person_code',
    ])
    .where('r.tenant_id', '=', tenantId);
}

export async function findReview(db: Db, access: EvaluationAccess, id: string, lock = false) {
  let q = reviewRows(db, access.actor.tenantId).where('r.id', '=', id).where(visibleReviews(access));
  if (lock) q = q.forUpdate('r');
  return q.executeTakeFirst();
}
export type ReviewRow = NonNullable<Awaited<ReturnType<typeof findReview>>>;

export interface ReviewFilter {
  periodId?: string | undefined;
  unitPath?: string | undefined;
  track?: string | undefined;
  subject?: string | undefined;
  state?: string | undefined;
  grade?: string | undefined;
  personId?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listReviews(db: Db, access: EvaluationAccess, f: ReviewFilter) {
  let q = reviewRows(db, access.actor.tenantId).where(visibleReviews(access));
  if (f.periodId) q = q.where('r.period_id', '=', f.periodId);
  if (f.unitPath)
    q = q.where('r.unit_path', '>=', f.unitPath).where('r.unit_path', '<', subtreeEnd(f.unitPath));
  if (f.track) q = q.where('r.track', '=', f.track);
  if (f.subject) q = q.where('r.subject', '=', f.subject);
  if (f.state) q = q.where('r.state', '=', f.state);
  if (f.personId) q = q.where('r.person_id', '=', f.personId);
  if (f.grade) {
    q = q.where(sql<boolean>`COALESCE(r.decided_grade, r.manager_grade, r.proposed_grade) = ${f.grade}`);
  }
  const [rows, count] = await Promise.all([
    q
      .orderBy('r.unit_path')
      .orderBy(sql`pe.sort_key COLLATE "C"`)
      .orderBy('r.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.clearSelect().select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The board's rows: people reviewed in the unit, or the collectives it decides. */
export async function boardRows(
  db: Db,
  access: EvaluationAccess,
  periodId: string,
  unitId: string,
  track: string,
  subject: 'person' | 'collective',
  lock = false,
) {
  let q = reviewRows(db, access.actor.tenantId)
    .where('r.period_id', '=', periodId)
    .where('r.track', '=', track)
    .where(visibleReviews(access));
  q =
    subject === 'person'
      ? q.where('r.subject', '=', 'person').where('r.unit_id', '=', unitId)
      : q.where('r.subject', '<>', 'person').where('r.decision_unit_id', '=', unitId);
  q = lock
    ? q.orderBy('r.id').forUpdate('r')
    : q.orderBy(sql`pe.sort_key COLLATE "C"`).orderBy('u.path').orderBy('r.subject');
  return q.execute();
}

export async function updateReview(
  db: Db,
  tenantId: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<boolean> {
  const result = await db
    .updateTable('annual_review')
    .set({ ...changes, version: version + 1, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertStep(
  db: Db,
  tenantId: string,
  step: {
    reviewId: string;
    id: string;
    action: string;
    grade: string | null;
    comment: string | null;
    actorId: string | null;
  },
): Promise<void> {
  await sql`INSERT INTO annual_review_step (tenant_id, id, review_id, seq, action, grade, comment, actor_id, at)
    SELECT ${tenantId}::uuid, ${step.id}::uuid, ${step.reviewId}::uuid,
      COALESCE((SELECT max(seq) FROM annual_review_step WHERE tenant_id = ${tenantId} AND review_id = ${step.reviewId}), 0) + 1,
      ${step.action}, ${step.grade}, ${step.comment}, ${step.actorId}, ${new Date()}`.execute(db);
}

export function stepsOf(db: Db, tenantId: string, reviewId: string) {
  return db
    .selectFrom('annual_review_step as s')
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 's.tenant_id').onRef('a.id', '=', 's.actor_id'),
    )
    .select(['s.action', 's.grade', 's.comment', 's.at', 'a.display_name'])
    .where('s.tenant_id', '=', tenantId)
    .where('s.review_id', '=', reviewId)
    .orderBy('s.seq')
    .execute();
}

// ── Grades in play (quota, linkage, evidence) ──────────────────────────────────────────

/** The grade a review stands at: decided, else the manager's, else the system's proposal. */
export const IN_PLAY = sql<string | null>`COALESCE(r.decided_grade, r.manager_grade, r.proposed_grade)`;

export interface GradeRow {
  id: string;
  unit_id: string;
  quota_group: string | null;
  subject: string;
  state: string;
  grade: string | null;
  decided: string | null;
  forced: string | null;
}

/** Grades of every review of a period matching `where` (not scoped: quotas count everyone). */
export async function gradesWhere(db: Db, tenantId: string, periodId: string, where: RawBuilder<boolean>) {
  const { rows } = await sql<GradeRow>`SELECT r.id, r.unit_id, r.quota_group, r.subject, r.state,
      ${IN_PLAY} AS grade, r.decided_grade AS decided, r.eligibility->>'forced' AS forced
    FROM annual_review r
    WHERE r.tenant_id = ${tenantId} AND r.period_id = ${periodId} AND ${where}`.execute(db);
  return rows;
}

// ── Meetings ───────────────────────────────────────────────────────────────────────────

export function findMeeting(db: Db, tenantId: string, periodId: string, unitId: string, lock = false) {
  const q = db
    .selectFrom('review_meeting')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('period_id', '=', periodId)
    .where('unit_id', '=', unitId);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}
export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

export function unitOf(db: Db, tenantId: string, unitId: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'type', 'parent_id', 'is_party_org'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .executeTakeFirst();
}
