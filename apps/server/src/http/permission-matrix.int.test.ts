import { ErrorBody, ROLES, type Role } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Response } from '../../test/client';
import { createTestContext, type TestContext } from '../../test/context';
import { annualExpectations } from '../../test/matrix/annual';
import { annualAuxExpectations } from '../../test/matrix/annual-aux';
import { controlExpectations } from '../../test/matrix/control';
import { evaluationSetupExpectations } from '../../test/matrix/evaluation-setup';
import { evaluationWorkflowExpectations } from '../../test/matrix/evaluation-workflow';
import { reportBuilderExpectations } from '../../test/matrix/report-builder';
import { reportsExpectations } from '../../test/matrix/reports';
import { votesExpectations } from '../../test/matrix/votes';
import {
  expectations as coreExpectations,
  createMatrixFixture,
  type Expected,
  LEFT_OUT,
  type MatrixFixture,
  type MatrixRequest,
  type RouteExpectation,
  type Session,
  type Side,
} from '../../test/permission-matrix';

/** Every route's entry: the core modules, then each later module's own table. */
const expectations: Record<string, RouteExpectation> = {
  ...coreExpectations,
  ...evaluationSetupExpectations,
  ...evaluationWorkflowExpectations,
  ...votesExpectations,
  ...reportBuilderExpectations,
  ...controlExpectations,
  ...reportsExpectations,
  ...annualAuxExpectations,
  ...annualExpectations,
};

interface Case {
  who: string;
  /** The caller; `session` only for the account routes, which act on the caller's own account. */
  caller: () => Promise<{ client: Client; session: Session | null }>;
  /** Target in A or B (user routes). */
  side: Side;
  expected: Expected;
  /** The caller holds nothing over the target: the answer must not carry it. */
  outside: boolean;
}

function send(client: Client, method: string, req: MatrixRequest): Promise<Response> {
  if (req.upload) {
    const headers = { 'content-type': req.upload.contentType, 'x-csrf-token': client.csrfToken ?? '' };
    return client.raw({ method, url: req.url, payload: req.upload.payload, headers });
  }
  switch (method) {
    case 'GET':
      return client.get(req.url);
    case 'POST':
      return client.post(req.url, req.body);
    case 'PUT':
      return client.put(req.url, req.body);
    case 'PATCH':
      return client.patch(req.url, req.body);
    case 'DELETE':
      return client.delete(req.url);
    default:
      throw new Error(`No way to send ${method}`);
  }
}

/** `/api/users/:id` → a pattern the built request must match, so an entry cannot test another route by mistake. */
function urlPattern(route: string): RegExp {
  const body = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/?]+');
  return new RegExp(`^${body}(\\?.*)?$`);
}

