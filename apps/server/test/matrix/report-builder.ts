import { systemActor } from '../../src/access/actor';
import {
  by,
  every,
  type MatrixFixture,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of the report builder (docs/REPORTS.md, "Report builder"). Templates and
 * runs are read with reports.read over their unit (admin, officer, head, inspector; managers and
 * staff hold none, so they find nothing: 404); templates and runs are made with units.manage (admin,
 * officer): a head or inspector finds them and is refused with 403.
 */

const READ = by(200, 200, 200, 404, 404, 200);
const WRITE = (status: number) => by(status, status, 403, 404, 404, 403);
const SECTIONS = [{ kind: 'text', title: 'Đặt vấn đề', intro: 'Nội dung' }];

async function template(fx: MatrixFixture, side: Side) {
  return fx.t.services.reportTemplates.create(systemActor(fx.t.ctx.tenantId, 'matrix'), {
    unitId: fx.home[side].id,
    name: fx.name('Mẫu '),
    kind: 'custom',
    sections: SECTIONS.map((s) => ({
      ...s,
      kind: 'text' as const,
      indicators: [],
      decimals: 2 as const,
      compare: false,
    })),
  });
}

const builtRuns = new WeakMap<MatrixFixture, Partial<Record<Side, string>>>();

/** A run built once per side (building draws charts and writes three files). */
async function builtRun(fx: MatrixFixture, side: Side): Promise<string> {
  const cache = builtRuns.get(fx) ?? {};
  builtRuns.set(fx, cache);
  if (cache[side]) return cache[side];
  const actor = systemActor(fx.t.ctx.tenantId, 'matrix');
  const t = await template(fx, side);
  const run = await fx.t.services.reportRuns.create(actor, {
    templateId: t.id,
    unitId: fx.home[side].id,
    from: '2025-01-01',
    to: '2025-06-30',
  });
  await fx.t.services.reportRuns.runQueued({
    tenant_id: fx.t.ctx.tenantId,
    id: run.jobId!,
    kind: 'reports.build',
    payload: { runId: run.id },
    attempts: 1,
    max_attempts: 1,
  });
  cache[side] = run.id;
  return run.id;
}

export const reportBuilderExpectations: Record<string, RouteExpectation> = {
  'GET /api/report-templates': scoped({
    note: 'reports.read over the unit filtered on (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await template(fx, side);
      return { url: `/api/report-templates?unitId=${fx.home[side].id}`, id: t.id };
    },
  }),
  'POST /api/report-templates': scoped({
    note: 'reports.read to find the unit (404), then units.manage on it (403)',
    inScope: WRITE(201),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/report-templates',
      body: { unitId: fx.home[side].id, name: fx.name('Mẫu '), kind: 'custom', sections: SECTIONS },
    }),
  }),
  'GET /api/report-templates/:id': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await template(fx, side);
      return { url: `/api/report-templates/${t.id}`, id: t.id };
    },
  }),
  'PATCH /api/report-templates/:id': scoped({
    note: 'reports.read to find the template (404), then units.manage (403)',
    inScope: WRITE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const t = await template(fx, side);
      return {
        url: `/api/report-templates/${t.id}`,
        body: { version: t.version, name: 'Mẫu đổi tên' },
        id: t.id,
      };
    },
  }),
  'DELETE /api/report-templates/:id': scoped({
    note: 'reports.read to find the template (404), then units.manage (403)',
    inScope: WRITE(204),
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const t = await template(fx, side);
      return { url: `/api/report-templates/${t.id}`, id: t.id };
    },
  }),
  'POST /api/reports': scoped({
    note: 'reports.read to find the unit (404), then units.manage on it (403); 202 with the queued job',
    inScope: WRITE(202),
    outOfScope: every(404),
    rootAdmin: 202,
    request: async (fx, side) => ({
      url: '/api/reports',
      body: { templateId: 'builtin-midYear', unitId: fx.home[side].id, from: '2025-01-01', to: '2025-06-30' },
    }),
  }),
  'GET /api/reports': scoped({
    note: 'reports.read over the unit filtered on (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const id = await builtRun(fx, side);
      return { url: `/api/reports?unitId=${fx.home[side].id}&page=1&pageSize=50`, id };
    },
  }),
  'GET /api/reports/:id': scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const id = await builtRun(fx, side);
      return { url: `/api/reports/${id}`, id };
    },
  }),
  'GET /api/reports/:id/files/:format': scoped({
    note: 'a built run: reports.read over its unit (404 without)',
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      // The file is a workbook: it cannot carry the run's id, so only the status is checked.
      const id = await builtRun(fx, side);
      return { url: `/api/reports/${id}/files/xlsx` };
    },
  }),
};
