import { DEFAULT_CONTROL_THRESHOLDS } from '@canbo/domain';
import { systemActor } from '../../src/access/actor';
import { evaluationBuilders } from '../../src/modules/evaluations/evaluations.fixtures';
import { AUDIT, type FuzzRoute, type Table } from './types';

/**
 * Fuzz entries of the control dashboard's thresholds (docs/CONTROL.md), spread into the `routes` of
 * src/http/fuzz.int.test.ts. Every target is a new unit under A's home unit.
 */
const THRESHOLD: Table[] = ['control_threshold', ...AUDIT];

export const controlRoutes: Record<string, FuzzRoute> = {
  'POST /api/control/figures/refresh': {
    caller: 'admin',
    writes: ['control_snapshot', 'control_figures', 'control_subtree_figures'],
    url: async () => '/api/control/figures/refresh',
    valid: async (fx) => {
      const unit = await fx.unit('A');
      const cycle = await evaluationBuilders(fx.t.ctx.db, fx.t.ctx.tenantId).cycle(unit);
      return { cycleId: cycle.id, unitId: unit.id };
    },
  },
  'PUT /api/control/thresholds': {
    caller: 'admin',
    writes: THRESHOLD,
    url: async () => '/api/control/thresholds',
    valid: async (fx) => ({
      unitId: (await fx.unit('A')).id,
      thresholds: structuredClone(DEFAULT_CONTROL_THRESHOLDS),
      version: null,
    }),
  },
  'DELETE /api/control/thresholds/:unitId': {
    caller: 'admin',
    writes: THRESHOLD,
    url: async (fx) => {
      const unit = await fx.unit('A');
      await fx.t.services.control.thresholds.update(systemActor(fx.t.ctx.tenantId, 'fuzz'), {
        unitId: unit.id,
        thresholds: DEFAULT_CONTROL_THRESHOLDS,
        version: null,
      });
      return `/api/control/thresholds/${unit.id}?version=1`;
    },
  },
};
