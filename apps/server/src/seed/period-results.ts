import { type Framework, GRADES, leafCriteria, type RuleSet } from '@canbo/domain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { subtreeEnd } from '../access/scope-sql';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { addDays, defaultDeadlines, periodEnd, periodLabel } from '../modules/evaluations/cycles.periods';

/**
 * Closed monthly cycles with their results, written set-wise (one INSERT … SELECT per month, never a
 * round trip per person): the history an annual review rolls up (docs/ANNUAL.md). Used by the demo seed
 * (the months of the year before the demo's own cycles) and by bench/annual.bench.ts (a whole year for
 * the city dataset).
 *
 * Per month, for the subtree of `unitId`:
 * - an `eval_cycle` row, status `closed`, under the given published framework;
 * - one `evaluation` per person, chosen as enrolment chooses (modules/evaluations/enrolment.ts): a main
 *   post in the subtree during the month, evaluated where they held a main post longest, a leader decided
 *   by the parent unit, nobody evaluated twice for the same time (people another overlapping cycle
 *   already has are skipped); state `final` with its total, grade and rule, dated after the month;
 * - `eval_cycle_unit` rows of the units involved, and the cycle's `enrolled` count.
 *
 * Grades are drawn per person and month from a hash of the seed: a person's steady level (the same
 * every month) mixed with the month's noise, at most 25 % excellent per unit (under 3814's 30 % cap),
 * then mostly good, some completed, a few not completed. Totals land in the grade's band. With
 * `sheets`, each evaluation also gets its criterion scores (the total and grade are then computed from
 * them, as the domain computes them) and its five workflow steps; without, scores stay empty (a few
 * times faster at city scale, which is what the benchmark needs).
 */
export interface PeriodResultsSpec {
  /** The subtree's root, owner of the cycles. */
  unitId: string;
  /** A published framework of a monthly rule set (the demo's and the bench's: hn-3814-2018). */
  frameworkId: string;
  ruleSet: RuleSet;
  framework: Framework;
  /** First days of the months, 'YYYY-MM-01'; each must be over (the cycles are closed). */
  months: readonly string[];
  seed?: number;
  /** Criterion scores and workflow steps as well (demo); totals and grades only otherwise. */
  sheets?: boolean;
  /** Called after each month. */
  onMonth?: (month: string, evaluations: number) => void;
}

export interface PeriodResults {
  cycles: string[];
  evaluations: number;
}

const EXCELLENT_SHARE = 0.25;

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A deterministic fraction in [0, 1) from a text expression and a salt. */
const fraction = (expr: string, salt: string) =>
  `((hashtext(${expr} || ${quote(salt)})::bigint + 2147483648) / 4294967296.0)`;

/** UUID v7 made in SQL from the clock, in the layout ids.ts uses (as enrolment makes them). */
const UUID7 = `(substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 1, 8)
  || '-' || substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 9, 4)
  || '-7' || substr(gen_random_uuid()::text, 16))::uuid`;

/** The total of a score sheet: each group capped at its maximum, the whole at 100 (as the domain sums). */
function totalSql(ruleSet: RuleSet, framework: Framework, scores: string): string {
  const groups = ruleSet.groups.map((spec) => {
    const node = framework.groups.find((g) => g.code === spec.code);
    const leaves = node ? leafCriteria({ ruleSetId: framework.ruleSetId, groups: [node] }) : [];
    const sum = leaves.length
      ? leaves.map((l) => `COALESCE((${scores}->>${quote(l.node.code)})::numeric, 0)`).join(' + ')
      : '0';
    return `LEAST(${spec.maxPoints}, ${sum})`;
  });
  return `LEAST(100, ${groups.join(' + ')})`;
}

function gradeSql(ruleSet: RuleSet, total: string): string {
  const t = ruleSet.thresholds;
  return `CASE WHEN ${total} >= ${t.excellent} THEN 'excellent' WHEN ${total} >= ${t.good} THEN 'good'
    WHEN ${total} >= ${t.completed} THEN 'completed' ELSE 'notCompleted' END`;
}