describe('permission matrix: every route, every role, in and out of scope', () => {
  let t: TestContext;
  let fx: MatrixFixture;
  const roleClients = {} as Record<Role, Client>;
  let rootAdmin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    fx = await createMatrixFixture(t);
    for (const role of ROLES) {
      const user = await t.build.user({ unit: fx.a, role });
      await fx.linkPerson(user.id, 'A');
      roleClients[role] = await t.as(user);
    }
    const admin = await t.build.user({ role: 'admin' });
    await fx.linkPerson(admin.id, 'B');
    rootAdmin = await t.as(admin);
  });
  afterAll(() => t.close());

  /** A visitor who loaded the sign-in page: holds the pre-session CSRF token, so only access decides. */
  async function anonymous(): Promise<Client> {
    const client = t.anonymous();
    client.csrfToken = (await client.get('/api/auth/csrf')).body.csrfToken;
    return client;
  }

  function casesOf(entry: RouteExpectation): Case[] {
    const anon: Case = {
      who: 'anonymous',
      caller: async () => ({ client: await anonymous(), session: null }),
      side: 'A',
      expected: entry.anonymous,
      outside: true,
    };
    if (entry.access !== 'user') {
      const signedIn = async () => {
        const session = await fx.signedIn();
        return { client: session.client, session };
      };
      return [
        anon,
        { who: 'signed-in user', caller: signedIn, side: 'A', expected: entry.signedIn, outside: false },
      ];
    }
    const cases: Case[] = [
      anon,
      {
        who: 'root admin, target in B',
        caller: async () => ({ client: rootAdmin, session: null }),
        side: 'B',
        expected: entry.rootAdmin,
        outside: false,
      },
    ];
    for (const role of ROLES) {
      const caller = async () => ({ client: roleClients[role], session: null });
      const add = (who: string, side: Side, expected: Expected, outside: boolean) =>
        cases.push({ who: `${role} on A${who}`, caller, side, expected, outside });
      if (entry.scope === 'unit') {
        add(', target in A', 'A', entry.inScope[role], false);
        add(', target in B', 'B', entry.outOfScope[role], true);
      } else {
        add('', 'A', entry.roles[role], entry.scope === 'tenant');
      }
    }
    return cases;
  }

  /** Runs one case and describes what went wrong, if anything. */
  async function problemsOf(key: string, entry: RouteExpectation, c: Case): Promise<string[]> {
    const [method, route] = key.split(' ') as [string, string];
    const { client, session } = await c.caller();
    const req = entry.access === 'user' ? await entry.request(fx, c.side) : await entry.request(fx, session);
    const res = await send(client, method, req);
    const text = JSON.stringify(res.body ?? null);
    const code = res.status >= 400 ? ` ${res.body?.error?.code ?? ''}` : '';
    const problems: string[] = [];
    const check = (ok: boolean, problem: string) => {
      if (!ok) problems.push(`${c.who}: ${problem}`);
    };
    check(urlPattern(route).test(req.url), `the request ${req.url} does not match the route`);
    const status = c.expected === LEFT_OUT ? 200 : c.expected;
    check(res.status === status, `expected ${c.expected}, got ${res.status}${code}`);
    check(res.status < 400 || ErrorBody.safeParse(res.body).success, `${res.status} without the error shape`);
    if (req.id && (c.outside || c.expected === LEFT_OUT)) {
      check(!text.includes(req.id), `the answer carries the target ${req.id}`);
    } else if (req.id && method === 'GET' && res.status === 200) {
      check(text.includes(req.id), `200 without the target ${req.id}`);
    }
    return problems;
  }

  it('has an entry for every registered API route, and none for a route that does not exist', () => {
    const registered = t.app.routeList.map((r) => `${r.method} ${r.url}`);
    const table = Object.keys(expectations);
    expect(registered.length).toBeGreaterThan(20);
    expect(
      registered.filter((k) => !table.includes(k)),
      'routes without an entry in test/permission-matrix.ts',
    ).toEqual([]);
    expect(
      table.filter((k) => !registered.includes(k)),
      'entries for routes that are not registered',
    ).toEqual([]);
  });

  it('the table itself never lets an out-of-scope record answer 403 or 2xx where it would reveal something', () => {
    const wrong: string[] = [];
    for (const [key, entry] of Object.entries(expectations)) {
      if (entry.access === 'user' && entry.anonymous !== 401) wrong.push(`${key}: anonymous must be 401`);
      if (entry.access !== 'user' || entry.scope !== 'unit') continue;
      for (const role of ROLES) {
        const inside = entry.inScope[role];
        const outside = entry.outOfScope[role];
        const hidden = outside === 404 || outside === LEFT_OUT || (outside === 403 && inside === 403);
        if (!hidden) wrong.push(`${key}: ${role} out of scope answers ${outside} (in scope ${inside})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  for (const [key, entry] of Object.entries(expectations)) {
    it(key, async () => {
      const problems = await Promise.all(casesOf(entry).map((c) => problemsOf(key, entry, c)));
      expect(problems.flat()).toEqual([]);
    });
  }
});
