import { systemActor } from '../../src/access/actor';
import { insertPeople } from '../../src/modules/votes/votes.fixtures';
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
 * Permission-matrix entries of the confidence votes (docs/VOTES.md). Sessions live in the home unit
 * of A or B. Officers (votes.manage) run them; inspectors (votes.read) read them and are refused
 * every change with 403; heads, managers and staff hold neither, so a session is missing for them
 * (404) and lists leave it out. The ballot routes are public: the one-time code is the key.
 */

type State = 'draft' | 'open' | 'closed';

/** A session on the home unit of `side`, moved to `state`, with one issued code. */
async function session(fx: MatrixFixture, side: Side, state: State = 'draft') {
  const { t } = fx;
  const system = systemActor(t.ctx.tenantId, 'matrix');
  const unit = fx.home[side];
  const [candidate, ...voters] = await insertPeople(t.ctx.db, t.ctx.tenantId, unit.id, 4);
  const title = fx.name('Phiên lấy phiếu ');
  // Every session has people of its own, so the places limit (per person and year) never bites here.
  const voteDate = '2030-01-01';
  const created = await t.services.votes.create(system, {
    unitId: unit.id,
    title,
    voteDate,
    candidates: [{ personId: candidate!, post: 'Bí thư Chi bộ' }],
    voterIds: voters,
  });
  let version = created.version;
  const issued = await t.services.votes.issueTokens(system, created.id, { version });
  version = issued.version;
  if (state !== 'draft') version = (await t.services.votes.open(system, created.id, version)).version;
  const code = issued.tokens[0]!.code;
  if (state === 'closed') {
    await t.services.ballots.cast(
      code,
      { choices: [{ personId: candidate!, level: 'high' }] },
      { requestId: null, ip: null },
    );
    version = (await t.services.votes.close(system, created.id, version)).version;
  }
  return { id: created.id, title, version, code, candidate: candidate! };
}

const READ = by(200, 200, 404, 404, 404, 200);
const MANAGE = by(200, 200, 404, 404, 404, 403);

function read(path: string, state: State, withId = true): RouteExpectation {
  return scoped({
    inScope: READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const s = await session(fx, side, state);
      return { url: `/api/votes/${s.id}${path}`, ...(withId ? { id: s.id } : {}) };
    },
  });
}

function step(
  action: string,
  state: State,
  body: (s: { version: number }) => object = (s) => ({ version: s.version }),
) {
  return scoped({
    note: 'votes.read to find the session (404 without), then votes.manage (403)',
    inScope: MANAGE,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const s = await session(fx, side, state);
      return { url: `/api/votes/${s.id}/${action}`, body: body(s), id: s.id };
    },
  });
}

export const votesExpectations: Record<string, RouteExpectation> = {
  'GET /api/votes': scoped({
    note: 'a list: what the caller may not read is left out',
    inScope: by(200, 200, LEFT_OUT, LEFT_OUT, LEFT_OUT, 200),
    outOfScope: every(LEFT_OUT),
    rootAdmin: 200,
    request: async (fx, side) => {
      const s = await session(fx, side);
      return { url: `/api/votes?q=${encodeURIComponent(s.title)}`, id: s.id };
    },
  }),
  'POST /api/votes': scoped({
    note: 'the unit must be readable (else 404), then votes.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const unit = fx.home[side];
      const [candidate, ...voters] = await insertPeople(fx.t.ctx.db, fx.t.ctx.tenantId, unit.id, 3);
      return {
        url: '/api/votes',
        body: {
          unitId: unit.id,
          title: 'Lấy phiếu tín nhiệm',
          voteDate: '2029-06-01',
          candidates: [{ personId: candidate, post: 'Bí thư' }],
          voterIds: voters,
        },
      };
    },
  }),
  'GET /api/votes/:id': read('', 'draft'),
  'POST /api/votes/:id/open': step('open', 'draft'),
  'POST /api/votes/:id/close': step('close', 'open'),
  'POST /api/votes/:id/tokens': step('tokens', 'open'),
  'GET /api/votes/:id/turnout': read('/turnout', 'open', false),
  'GET /api/votes/:id/results': read('/results', 'closed'),
  'GET /api/votes/:id/record.docx': read('/record.docx', 'closed', false),
  'GET /api/votes/:id/record.xlsx': read('/record.xlsx', 'closed', false),
  'GET /api/people/:id/votes': scoped({
    note: 'people.read to find the person (404 without), then votes.read or votes.manage (403)',
    inScope: by(200, 200, 403, 403, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const s = await session(fx, side, 'closed');
      return { url: `/api/people/${s.candidate}/votes`, id: s.candidate };
    },
  }),
  'GET /api/ballots/:token': {
    access: 'public',
    anonymous: 200,
    signedIn: 200,
    request: async (fx) => ({ url: `/api/ballots/${(await session(fx, 'A', 'open')).code}` }),
  },
  'POST /api/ballots/:token': {
    access: 'public',
    anonymous: 200,
    signedIn: 200,
    request: async (fx) => {
      const s = await session(fx, 'A', 'open');
      return { url: `/api/ballots/${s.code}`, body: { choices: [{ personId: s.candidate, level: 'low' }] } };
    },
  },
};
