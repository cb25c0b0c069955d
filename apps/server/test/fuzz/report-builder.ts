import { systemActor } from '../../src/access/actor';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute } from './types';

/**
 * Fuzz entries of the report builder (docs/REPORTS.md, "Report builder"), spread into the `routes`
 * of src/http/fuzz.int.test.ts. Every target is a fresh custom template in A's home unit.
 */
const built = new WeakMap<MatrixFixture, { version: number }>();

const SECTIONS = [
  { kind: 'text', title: 'Đặt vấn đề', intro: 'Nội dung' },
  {
    kind: 'indicators',
    title: 'Giới tính',
    indicators: [{ id: 'people.bySex' }],
    decimals: 1,
    compare: true,
    chart: 'pie',
  },
];

async function template(fx: MatrixFixture) {
  const t = await fx.t.services.reportTemplates.create(systemActor(fx.t.ctx.tenantId, 'fuzz'), {
    unitId: fx.home.A.id,
    name: 'Mẫu thử',
    kind: 'custom',
    sections: [
      { kind: 'text', title: 'Đặt vấn đề', intro: null, indicators: [], decimals: 2, compare: false },
    ],
  });
  built.set(fx, t);
  return t;
}

const version = (fx: MatrixFixture) => {
  const b = built.get(fx);
  if (!b) throw new Error('url() builds the record before valid()');
  return b.version;
};

export const reportBuilderRoutes: Record<string, FuzzRoute> = {
  'POST /api/report-templates': {
    caller: 'admin',
    writes: ['report_template', ...AUDIT],
    url: async () => '/api/report-templates',
    valid: async (fx) => ({
      unitId: fx.home.A.id,
      name: 'Báo cáo chuyên đề',
      kind: 'custom',
      sections: SECTIONS,
    }),
  },
  'PATCH /api/report-templates/:id': {
    caller: 'admin',
    writes: ['report_template', ...AUDIT],
    url: async (fx) => `/api/report-templates/${(await template(fx)).id}`,
    valid: async (fx) => ({ version: version(fx), name: 'Mẫu đổi tên', kind: 'midYear', sections: SECTIONS }),
  },
  'DELETE /api/report-templates/:id': {
    caller: 'admin',
    writes: ['report_template', ...AUDIT],
    url: async (fx) => `/api/report-templates/${(await template(fx)).id}`,
  },
  'POST /api/reports': {
    caller: 'admin',
    writes: ['report_run', 'job', ...AUDIT],
    url: async () => '/api/reports',
    valid: async (fx) => ({
      templateId: 'builtin-midYear',
      unitId: fx.home.A.id,
      from: '2025-01-01',
      to: '2025-06-30',
      asOf: '2025-06-30',
      documentNumber: '12-BC/ĐU',
      place: 'Hà Nội',
      issueDate: '2025-07-05',
    }),
  },
};
