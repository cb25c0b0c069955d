import { systemActor } from '../../src/access/actor';
import {
  anywhere,
  by,
  every,
  type MatrixFixture,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of reports (docs/REPORTS.md). Indicators, targets and work items are
 * read with reports.read (admin, officer, head, inspector); managers and staff hold none, so a unit,
 * target or item is missing for them (404). Targets and work items are written with units.manage
 * (admin, officer): a head or inspector finds them and is refused with 403.
 */

const READ = by(200, 200, 200, 404, 404, 200);
const WRITE = (status: number) => by(status, status, 403, 404, 404, 403);
const PERIOD = 'from=2025-01-01&to=2025-12-31';

async function target(fx: MatrixFixture, side: Side) {
  return fx.t.services.targets.create(systemActor(fx.t.ctx.tenantId, 'matrix'), {
    unitId: fx.home[side].id,
    year: 2025,
    code: fx.name('CT'),
    title: 'Thành lập tổ chức đảng',
    kind: 'foundOrganisations',
    measure: 'organisations',
    target: 70,
  });
}

async function workItem(fx: MatrixFixture, side: Side) {
  return fx.t.services.workItems.create(systemActor(fx.t.ctx.tenantId, 'matrix'), {
    unitId: fx.home[side].id,
    year: 2025,
    content: fx.name('Nhiệm vụ '),
    responsibleUnitId: fx.home[side].id,
    deadline: '2025-12-31',
  });
}

export const reportsExpectations: Record<string, RouteExpectation> = {
  'GET /api/indicators': anywhere({
    note: 'the registry: reports.read on any unit',
    roles: by(200, 200, 200, 403, 403, 200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/indicators' }),
  }),
  'GET /api/indicators/:id': scoped({
    note: 'reports.read over the subtree root (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => ({
      url: `/api/indicators/people.bySex?unitId=${fx.home[side].id}&${PERIOD}`,
    }),
  }),
  'GET /api/indicators/:id/by-unit': scoped({
    note: 'the map of units: reports.read over the unit whose children are shown (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    // A unit of its own with one child: the shared home unit gathers more children than the map draws.
    request: async (fx, side) => {
      const parent = await fx.unit(side);
      await fx.t.build.unit({ parent });
      return { url: `/api/indicators/people.bySex/by-unit?unitId=${parent.id}&${PERIOD}` };
    },
  }),
  'GET /api/targets': scoped({
    note: 'reports.read over the unit filtered on (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return { url: `/api/targets?unitId=${fx.home[side].id}&year=2025`, id: t.id };
    },
  }),
  'POST /api/targets': scoped({
    note: 'reports.read to find the unit (404), then units.manage on it (403)',
    inScope: WRITE(201),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/targets',
      body: {
        unitId: fx.home[side].id,
        year: 2025,
        code: fx.name('CT'),
        title: 'Kết nạp đảng viên',
        kind: 'admitMembers',
        measure: 'people',
        target: 443,
      },
    }),
  }),
  'GET /api/targets/:id': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return { url: `/api/targets/${t.id}`, id: t.id };
    },
  }),
  'PATCH /api/targets/:id': scoped({
    note: 'reports.read to find the target (404), then units.manage (403)',
    inScope: WRITE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return { url: `/api/targets/${t.id}`, body: { version: t.version, target: 71 }, id: t.id };
    },
  }),
  'POST /api/targets/:id/progress': scoped({
    note: 'reports.read to find the target (404), then units.manage (403)',
    inScope: WRITE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await target(fx, side);
      return {
        url: `/api/targets/${t.id}/progress`,
        body: { version: t.version, entryDate: '2025-06-30', amount: 29 },
        id: t.id,
      };
    },
  }),
  'GET /api/work-items': scoped({
    note: 'reports.read over the unit filtered on (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const w = await workItem(fx, side);
      return { url: `/api/work-items?unitId=${fx.home[side].id}`, id: w.id };
    },
  }),
  'POST /api/work-items': scoped({
    note: 'reports.read to find the unit (404), then units.manage on it (403)',
    inScope: WRITE(201),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/work-items',
      body: {
        unitId: fx.home[side].id,
        year: 2025,
        content: 'Rà soát quy hoạch',
        responsibleUnitId: fx.home[side].id,
        deadline: '2025-10-31',
      },
    }),
  }),
  'PATCH /api/work-items/:id': scoped({
    note: 'reports.read to find the item (404), then units.manage (403)',
    inScope: WRITE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const w = await workItem(fx, side);
      return { url: `/api/work-items/${w.id}`, body: { version: w.version, status: 'inProgress' }, id: w.id };
    },
  }),
};
