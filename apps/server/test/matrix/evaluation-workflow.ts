import { newId } from '../../src/ids';
import {
  evaluationBuilders,
  type FxCycle,
  type FxEvaluationOptions,
} from '../../src/modules/evaluations/evaluations.fixtures';
import {
  anywhere,
  by,
  every,
  LEFT_OUT,
  type MatrixFixture,
  own,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of the evaluation workflow routes (docs/EVALUATIONS.md). Targets are the
 * evaluations of other people in the home unit of A or B; every role user has a person of their own in
 * A's home unit, so nobody acts on their own item here. Who may do what: the person alone drafts,
 * submits and complains (everyone else who sees the item gets 403); reviewers (manager, head, admin)
 * review and return; heads decide and publish; officers read, close cycles and reopen; inspectors
 * read and change nothing; staff see no colleague's evaluation (404).
 */

const cycles = new WeakMap<MatrixFixture, Map<string, Promise<FxCycle>>>();
let period = 0;

function builders(fx: MatrixFixture) {
  return evaluationBuilders(fx.t.ctx.db, fx.t.tenant.tenantId);
}

/** One shared cycle per rule set over the whole tenant (both sides); cases run in parallel, so the promise is shared. */
function sharedCycle(fx: MatrixFixture, ruleSetId: string): Promise<FxCycle> {
  const map = cycles.get(fx) ?? new Map<string, Promise<FxCycle>>();
  cycles.set(fx, map);
  let cycle = map.get(ruleSetId);
  if (!cycle) {
    const month = ruleSetId === 'hn-3814-2018' ? '11' : '12';
    cycle = builders(fx).cycle(
      { id: fx.t.root.id, path: fx.t.root.path },
      { ruleSetId, periodStart: `2026-${month}-01`, periodEnd: `2026-${month}-30` },
    );
    map.set(ruleSetId, cycle);
  }
  return cycle;
}

/** A cycle of its own on the home unit (decide-all, publish, close act on everything in it). */
async function ownCycle(fx: MatrixFixture, side: Side): Promise<FxCycle> {
  const year = 2100 + period++;
  return builders(fx).cycle(fx.home[side], { periodStart: `${year}-01-01`, periodEnd: `${year}-01-31` });
}

async function target(
  fx: MatrixFixture,
  side: Side,
  state: string,
  options: Partial<FxEvaluationOptions> & { cycle?: FxCycle; ruleSetId?: string } = {},
) {
  const cycle = options.cycle ?? (await sharedCycle(fx, options.ruleSetId ?? 'hn-3814-2018'));
  const name = fx.name('Mt');
  const ev = await builders(fx).evaluation(cycle, {
    unit: fx.home[side],
    state,
    fullName: `Trần Thị ${name}`,
    ...options,
  });
  if (state === 'published') {
    await fx.t.ctx.db
      .updateTable('evaluation')
      .set({ complaint_until: '2099-12-31' })
      .where('id', '=', ev.id)
      .execute();
  }
  return { ...ev, cycle, name };
}

/** A KPI entry with one quality failure on an nd-335-2025 evaluation in review. */
async function kpiTarget(fx: MatrixFixture, side: Side) {
  const ev = await target(fx, side, 'selfAssessed', { ruleSetId: 'nd-335-2025' });
  const { db } = fx.t.ctx;
  const tenantId = fx.t.tenant.tenantId;
  const productId = newId();
  const now = new Date();
  await db
    .insertInto('kpi_product')
    .values({
      tenant_id: tenantId,
      id: productId,
      unit_id: fx.home[side].id,
      code: fx.name('SP'),
      name: 'Tờ trình',
      coefficient: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const entryId = newId();
  await db
    .insertInto('kpi_entry')
    .values({
      tenant_id: tenantId,
      id: entryId,
      evaluation_id: ev.id,
      product_id: productId,
      coefficient: 1,
      assigned: 2,
      completed: 2,
      quality_failures: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { ...ev, productId, entryId };
}

/** Seen by everyone with evaluations.read or review over the unit; staff see no colleague. */
const READ = by(200, 200, 200, 200, 404, 200);
/** Only the person: whoever else sees the item is refused. */
const PERSON_ONLY = by(403, 403, 403, 403, 404, 403);
const REVIEW = (ok: number) => by(ok, 403, ok, ok, 404, 403);
const DECIDE = (ok: number) => by(ok, 403, ok, 403, 404, 403);
const MANAGE = (ok: number) => by(ok, ok, 403, 403, 404, 403);

function transition(
  action: string,
  state: string,
  inScope: ReturnType<typeof by>,
  rootAdmin: number,
  body: object = {},
  note?: string,
): RouteExpectation {
  return scoped({
    ...(note ? { note } : {}),
    inScope,
    outOfScope: every(404),
    rootAdmin,
    request: async (fx, side) => {
      const ev = await target(fx, side, state);
      return { url: `/api/evaluations/${ev.id}/${action}`, body: { ...body, version: 1 }, id: ev.id };
    },
  });
}

export const evaluationWorkflowExpectations: Record<string, RouteExpectation> = {
  'GET /api/evaluations': scoped({
    note: 'a list: what the caller may not see is left out',
    inScope: by(200, 200, 200, 200, LEFT_OUT, 200),
    outOfScope: every(LEFT_OUT),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'draft');
      return { url: `/api/evaluations?cycleId=${ev.cycle.id}&q=${ev.name.toLowerCase()}`, id: ev.id };
    },
  }),
  'GET /api/evaluations/mine': own({
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/evaluations/mine' }),
  }),
  'GET /api/evaluations/:id': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'draft');
      return { url: `/api/evaluations/${ev.id}`, id: ev.id };
    },
  }),
  'PUT /api/evaluations/:id/draft': scoped({
    note: 'the person alone drafts; others who see the item are refused',
    inScope: PERSON_ONLY,
    outOfScope: every(404),
    rootAdmin: 403,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'draft');
      return { url: `/api/evaluations/${ev.id}/draft`, body: { scores: {}, version: 1 }, id: ev.id };
    },
  }),
  'POST /api/evaluations/:id/submit': transition(
    'submit',
    'draft',
    PERSON_ONLY,
    403,
    { scores: {} },
    'the person alone submits',
  ),
  'POST /api/evaluations/:id/review': transition('review', 'selfAssessed', REVIEW(200), 200),
  'POST /api/evaluations/:id/return': transition('return', 'selfAssessed', REVIEW(200), 200, {
    reason: 'Bổ sung',
  }),
  'POST /api/evaluations/:id/decide': transition('decide', 'reviewed', DECIDE(200), 200),
  'POST /api/evaluations/:id/complaint': transition(
    'complaint',
    'published',
    PERSON_ONLY,
    403,
    { reason: 'Kiến nghị' },
    'the person alone complains',
  ),
  'POST /api/evaluations/:id/reopen': transition('reopen', 'final', MANAGE(200), 200, { reason: 'Sai sót' }),
  'POST /api/evaluations/review-bulk': anywhere({
    note: 'answers per item: an item the caller may not review is listed as failed, never changed',
    roles: every(200),
    rootAdmin: 200,
    request: async (fx) => {
      const ev = await target(fx, 'A', 'selfAssessed');
      return { url: '/api/evaluations/review-bulk', body: { items: [{ id: ev.id, version: 1 }] } };
    },
  }),
  'PUT /api/evaluations/:id/kpi': scoped({
    note: 'in review: reviewers and heads enter KPI figures',
    inScope: REVIEW(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await kpiTarget(fx, side);
      return {
        url: `/api/evaluations/${ev.id}/kpi`,
        body: {
          entries: [{ productId: ev.productId, assigned: 3, completed: 3, qualityFailures: 0, delays: 0 }],
          version: 1,
        },
        id: ev.id,
      };
    },
  }),
  'POST /api/evaluations/:id/kpi/:entryId/objective': scoped({
    inScope: REVIEW(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await kpiTarget(fx, side);
      return {
        url: `/api/evaluations/${ev.id}/kpi/${ev.entryId}/objective`,
        body: { objectiveQualityFailures: 1, objectiveDelays: 0, note: 'Mất điện', version: 1 },
        id: ev.entryId,
      };
    },
  }),
  'GET /api/cycles/:id/units/:unitId/board': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'reviewed');
      return { url: `/api/cycles/${ev.cycle.id}/units/${fx.home[side].id}/board`, id: ev.id };
    },
  }),
  'POST /api/cycles/:id/units/:unitId/decide-all': scoped({
    inScope: DECIDE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'reviewed', { cycle: await ownCycle(fx, side) });
      return { url: `/api/cycles/${ev.cycle.id}/units/${fx.home[side].id}/decide-all` };
    },
  }),
  'POST /api/cycles/:id/units/:unitId/publish': scoped({
    inScope: DECIDE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'decided', { cycle: await ownCycle(fx, side) });
      return { url: `/api/cycles/${ev.cycle.id}/units/${fx.home[side].id}/publish` };
    },
  }),
  'POST /api/cycles/:id/close': scoped({
    note: 'evaluations.manage over the cycle’s unit; readers and reviewers are refused',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'draft', { cycle: await ownCycle(fx, side) });
      return { url: `/api/cycles/${ev.cycle.id}/close` };
    },
  }),
  'GET /api/cycles/:id/monitor': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'draft', { cycle: await ownCycle(fx, side) });
      return { url: `/api/cycles/${ev.cycle.id}/monitor` };
    },
  }),
  'GET /api/people/:id/evaluations': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const ev = await target(fx, side, 'final');
      return { url: `/api/people/${ev.personId}/evaluations`, id: ev.id };
    },
  }),
  'GET /api/notifications': own({
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/notifications' }),
  }),
  'POST /api/notifications/:id/read': own({
    note: 'another user’s notification reads as missing',
    roles: every(404),
    rootAdmin: 404,
    request: async (fx) => {
      const user = await fx.user('A');
      const id = newId();
      await fx.t.ctx.db
        .insertInto('notification')
        .values({
          tenant_id: fx.t.tenant.tenantId,
          id,
          user_id: user.id,
          kind: 'test',
          title: 'Thử',
          body: 'Thử',
          created_at: new Date(),
        })
        .execute();
      return { url: `/api/notifications/${id}/read` };
    },
  }),
  'POST /api/notifications/read-all': own({
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/notifications/read-all' }),
  }),
};