function ruleCodeSql(ruleSet: RuleSet, grade: string): string {
  const cases = GRADES.map((g) => `WHEN ${quote(g)} THEN ${quote(ruleSet.rules.grades[g].code)}`).join(' ');
  return `CASE ${grade} ${cases} END`;
}

/** Criterion scores: every base criterion about the share `x.f` of its maximum, bonus points in order. */
function scoresSql(framework: Framework, salt: string): string {
  const entries: string[] = [];
  let before = '0';
  for (const { node, groupCode } of leafCriteria(framework)) {
    if (groupCode === 'bonus') {
      entries.push(`${quote(node.code)}, LEAST(${node.maxPoints}, GREATEST(0, x.bonus - (${before})))`);
      before = `${before} + ${node.maxPoints}`;
      continue;
    }
    const jitter = `(${fraction('x.key', `${salt}:${node.code}`)} - 0.5) * 0.04`;
    entries.push(
      `${quote(node.code)}, LEAST(${node.maxPoints}, GREATEST(0, floor(${node.maxPoints} * (x.f + ${jitter}) * 4) / 4))`,
    );
  }
  return `jsonb_build_object(${entries.join(', ')})`;
}

/** The points of the base groups (the share `f` applies to them; bonus points come on top). */
function baseMax(ruleSet: RuleSet): number {
  return ruleSet.groups.filter((g) => g.kind !== 'bonus').reduce((sum, g) => sum + g.maxPoints, 0);
}

interface MonthCycle {
  id: string;
  path: string;
  start: string;
  end: string;
}

