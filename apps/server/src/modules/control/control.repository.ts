import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { subtreeEnd } from '../../access/scope-sql';
import type { DB } from '../../db/schema';
import { emptyFigures, MAX_TOTAL, type UnitFigures } from './signals';

export type Db = Kysely<DB> | Transaction<DB>;

/** Results that count as decided (graded) in a cycle: the monitor's "done". */
export const DONE = ['decided', 'published', 'complained', 'final'] as const;
const done = sql.join(DONE.map((s) => sql.lit(s)));

/**
 * Which evaluations of a cycle a query reads: a subtree by path range (index range scan on
 * evaluation_cycle_unit_cover_idx), optionally one evaluated unit only.
 */
export interface Slice {
  tenantId: string;
  cycleId: string;
  path: string;
  unitId?: string;
}

function where(s: Slice): RawBuilder<boolean> {
  const unit = s.unitId ? sql`AND e.unit_id = ${s.unitId}` : sql``;
  return sql<boolean>`e.tenant_id = ${s.tenantId} AND e.cycle_id = ${s.cycleId}
    AND e.unit_path >= ${s.path} AND e.unit_path < ${subtreeEnd(s.path)} ${unit}`;
}

export interface UnitMeta {
  unitId: string;
  name: string;
  path: string;
}

export interface Aggregates {
  units: Map<string, UnitFigures>;
  meta: Map<string, UnitMeta>;
  /** The whole slice (GROUPING SETS' grand total). */
  total: UnitFigures;
}

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/**
 * The units' collective grades of the year in the slice (annual_review with subject organisation, the
 * latest decision): read live, a few rows, never stored with the cycle's figures.
 */
export async function collectiveGrades(db: Db, s: Slice, year: number) {
  const { rows } = await sql<{ unit_id: string; grade: string }>`
      SELECT DISTINCT ON (r.unit_id) r.unit_id, r.decided_grade AS grade
        FROM annual_review r
        JOIN review_period p ON p.tenant_id = r.tenant_id AND p.id = r.period_id
       WHERE r.tenant_id = ${s.tenantId} AND r.subject = 'organisation' AND p.kind = 'annual' AND p.year = ${year}
         AND r.state IN ('decided', 'published') AND r.decided_grade IS NOT NULL
         AND r.unit_path >= ${s.path} AND r.unit_path < ${subtreeEnd(s.path)}
         ${s.unitId ? sql`AND r.unit_id = ${s.unitId}` : sql``}
       ORDER BY r.unit_id, r.decided_at DESC NULLS LAST`.execute(db);
  return rows;
}

/**
 * Every figure the signals need, computed live from the evaluations and their steps, per evaluated
 * unit and for the whole slice, in four set-wise
 * statements (docs/CONTROL.md, "How it is computed"): evaluations, their review/decision/reopening
 * steps, clusters of identical score vectors, and the units' collective grades for the year.
 */
