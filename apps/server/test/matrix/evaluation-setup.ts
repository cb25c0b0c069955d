import { publishedFramework } from '../../src/modules/evaluations/setup.fixtures';
import { multipart } from '../../src/modules/imports/imports.fixtures';
import { anywhere, by, every, LEFT_OUT, own, type RouteExpectation, scoped } from '../permission-matrix';
import {
  cycleOf,
  delegation,
  draftFramework,
  evaluationOf,
  fileOf,
  kpiProduct,
  system,
  taskOf,
} from './evaluation-setup.fixtures';

/**
 * Permission-matrix entries of the evaluation setup routes (docs/EVALUATIONS.md). Setup records
 * (frameworks, cycles, KPI products, review settings) are read with any evaluation permission over
 * their unit and written with evaluations.manage; staff hold no evaluation grant, so they find none of
 * them. Tasks belong to one evaluation: only the evaluated person writes them — none of the role
 * accounts on A is, so every write in A is 403 for those who see the evaluation (404 for staff, who
 * do not); in B the target evaluation is the root administrator's own, which shows a write can succeed.
 */

const SEE = by(200, 200, 200, 200, 404, 200);
const LIST = by(200, 200, 200, 200, LEFT_OUT, 200);
const MANAGE = (status: number) => by(status, status, 403, 403, 404, 403);
const CREATE = by(201, 201, 403, 403, 403, 403);
const OWNER_ONLY = by(403, 403, 403, 403, 404, 403);

