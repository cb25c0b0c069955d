import { newId } from '../../src/ids';
import { evaluationBuilders, scores3814 } from '../../src/modules/evaluations/evaluations.fixtures';
import { databaseFileStore } from '../../src/modules/evaluations/files';
import { addPerson, publishedFramework } from '../../src/modules/evaluations/setup.fixtures';
import { cycleOf, delegation, draftFramework, kpiProduct } from '../matrix/evaluation-setup.fixtures';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute, personOf, type Table } from './types';

/**
 * Fuzz entries of the evaluation and notification routes (docs/EVALUATIONS.md), spread into the
 * `routes` of src/http/fuzz.int.test.ts. Every target is fresh: an evaluation gets a unit and a cycle
 * of its own under A's home unit, so no quota, board or close is shared between runs.
 *
 * What a success writes, read from the services:
 * - a workflow step (workflow.ts `transition`): the evaluation row, an evaluation_step, the audit
 *   chain, and notifications for whoever the item now waits on. Notifications would also queue an
 *   e-mail `job` when CANBO_SMTP_URL is set (notifications.service.ts `notify`); the test context is
 *   built from an empty environment (no SMTP), so `job` must never change here.
 * - the self-assessment draft (evaluations.service.ts `saveDraft`) writes the evaluation alone: no
 *   step, no audit entry, no notification.
 */
const STEP: Table[] = ['evaluation', 'evaluation_step', 'notification', ...AUDIT];

const builders = (fx: MatrixFixture) => evaluationBuilders(fx.t.ctx.db, fx.t.ctx.tenantId);

/** An evaluation in `state`, in a new unit under A's home unit with a cycle of its own. */
async function evaluationIn(
  fx: MatrixFixture,
  state: string,
  options: { personId?: string; ruleSetId?: string } = {},
) {
  const unit = await fx.unit('A');
  const cycle = await builders(fx).cycle(unit, { ruleSetId: options.ruleSetId ?? 'hn-3814-2018' });
  const ev = await builders(fx).evaluation(cycle, {
    unit,
    state,
    ...(options.personId ? { personId: options.personId } : {}),
  });
  // Past the self-assessment, the scores are the person's own (unchanged: bulk review takes them);
  // a published result is in its complaint window.
  if (state !== 'draft' && state !== 'returned') {
    await fx.t.ctx.db
      .updateTable('evaluation')
      .set({
        self_scores: JSON.stringify({}),
        ...(state === 'published' ? { published_at: new Date(), complaint_until: '2099-12-31' } : {}),
      })
      .where('id', '=', ev.id)
      .execute();
  }
  return { ...ev, cycle, unit };
}

