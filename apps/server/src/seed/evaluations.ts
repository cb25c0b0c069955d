import type { Grade } from '@canbo/domain';
import { sql, type Transaction } from 'kysely';
import { systemActor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import type { Tenant } from '../bootstrap';
import type { AppContext } from '../context';
import type { DB } from '../db/schema';
import { newId } from '../ids';
import { addDays } from '../modules/evaluations/cycles.periods';
import { todayInVietnam } from '../modules/units/units.dates';
import type { Services } from '../services';
import { adjusted, DEMO_RULE_SET, demoScore, demoScores, targetGrades } from './evaluation-scores';
import { Random } from './random';

/**
 * Periodic evaluation in the small demo organisation, so that every demo account has something to
 * look at and something to do (docs/EVALUATIONS.md):
 *
 * - the root's monthly framework from hn-3814-2018, and a Decree 335 framework derived for the
 *   Department of Home Affairs (SNV) with a few KPI products, both published through the services;
 * - last month's cycle, opened through the cycles service (enrolment), every result published with
 *   its steps, then closed by the close service: final grades for everyone (grade-history charts);
 * - this month's cycle, opened the same way, with people at every step: drafts, self-assessed,
 *   reviewed and a few decided; tasks with evidence in the staff member's team.
 *
 * Bulk states are written directly, each evaluation with the steps it went through and the scores,
 * totals, grades and rules computed by the domain's scoreEvaluation. Deterministic for a seed (the
 * periods follow today's date).
 */
export interface SeededEvaluations {
  cycles: number;
  evaluations: number;
  /** The root's monthly framework (hn-3814-2018). */
  frameworkId: string;
}

interface Enrolled {
  id: string;
  person_id: string;
  unit_id: string;
  decision_unit_id: string;
  is_leader: boolean;
  review_levels: number;
  person_name: string;
  unit_code: string;
  decision_unit_code: string;
}

type State = 'draft' | 'selfAssessed' | 'reviewed' | 'decided' | 'published';

interface Plan {
  state: State;
  target: Grade;
  adjust: boolean;
}

const STEPS: Record<Exclude<State, 'draft'>, number> = {
  selfAssessed: 1,
  reviewed: 2,
  decided: 3,
  published: 4,
};

function monthStart(today: string, offset: number): string {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

export async function seedEvaluations(
  ctx: AppContext,
  services: Services,
  tenant: Tenant,
  seed: number,
): Promise<SeededEvaluations> {
  const system = systemActor(ctx.tenantId, 'demo seed');
  const root = tenant.rootUnitId;
  const frameworks = services.frameworks;
  const fw = await frameworks.create(system, {
    ruleSetId: DEMO_RULE_SET.id,
    unitId: root,
    name: 'Khung tiêu chí đánh giá hằng tháng (Quyết định 3814-QĐ/TU)',
  });
  await frameworks.publish(system, fw.id, fw.version);
  await seedDepartmentKpi(ctx, services);

  const today = todayInVietnam();
  const open = (periodStart: string, autoNext: boolean) =>
    services.cycles.create(system, {
      unitId: root,
      frameworkId: fw.id,
      periodKind: 'month',
      periodStart,
      autoNext,
    });
  const previous = await open(monthStart(today, -1), false);
  const leaders = await leaderNames(ctx);
  await ctx.db.transaction().execute(async (tx) => {
    const rows = await enrolled(tx, ctx.tenantId, previous.id);
    const plans = planStates(rows, Random.stream(seed, 'evaluations:previous'), () => 'published');
    // Self-assessed after the month, published within a week, and never after today.
    const after = addDays(previous.periodEnd, 1);
    const latest = addDays(today, -6);
    const rng = Random.stream(seed, 'evaluations:previous:scores');
    await writeStates(tx, ctx.tenantId, rows, plans, leaders, after < latest ? after : latest, rng);
  });
  await services.evaluationWorkflow.close.close(system, previous.id);

  const current = await open(monthStart(today, 0), true);
  let count = 0;
  await ctx.db.transaction().execute(async (tx) => {
    const rows = await enrolled(tx, ctx.tenantId, current.id);
    const rng = Random.stream(seed, 'evaluations:current');
    const plans = planStates(rows, rng, (row) => currentState(row, rng));
    const stepDay = addDays(current.periodStart, Math.min(20, Number(today.slice(8, 10)) - 1));
    const scores = Random.stream(seed, 'evaluations:current:scores');
    const firstDay = addDays(stepDay, -3) < current.periodStart ? current.periodStart : addDays(stepDay, -3);
    await writeStates(tx, ctx.tenantId, rows, plans, leaders, firstDay, scores);
    await writeTasks(tx, ctx.tenantId, rows, current.periodStart, current.periodEnd);
    count = previous.enrolled + rows.length;
    await recordAudit(tx, system, {
      action: 'demo.evaluationsSeeded',
      entityType: 'eval_cycle',
      entityId: current.id,
      unitPath: tenant.rootPath,
      after: {
        frameworkId: fw.id,
        cycles: [previous.id, current.id],
        states: Object.fromEntries(
          (['draft', 'selfAssessed', 'reviewed', 'decided'] as const).map((s) => [
            s,
            plans.filter((p) => p.state === s).length,
          ]),
        ),
      },
    });
  });
  return { cycles: 2, evaluations: count, frameworkId: fw.id };
}

/** Where the demo accounts act: the staff member's team and the ward it belongs to. */
const TEAM = 'P-BADINH-KT';
const WARD = 'P-BADINH';

/** This month: the demo accounts each have work waiting; elsewhere a spread over every step. */
function currentState(row: Enrolled, rng: Random): State {
  if (row.person_name === 'Phạm Minh Đức' && row.unit_code === TEAM) return 'draft';
  if (row.unit_code === TEAM) return rng.float() < 0.8 ? 'selfAssessed' : 'draft';
  if (row.decision_unit_code === WARD || row.unit_code.startsWith(`${WARD}-`)) {
    const r = rng.float();
    return r < 0.6 ? 'reviewed' : r < 0.8 ? 'selfAssessed' : 'draft';
  }
  const r = rng.float();
  return r < 0.35 ? 'draft' : r < 0.6 ? 'selfAssessed' : r < 0.85 ? 'reviewed' : 'decided';
}

/** Target grades per unit (quota-safe), then each person's state. */
function planStates(rows: Enrolled[], rng: Random, state: (row: Enrolled) => State): Plan[] {
  const byUnit = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byUnit.get(r.unit_id) ?? [];
    list.push(i);
    byUnit.set(r.unit_id, list);
  });
  const targets: Grade[] = new Array(rows.length);
  for (const indexes of byUnit.values()) {
    const grades = targetGrades(rng, indexes.length);
    indexes.forEach((index, k) => {
      targets[index] = grades[k]!;
    });
  }
  return rows.map((row, i) => ({ state: state(row), target: targets[i]!, adjust: rng.float() < 0.2 }));
}