export async function liveAggregates(
  db: Db,
  s: Slice,
  minClusterSize: number,
  year: number,
): Promise<Aggregates> {
  const [evals, steps, clusters, collective] = await Promise.all([
    sql<{
      unit_id: string | null;
      name: string | null;
      path: string | null;
      enrolled: number;
      decided: number;
      self_assessed: number;
      self_max: number;
      graded: number;
      excellent: number;
      late: number;
      scored: number;
    }>`
      SELECT x.unit_id, u.name, u.path,
             count(*)::int AS enrolled,
             count(*) FILTER (WHERE x.state IN (${done}))::int AS decided,
             count(*) FILTER (WHERE x.self_total IS NOT NULL)::int AS self_assessed,
             count(*) FILTER (WHERE x.self_total >= ${MAX_TOTAL})::int AS self_max,
             count(*) FILTER (WHERE x.state IN (${done}) AND x.grade IS NOT NULL)::int AS graded,
             count(*) FILTER (WHERE x.state IN (${done}) AND x.grade = 'excellent')::int AS excellent,
             count(*) FILTER (WHERE x.late)::int AS late,
             count(*) FILTER (WHERE x.scored)::int AS scored
        FROM (
          -- As in the steps statement: the score vector is tested before grouping, not carried into it.
          SELECT e.tenant_id, e.unit_id, e.state, e.self_total, e.grade, e.late, e.scores <> '{}'::jsonb AS scored
            FROM evaluation e
           WHERE ${where(s)}
          OFFSET 0) x
        JOIN org_unit u ON u.tenant_id = x.tenant_id AND u.id = x.unit_id
       GROUP BY GROUPING SETS ((x.unit_id, u.name, u.path), ())`.execute(db),
    sql<{
      unit_id: string | null;
      review_steps: number;
      unchanged: number;
      acts: number;
      bulk: number;
      timed: number;
      median_seconds: number | null;
      reopened: number;
    }>`
      SELECT x.unit_id,
             count(*) FILTER (WHERE x.action = 'review')::int AS review_steps,
             count(*) FILTER (WHERE x.unchanged)::int AS unchanged,
             count(*) FILTER (WHERE x.action IN ('review', 'decide'))::int AS acts,
             count(*) FILTER (WHERE x.action IN ('review', 'decide') AND x.bulk)::int AS bulk,
             count(x.seconds)::int AS timed,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY x.seconds) AS median_seconds,
             count(DISTINCT x.evaluation_id) FILTER (WHERE x.action = 'reopen')::int AS reopened
        FROM (
          -- Each step reduced to a few small columns before grouping: the score vectors are compared
          -- here, so the sort behind the median and the distinct count never carries them.
          -- OFFSET 0 keeps the planner from pulling the comparison up into the aggregate.
          SELECT e.unit_id, st.action, st.bulk, st.evaluation_id,
                 (st.action = 'review' AND st.scores = e.self_scores) AS unchanged,
                 CASE WHEN st.action IN ('review', 'decide') AND st.opened_at IS NOT NULL
                      THEN extract(epoch FROM st.at - st.opened_at)::float8 END AS seconds
            FROM evaluation e
            JOIN evaluation_step st ON st.tenant_id = e.tenant_id AND st.evaluation_id = e.id
             AND st.action IN ('review', 'decide', 'reopen')
           WHERE ${where(s)}
          OFFSET 0) x
       GROUP BY GROUPING SETS ((x.unit_id), ())`.execute(db),
    sql<{ unit_id: string; size: number; clusters: number }>`
      SELECT c.unit_id, c.size::int AS size, count(*)::int AS clusters
        FROM (SELECT e.unit_id, count(*) AS size
                FROM evaluation e
               WHERE ${where(s)} AND e.scores <> '{}'::jsonb
               GROUP BY e.unit_id, e.scores
              HAVING count(*) >= ${minClusterSize}) c
       GROUP BY c.unit_id, c.size`.execute(db),
    collectiveGrades(db, s, year),
  ]);

  const units = new Map<string, UnitFigures>();
  const meta = new Map<string, UnitMeta>();
  let total = emptyFigures('');
  const figures = (id: string | null): UnitFigures => {
    if (id === null) return total;
    let f = units.get(id);
    if (!f) {
      f = emptyFigures(id);
      units.set(id, f);
    }
    return f;
  };
  for (const r of evals.rows) {
    const f = figures(r.unit_id);
    if (r.unit_id !== null)
      meta.set(r.unit_id, { unitId: r.unit_id, name: r.name ?? '', path: r.path ?? '' });
    Object.assign(f, {
      enrolled: n(r.enrolled),
      decided: n(r.decided),
      selfAssessed: n(r.self_assessed),
      selfMax: n(r.self_max),
      graded: n(r.graded),
      excellent: n(r.excellent),
      late: n(r.late),
      scored: n(r.scored),
    });
  }
  for (const r of steps.rows) {
    const f = figures(r.unit_id);
    Object.assign(f, {
      reviewSteps: n(r.review_steps),
      unchangedSteps: n(r.unchanged),
      actSteps: n(r.acts),
      bulkSteps: n(r.bulk),
      timedSteps: n(r.timed),
      medianSeconds: r.median_seconds === null ? null : Number(r.median_seconds),
      reopened: n(r.reopened),
    });
  }
  const totalClusters = new Map<number, number>();
  for (const r of clusters.rows) {
    const f = figures(r.unit_id);
    (f.clusters as Map<number, number>).set(n(r.size), n(r.clusters));
    totalClusters.set(n(r.size), (totalClusters.get(n(r.size)) ?? 0) + n(r.clusters));
  }
  total = { ...total, clusters: totalClusters };
  for (const r of collective) figures(r.unit_id).collectiveGrade = r.grade;
  // A unit with a collective grade but nobody evaluated in the cycle is not a row of the dashboard.
  for (const id of [...units.keys()]) if (!meta.has(id)) units.delete(id);
  return { units, meta, total };
}

export interface ThresholdRow {
  id: string;
  unit_id: string | null;
  unit_path: string | null;
  unit_name: string | null;
  thresholds: unknown;
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** Every stored setting of the tenant (one tenant-wide, a handful of subtree overrides). */
export async function thresholdRows(db: Db, tenantId: string): Promise<ThresholdRow[]> {
  return db
    .selectFrom('control_threshold as c')
    .leftJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.unit_id'),
    )
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.updated_by'),
    )
    .select([
      'c.id',
      'c.unit_id',
      'c.unit_path',
      'u.name as unit_name',
      'c.thresholds',
      'c.version',
      'c.updated_at',
      'a.display_name as updated_by_name',
    ])
    .where('c.tenant_id', '=', tenantId)
    .orderBy(sql`c.unit_path COLLATE "C"`)
    .execute() as Promise<ThresholdRow[]>;
}

export async function unitById(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('org_unit')
    .select(['id', 'name', 'path', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function cycleById(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('eval_cycle')
    .select(['id', 'label', 'period_start', 'period_end', 'period_kind', 'status', 'unit_id', 'unit_path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}
export type CycleRow = NonNullable<Awaited<ReturnType<typeof cycleById>>>;
