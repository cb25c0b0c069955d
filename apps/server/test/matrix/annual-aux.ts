import { systemActor } from '../../src/access/actor';
import {
  by,
  every,
  LEFT_OUT,
  type MatrixFixture,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of the weak base party organisations and of leave periods
 * (docs/ANNUAL.md). Weak organisations are read with evaluations.read (officers, inspectors) and
 * designated and planned with evaluations.manage (officers): heads, managers and staff hold neither,
 * so a record is missing for them (404) and lists leave it out. Leave periods follow the person's
 * record: people.read to find the person (staff: 404), people.manage to change (else 403).
 */

/** A new party cell under the home unit of `side`. */
async function cell(fx: MatrixFixture, side: Side) {
  const system = systemActor(fx.t.ctx.tenantId, 'matrix');
  const created = await fx.t.services.units.create(system, {
    code: fx.name('CB'),
    name: fx.name('Chi bộ '),
    parentId: fx.home[side].id,
    type: 'party_cell',
    isPartyOrg: true,
  });
  return created.id;
}

/** A weak organisation (version 1) on a new cell of `side`. */
async function weakOrg(fx: MatrixFixture, side: Side) {
  const system = systemActor(fx.t.ctx.tenantId, 'matrix');
  return fx.t.services.weakOrgs.designate(system, {
    unitId: await cell(fx, side),
    year: 2025,
    note: 'Tổ chức cơ sở đảng yếu kém',
  });
}

/** A leave period of a new person of `side`. */
async function absence(fx: MatrixFixture, side: Side) {
  const system = systemActor(fx.t.ctx.tenantId, 'matrix');
  const person = await fx.person(side);
  const created = await fx.t.services.absences.add(system, person.id, {
    kind: 'sick',
    startDate: '2025-03-01',
    endDate: '2025-03-10',
  });
  return { personId: person.id, absenceId: created.id };
}

const PEOPLE_NOTE = 'people.read to find the person (404 without), then people.manage (403)';

export const annualAuxExpectations: Record<string, RouteExpectation> = {
  'GET /api/weak-orgs': scoped({
    note: 'a list: what the caller may not read is left out',
    inScope: by(200, 200, LEFT_OUT, LEFT_OUT, LEFT_OUT, 200),
    outOfScope: every(LEFT_OUT),
    rootAdmin: 200,
    request: async (fx, side) => {
      const w = await weakOrg(fx, side);
      return { url: `/api/weak-orgs?unitId=${w.unitId}`, id: w.id };
    },
  }),
  'POST /api/weak-orgs': scoped({
    note: 'the unit must be readable (else 404), then evaluations.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/weak-orgs',
      body: { unitId: await cell(fx, side), year: 2025, note: 'Không hoàn thành nhiệm vụ hai năm liền' },
    }),
  }),
  'GET /api/weak-orgs/:id': scoped({
    inScope: by(200, 200, 404, 404, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const w = await weakOrg(fx, side);
      return { url: `/api/weak-orgs/${w.id}`, id: w.id };
    },
  }),
  'PUT /api/weak-orgs/:id': scoped({
    note: 'evaluations.read to find it (404 without), then evaluations.manage (403)',
    inScope: by(200, 200, 404, 404, 404, 403),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const w = await weakOrg(fx, side);
      return {
        url: `/api/weak-orgs/${w.id}`,
        body: {
          measures: [{ content: 'Kiện toàn cấp ủy', responsiblePersonId: null, deadline: '2099-01-01' }],
          status: 'inProgress',
          version: w.version,
        },
        id: w.id,
      };
    },
  }),
  'GET /api/people/:id/absences': scoped({
    inScope: by(200, 200, 200, 200, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const a = await absence(fx, side);
      return { url: `/api/people/${a.personId}/absences`, id: a.absenceId };
    },
  }),
  'POST /api/people/:id/absences': scoped({
    note: PEOPLE_NOTE,
    inScope: by(201, 201, 403, 403, 404, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const person = await fx.person(side);
      return {
        url: `/api/people/${person.id}/absences`,
        body: { kind: 'maternity', startDate: '2025-01-01', endDate: '2025-06-30' },
        id: person.id,
      };
    },
  }),
  'DELETE /api/people/:id/absences/:absenceId': scoped({
    note: PEOPLE_NOTE,
    inScope: by(204, 204, 403, 403, 404, 403),
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const a = await absence(fx, side);
      return { url: `/api/people/${a.personId}/absences/${a.absenceId}`, id: a.absenceId };
    },
  }),
};