/** A task of the evaluation, written straight to the database; with an evidence file when asked. */
async function taskIn(fx: MatrixFixture, evaluationId: string, withFile = false): Promise<string> {
  const { db, tenantId } = fx.t.ctx;
  const id = newId();
  const now = new Date();
  const file = withFile
    ? await db.transaction().execute((tx) =>
        databaseFileStore.put(tx, tenantId, {
          name: 'minh-chung.txt',
          contentType: 'text/plain',
          data: Buffer.from('minh chứng'),
          createdBy: null,
        }),
      )
    : null;
  await db
    .insertInto('eval_task')
    .values({
      tenant_id: tenantId,
      id,
      evaluation_id: evaluationId,
      title: 'Soạn báo cáo tháng',
      deadline: '2026-11-25',
      evidence_file_id: file?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** An nd-335-2025 evaluation in review with one KPI entry that has a quality failure. */
async function kpiEntryIn(fx: MatrixFixture) {
  const ev = await evaluationIn(fx, 'selfAssessed', { ruleSetId: 'nd-335-2025' });
  const product = await kpiProduct(fx, 'A');
  const entryId = newId();
  const now = new Date();
  await fx.t.ctx.db
    .insertInto('kpi_entry')
    .values({
      tenant_id: fx.t.ctx.tenantId,
      id: entryId,
      evaluation_id: ev.id,
      product_id: product.id,
      coefficient: 1,
      assigned: 2,
      completed: 2,
      quality_failures: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { ...ev, entryId };
}

/** An unread notification of the user. */
async function notificationFor(fx: MatrixFixture, userId: string | null): Promise<string> {
  if (!userId) throw new Error('a notification needs a signed-in caller');
  const id = newId();
  await fx.t.ctx.db
    .insertInto('notification')
    .values({
      tenant_id: fx.t.ctx.tenantId,
      id,
      user_id: userId,
      kind: 'test',
      title: 'Phiếu đánh giá chờ bạn tự đánh giá',
      body: 'Thử',
      created_at: new Date(),
    })
    .execute();
  return id;
}

const step = (action: string, state: string, body: Record<string, unknown>): FuzzRoute => ({
  caller: 'admin',
  writes: STEP,
  url: async (fx) => `/api/evaluations/${(await evaluationIn(fx, state)).id}/${action}`,
  valid: async () => ({ ...body, version: 1 }),
});

const unitBoard = (action: 'decide-all' | 'publish', state: string): FuzzRoute => ({
  caller: 'admin',
  // publish also stamps the unit of the cycle (eval_cycle_unit.published_at).
  writes: action === 'publish' ? [...STEP, 'eval_cycle_unit'] : STEP,
  url: async (fx) => {
    const ev = await evaluationIn(fx, state);
    return `/api/cycles/${ev.cycle.id}/units/${ev.unit.id}/${action}`;
  },
});

export const evaluationRoutes: Record<string, FuzzRoute> = {
  // ── the workflow ─────────────────────────────────────────────────────────────────────
  'PUT /api/evaluations/:id/draft': {
    caller: 'evaluee',
    writes: ['evaluation'],
    url: async (fx, self) =>
      `/api/evaluations/${(await evaluationIn(fx, 'draft', { personId: personOf(self) })).id}/draft`,
    valid: async () => ({ scores: scores3814(70), comment: 'Hoàn thành tốt', version: 1 }),
  },
  'POST /api/evaluations/:id/submit': {
    caller: 'evaluee',
    writes: STEP,
    url: async (fx, self) =>
      `/api/evaluations/${(await evaluationIn(fx, 'draft', { personId: personOf(self) })).id}/submit`,
    valid: async () => ({ scores: scores3814(80), shortcomingsRemedied: false, version: 1 }),
  },
  'POST /api/evaluations/:id/review': step('review', 'selfAssessed', { comment: 'Đồng ý' }),
  'POST /api/evaluations/review-bulk': {
    caller: 'admin',
    // Answers 200 per item: an item that cannot be reviewed is listed as failed and changes nothing.
    writes: STEP,
    url: async () => '/api/evaluations/review-bulk',
    valid: async (fx) => ({ items: [{ id: (await evaluationIn(fx, 'selfAssessed')).id, version: 1 }] }),
  },
  'POST /api/evaluations/:id/return': step('return', 'selfAssessed', { reason: 'Bổ sung minh chứng' }),
  'POST /api/evaluations/:id/decide': step('decide', 'reviewed', { comment: 'Nhất trí' }),
  'POST /api/evaluations/:id/complaint': {
    caller: 'evaluee',
    writes: STEP,
    url: async (fx, self) =>
      `/api/evaluations/${(await evaluationIn(fx, 'published', { personId: personOf(self) })).id}/complaint`,
    valid: async () => ({ reason: 'Kiến nghị xem xét lại', version: 1 }),
  },
  'POST /api/evaluations/:id/reopen': step('reopen', 'final', { reason: 'Sai sót khi nhập điểm' }),
  'PUT /api/evaluations/:id/kpi': {
    caller: 'admin',
    // Replaces the evaluation's KPI entries and bumps its version (kpi-entries.ts `save`).
    writes: ['kpi_entry', 'evaluation', ...AUDIT],
    url: async (fx) =>
      `/api/evaluations/${(await evaluationIn(fx, 'selfAssessed', { ruleSetId: 'nd-335-2025' })).id}/kpi`,
    // A product of A's home unit is in the catalogue of every unit below it.
    valid: async (fx) => ({
      entries: [{ productId: (await kpiProduct(fx, 'A')).id, assigned: 3, completed: 3, qualityFailures: 0 }],
      organisingCapacity: null,
      version: 1,
    }),
  },
  'POST /api/evaluations/:id/kpi/:entryId/objective': {
    caller: 'admin',
    writes: ['kpi_entry', ...AUDIT],
    url: async (fx) => {
      const ev = await kpiEntryIn(fx);
      return `/api/evaluations/${ev.id}/kpi/${ev.entryId}/objective`;
    },
    valid: async () => ({ objectiveQualityFailures: 1, objectiveDelays: 0, note: 'Mất điện', version: 1 }),
  },
  'POST /api/cycles/:id/units/:unitId/decide-all': unitBoard('decide-all', 'reviewed'),
  'POST /api/cycles/:id/units/:unitId/publish': unitBoard('publish', 'decided'),
  'POST /api/cycles/:id/close': {
    caller: 'admin',
    // A draft lapses to notEvaluated (a step and an audit entry each); the cycle is closed; its stored
    // control figures become stale and a job is queued to recompute them.
    writes: ['evaluation', 'evaluation_step', 'eval_cycle', 'control_snapshot', 'job', ...AUDIT],
    url: async (fx) => `/api/cycles/${(await evaluationIn(fx, 'draft')).cycle.id}/close`,
  },

  // ── notifications: the caller's own ──────────────────────────────────────────────────
  'POST /api/notifications/:id/read': {
    caller: 'own',
    writes: ['notification'],
    url: async (fx, self) => `/api/notifications/${await notificationFor(fx, self.userId)}/read`,
  },
  'POST /api/notifications/read-all': {
    caller: 'own',
    writes: ['notification'],
    url: async (fx, self) => {
      await notificationFor(fx, self.userId);
      return '/api/notifications/read-all';
    },
  },

  // ── setup: frameworks, cycles, review settings, KPI catalogue, findings ─────────────────
  'POST /api/frameworks': {
    caller: 'admin',
    writes: ['eval_framework', ...AUDIT],
    url: async () => '/api/frameworks',
    valid: async (fx) => ({ ruleSetId: 'hn-3814-2018', unitId: fx.home.A.id, name: 'Khung thử nghiệm' }),
  },
  'PATCH /api/frameworks/:id': {
    caller: 'admin',
    writes: ['eval_framework', ...AUDIT],
    url: async (fx) => `/api/frameworks/${(await draftFramework(fx, 'A')).id}`,
    valid: async () => ({ name: 'Khung đã sửa', parameters: {}, version: 1 }),
  },
  'POST /api/frameworks/:id/publish': {
    caller: 'admin',
    writes: ['eval_framework', ...AUDIT],
    url: async (fx) => `/api/frameworks/${(await draftFramework(fx, 'A')).id}/publish`,
    valid: async () => ({ version: 1 }),
  },
  'POST /api/cycles': {
    caller: 'admin',
    // Opening enrols everyone with a post in the subtree (enrolment.ts): one audit entry in all.
    writes: ['eval_cycle', 'evaluation', 'eval_cycle_unit', ...AUDIT],
    url: async () => '/api/cycles',
    valid: async (fx) => {
      const unit = await fx.unit('A');
      await addPerson(fx.t, unit, [{ unit, start: '2020-01-01' }]);
      const framework = await publishedFramework(fx.t, unit);
      return { unitId: unit.id, frameworkId: framework.id, periodStart: '2026-10-01', autoNext: false };
    },
  },
  'PATCH /api/cycles/:id': {
    caller: 'admin',
    writes: ['eval_cycle', ...AUDIT],
    url: async (fx) => `/api/cycles/${(await cycleOf(fx, 'A')).cycle.id}`,
    valid: async () => ({ autoNext: false, version: 1 }),
  },
  'POST /api/cycles/:id/enrol': {
    caller: 'admin',
    // The cycle's enrolled count is rewritten on every run, even when nobody is added.
    writes: ['eval_cycle', 'evaluation', 'eval_cycle_unit', ...AUDIT],
    url: async (fx) => {
      const { unit, cycle } = await cycleOf(fx, 'A');
      await addPerson(fx.t, unit, [{ unit, start: '2020-01-01' }], 'Trần Văn Mới Đến');
      return `/api/cycles/${cycle.id}/enrol`;
    },
  },
  'PUT /api/cycles/:id/units/:unitId/outstanding': {
    caller: 'admin',
    writes: ['eval_cycle_unit', ...AUDIT],
    url: async (fx) => {
      const { unit, cycle } = await cycleOf(fx, 'A');
      return `/api/cycles/${cycle.id}/units/${unit.id}/outstanding`;
    },
    valid: async () => ({ outstanding: true, reason: 'Đơn vị dẫn đầu', version: 1 }),
  },
  'PUT /api/evaluation/units/:unitId/settings': {
    caller: 'admin',
    writes: ['eval_unit_setting', ...AUDIT],
    url: async (fx) => `/api/evaluation/units/${(await fx.unit('A')).id}/settings`,
    valid: async () => ({ reviewLevels: 2 }),
  },
  'POST /api/kpi-products': {
    caller: 'admin',
    writes: ['kpi_product', ...AUDIT],
    url: async () => '/api/kpi-products',
    valid: async (fx) => ({
      unitId: fx.home.A.id,
      code: fx.name('SP'),
      name: 'Tờ trình',
      measure: 'văn bản',
      coefficient: 1.5,
    }),
  },
  'PATCH /api/kpi-products/:id': {
    caller: 'admin',
    writes: ['kpi_product', ...AUDIT],
    url: async (fx) => `/api/kpi-products/${(await kpiProduct(fx, 'A')).id}`,
    valid: async () => ({ coefficient: 2, active: true, version: 1 }),
  },
  'POST /api/people/:id/findings': {
    caller: 'admin',
    writes: ['person_finding', ...AUDIT],
    url: async (fx) => `/api/people/${(await fx.person('A')).id}/findings`,
    valid: async () => ({ kind: 'corruptionInManagedUnit', decisionDate: '2026-03-01', issuer: 'UBKT' }),
  },

  // ── tasks and evidence: the evaluated person's own ──────────────────────────────────────
  'POST /api/evaluations/:id/tasks': {
    caller: 'evaluee',
    writes: ['eval_task', ...AUDIT],
    url: async (fx, self) =>
      `/api/evaluations/${(await evaluationIn(fx, 'draft', { personId: personOf(self) })).id}/tasks`,
    valid: async () => ({ title: 'Tiếp dân', deadline: '2026-11-20', committedDate: '2026-11-18' }),
  },
  'PATCH /api/evaluations/:id/tasks/:taskId': {
    caller: 'evaluee',
    writes: ['eval_task', ...AUDIT],
    url: async (fx, self) => {
      const ev = await evaluationIn(fx, 'draft', { personId: personOf(self) });
      return `/api/evaluations/${ev.id}/tasks/${await taskIn(fx, ev.id)}`;
    },
    valid: async () => ({
      progress: 50,
      status: 'done',
      evidenceLink: 'https://example.vn/bao-cao',
      version: 1,
    }),
  },
  'DELETE /api/evaluations/:id/tasks/:taskId': {
    caller: 'evaluee',
    // The task's evidence file goes with it.
    writes: ['eval_task', 'stored_file', ...AUDIT],
    url: async (fx, self) => {
      const ev = await evaluationIn(fx, 'draft', { personId: personOf(self) });
      return `/api/evaluations/${ev.id}/tasks/${await taskIn(fx, ev.id, true)}?version=1`;
    },
  },
  'POST /api/evaluations/:id/tasks/:taskId/evidence': {
    caller: 'evaluee',
    // Takes a multipart file only (tasks.routes.ts): a JSON body is refused with 415 once the caller is
    // known to be the person, before anything is read or written; the upload itself is tested in
    // tasks.int.test.ts and the permission matrix.
    writes: ['eval_task', 'stored_file', ...AUDIT],
    url: async (fx, self) => {
      const ev = await evaluationIn(fx, 'draft', { personId: personOf(self) });
      return `/api/evaluations/${ev.id}/tasks/${await taskIn(fx, ev.id, true)}/evidence`;
    },
  },

  // ── delegations ──────────────────────────────────────────────────────────────────────
  'POST /api/delegations': {
    caller: 'admin',
    writes: ['eval_delegation', ...AUDIT],
    url: async () => '/api/delegations',
    valid: async (fx) => ({
      toUserId: (await fx.user('A')).id,
      validFrom: fx.today,
      validTo: fx.today,
      reason: 'Nghỉ phép',
    }),
  },
  'DELETE /api/delegations/:id': {
    caller: 'admin',
    writes: ['eval_delegation', ...AUDIT],
    url: async (fx) => `/api/delegations/${await delegation(fx, 'A')}`,
  },
};