export const evaluationSetupExpectations: Record<string, RouteExpectation> = {
  'GET /api/evaluation/rule-sets': anywhere({
    note: 'reference data for any signed-in user',
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/evaluation/rule-sets' }),
  }),

  // ── frameworks ───────────────────────────────────────────────────────────────────────
  'GET /api/frameworks': scoped({
    note: 'the unit filter must be readable (404); staff hold no evaluation grant: the list leaves it out',
    inScope: LIST,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const fw = await draftFramework(fx, side);
      return { url: `/api/frameworks?unitId=${fw.unitId}&pageSize=200`, id: fw.id };
    },
  }),
  'POST /api/frameworks': scoped({
    note: 'the unit must be readable (404), then evaluations.manage on it (403)',
    inScope: CREATE,
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/frameworks',
      body: { ruleSetId: 'hn-3814-2018', unitId: fx.home[side].id, name: 'Khung mới' },
    }),
  }),
  'GET /api/frameworks/:id': scoped({
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const fw = await draftFramework(fx, side);
      return { url: `/api/frameworks/${fw.id}`, id: fw.id };
    },
  }),
  ...Object.fromEntries(
    (['', '/publish'] as const).map((action) => [
      `${action ? 'POST' : 'PATCH'} /api/frameworks/:id${action}`,
      scoped({
        note: 'a framework relevant to the caller (404), then evaluations.manage (403)',
        inScope: MANAGE(200),
        outOfScope: every(404),
        rootAdmin: 200,
        request: async (fx, side) => {
          const fw = await draftFramework(fx, side);
          const body = action ? { version: 1 } : { name: 'Khung đã sửa', version: 1 };
          return { url: `/api/frameworks/${fw.id}${action}`, body, id: fw.id };
        },
      }),
    ]),
  ),

  // ── cycles and review settings ───────────────────────────────────────────────────────
  'GET /api/cycles': scoped({
    note: 'the unit filter must be readable (404); staff hold no evaluation grant: the list leaves it out',
    inScope: LIST,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { unit, cycle } = await cycleOf(fx, side);
      return { url: `/api/cycles?unitId=${unit.id}`, id: cycle.id };
    },
  }),
  'POST /api/cycles': scoped({
    note: 'the unit must be readable (404), then evaluations.manage on it (403)',
    inScope: CREATE,
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      const framework = await publishedFramework(fx.t, unit);
      return {
        url: '/api/cycles',
        body: { unitId: unit.id, frameworkId: framework.id, periodStart: '2026-10-01' },
      };
    },
  }),
  'GET /api/cycles/:id': scoped({
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { cycle } = await cycleOf(fx, side);
      return { url: `/api/cycles/${cycle.id}`, id: cycle.id };
    },
  }),
  'PATCH /api/cycles/:id': scoped({
    note: 'a cycle relevant to the caller (404), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { cycle } = await cycleOf(fx, side);
      return { url: `/api/cycles/${cycle.id}`, body: { autoNext: false, version: 1 }, id: cycle.id };
    },
  }),
  'POST /api/cycles/:id/enrol': scoped({
    note: 'a cycle relevant to the caller (404), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { cycle } = await cycleOf(fx, side);
      return { url: `/api/cycles/${cycle.id}/enrol`, id: cycle.id };
    },
  }),
  'PUT /api/cycles/:id/units/:unitId/outstanding': scoped({
    note: 'a cycle and unit relevant to the caller (404), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { unit, cycle } = await cycleOf(fx, side);
      return {
        url: `/api/cycles/${cycle.id}/units/${unit.id}/outstanding`,
        body: { outstanding: true, reason: 'Đơn vị dẫn đầu', version: 1 },
        id: cycle.id,
      };
    },
  }),
  'GET /api/evaluation/units/:unitId/settings': scoped({
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return { url: `/api/evaluation/units/${unit.id}/settings`, id: unit.id };
    },
  }),
  'PUT /api/evaluation/units/:unitId/settings': scoped({
    note: 'the unit must be readable (404), then evaluations.manage on it (403)',
    inScope: by(200, 200, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return { url: `/api/evaluation/units/${unit.id}/settings`, body: { reviewLevels: 2 }, id: unit.id };
    },
  }),

  // ── KPI catalogue ────────────────────────────────────────────────────────────────────
  'GET /api/kpi-products': scoped({
    note: 'the unit filter must be readable (404); staff hold no evaluation grant: the list leaves it out',
    inScope: LIST,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const product = await kpiProduct(fx, side);
      return { url: `/api/kpi-products?unitId=${fx.home[side].id}&pageSize=200`, id: product.id };
    },
  }),
  'GET /api/evaluations/:id/kpi-products': scoped({
    note: 'whoever may see the evaluation reads the products it may use (staff included, for their own); a colleague finds nothing',
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const evaluation = await evaluationOf(fx, side);
      const product = await kpiProduct(fx, side);
      return { url: `/api/evaluations/${evaluation.id}/kpi-products`, id: product.id };
    },
  }),
  'POST /api/kpi-products': scoped({
    note: 'the unit must be readable (404), then evaluations.manage on it (403)',
    inScope: CREATE,
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/kpi-products',
      body: { unitId: fx.home[side].id, code: fx.name('SP'), name: 'Tờ trình', coefficient: 1.5 },
    }),
  }),
  'PATCH /api/kpi-products/:id': scoped({
    note: 'a product relevant to the caller (404), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const product = await kpiProduct(fx, side);
      return { url: `/api/kpi-products/${product.id}`, body: { coefficient: 2, version: 1 }, id: product.id };
    },
  }),

  // ── findings ─────────────────────────────────────────────────────────────────────────
  'GET /api/people/:id/findings': scoped({
    note: 'people.read to find the person (404 without)',
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const person = await fx.person(side);
      const finding = await fx.t.services.findings.add(system(fx), person.id, {
        kind: 'degradation',
        decisionDate: '2026-02-01',
      });
      return { url: `/api/people/${person.id}/findings`, id: finding.id };
    },
  }),
  'POST /api/people/:id/findings': scoped({
    note: 'people.read to find the person (404 without), then people.manage (403)',
    inScope: MANAGE(201),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const person = await fx.person(side);
      return {
        url: `/api/people/${person.id}/findings`,
        body: { kind: 'corruptionInManagedUnit', decisionDate: '2026-03-01' },
        id: person.id,
      };
    },
  }),

  // ── tasks and evidence ───────────────────────────────────────────────────────────────
  'GET /api/evaluations/:id/tasks': scoped({
    note: 'whoever may see the evaluation reads its tasks; a colleague (staff) finds nothing',
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { evaluationId, taskId } = await taskOf(fx, side);
      return { url: `/api/evaluations/${evaluationId}/tasks`, id: taskId };
    },
  }),
  'POST /api/evaluations/:id/tasks': scoped({
    note: 'only the evaluated person writes (403 for everyone else who sees it)',
    inScope: OWNER_ONLY,
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const evaluation = await evaluationOf(fx, side);
      return {
        url: `/api/evaluations/${evaluation.id}/tasks`,
        body: { title: 'Tiếp dân', deadline: '2026-10-20' },
        id: evaluation.id,
      };
    },
  }),
  'PATCH /api/evaluations/:id/tasks/:taskId': scoped({
    note: 'only the evaluated person writes (403 for everyone else who sees it)',
    inScope: OWNER_ONLY,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { evaluationId, taskId } = await taskOf(fx, side);
      return {
        url: `/api/evaluations/${evaluationId}/tasks/${taskId}`,
        body: { progress: 50, version: 1 },
        id: taskId,
      };
    },
  }),
  'DELETE /api/evaluations/:id/tasks/:taskId': scoped({
    note: 'only the evaluated person writes (403 for everyone else who sees it)',
    inScope: OWNER_ONLY,
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const { evaluationId, taskId } = await taskOf(fx, side);
      return { url: `/api/evaluations/${evaluationId}/tasks/${taskId}?version=1`, id: taskId };
    },
  }),
  'POST /api/evaluations/:id/tasks/:taskId/evidence': scoped({
    note: 'only the evaluated person uploads (403 for everyone else who sees it)',
    inScope: OWNER_ONLY,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { evaluationId, taskId } = await taskOf(fx, side);
      return {
        url: `/api/evaluations/${evaluationId}/tasks/${taskId}/evidence`,
        upload: multipart('minh-chung.pdf', Buffer.from('%PDF-1.4')),
        id: taskId,
      };
    },
  }),
  'GET /api/files/:id': scoped({
    note: 'only for a caller who may see the evaluation whose task holds the file',
    inScope: SEE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => ({ url: `/api/files/${(await fileOf(fx, side)).fileId}` }),
  }),

  // ── delegations ──────────────────────────────────────────────────────────────────────
  'GET /api/delegations': own({
    note: 'the delegations the caller gave and received',
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/delegations' }),
  }),
  'GET /api/delegations/candidates': scoped({
    note: 'review or decision grants (403 without); a user outside them is left out of the list',
    inScope: by(200, 403, 200, 200, 403, 403),
    outOfScope: by(LEFT_OUT, 403, LEFT_OUT, LEFT_OUT, 403, 403),
    rootAdmin: 200,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/delegations/candidates?q=${user.username}`, id: user.id };
    },
  }),
  'POST /api/delegations': scoped({
    note: 'review or decision work to hand over (403), then a deputy whose unit the caller can see (404)',
    inScope: by(201, 403, 201, 201, 403, 403),
    outOfScope: by(404, 403, 404, 404, 403, 403),
    rootAdmin: 201,
    request: async (fx, side) => {
      const deputy = await fx.user(side);
      return {
        url: '/api/delegations',
        body: { toUserId: deputy.id, validFrom: fx.today, validTo: fx.today },
      };
    },
  }),
  'DELETE /api/delegations/:id': scoped({
    note: 'the parties and officers managing the delegator’s unit see it (404 otherwise); officers may revoke',
    inScope: by(204, 204, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const id = await delegation(fx, side);
      return { url: `/api/delegations/${id}`, id };
    },
  }),
};
