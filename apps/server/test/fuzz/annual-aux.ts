import { systemActor } from '../../src/access/actor';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute, type Table } from './types';

/**
 * Fuzz entries of the weak base party organisations and of leave periods (docs/ANNUAL.md), spread
 * into the `routes` of src/http/fuzz.int.test.ts. Every target is new: a party cell of its own under
 * A's home unit, or a person of their own there.
 */
const WEAK_ORG: Table[] = ['weak_org', ...AUDIT];
const ABSENCE: Table[] = ['person_absence', ...AUDIT];

async function cell(fx: MatrixFixture): Promise<string> {
  const created = await fx.t.services.units.create(systemActor(fx.t.ctx.tenantId, 'fuzz'), {
    code: fx.name('FZ'),
    name: fx.name('Chi bộ '),
    parentId: fx.home.A.id,
    type: 'party_cell',
    isPartyOrg: true,
  });
  return created.id;
}

export const annualAuxRoutes: Record<string, FuzzRoute> = {
  'POST /api/weak-orgs': {
    caller: 'admin',
    writes: WEAK_ORG,
    url: async () => '/api/weak-orgs',
    valid: async (fx) => ({ unitId: await cell(fx), year: 2025, note: 'Tổ chức cơ sở đảng yếu kém' }),
  },
  'PUT /api/weak-orgs/:id': {
    caller: 'admin',
    writes: WEAK_ORG,
    url: async (fx) => {
      const system = systemActor(fx.t.ctx.tenantId, 'fuzz');
      const w = await fx.t.services.weakOrgs.designate(system, {
        unitId: await cell(fx),
        year: 2025,
        note: 'Tổ chức cơ sở đảng yếu kém',
      });
      return `/api/weak-orgs/${w.id}`;
    },
    valid: async () => ({
      measures: [{ content: 'Kiện toàn cấp ủy', responsiblePersonId: null, deadline: '2099-01-01' }],
      status: 'inProgress',
      version: 1,
    }),
  },
  'POST /api/people/:id/absences': {
    caller: 'admin',
    writes: ABSENCE,
    url: async (fx) => `/api/people/${(await fx.person('A')).id}/absences`,
    valid: async () => ({
      kind: 'maternity',
      startDate: '2025-01-01',
      endDate: '2025-06-30',
      note: 'Sinh con',
    }),
  },
  'DELETE /api/people/:id/absences/:absenceId': {
    caller: 'admin',
    writes: ABSENCE,
    url: async (fx) => {
      const person = await fx.person('A');
      const created = await fx.t.services.absences.add(systemActor(fx.t.ctx.tenantId, 'fuzz'), person.id, {
        kind: 'sick',
        startDate: '2025-03-01',
        endDate: '2025-03-10',
      });
      return `/api/people/${person.id}/absences/${created.id}`;
    },
  },
};
