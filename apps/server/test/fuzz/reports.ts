import { systemActor } from '../../src/access/actor';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute } from './types';

/**
 * Fuzz entries of reports (docs/REPORTS.md), spread into the `routes` of src/http/fuzz.int.test.ts.
 * Every target is a fresh target or work item in A's home unit; codes are unique per run.
 */
const built = new WeakMap<MatrixFixture, { version: number }>();
let serial = 0;
const code = () => `FZ${Date.now().toString(36)}${(serial++).toString(36)}`;

async function target(fx: MatrixFixture) {
  const t = await fx.t.services.targets.create(systemActor(fx.t.ctx.tenantId, 'fuzz'), {
    unitId: fx.home.A.id,
    year: 2025,
    code: code(),
    title: 'Thành lập tổ chức đảng',
    kind: 'foundOrganisations',
    measure: 'organisations',
    target: 70,
  });
  built.set(fx, t);
  return t;
}

async function workItem(fx: MatrixFixture) {
  const w = await fx.t.services.workItems.create(systemActor(fx.t.ctx.tenantId, 'fuzz'), {
    unitId: fx.home.A.id,
    year: 2025,
    content: 'Nhiệm vụ thử',
    responsibleUnitId: fx.home.A.id,
    deadline: '2025-12-31',
  });
  built.set(fx, w);
  return w;
}

const version = (fx: MatrixFixture) => {
  const b = built.get(fx);
  if (!b) throw new Error('url() builds the record before valid()');
  return b.version;
};

export const reportRoutes: Record<string, FuzzRoute> = {
  'POST /api/targets': {
    caller: 'admin',
    writes: ['report_target', ...AUDIT],
    url: async () => '/api/targets',
    valid: async (fx) => ({
      unitId: fx.home.A.id,
      year: 2025,
      code: code(),
      title: 'Kết nạp đảng viên',
      kind: 'admitMembers',
      measure: 'people',
      target: 443,
    }),
  },
  'PATCH /api/targets/:id': {
    caller: 'admin',
    writes: ['report_target', ...AUDIT],
    url: async (fx) => `/api/targets/${(await target(fx)).id}`,
    valid: async (fx) => ({ version: version(fx), target: 71, title: 'Chỉ tiêu mới' }),
  },
  'POST /api/targets/:id/progress': {
    caller: 'admin',
    writes: ['report_target', 'report_target_progress', ...AUDIT],
    url: async (fx) => `/api/targets/${(await target(fx)).id}/progress`,
    valid: async (fx) => ({ version: version(fx), entryDate: '2025-06-30', amount: 29, note: 'Sáu tháng' }),
  },
  'POST /api/work-items': {
    caller: 'admin',
    writes: ['work_item', ...AUDIT],
    url: async () => '/api/work-items',
    valid: async (fx) => ({
      unitId: fx.home.A.id,
      year: 2025,
      content: 'Rà soát quy hoạch',
      responsibleUnitId: fx.home.A.id,
      deadline: '2025-10-31',
    }),
  },
  'PATCH /api/work-items/:id': {
    caller: 'admin',
    writes: ['work_item', ...AUDIT],
    url: async (fx) => `/api/work-items/${(await workItem(fx)).id}`,
    valid: async (fx) => ({ version: version(fx), status: 'done', completedOn: '2025-11-30' }),
  },
};