/** The evaluations of one closed month, one statement. */
function insertEvaluations(
  tenantId: string,
  cycle: MonthCycle,
  spec: PeriodResultsSpec,
): RawBuilder<{ n: string }> {
  const { ruleSet, framework } = spec;
  const salt = `${spec.seed ?? 1}:${cycle.start}`;
  const after = addDays(cycle.end, 1);
  const from = cycle.path;
  const to = subtreeEnd(cycle.path);
  const held = sql`NOT ps.is_concurrent AND ps.start_date < ${after}::date
    AND (ps.end_date IS NULL OR ps.end_date > ${cycle.start}::date)`;
  const scores = spec.sheets ? scoresSql(framework, salt) : `'{}'::jsonb`;
  const total = spec.sheets
    ? totalSql(ruleSet, framework, 's.scores')
    : `LEAST(100, floor(${baseMax(ruleSet)} * s.f * 4) / 4 + s.bonus)`;
  const decided = (days: number) => sql.raw(`(${quote(cycle.end)}::date + ${days} + time '09:00')`);
  return sql<{ n: string }>`WITH candidates AS (
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
                   - GREATEST(ps.start_date, ${cycle.start}::date) DESC,
                   ps.start_date DESC, ps.id DESC
        ) AS rn
      FROM position ps
      JOIN candidates c ON c.person_id = ps.person_id
      WHERE ps.tenant_id = ${tenantId} AND ${held}
    ),
    busy AS MATERIALIZED (
      SELECT DISTINCT e.person_id
      FROM eval_cycle c
      JOIN evaluation e ON e.tenant_id = c.tenant_id AND e.cycle_id = c.id
      WHERE c.tenant_id = ${tenantId} AND c.id <> ${cycle.id}
        AND c.period_start <= ${cycle.end}::date AND c.period_end >= ${cycle.start}::date
    ),
    winners AS (
      SELECT r.person_id, r.position_id, r.title, r.title_group, r.is_leader,
        u.id AS unit_id, u.path AS unit_path,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.id ELSE u.id END AS decision_unit_id,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.path ELSE u.path END AS decision_unit_path,
        COALESCE(st.review_levels, 1) AS review_levels,
        ${sql.raw(fraction('r.person_id::text', `${spec.seed ?? 1}:level`))} AS level,
        ${sql.raw(fraction('r.person_id::text', `${salt}:noise`))} AS noise,
        ${sql.raw(fraction('r.person_id::text', `${salt}:band`))} AS band,
        ${sql.raw(fraction('r.person_id::text', `${salt}:bonus`))} AS bonus_draw
      FROM ranked r
      JOIN org_unit u ON u.tenant_id = ${tenantId} AND u.id = r.unit_id
      LEFT JOIN org_unit pu ON pu.tenant_id = u.tenant_id AND pu.id = u.parent_id
      LEFT JOIN eval_unit_setting st ON st.tenant_id = u.tenant_id
        AND st.unit_id = CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.id ELSE u.id END
      WHERE r.rn = 1 AND u.path >= ${from} AND u.path < ${to}
        AND NOT EXISTS (SELECT 1 FROM busy b WHERE b.person_id = r.person_id)
    ),
    placed AS (
      SELECT w.*, row_number() OVER (PARTITION BY w.unit_id ORDER BY 0.6 * w.level + 0.4 * w.noise DESC, w.person_id) AS rn,
        count(*) OVER (PARTITION BY w.unit_id) AS n
      FROM winners w
    ),
    targeted AS (
      SELECT p.*, CASE WHEN p.rn <= floor(p.n * ${sql.lit(EXCELLENT_SHARE)}) THEN 'excellent'
                       WHEN 0.5 * p.level + 0.5 * p.band >= 0.3 THEN 'good'
                       WHEN 0.5 * p.level + 0.5 * p.band >= 0.08 THEN 'completed'
                       ELSE 'notCompleted' END AS target
      FROM placed p
    ),
    x AS (
      SELECT t.*, t.person_id::text AS key,
        CASE target WHEN 'excellent' THEN 0.97 + 0.03 * t.noise WHEN 'good' THEN 0.83 + 0.07 * t.noise
                    WHEN 'completed' THEN 0.62 + 0.10 * t.noise ELSE 0.35 + 0.15 * t.noise END AS f,
        CASE target WHEN 'excellent' THEN floor((7 + 3 * t.bonus_draw) * 4) / 4
                    WHEN 'good' THEN floor(3 * t.bonus_draw) * 0.5 ELSE 0 END AS bonus
      FROM targeted t
    ),
    s AS MATERIALIZED (SELECT x.*, ${sql.raw(scores)} AS scores FROM x),
    g AS MATERIALIZED (SELECT s.*, ${sql.raw(total)} AS total FROM s),
    v AS (SELECT g.*, ${sql.raw(gradeSql(ruleSet, 'g.total'))} AS grade FROM g),
    inserted AS (
      INSERT INTO evaluation (tenant_id, id, cycle_id, person_id, unit_id, unit_path, decision_unit_id,
        decision_unit_path, position_id, position_title, title_group, is_leader, framework_id, rule_set_id,
        state, review_level, review_levels, scores, self_scores, total, self_total, grade, self_grade, rule_code,
        facts, submitted_at, reviewed_at, decided_at, published_at, complaint_until, finalised_at,
        version, created_at, updated_at)
      SELECT ${tenantId}::uuid, ${sql.raw(UUID7)}, ${cycle.id}::uuid, v.person_id, v.unit_id, v.unit_path,
        v.decision_unit_id, v.decision_unit_path, v.position_id, v.title, v.title_group, v.is_leader,
        ${spec.frameworkId}::uuid, ${ruleSet.id}::text, 'final', v.review_levels, v.review_levels,
        v.scores, v.scores, v.total, v.total, v.grade, v.grade, ${sql.raw(ruleCodeSql(ruleSet, 'v.grade'))},
        jsonb_build_object('isLeader', v.is_leader, 'disciplinesInYear', '[]'::jsonb,
                           'degradationConcluded', false, 'corruptionInManagedUnit', false),
        ${decided(1)}, ${decided(3)}, ${decided(5)}, ${decided(6)}, ${cycle.end}::date + 11, ${decided(12)},
        5, ${decided(1)}, ${decided(12)}
      FROM v
      RETURNING id
    )
    SELECT count(*) AS n FROM inserted`;
}

