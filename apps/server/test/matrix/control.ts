import { DEFAULT_CONTROL_THRESHOLDS } from '@canbo/domain';
import { systemActor } from '../../src/access/actor';
import { evaluationBuilders } from '../../src/modules/evaluations/evaluations.fixtures';
import {
  by,
  every,
  type MatrixFixture,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of the control dashboard (docs/CONTROL.md). Everything is read with
 * evaluations.read or evaluations.manage over the unit (officers, inspectors; heads, managers and staff
 * hold neither, so the unit is missing for them); thresholds are changed with evaluations.manage, so
 * the inspector finds the unit and is refused with 403. Targets: a new unit under the home unit of A
 * or B with a cycle of its own and one evaluation.
 */
async function target(fx: MatrixFixture, side: Side) {
  const unit = await fx.unit(side);
  const build = evaluationBuilders(fx.t.ctx.db, fx.t.ctx.tenantId);
  const cycle = await build.cycle(unit);
  const evaluation = await build.evaluation(cycle, { unit, state: 'selfAssessed' });
  return { unit, cycle, evaluation };
}

const READ = by(200, 200, 404, 404, 404, 200);
const MANAGE = (status: number) => by(status, status, 404, 404, 404, 403);

function read(url: (t: Awaited<ReturnType<typeof target>>) => string, withId = false): RouteExpectation {
  return scoped({
    note: 'evaluations.read or evaluations.manage over the unit; without, the unit is missing',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return { url: url(t), ...(withId ? { id: t.evaluation.id } : {}) };
    },
  });
}

export const controlExpectations: Record<string, RouteExpectation> = {
  'GET /api/control/dashboard': read(
    (t) => `/api/control/dashboard?cycleId=${t.cycle.id}&unitId=${t.unit.id}`,
  ),
  'GET /api/control/trends': read((t) => `/api/control/trends?cycleId=${t.cycle.id}&unitId=${t.unit.id}`),
  'GET /api/control/units/:unitId/signals/:signal': read(
    (t) => `/api/control/units/${t.unit.id}/signals/selfMax?cycleId=${t.cycle.id}`,
  ),
  'GET /api/control/evaluations/:id/trail': read(
    (t) => `/api/control/evaluations/${t.evaluation.id}/trail`,
    true,
  ),
  'GET /api/control/report.docx': read(
    (t) => `/api/control/report.docx?cycleId=${t.cycle.id}&unitId=${t.unit.id}`,
  ),
  'GET /api/control/thresholds': read((t) => `/api/control/thresholds?unitId=${t.unit.id}`),
  'PUT /api/control/thresholds': scoped({
    note: 'evaluations.read to find the unit (404 without), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return {
        url: '/api/control/thresholds',
        body: { unitId: unit.id, thresholds: DEFAULT_CONTROL_THRESHOLDS, version: null },
      };
    },
  }),
  'POST /api/control/figures/refresh': scoped({
    note: 'evaluations.read to find the cycle and unit (404 without), then evaluations.manage (403)',
    inScope: MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return { url: '/api/control/figures/refresh', body: { cycleId: t.cycle.id, unitId: t.unit.id } };
    },
  }),
  'DELETE /api/control/thresholds/:unitId': scoped({
    note: 'evaluations.read to find the unit (404 without), then evaluations.manage (403)',
    inScope: MANAGE(204),
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      await fx.t.services.control.thresholds.update(systemActor(fx.t.ctx.tenantId, 'matrix'), {
        unitId: unit.id,
        thresholds: DEFAULT_CONTROL_THRESHOLDS,
        version: null,
      });
      return { url: `/api/control/thresholds/${unit.id}?version=1` };
    },
  }),
};
