import { sql } from 'kysely';
import { subtreeEnd } from '../../access/scope-sql';
import {
  type Aggregates,
  collectiveGrades,
  type Db,
  DONE,
  liveAggregates,
  type Slice,
  type UnitMeta,
} from './control.repository';
import { emptyFigures, MAX_TOTAL, type SubtreeFigures, type UnitFigures } from './signals';

const done = sql.join(DONE.map((s) => sql.lit(s)));
/** Clusters are stored from two identical vectors up; every setting's clusterSize is at least 2. */
const MIN_STORED_CLUSTER = 2;

export interface SnapshotRow {
  version: number;
  computed_version: number;
  computed_at: Date | null;
}

export async function snapshotOf(
  db: Db,
  tenantId: string,
  cycleId: string,
): Promise<SnapshotRow | undefined> {
  return db
    .selectFrom('control_snapshot')
    .select(['version', 'computed_version', 'computed_at'])
    .where('tenant_id', '=', tenantId)
    .where('cycle_id', '=', cycleId)
    .executeTakeFirst();
}

/** The cycle's snapshot row, created if missing and locked until the transaction ends. */
export async function lockSnapshot(db: Db, tenantId: string, cycleId: string): Promise<SnapshotRow> {
  await sql`INSERT INTO control_snapshot (tenant_id, cycle_id) VALUES (${tenantId}, ${cycleId})
    ON CONFLICT (tenant_id, cycle_id) DO NOTHING`.execute(db);
  const { rows } = await sql<SnapshotRow>`SELECT version, computed_version, computed_at FROM control_snapshot
     WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId} FOR UPDATE`.execute(db);
  return rows[0]!;
}

/** A change that makes a cycle's stored figures stale: the new version (the snapshot row is created if missing). */
export async function raiseVersion(db: Db, tenantId: string, cycleId: string): Promise<number> {
  const { rows } = await sql<{ version: number }>`
    INSERT INTO control_snapshot (tenant_id, cycle_id) VALUES (${tenantId}, ${cycleId})
    ON CONFLICT (tenant_id, cycle_id) DO UPDATE SET version = control_snapshot.version + 1
    RETURNING version`.execute(db);
  return Number(rows[0]!.version);
}

/**
 * Replaces the stored figures of one cycle, set-wise in one statement (one snapshot of the data): the
 * evaluations grouped by evaluated unit and unit path, their review/decision/reopening steps reduced to
 * a few small columns once and grouped twice (per unit, and per path prefix for the subtrees' medians),
 * and the clusters of identical score vectors by size. The same figures as liveAggregates() per unit.
 * Returns the time they are as of (the transaction's start, before the statement's snapshot).
 */