async function enrolled(tx: Transaction<DB>, tenantId: string, cycleId: string): Promise<Enrolled[]> {
  const { rows } = await sql<Enrolled>`
    SELECT e.id, e.person_id, e.unit_id, e.decision_unit_id, e.is_leader, e.review_levels,
           p.full_name AS person_name, u.code AS unit_code, d.code AS decision_unit_code
      FROM evaluation e
      JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
      JOIN org_unit u ON u.tenant_id = e.tenant_id AND u.id = e.unit_id
      JOIN org_unit d ON d.tenant_id = e.tenant_id AND d.id = e.decision_unit_id
     WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycleId}
     ORDER BY u.code, p.sort_key COLLATE "C", e.id`.execute(tx);
  return rows;
}

interface Leader {
  name: string;
  userId: string | null;
}

/** A current leader of each unit (reviewer and head in the steps), with their account if they have one. */
async function leaderNames(ctx: AppContext): Promise<Map<string, Leader>> {
  const { rows } = await sql<{ unit_id: string; name: string; user_id: string | null }>`
    SELECT DISTINCT ON (ps.unit_id) ps.unit_id, p.full_name AS name, a.id AS user_id
      FROM position ps
      JOIN person p ON p.tenant_id = ps.tenant_id AND p.id = ps.person_id
      LEFT JOIN app_user a ON a.tenant_id = p.tenant_id AND a.person_id = p.id
     WHERE ps.tenant_id = ${ctx.tenantId} AND ps.is_leader AND ps.end_date IS NULL AND NOT ps.is_concurrent
     ORDER BY ps.unit_id, a.id NULLS LAST, ps.start_date, ps.id`.execute(ctx.db);
  return new Map(rows.map((r) => [r.unit_id, { name: r.name, userId: r.user_id }]));
}

