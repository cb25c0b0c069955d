/**
 * A full month of periodic evaluation on a seeded database (issue 4 benchmarks), made quickly:
 *
 * - a published framework from the `hn-3814-2018` default breakdown (12 leaf criteria), owned by
 *   the root, created and published through the frameworks service;
 * - a monthly cycle for the root opened through the cycles service (its set-wise enrolment);
 * - every evaluation of the cycle filled in one UPDATE: 12 criterion scores, totals and grades,
 *   state `published` with its dates, and four workflow steps each (self, review, decide, publish)
 *   in one INSERT … SELECT. Scores are drawn per person from a hash of the seed, so that each unit
 *   stays within the quota: target grades are chosen first (≤ 25 % excellent per unit, under the 30 %
 *   cap), then scores that land in the target's band.
 *
 * Totals and grades written here come from the SQL of `gradeSql` (the raw baseline); the close service
 * recomputes them with the domain, and the benchmark checks that both agree.
 */
import {
  type CriterionNode,
  defaultFramework,
  type Framework,
  GRADES,
  HN_3814_2018,
  leafCriteria,
  type RuleSet,
} from '@canbo/domain';
import { systemActor } from '@canbo/server/src/access/actor';
import type { CanboServer } from './canbo';
import type { BenchDatabase } from './engines';

type Pool = BenchDatabase['database']['pool'];

export const MONTH_RULE_SET: RuleSet = HN_3814_2018;

/** Share of each unit (rounded down) given the top grade: under 3814's 30 % cap. */
const EXCELLENT_SHARE = 0.25;

export interface MonthFramework {
  id: string;
  framework: Framework;
  leaves: number;
}

/** 'YYYY-MM-01' of the month `offset` months from the month of `today` (UTC calendar). */
export function monthStart(today: string, offset: number): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7)) - 1 + offset;
  const d = new Date(Date.UTC(year, month, 1));
  return d.toISOString().slice(0, 10);
}

export async function publishMonthFramework(server: CanboServer, name: string): Promise<MonthFramework> {
  const system = systemActor(server.tenant.tenantId, 'bench');
  const created = await server.services.frameworks.create(system, {
    ruleSetId: MONTH_RULE_SET.id,
    unitId: server.tenant.rootUnitId,
    name,
  });
  await server.services.frameworks.publish(system, created.id, created.version);
  const framework = defaultFramework(MONTH_RULE_SET);
  return { id: created.id, framework, leaves: leafCriteria(framework).length };
}

