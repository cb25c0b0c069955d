import { sql } from 'kysely';
import { systemActor } from '../access/actor';
import type { AppContext } from '../context';
import { newId } from '../ids';
import { claimJob, completeJob } from '../jobs/queue';
import { PREPARE_JOB } from '../modules/annual/periods.service';
import { addDays } from '../modules/evaluations/cycles.periods';
import { todayInVietnam } from '../modules/units/units.dates';
import type { Services } from '../services';
import { DEMO_FRAMEWORK, DEMO_RULE_SET } from './evaluation-scores';
import { generatePeriodResults, monthsBefore } from './period-results';

/**
 * The annual review in the small demo organisation (docs/ANNUAL.md), so that `npm start` shows it:
 *
 * - the demo ward's monthly results for the months of this year before the two the evaluation seed
 *   writes (last month closed, this month open): closed cycles of the ward, final results with their
 *   score sheets and steps (period-results.ts);
 * - this year's annual review period over the ward, created through the review periods service and
 *   prepared by its job (prepareReviewPeriod: enrolment on both tracks, eligibility, roll-up proposals),
 *   run here at once so the period is open when the server starts;
 * - in the staff member's team, a few people who wrote their self-review and a few the manager already
 *   proposed (the staff member's own review stays to do); in the ward's office a few self-reviews;
 * - one party cell of the ward designated weak for the year, with its consolidation plan under way
 *   (weak organisations service).
 *
 * Review steps are written directly, as the evaluation seed writes its states: each with the step row
 * the workflow would have written.
 */
export interface SeededAnnual {
  months: number;
  results: number;
  reviews: number;
  selfReviewed: number;
  proposed: number;
  weakOrgs: number;
}

const WARD = 'P-BADINH';
const TEAM = 'P-BADINH-KT';
const OFFICE = 'P-BADINH-VP';
const WEAK_CELL = 'P-BADINH-CB-TDP02';
const STAFF_NAME = 'Phạm Minh Đức';
const MANAGER = 'truongphong';

const SELF_REVIEWS = [
  'Ưu điểm: chấp hành nghiêm chủ trương, quy định; hoàn thành đúng hạn các nhiệm vụ được giao trong năm. ' +
    'Hạn chế: một số báo cáo còn chậm. Nguyên nhân: khối lượng công việc tăng sau sắp xếp đơn vị hành chính. ' +
    'Biện pháp khắc phục: lập kế hoạch tuần, báo cáo tiến độ hằng tháng.',
  'Ưu điểm: đoàn kết, có trách nhiệm, chủ động tham mưu giải quyết hồ sơ của người dân đúng hạn. ' +
    'Hạn chế: chưa khai thác hết phần mềm quản lý văn bản. Biện pháp: tự học, tham gia lớp bồi dưỡng chuyển đổi số.',
  'Ưu điểm: hoàn thành 100% nhiệm vụ đã đăng ký, không để xảy ra sai sót. ' +
    'Hạn chế: kỹ năng thuyết trình còn hạn chế. Biện pháp: đăng ký tham gia sinh hoạt chuyên đề của chi bộ.',
];

const MEASURES = [
  'Kiện toàn cấp ủy, phân công lại nhiệm vụ đảng viên',
  'Sinh hoạt chi bộ định kỳ đúng nội dung, có chuyên đề hằng quý',
  'Rà soát, giải quyết dứt điểm các kiến nghị của nhân dân trên địa bàn tổ dân phố',
];

function monthStart(today: string, offset: number): string {
  const d = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 + offset, 1));
  return d.toISOString().slice(0, 10);
}

export async function seedAnnual(
  ctx: AppContext,
  services: Services,
  frameworkId: string,
  seed: number,
): Promise<SeededAnnual | null> {
  const tenantId = ctx.tenantId;
  const ward = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('code', '=', WARD)
    .executeTakeFirst();
  if (!ward) return null;
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  // This year's months before last month (the evaluation seed has last month and this one).
  const lastMonth = monthStart(today, -1);
  const count = Number(lastMonth.slice(0, 4)) === year ? Number(lastMonth.slice(5, 7)) - 1 : 0;
  const months = monthsBefore(lastMonth, count);
  const generated = await generatePeriodResults(ctx.db, tenantId, {
    unitId: ward.id,
    frameworkId,
    ruleSet: DEMO_RULE_SET,
    framework: DEMO_FRAMEWORK,
    months,
    seed,
    sheets: true,
  });

  const system = systemActor(tenantId, 'demo seed');
  const period = await services.reviewPeriods.create(system, {
    kind: 'annual',
    unitId: ward.id,
    year,
    selfDue: `${year}-12-10`,
    meetingDue: `${year}-12-17`,
    decisionDue: `${year}-12-28`,
  });
  await runPrepareJob(ctx, services, period.id);

  const { selfReviewed, proposed } = await writeReviewSteps(ctx, period.id, today);
  const weakOrgs = await designateWeakCell(ctx, services, year, today);
  const reviews = await ctx.db
    .selectFrom('annual_review')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('period_id', '=', period.id)
    .executeTakeFirstOrThrow();
  return {
    months: months.length,
    results: generated.evaluations,
    reviews: Number(reviews.n),
    selfReviewed,
    proposed,
    weakOrgs,
  };
}

/** The period's 'annual.prepare' job, run now the way the worker runs it (claimed, run, completed). */
async function runPrepareJob(ctx: AppContext, services: Services, periodId: string): Promise<void> {
  const job = await claimJob(ctx.db, 'demo seed', [PREPARE_JOB]);
  if (!job || (job.payload as { periodId?: string }).periodId !== periodId)
    throw new Error(`the preparation job of review period ${periodId} was not found`);
  await completeJob(ctx.db, job, await services.reviewPeriods.runPrepare(job));
}

