import { systemActor } from '../../src/access/actor';
import { insertPeople } from '../../src/modules/votes/votes.fixtures';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute, type Table } from './types';

/**
 * Fuzz entries of the confidence votes (docs/VOTES.md), spread into the `routes` of
 * src/http/fuzz.int.test.ts. Every target is a fresh session in A's home unit with people of its
 * own. A ballot refused because its code was used or the session is not open is audited on purpose
 * (vote.ballotRefused, in a transaction of its own): the only write a refusal may make.
 */
const SESSION: Table[] = ['vote_session', 'vote_candidate', 'vote_voter', 'vote_tally', ...AUDIT];

interface Built {
  id: string;
  version: number;
  code: string;
  candidate: string;
}
const last = new WeakMap<MatrixFixture, Built>();

async function session(fx: MatrixFixture, open: boolean): Promise<Built> {
  const { t } = fx;
  const system = systemActor(t.ctx.tenantId, 'fuzz');
  const [candidate, ...voters] = await insertPeople(t.ctx.db, t.ctx.tenantId, fx.home.A.id, 3);
  const created = await t.services.votes.create(system, {
    unitId: fx.home.A.id,
    title: 'Phiên thử',
    voteDate: '2031-01-01',
    candidates: [{ personId: candidate!, post: 'Bí thư' }],
    voterIds: voters,
  });
  const issued = await t.services.votes.issueTokens(system, created.id, { version: created.version });
  const version = open
    ? (await t.services.votes.open(system, created.id, issued.version)).version
    : issued.version;
  const built = { id: created.id, version, code: issued.tokens[0]!.code, candidate: candidate! };
  last.set(fx, built);
  return built;
}

const latest = (fx: MatrixFixture) => {
  const built = last.get(fx);
  if (!built) throw new Error('url() builds the session before valid()');
  return built;
};

function step(action: string, open: boolean, writes: Table[]): FuzzRoute {
  return {
    caller: 'admin',
    writes,
    url: async (fx) => `/api/votes/${(await session(fx, open)).id}/${action}`,
    valid: async (fx) => ({ version: latest(fx).version }),
  };
}

export const voteRoutes: Record<string, FuzzRoute> = {
  'POST /api/votes': {
    caller: 'admin',
    writes: SESSION,
    url: async () => '/api/votes',
    valid: async (fx) => {
      const [candidate, ...voters] = await insertPeople(fx.t.ctx.db, fx.t.ctx.tenantId, fx.home.A.id, 3);
      return {
        unitId: fx.home.A.id,
        title: 'Lấy phiếu tín nhiệm',
        voteDate: '2031-06-01',
        candidates: [{ personId: candidate, post: 'Bí thư' }],
        voterIds: voters,
      };
    },
  },
  'POST /api/votes/:id/open': step('open', false, ['vote_session', ...AUDIT]),
  'POST /api/votes/:id/close': step('close', true, ['vote_session', 'vote_result', ...AUDIT]),
  'POST /api/votes/:id/tokens': step('tokens', true, ['vote_session', 'vote_voter', ...AUDIT]),
  'POST /api/ballots/:token': {
    caller: 'anonymous',
    writes: ['vote_session', 'vote_voter', 'vote_tally', ...AUDIT],
    writesWhenRefused: AUDIT,
    url: async (fx) => `/api/ballots/${(await session(fx, true)).code}`,
    valid: async (fx) => ({ choices: [{ personId: latest(fx).candidate, level: 'high' }] }),
  },
};
