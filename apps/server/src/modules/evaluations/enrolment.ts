import { type RawBuilder, sql, type Transaction } from 'kysely';
import { subtreeEnd } from '../../access/scope-sql';
import type { DB } from '../../db/schema';
import { addDays } from './cycles.periods';

/**
 * Enrolment (docs/EVALUATIONS.md, "Enrolment"), set-wise in SQL so that a city cycle of 150,000
 * people takes one statement, not one round trip per person:
 *
 * 1. candidates: everyone with a main (non-concurrent) post in the cycle's subtree at some time in
 *    the period, counted up to the cutoff (the period's end, or today while the period runs);
 * 2. each candidate's main posts anywhere in the tenant are ranked by days held in the period
 *    (position.end_date is exclusive), ties going to the later post; the winner decides where the
 *    person is evaluated — and only a winner inside the subtree is enrolled here (someone who spent
 *    most of the month elsewhere belongs to that unit's cycle);
 * 3. a leader's deciding unit is the parent of their unit (the root's leaders: the root itself);
 * 4. review levels come from eval_unit_setting of the deciding unit (whose reviewers act), else 1;
 * 5. nobody is evaluated twice for the same time: a winner who already has an evaluation in another
 *    cycle of the tenant whose period overlaps this one (a city cycle and a ward cycle of the same
 *    month, a month inside a quarter) is skipped and counted in `skipped`.
 *
 * Ids are UUID v7 made in SQL from the clock and gen_random_uuid() (PostgreSQL ≥ 13 and PGlite), in
 * the same layout as ids.ts makes them in the app.
 */
export interface EnrolCycle {
  id: string;
  unit_path: string;
  period_start: string;
  period_end: string;
  framework_id: string;
  rule_set_id: string;
}

export interface EnrolResult {
  added: number;
  rehomed: number;
  enrolled: number;
  /** People of the subtree left out because another overlapping cycle already evaluates them. */
  skipped: number;
}

const UUID7 = sql`(substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 1, 8)
  || '-' || substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 9, 4)
  || '-7' || substr(gen_random_uuid()::text, 16))::uuid`;

/** The day after the last day counted: the period's end, or today while it runs (never before its start). */
export function countUntil(cycle: Pick<EnrolCycle, 'period_start' | 'period_end'>, today: string): string {
  const last = today < cycle.period_end ? today : cycle.period_end;
  return addDays(last < cycle.period_start ? cycle.period_start : last, 1);
}

/** The WITH clause naming `winners`: one row per person to evaluate in the cycle. */
function winners(tenantId: string, cycle: EnrolCycle, today: string): RawBuilder<unknown> {
  const start = cycle.period_start;
  const after = countUntil(cycle, today);
  const from = cycle.unit_path;
  const to = subtreeEnd(cycle.unit_path);
  const held = sql`NOT ps.is_concurrent AND ps.start_date < ${after}::date
    AND (ps.end_date IS NULL OR ps.end_date > ${start}::date)`;
  return sql`WITH candidates AS (
      SELECT DISTINCT ps.person_id
      FROM position ps
      JOIN org_unit u ON u.tenant_id = ps.tenant_id AND u.id = ps.unit_id
      WHERE ps.tenant_id = ${tenantId} AND ${held} AND u.path >= ${from} AND u.path < ${to}
    ),
    ranked AS (
      SELECT ps.person_id, ps.id AS position_id, ps.unit_id, ps.title, ps.title_group, ps.is_leader,
        row_number() OVER (
          PARTITION BY ps.person_id
          ORDER BY LEAST(COALESCE(ps.end_date, ${after}::date), ${after}::date)
                   - GREATEST(ps.start_date, ${start}::date) DESC,
                   ps.start_date DESC, ps.id DESC
        ) AS rn
      FROM position ps
      JOIN candidates c ON c.person_id = ps.person_id
      WHERE ps.tenant_id = ${tenantId} AND ${held}
    ),
    winners AS (
      SELECT r.person_id, r.position_id, r.title, r.title_group, r.is_leader,
        u.id AS unit_id, u.path AS unit_path,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.id ELSE u.id END AS decision_unit_id,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.path ELSE u.path END AS decision_unit_path,
        COALESCE(s.review_levels, 1) AS review_levels
      FROM ranked r
      JOIN org_unit u ON u.tenant_id = ${tenantId} AND u.id = r.unit_id
      LEFT JOIN org_unit pu ON pu.tenant_id = u.tenant_id AND pu.id = u.parent_id
      LEFT JOIN eval_unit_setting s ON s.tenant_id = u.tenant_id
        AND s.unit_id = CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.id ELSE u.id END
      WHERE r.rn = 1 AND u.path >= ${from} AND u.path < ${to}
    ),
    -- People already evaluated in another cycle overlapping this period, found from the (few)
    -- overlapping cycles through the cycle index once, never probed per person: the planner sees
    -- evaluation as empty while this very statement fills it, and per-person probes then rescan the
    -- growing table (quadratic at city scale).
    busy AS MATERIALIZED (
      SELECT DISTINCT e.person_id
      FROM eval_cycle c
      JOIN evaluation e ON e.tenant_id = c.tenant_id AND e.cycle_id = c.id
      WHERE c.tenant_id = ${tenantId} AND c.id <> ${cycle.id}
        AND c.period_start <= ${cycle.period_end}::date AND c.period_end >= ${start}::date
    ),
    mine AS MATERIALIZED (
      SELECT e.person_id FROM evaluation e WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycle.id}
    ),
    elsewhere AS (
      SELECT w.person_id FROM winners w
      JOIN busy b ON b.person_id = w.person_id
      WHERE NOT EXISTS (SELECT 1 FROM mine m WHERE m.person_id = w.person_id)
    )`;
}