export async function computeFigures(db: Db, tenantId: string, cycleId: string, version: number) {
  await sql`DELETE FROM control_subtree_figures WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId}`.execute(
    db,
  );
  await sql`DELETE FROM control_figures WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId}`.execute(db);
  const cycle = sql`e.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId}`;
  const decidedAs = (grade: string) =>
    sql`count(*) FILTER (WHERE x.state IN (${done}) AND x.grade = ${grade})::int`;
  await sql`
    WITH ev AS (
      SELECT x.unit_id, x.unit_path,
             count(*)::int AS enrolled,
             count(*) FILTER (WHERE x.state IN (${done}))::int AS decided,
             count(*) FILTER (WHERE x.self_total IS NOT NULL)::int AS self_assessed,
             count(*) FILTER (WHERE x.self_total >= ${MAX_TOTAL})::int AS self_max,
             count(*) FILTER (WHERE x.state IN (${done}) AND x.grade IS NOT NULL)::int AS graded,
             ${decidedAs('excellent')} AS excellent,
             ${decidedAs('good')} AS good,
             ${decidedAs('completed')} AS completed,
             ${decidedAs('notCompleted')} AS not_completed,
             count(*) FILTER (WHERE x.late)::int AS late,
             count(*) FILTER (WHERE x.scored)::int AS scored
        FROM (SELECT e.unit_id, e.unit_path, e.state, e.self_total, e.grade, e.late,
                     e.scores <> '{}'::jsonb AS scored
                FROM evaluation e
               WHERE ${cycle}
              OFFSET 0) x
       GROUP BY x.unit_id, x.unit_path),
    st AS MATERIALIZED (
      SELECT e.unit_id, e.unit_path, s.action, s.bulk, s.evaluation_id,
             (s.action = 'review' AND s.scores = e.self_scores) AS unchanged,
             CASE WHEN s.action IN ('review', 'decide') AND s.opened_at IS NOT NULL
                  THEN extract(epoch FROM s.at - s.opened_at)::float8 END AS seconds
        FROM evaluation e
        JOIN evaluation_step s ON s.tenant_id = e.tenant_id AND s.evaluation_id = e.id
         AND s.action IN ('review', 'decide', 'reopen')
       WHERE ${cycle}),
    sa AS (
      SELECT st.unit_id, st.unit_path,
             count(*) FILTER (WHERE st.action = 'review')::int AS review_steps,
             count(*) FILTER (WHERE st.unchanged)::int AS unchanged_steps,
             count(*) FILTER (WHERE st.action IN ('review', 'decide'))::int AS act_steps,
             count(*) FILTER (WHERE st.action IN ('review', 'decide') AND st.bulk)::int AS bulk_steps,
             count(st.seconds)::int AS timed_steps,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY st.seconds) AS median_seconds,
             count(DISTINCT st.evaluation_id) FILTER (WHERE st.action = 'reopen')::int AS reopened
        FROM st
       GROUP BY st.unit_id, st.unit_path),
    cl AS (
      SELECT c.unit_id, c.unit_path, jsonb_object_agg(c.size, c.clusters) AS clusters
        FROM (SELECT g.unit_id, g.unit_path, g.size, count(*)::int AS clusters
                FROM (SELECT e.unit_id, e.unit_path, count(*)::int AS size
                        FROM evaluation e
                       WHERE ${cycle} AND e.scores <> '{}'::jsonb
                       GROUP BY e.unit_id, e.unit_path, e.scores
                      HAVING count(*) >= ${MIN_STORED_CLUSTER}) g
               GROUP BY g.unit_id, g.unit_path, g.size) c
       GROUP BY c.unit_id, c.unit_path),
    prefix AS (
      SELECT p.unit_path, left(p.unit_path, i.n) AS path
        FROM (SELECT DISTINCT ev.unit_path FROM ev) p
       CROSS JOIN LATERAL generate_series(2, length(p.unit_path)) AS i(n)
       WHERE substr(p.unit_path, i.n, 1) = '/'),
    subtree AS (
      INSERT INTO control_subtree_figures (tenant_id, cycle_id, path, timed_steps, median_seconds)
      SELECT ${tenantId}, ${cycleId}, prefix.path, count(*)::int,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY st.seconds)
        FROM st JOIN prefix ON prefix.unit_path = st.unit_path
       WHERE st.seconds IS NOT NULL
       GROUP BY prefix.path
      RETURNING 1)
    INSERT INTO control_figures (tenant_id, cycle_id, unit_path, unit_id, enrolled, decided, self_assessed,
      self_max, graded, excellent, good, completed, not_completed, late, scored, review_steps, unchanged_steps,
      act_steps, bulk_steps, timed_steps, median_seconds, reopened, clusters)
    SELECT ${tenantId}, ${cycleId}, ev.unit_path, ev.unit_id, ev.enrolled, ev.decided, ev.self_assessed,
           ev.self_max, ev.graded, ev.excellent, ev.good, ev.completed, ev.not_completed, ev.late, ev.scored,
           coalesce(sa.review_steps, 0), coalesce(sa.unchanged_steps, 0), coalesce(sa.act_steps, 0),
           coalesce(sa.bulk_steps, 0), coalesce(sa.timed_steps, 0), sa.median_seconds, coalesce(sa.reopened, 0),
           coalesce(cl.clusters, '{}'::jsonb)
      FROM ev
      LEFT JOIN sa ON sa.unit_id = ev.unit_id AND sa.unit_path = ev.unit_path
      LEFT JOIN cl ON cl.unit_id = ev.unit_id AND cl.unit_path = ev.unit_path`.execute(db);
  const { rows } = await sql<{ computed_at: Date }>`
    UPDATE control_snapshot SET computed_at = now(), computed_version = ${version}
     WHERE tenant_id = ${tenantId} AND cycle_id = ${cycleId}
    RETURNING computed_at`.execute(db);
  return new Date(rows[0]!.computed_at);
}

/** The subtree's share of excellent results, for the top-grade comparison: two sums over the slice. */
export async function storedSubtreeGrades(db: Db, s: Slice): Promise<SubtreeFigures> {
  const { rows } = await sql<{ graded: string | null; excellent: string | null }>`
    SELECT sum(f.graded) AS graded, sum(f.excellent) AS excellent
      FROM control_figures f
      JOIN org_unit u ON u.tenant_id = f.tenant_id AND u.id = f.unit_id
     WHERE f.tenant_id = ${s.tenantId} AND f.cycle_id = ${s.cycleId}
       AND f.unit_path >= ${s.path} AND f.unit_path < ${subtreeEnd(s.path)}`.execute(db);
  return { graded: Number(rows[0]?.graded ?? 0), excellent: Number(rows[0]?.excellent ?? 0) };
}