/** Scores, totals, grades, dates and steps of every evaluation past the draft (one day per step). */
async function writeStates(
  tx: Transaction<DB>,
  tenantId: string,
  rows: Enrolled[],
  plans: Plan[],
  leaders: Map<string, Leader>,
  firstDay: string,
  rng: Random,
): Promise<void> {
  const at = (day: number) => new Date(`${addDays(firstDay, day)}T02:30:00Z`);
  const steps: Parameters<typeof insertSteps>[1] = [];
  const updates: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const plan = plans[i]!;
    if (plan.state === 'draft') continue;
    const own = demoScores(rng, plan.target);
    const self = demoScore(own, row.is_leader);
    const final = plan.adjust && plan.state !== 'selfAssessed' ? adjusted(own) : own;
    const result = demoScore(final, row.is_leader);
    const leader = leaders.get(row.decision_unit_id);
    const head =
      leader && leader.name !== row.person_name ? leader : { name: 'Lãnh đạo đơn vị', userId: null };
    const done = STEPS[plan.state];
    const facts = {
      isLeader: row.is_leader,
      disciplinesInYear: [],
      degradationConcluded: false,
      corruptionInManagedUnit: false,
    };
    updates.push({
      id: row.id,
      state: plan.state,
      review_level: done >= 2 ? row.review_levels : 0,
      scores: final,
      total: result.total,
      grade: result.grade,
      rule_code: result.rule.code,
      self_scores: own,
      self_total: self.total,
      self_grade: self.grade,
      facts,
      submitted_at: at(0),
      reviewed_at: done >= 2 ? at(2) : null,
      decided_at: done >= 3 ? at(4) : null,
      published_at: done >= 4 ? at(5) : null,
      complaint_until: done >= 4 ? addDays(firstDay, 10) : null,
      version: 1 + done,
      updated_at: at(done),
    });
    const step = (seq: number, action: string, from: string, to: string, who: Leader, scored = result) => {
      const changed = seq === 2 && final !== own;
      steps.push({
        id: newId(at(seq).getTime()),
        evaluation_id: row.id,
        seq,
        action,
        from_state: from,
        to_state: to,
        level: seq === 1 ? 0 : row.review_levels,
        scores: JSON.stringify(seq === 1 ? own : final),
        total: scored.total,
        grade: scored.grade,
        rule_code: scored.rule.code,
        comment: changed ? 'Một việc hoàn thành chậm so với ngày cam kết: trừ 1 điểm tiến độ.' : null,
        actor_user_id: who.userId,
        actor_name: who.name,
        at: at(seq === 1 ? 0 : seq * 2 - 2 + (seq === 4 ? 1 : 0)),
      });
    };
    step(1, 'submitSelf', 'draft', 'selfAssessed', { name: row.person_name, userId: null }, self);
    if (done >= 2) step(2, 'review', 'selfAssessed', 'reviewed', head);
    if (done >= 3) step(3, 'decide', 'reviewed', 'decided', head);
    if (done >= 4) step(4, 'publish', 'decided', 'published', head);
  }
  // One statement for all rows: the values travel as one JSON array.
  await sql`UPDATE evaluation e SET state = v.state, review_level = v.review_level, scores = v.scores,
      total = v.total, grade = v.grade, rule_code = v.rule_code, self_scores = v.self_scores,
      self_total = v.self_total, self_grade = v.self_grade, self_comment = ${SELF_COMMENT}, facts = v.facts,
      submitted_at = v.submitted_at, reviewed_at = v.reviewed_at, decided_at = v.decided_at,
      published_at = v.published_at, complaint_until = v.complaint_until, version = v.version,
      updated_at = v.updated_at
    FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS v(id uuid, state text, review_level int,
      scores jsonb, total numeric, grade text, rule_code text, self_scores jsonb, self_total numeric,
      self_grade text, facts jsonb, submitted_at timestamptz, reviewed_at timestamptz, decided_at timestamptz,
      published_at timestamptz, complaint_until date, version int, updated_at timestamptz)
    WHERE e.tenant_id = ${tenantId} AND e.id = v.id`.execute(tx);
  await insertSteps(tx, steps, tenantId);
}