async function count(tx: Transaction<DB>, query: RawBuilder<{ n: string | number }>): Promise<number> {
  const { rows } = await query.execute(tx);
  return Number(rows[0]?.n ?? 0);
}

async function counts(
  tx: Transaction<DB>,
  query: RawBuilder<{ n: string | number; skipped: string | number }>,
): Promise<{ n: number; skipped: number }> {
  const { rows } = await query.execute(tx);
  return { n: Number(rows[0]?.n ?? 0), skipped: Number(rows[0]?.skipped ?? 0) };
}

/**
 * Adds everyone not yet enrolled and, with `rehome`, moves draft evaluations of people whose
 * winning post changed since (other unit, deciding unit or post). Evaluations past the draft stay
 * where they are: their reviewers already acted on them.
 */
export async function enrol(
  tx: Transaction<DB>,
  tenantId: string,
  cycle: EnrolCycle,
  today: string,
  options: { rehome: boolean },
): Promise<EnrolResult> {
  // Two cycles over overlapping subtrees opened at the same moment would each see the other's people
  // as not yet enrolled ("busy" reads committed rows only): one enrolment per tenant at a time.
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`canbo.enrol:${tenantId}`}))`.execute(tx);
  const now = new Date();
  const base = winners(tenantId, cycle, today);
  const { n: added, skipped } = await counts(
    tx,
    sql<{ n: string; skipped: string }>`${base},
    inserted AS (
      INSERT INTO evaluation (tenant_id, id, cycle_id, person_id, unit_id, unit_path, decision_unit_id,
        decision_unit_path, position_id, position_title, title_group, is_leader, framework_id, rule_set_id,
        state, review_level, review_levels, created_at, updated_at)
      SELECT ${tenantId}::uuid, ${UUID7}, ${cycle.id}::uuid, w.person_id, w.unit_id, w.unit_path, w.decision_unit_id,
        w.decision_unit_path, w.position_id, w.title, w.title_group, w.is_leader, ${cycle.framework_id}::uuid,
        ${cycle.rule_set_id}::text, 'draft', 0, w.review_levels, ${now}::timestamptz, ${now}::timestamptz
      FROM winners w
      -- NOT EXISTS over the materialised sets plans as hash anti-joins (NOT IN over 160,000 ids
      -- would overflow work_mem's hashed subplan and rescan the list per person).
      WHERE NOT EXISTS (SELECT 1 FROM mine m WHERE m.person_id = w.person_id)
        AND NOT EXISTS (SELECT 1 FROM elsewhere x WHERE x.person_id = w.person_id)
      ON CONFLICT (tenant_id, cycle_id, person_id) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM inserted) AS n, (SELECT count(*) FROM elsewhere) AS skipped`,
  );
  const rehomed = options.rehome
    ? await count(
        tx,
        sql<{ n: string }>`${base},
        moved AS (
          UPDATE evaluation e SET unit_id = w.unit_id, unit_path = w.unit_path,
            decision_unit_id = w.decision_unit_id, decision_unit_path = w.decision_unit_path,
            position_id = w.position_id, position_title = w.title, title_group = w.title_group,
            is_leader = w.is_leader, review_levels = w.review_levels, version = e.version + 1, updated_at = ${now}
          FROM winners w
          WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycle.id} AND e.person_id = w.person_id
            AND e.state = 'draft'
            AND (e.unit_id <> w.unit_id OR e.decision_unit_id <> w.decision_unit_id
                 OR e.position_id IS DISTINCT FROM w.position_id)
          RETURNING 1
        )
        SELECT count(*) AS n FROM moved`,
      )
    : 0;
  await sql`INSERT INTO eval_cycle_unit (tenant_id, cycle_id, unit_id, unit_path)
    SELECT ${tenantId}::uuid, ${cycle.id}::uuid, x.unit_id, x.unit_path FROM (
      SELECT unit_id, unit_path FROM evaluation WHERE tenant_id = ${tenantId} AND cycle_id = ${cycle.id}
      UNION
      SELECT decision_unit_id, decision_unit_path FROM evaluation WHERE tenant_id = ${tenantId} AND cycle_id = ${cycle.id}
    ) x
    ON CONFLICT (tenant_id, cycle_id, unit_id) DO NOTHING`.execute(tx);
  const enrolled = await count(
    tx,
    sql<{ n: string }>`UPDATE eval_cycle SET enrolled = (
        SELECT count(*) FROM evaluation WHERE tenant_id = ${tenantId} AND cycle_id = ${cycle.id})
      WHERE tenant_id = ${tenantId} AND id = ${cycle.id}
      RETURNING enrolled AS n`,
  );
  return { added, rehomed, enrolled, skipped };
}