interface StoredRow {
  unit_id: string;
  name: string;
  path: string;
  enrolled: number;
  decided: number;
  self_assessed: number;
  self_max: number;
  graded: number;
  excellent: number;
  late: number;
  scored: number;
  review_steps: number;
  unchanged_steps: number;
  act_steps: number;
  bulk_steps: number;
  timed_steps: number;
  median_seconds: number | null;
  reopened: number;
  clusters: Record<string, number> | null;
}

const ADDITIVE = [
  'enrolled',
  'decided',
  'selfAssessed',
  'selfMax',
  'graded',
  'excellent',
  'late',
  'scored',
  'reviewSteps',
  'unchangedSteps',
  'actSteps',
  'bulkSteps',
  'timedSteps',
  'reopened',
] as const;

function figuresOfRow(r: StoredRow, minClusterSize: number): UnitFigures {
  const clusters = new Map<number, number>();
  for (const [size, count] of Object.entries(r.clusters ?? {}))
    if (Number(size) >= minClusterSize) clusters.set(Number(size), Number(count));
  return {
    ...emptyFigures(r.unit_id),
    enrolled: Number(r.enrolled),
    decided: Number(r.decided),
    selfAssessed: Number(r.self_assessed),
    selfMax: Number(r.self_max),
    graded: Number(r.graded),
    excellent: Number(r.excellent),
    late: Number(r.late),
    scored: Number(r.scored),
    reviewSteps: Number(r.review_steps),
    unchangedSteps: Number(r.unchanged_steps),
    actSteps: Number(r.act_steps),
    bulkSteps: Number(r.bulk_steps),
    timedSteps: Number(r.timed_steps),
    medianSeconds: r.median_seconds === null ? null : Number(r.median_seconds),
    reopened: Number(r.reopened),
    clusters,
  };
}

function addClusters(into: Map<number, number>, from: ReadonlyMap<number, number>) {
  for (const [size, count] of from) into.set(size, (into.get(size) ?? 0) + count);
}

/**
 * The same Aggregates as liveAggregates(), read from a cycle's stored figures: the unit rows in the
 * slice's path range (one per unit and enrolment path), the subtree's median from its own row, the
 * collective grades live. A unit enrolled under several paths inside the slice (it moved during the
 * cycle) has its median and clusters recomputed live: neither adds up across rows.
 */
export async function storedAggregates(
  db: Db,
  s: Slice,
  minClusterSize: number,
  year: number,
): Promise<Aggregates> {
  const [{ rows }, subtree, collective] = await Promise.all([
    sql<StoredRow>`
      SELECT f.unit_id, u.name, u.path, f.enrolled, f.decided, f.self_assessed, f.self_max, f.graded,
             f.excellent, f.late, f.scored, f.review_steps, f.unchanged_steps, f.act_steps, f.bulk_steps,
             f.timed_steps, f.median_seconds, f.reopened, f.clusters
        FROM control_figures f
        JOIN org_unit u ON u.tenant_id = f.tenant_id AND u.id = f.unit_id
       WHERE f.tenant_id = ${s.tenantId} AND f.cycle_id = ${s.cycleId}
         AND f.unit_path >= ${s.path} AND f.unit_path < ${subtreeEnd(s.path)}
         ${s.unitId ? sql`AND f.unit_id = ${s.unitId}` : sql``}`.execute(db),
    s.unitId
      ? Promise.resolve(undefined)
      : db
          .selectFrom('control_subtree_figures')
          .select('median_seconds')
          .where('tenant_id', '=', s.tenantId)
          .where('cycle_id', '=', s.cycleId)
          .where('path', '=', s.path)
          .executeTakeFirst(),
    collectiveGrades(db, s, year),
  ]);

  const units = new Map<string, UnitFigures>();
  const meta = new Map<string, UnitMeta>();
  const moved = new Set<string>();
  const total: UnitFigures = { ...emptyFigures(''), clusters: new Map() };
  for (const r of rows) {
    const f = figuresOfRow(r, minClusterSize);
    for (const k of ADDITIVE) total[k] += f[k];
    const seen = units.get(r.unit_id);
    if (seen) {
      moved.add(r.unit_id);
      for (const k of ADDITIVE) seen[k] += f[k];
    } else {
      units.set(r.unit_id, f);
      meta.set(r.unit_id, { unitId: r.unit_id, name: r.name, path: r.path });
    }
  }
  for (const id of moved) {
    const live = (await liveAggregates(db, { ...s, unitId: id }, minClusterSize, year)).units.get(id);
    if (live) units.set(id, live);
  }
  for (const f of units.values()) addClusters(total.clusters as Map<number, number>, f.clusters);
  for (const r of collective) {
    const f = units.get(r.unit_id);
    if (f) f.collectiveGrade = r.grade;
  }
  if (s.unitId) total.medianSeconds = units.get(s.unitId)?.medianSeconds ?? null;
  else total.medianSeconds = subtree ? Number(subtree.median_seconds) : null;
  return { units, meta, total };
}