const SELF_COMMENT = 'Hoàn thành các nhiệm vụ đã đăng ký trong tháng.';

async function insertSteps(
  tx: Transaction<DB>,
  steps: Array<{
    id: string;
    evaluation_id: string;
    seq: number;
    action: string;
    from_state: string;
    to_state: string;
    level: number;
    scores: string;
    total: number;
    grade: string;
    rule_code: string;
    comment: string | null;
    actor_user_id: string | null;
    actor_name: string;
    at: Date;
  }>,
  tenantId: string,
): Promise<void> {
  for (let start = 0; start < steps.length; start += 500) {
    const batch = steps.slice(start, start + 500).map((s) => ({ ...s, tenant_id: tenantId }));
    await tx.insertInto('evaluation_step').values(batch).execute();
  }
}

const TASKS: Array<[string, string, string | null]> = [
  [
    'Thẩm định hồ sơ đăng ký kinh doanh hộ cá thể',
    'Phiếu thẩm định',
    'Đã thẩm định 42 hồ sơ, đúng hạn; biên bản lưu tại bộ phận một cửa.',
  ],
  [
    'Báo cáo tình hình kinh tế - xã hội tháng',
    'Báo cáo',
    'Báo cáo số 118/BC-UBND đã trình lãnh đạo phường ngày 25.',
  ],
  ['Rà soát, cập nhật cơ sở dữ liệu hộ kinh doanh', 'Danh sách cập nhật', null],
];

/** Tasks of the staff member's team: registered, some done with evidence. */
async function writeTasks(
  tx: Transaction<DB>,
  tenantId: string,
  rows: Enrolled[],
  periodStart: string,
  periodEnd: string,
): Promise<void> {
  const now = new Date(`${periodStart}T02:00:00Z`);
  const values = rows
    .filter((r) => r.unit_code === TEAM)
    .flatMap((r, k) =>
      TASKS.map(([title, product, evidence], i) => {
        const done = evidence !== null && (i === 0 || k % 2 === 0);
        const deadline = addDays(periodStart, 14 + i * 6 > 27 ? 27 : 14 + i * 6);
        return {
          tenant_id: tenantId,
          id: newId(now.getTime() + k * 10 + i),
          evaluation_id: r.id,
          title,
          product,
          deadline: deadline > periodEnd ? periodEnd : deadline,
          committed_date: deadline > periodEnd ? periodEnd : deadline,
          progress: done ? 100 : i === 2 ? 0 : 60,
          status: done ? 'done' : i === 2 ? 'planned' : 'inProgress',
          done_date: done ? addDays(periodStart, 12 + i * 5) : null,
          evidence_text: done ? evidence : null,
          sort_order: i,
          created_at: now,
          updated_at: now,
        };
      }),
    );
  if (values.length) await tx.insertInto('eval_task').values(values).execute();
}

const KPI_PRODUCTS: Array<[string, string, string, number]> = [
  ['VB-TD', 'Văn bản thẩm định đề án vị trí việc làm', 'văn bản', 2],
  ['HS-TD', 'Hồ sơ tuyển dụng, nâng ngạch được thẩm định', 'hồ sơ', 1],
  ['BC-DK', 'Báo cáo định kỳ về tổ chức bộ máy, biên chế', 'báo cáo', 1.5],
  ['QD-CB', 'Dự thảo quyết định về công tác cán bộ', 'dự thảo', 1.2],
];

/** Decree 335 for the Department of Home Affairs: a derived framework and its KPI catalogue. */
async function seedDepartmentKpi(ctx: AppContext, services: Services): Promise<void> {
  const unit = await ctx.db
    .selectFrom('org_unit')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('code', '=', 'SNV')
    .executeTakeFirst();
  if (!unit) return;
  const system = systemActor(ctx.tenantId, 'demo seed');
  const fw = await services.frameworks.create(system, {
    ruleSetId: 'nd-335-2025',
    unitId: unit.id,
    name: 'Khung tiêu chí đánh giá theo KPI của Sở Nội vụ (Nghị định 335/2025/NĐ-CP)',
  });
  await services.frameworks.publish(system, fw.id, fw.version);
  for (const [code, name, measure, coefficient] of KPI_PRODUCTS) {
    await services.kpiCatalogue.create(system, { unitId: unit.id, code, name, measure, coefficient });
  }
}