interface Candidate {
  id: string;
  unit_code: string;
  full_name: string;
  user_id: string | null;
  grade: string;
  version: number;
}

/** Self-reviews and the manager's proposals of a few people, each with its step. */
async function writeReviewSteps(
  ctx: AppContext,
  periodId: string,
  today: string,
): Promise<{ selfReviewed: number; proposed: number }> {
  const tenantId = ctx.tenantId;
  const { rows } = await sql<Candidate>`
    SELECT r.id, u.code AS unit_code, p.full_name, a.id AS user_id, r.proposed_grade AS grade, r.version
      FROM annual_review r
      JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
      JOIN person p ON p.tenant_id = r.tenant_id AND p.id = r.person_id
      LEFT JOIN app_user a ON a.tenant_id = p.tenant_id AND a.person_id = p.id
     WHERE r.tenant_id = ${tenantId} AND r.period_id = ${periodId} AND r.subject = 'person'
       AND r.track = 'state' AND r.state = 'pending' AND NOT r.is_leader AND r.proposed_grade IS NOT NULL
       AND u.code IN (${TEAM}, ${OFFICE}) AND p.full_name <> ${STAFF_NAME}
     ORDER BY u.code, p.sort_key COLLATE "C", r.id`.execute(ctx.db);
  const manager = await ctx.db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('username_key', '=', MANAGER)
    .executeTakeFirst();
  const team = rows.filter((r) => r.unit_code === TEAM);
  const office = rows.filter((r) => r.unit_code === OFFICE).slice(0, 3);
  const proposedIds = new Set(team.slice(0, Math.ceil(team.length / 3)).map((r) => r.id));
  const chosen = [...team, ...office];
  if (chosen.length === 0) return { selfReviewed: 0, proposed: 0 };
  const selfAt = new Date(`${addDays(today, -3)}T02:30:00Z`);
  const proposeAt = new Date(`${addDays(today, -1)}T08:00:00Z`);
  const updates = chosen.map((r, i) => {
    const propose = proposedIds.has(r.id);
    return {
      id: r.id,
      state: propose ? 'proposed' : 'selfReviewed',
      self_review: SELF_REVIEWS[i % SELF_REVIEWS.length],
      self_grade: r.grade,
      self_submitted_at: selfAt,
      manager_grade: propose ? r.grade : null,
      manager_comment: propose ? 'Đồng ý với mức đề xuất từ kết quả đánh giá hằng tháng.' : null,
      manager_by: propose ? (manager?.id ?? null) : null,
      manager_at: propose ? proposeAt : null,
      version: r.version + (propose ? 2 : 1),
    };
  });
  await sql`UPDATE annual_review r SET state = v.state, self_review = v.self_review, self_grade = v.self_grade,
      self_submitted_at = v.self_submitted_at, manager_grade = v.manager_grade, manager_comment = v.manager_comment,
      manager_by = v.manager_by, manager_at = v.manager_at, version = v.version, updated_at = now()
    FROM jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) AS v(id uuid, state text, self_review text,
      self_grade text, self_submitted_at timestamptz, manager_grade text, manager_comment text, manager_by uuid,
      manager_at timestamptz, version int)
    WHERE r.tenant_id = ${tenantId} AND r.id = v.id`.execute(ctx.db);
  const steps = chosen.flatMap((r) => {
    const self = {
      tenant_id: tenantId,
      id: newId(selfAt.getTime()),
      review_id: r.id,
      seq: 1,
      action: 'selfReview',
      grade: r.grade,
      comment: null,
      actor_id: r.user_id,
      at: selfAt,
    };
    if (!proposedIds.has(r.id)) return [self];
    const proposal = {
      ...self,
      id: newId(proposeAt.getTime()),
      seq: 2,
      action: 'propose',
      comment: 'Đồng ý với mức đề xuất từ kết quả đánh giá hằng tháng.',
      actor_id: manager?.id ?? null,
      at: proposeAt,
    };
    return [self, proposal];
  });
  await ctx.db.insertInto('annual_review_step').values(steps).execute();
  return { selfReviewed: chosen.length - proposedIds.size, proposed: proposedIds.size };
}

/** One party cell of the ward listed as weak for the year, its plan under way. */
async function designateWeakCell(
  ctx: AppContext,
  services: Services,
  year: number,
  today: string,
): Promise<number> {
  const cell = await ctx.db
    .selectFrom('org_unit')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('code', '=', WEAK_CELL)
    .executeTakeFirst();
  if (!cell) return 0;
  // The cell's secretary (its leader) answers for the plan.
  const secretary = await ctx.db
    .selectFrom('position')
    .select('person_id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('unit_id', '=', cell.id)
    .where('end_date', 'is', null)
    .orderBy('is_leader', 'desc')
    .orderBy('start_date')
    .executeTakeFirst();
  const system = systemActor(ctx.tenantId, 'demo seed');
  const weak = await services.weakOrgs.designate(system, {
    unitId: cell.id,
    year,
    note: 'Sinh hoạt chi bộ không đều, chất lượng sinh hoạt thấp; tỷ lệ đảng viên tham gia dưới 70%.',
  });
  await services.weakOrgs.update(system, weak.id, {
    measures: MEASURES.map((content, i) => ({
      content,
      responsiblePersonId: secretary?.person_id ?? null,
      deadline: `${year + 1}-0${3 * (i + 1)}-30`,
      doneOn: i === 0 ? addDays(today, -7) : null,
    })),
    status: 'inProgress',
    statusNote: 'Đã kiện toàn cấp ủy; đang triển khai các biện pháp còn lại.',
    version: weak.version,
  });
  return 1;
}