/** Opens the root's monthly cycle through the cycles service (enrolment included); returns its id. */
export async function openMonthCycle(
  server: CanboServer,
  frameworkId: string,
  periodStart: string,
): Promise<{ id: string; enrolled: number }> {
  const system = systemActor(server.tenant.tenantId, 'bench');
  const cycle = await server.services.cycles.create(system, {
    unitId: server.tenant.rootUnitId,
    frameworkId,
    periodKind: 'month',
    periodStart,
    autoNext: false,
  });
  return { id: cycle.id, enrolled: cycle.enrolled };
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** `(scores->>'code')::numeric` summed per group, each group capped at its maximum, the total at 100. */
export function totalSql(ruleSet: RuleSet, framework: Framework, scores: string): string {
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

/** The grade of a total by the rule set's thresholds (3814 has no other disqualifier than points). */
export function gradeSql(ruleSet: RuleSet, total: string): string {
  const t = ruleSet.thresholds;
  return `CASE WHEN ${total} >= ${t.excellent} THEN 'excellent' WHEN ${total} >= ${t.good} THEN 'good'
    WHEN ${total} >= ${t.completed} THEN 'completed' ELSE 'notCompleted' END`;
}

function ruleCodeSql(ruleSet: RuleSet, grade: string): string {
  const cases = GRADES.map((g) => `WHEN ${quote(g)} THEN ${quote(ruleSet.rules.grades[g].code)}`).join(' ');
  return `CASE ${grade} ${cases} END`;
}

/** A deterministic fraction in [0, 1) from the row's person and a salt. */
const fraction = (salt: string, column = 'e.person_id') =>
  `((hashtext(${column}::text || ${quote(salt)})::bigint + 2147483648) / 4294967296.0)`;

function scoresSql(framework: Framework, seed: number): string {
  const entries: string[] = [];
  const bonusLeaves: CriterionNode[] = [];
  for (const { node, groupCode } of leafCriteria(framework)) {
    if (groupCode === 'bonus') {
      bonusLeaves.push(node);
      continue;
    }
    // f ± 0.02, in quarter points, within [0, max].
    const jitter = `(${fraction(`${seed}:${node.code}`, 'x.person_id')} - 0.5) * 0.04`;
    entries.push(
      `${quote(node.code)}, LEAST(${node.maxPoints}, GREATEST(0, floor(${node.maxPoints} * (x.f + ${jitter}) * 4) / 4))`,
    );
  }
  // Bonus points fill the bonus items in order.
  let before = '0';
  for (const node of bonusLeaves) {
    entries.push(`${quote(node.code)}, LEAST(${node.maxPoints}, GREATEST(0, x.bonus - (${before})))`);
    before = `${before} + ${node.maxPoints}`;
  }
  return `jsonb_build_object(${entries.join(', ')})`;
}

/**
 * Every evaluation of the cycle: scores, totals, grades, state `published` (decided and published
 * after the period, the complaint window over), with its four workflow steps. Two statements.
 */
export function fillSql(framework: Framework, seed: number): string {
  const ruleSet = MONTH_RULE_SET;
  const total = totalSql(ruleSet, framework, 's.scores');
  return `
    WITH r AS (
      SELECT e.id, e.person_id, e.is_leader, ${fraction(`${seed}:grade`)} AS r2, ${fraction(`${seed}:f`)} AS r3,
             ${fraction(`${seed}:bonus`)} AS r4,
             row_number() OVER (PARTITION BY e.unit_id ORDER BY ${fraction(`${seed}:rank`)}, e.id) AS rn,
             count(*) OVER (PARTITION BY e.unit_id) AS n
        FROM evaluation e
       WHERE e.tenant_id = $1 AND e.cycle_id = $2
    ), t AS (
      SELECT id, person_id, is_leader, r3, r4,
             CASE WHEN rn <= floor(n * ${EXCELLENT_SHARE}) THEN 'excellent' WHEN r2 < 0.70 THEN 'good'
                  WHEN r2 < 0.93 THEN 'completed' ELSE 'notCompleted' END AS target
        FROM r
    ), x AS (
      SELECT id, person_id, is_leader,
             CASE target WHEN 'excellent' THEN 0.97 + 0.03 * r3 WHEN 'good' THEN 0.83 + 0.07 * r3
                         WHEN 'completed' THEN 0.62 + 0.10 * r3 ELSE 0.35 + 0.15 * r3 END AS f,
             CASE target WHEN 'excellent' THEN floor((7 + 3 * r4) * 4) / 4
                         WHEN 'good' THEN floor(3 * r4) * 0.5 ELSE 0 END AS bonus
        FROM t
    ), s AS MATERIALIZED (
      SELECT x.id, x.is_leader, ${scoresSql(framework, seed)} AS scores FROM x
    ), g AS MATERIALIZED (
      SELECT s.id, s.is_leader, s.scores, ${total} AS total FROM s
    ), v AS MATERIALIZED (
      SELECT g.*, ${gradeSql(ruleSet, 'g.total')} AS grade FROM g
    )
    UPDATE evaluation e
       SET scores = v.scores, self_scores = v.scores, total = v.total, self_total = v.total,
           grade = v.grade, self_grade = v.grade, rule_code = ${ruleCodeSql(ruleSet, 'v.grade')},
           facts = jsonb_build_object('isLeader', v.is_leader, 'disciplinesInYear', '[]'::jsonb,
                                      'degradationConcluded', false, 'corruptionInManagedUnit', false),
           state = 'published', review_level = e.review_levels,
           submitted_at = c.period_end + time '09:00', reviewed_at = c.period_end + 2 + time '09:00',
           decided_at = c.period_end + 4 + time '09:00', published_at = c.period_end + 5 + time '09:00',
           complaint_until = c.period_end + 5 + c.complaint_days,
           version = e.version + 4, updated_at = now()
      FROM v, eval_cycle c
     WHERE e.tenant_id = $1 AND e.id = v.id AND c.tenant_id = $1 AND c.id = $2`;
}

export async function fillPublished(
  pool: Pool,
  tenantId: string,
  cycleId: string,
  framework: Framework,
  seed = 1,
): Promise<number> {
  const { rowCount } = await pool.query(fillSql(framework, seed), [tenantId, cycleId]);
  await pool.query(
    `INSERT INTO evaluation_step (tenant_id, id, evaluation_id, seq, action, from_state, to_state, level,
                                  scores, total, grade, rule_code, actor_user_id, actor_name, bulk, at)
     SELECT e.tenant_id, gen_random_uuid(), e.id, s.seq, s.action, s.from_state, s.to_state,
            CASE WHEN s.seq = 1 THEN 0 ELSE e.review_levels END, e.scores, e.total, e.grade, e.rule_code,
            NULL, s.actor, s.seq = 2, c.period_end + s.days + time '09:00'
       FROM evaluation e
       JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
      CROSS JOIN (VALUES (1, 'submitSelf', 'draft', 'selfAssessed', 0, 'Người được đánh giá'),
                         (2, 'review', 'selfAssessed', 'reviewed', 2, 'Người nhận xét'),
                         (3, 'decide', 'reviewed', 'decided', 4, 'Thủ trưởng đơn vị'),
                         (4, 'publish', 'decided', 'published', 5, 'Thủ trưởng đơn vị'))
              AS s(seq, action, from_state, to_state, days, actor)
      WHERE e.tenant_id = $1 AND e.cycle_id = $2`,
    [tenantId, cycleId],
  );
  return rowCount ?? 0;
}

export interface RawGrades {
  /** Grade → count over the cycle. */
  grades: Record<string, number>;
  units: number;
  /** Units whose excellent count exceeds floor(30 % of those graded). */
  overQuota: number;
}

/**
 * The raw baseline of the close: one statement that computes every grade from the stored scores
 * (a CASE over the summed, capped groups) and the quota per unit (GROUP BY), as the close does.
 */
export function rawGradesSql(framework: Framework): string {
  const ruleSet = MONTH_RULE_SET;
  const percent = ruleSet.quota.percent;
  return `
    WITH totals AS MATERIALIZED (
      SELECT e.unit_id, ${totalSql(ruleSet, framework, 'e.scores')} AS total
        FROM evaluation e
       WHERE e.tenant_id = $1 AND e.cycle_id = $2 AND e.state IN ('published', 'final')
    ), graded AS (
      SELECT unit_id, ${gradeSql(ruleSet, 'total')} AS grade FROM totals
    ), per_unit AS (
      SELECT unit_id, count(*) AS graded, count(*) FILTER (WHERE grade = 'excellent') AS excellent,
             count(*) FILTER (WHERE grade = 'good') AS good,
             count(*) FILTER (WHERE grade = 'completed') AS completed,
             count(*) FILTER (WHERE grade = 'notCompleted') AS not_completed
        FROM graded GROUP BY unit_id
    )
    SELECT count(*) AS units, sum(excellent) AS excellent, sum(good) AS good, sum(completed) AS completed,
           sum(not_completed) AS "notCompleted",
           count(*) FILTER (WHERE excellent > floor(graded * ${percent} / 100.0)) AS over_quota
      FROM per_unit`;
}

export async function rawGrades(
  pool: Pool,
  sqlText: string,
  tenantId: string,
  cycleId: string,
): Promise<RawGrades> {
  const { rows } = await pool.query<Record<string, string | null>>(sqlText, [tenantId, cycleId]);
  const r = rows[0]!;
  const grades = Object.fromEntries(GRADES.map((g) => [g, Number(r[g] ?? 0)]));
  return { grades, units: Number(r.units), overQuota: Number(r.over_quota) };
}

/** Grade counts of the cycle as stored (after the close: the domain's grades). */
export async function storedGrades(pool: Pool, tenantId: string, cycleId: string, state: string) {
  const { rows } = await pool.query<{ grade: string | null; n: string }>(
    `SELECT grade, count(*) AS n FROM evaluation WHERE tenant_id = $1 AND cycle_id = $2 AND state = $3
      GROUP BY grade`,
    [tenantId, cycleId, state],
  );
  return Object.fromEntries(GRADES.map((g) => [g, Number(rows.find((r) => r.grade === g)?.n ?? 0)]));
}