/** The five steps of a result that went the whole way (self, review, decision, publication, close). */
function insertSteps(tenantId: string, cycleId: string): RawBuilder<unknown> {
  return sql`INSERT INTO evaluation_step (tenant_id, id, evaluation_id, seq, action, from_state, to_state, level,
      scores, total, grade, rule_code, actor_user_id, actor_name, bulk, at)
    SELECT e.tenant_id, ${sql.raw(UUID7)}, e.id, s.seq, s.action, s.from_state, s.to_state,
      CASE WHEN s.seq = 1 THEN 0 ELSE e.review_levels END, e.scores, e.total, e.grade, e.rule_code,
      NULL, s.actor, s.seq = 5, c.period_end + s.days + time '09:00'
    FROM evaluation e
    JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
    CROSS JOIN (VALUES (1, 'submitSelf', 'draft', 'selfAssessed', 1, 'Người được đánh giá'),
                       (2, 'review', 'selfAssessed', 'reviewed', 3, 'Người nhận xét'),
                       (3, 'decide', 'reviewed', 'decided', 5, 'Thủ trưởng đơn vị'),
                       (4, 'publish', 'decided', 'published', 6, 'Thủ trưởng đơn vị'),
                       (5, 'finalise', 'published', 'final', 12, 'Hệ thống (khóa sổ)'))
         AS s(seq, action, from_state, to_state, days, actor)
    WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId}`;
}

async function writeMonth(
  tx: Transaction<DB>,
  tenantId: string,
  unit: { id: string; path: string },
  month: string,
  spec: PeriodResultsSpec,
): Promise<{ id: string; evaluations: number }> {
  const end = periodEnd('month', month);
  const deadlines = defaultDeadlines(end);
  const cycle: MonthCycle = {
    id: newId(Date.parse(`${month}T00:00:00Z`)),
    path: unit.path,
    start: month,
    end,
  };
  const at = (days: number) => new Date(`${addDays(end, days)}T02:00:00Z`);
  await tx
    .insertInto('eval_cycle')
    .values({
      tenant_id: tenantId,
      id: cycle.id,
      unit_id: unit.id,
      unit_path: unit.path,
      framework_id: spec.frameworkId,
      rule_set_id: spec.ruleSet.id,
      period_kind: 'month',
      period_start: month,
      period_end: end,
      label: periodLabel('month', month),
      status: 'closed',
      self_due: deadlines.selfDue,
      review_due: deadlines.reviewDue,
      decision_due: deadlines.decisionDue,
      complaint_days: deadlines.complaintDays,
      auto_next: false,
      created_at: at(-30),
      closed_at: at(12),
    })
    .execute();
  const { rows } = await insertEvaluations(tenantId, cycle, spec).execute(tx);
  const evaluations = Number(rows[0]?.n ?? 0);
  if (spec.sheets) await insertSteps(tenantId, cycle.id).execute(tx);
  await sql`INSERT INTO eval_cycle_unit (tenant_id, cycle_id, unit_id, unit_path, published_at)
    SELECT ${tenantId}::uuid, ${cycle.id}::uuid, x.unit_id, x.unit_path, ${at(6)}::timestamptz FROM (
      SELECT unit_id, unit_path FROM evaluation WHERE tenant_id = ${tenantId} AND cycle_id = ${cycle.id}
      UNION
      SELECT decision_unit_id, decision_unit_path FROM evaluation WHERE tenant_id = ${tenantId} AND cycle_id = ${cycle.id}
    ) x`.execute(tx);
  await tx
    .updateTable('eval_cycle')
    .set({ enrolled: evaluations })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', cycle.id)
    .execute();
  return { id: cycle.id, evaluations };
}

/** Writes the months in order, one transaction each; months must be over and have no cycle of the unit yet. */
export async function generatePeriodResults(
  db: Kysely<DB>,
  tenantId: string,
  spec: PeriodResultsSpec,
): Promise<PeriodResults> {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', spec.unitId)
    .executeTakeFirstOrThrow();
  const result: PeriodResults = { cycles: [], evaluations: 0 };
  for (const month of [...spec.months].sort()) {
    const written = await db.transaction().execute((tx) => writeMonth(tx, tenantId, unit, month, spec));
    result.cycles.push(written.id);
    result.evaluations += written.evaluations;
    spec.onMonth?.(month, written.evaluations);
  }
  return result;
}

/** The first days of the `count` months that end before `month` ('YYYY-MM-01'), oldest first. */
export function monthsBefore(month: string, count: number): string[] {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, k) =>
    new Date(Date.UTC(year, index - count + k, 1)).toISOString().slice(0, 10),
  );
}
