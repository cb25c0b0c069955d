import { ErrorBody } from '@canbo/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/client';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../test/context';
import { annualRoutes } from '../../test/fuzz/annual';
import { annualAuxRoutes } from '../../test/fuzz/annual-aux';
import { controlRoutes } from '../../test/fuzz/control';
import { evaluationRoutes } from '../../test/fuzz/evaluations';
import { reportBuilderRoutes } from '../../test/fuzz/report-builder';
import { reportRoutes } from '../../test/fuzz/reports';
import { AUDIT, type FuzzRoute, ORG_CHANGE, PERSON, type Self, type Table } from '../../test/fuzz/types';
import { voteRoutes } from '../../test/fuzz/votes';
import {
  createMatrixFixture,
  type MatrixFixture,
  RECORDS,
  type RecordSection,
} from '../../test/permission-matrix';

interface JsonSchema {
  properties?: object;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

async function renameOf(fx: MatrixFixture) {
  const unit = await fx.unit('A');
  return {
    kind: 'rename',
    effectiveDate: fx.today,
    unit: { id: unit.id, version: 1 },
    name: 'Đảng bộ Đổi tên',
  };
}

/** A person's positions, disciplines, awards and training courses: add, change, remove. */
function recordRoutes(section: RecordSection, table: Table): Record<string, FuzzRoute> {
  const writes = [table, ...PERSON];
  return {
    [`POST /api/people/:id/${section}`]: {
      caller: 'admin',
      writes,
      url: async (fx) => `/api/people/${(await fx.person('A')).id}/${section}`,
      valid: async (fx) => RECORDS[section].create(fx, 'A'),
    },
    [`PATCH /api/people/:id/${section}/:itemId`]: {
      caller: 'admin',
      writes,
      url: async (fx) => {
        const { personId, itemId } = await fx.record('A', section);
        return `/api/people/${personId}/${section}/${itemId}`;
      },
      valid: async () => ({ ...RECORDS[section].change, version: 1 }),
    },
    [`DELETE /api/people/:id/${section}/:itemId`]: {
      caller: 'admin',
      writes,
      url: async (fx) => {
        const { personId, itemId } = await fx.record('A', section);
        return `/api/people/${personId}/${section}/${itemId}?version=1`;
      },
    },
  };
}

/**
 * Every mutating route of the API; a new one fails the coverage test until it is listed here. Later
 * modules keep their entries in test/fuzz/ (the entry's shape is in test/fuzz/types.ts).
 */
const routes: Record<string, FuzzRoute> = {
  'POST /api/auth/sign-in': {
    caller: 'anonymous',
    writes: ['app_user', 'user_session', ...AUDIT],
    writesWhenRefused: ['app_user', ...AUDIT],
    url: async () => '/api/auth/sign-in',
    valid: async (fx) => ({ username: (await fx.user('A')).username, password: TEST_PASSWORD }),
  },
  'POST /api/auth/sign-out': {
    caller: 'own',
    writes: ['user_session', ...AUDIT],
    url: async () => '/api/auth/sign-out',
  },
  'POST /api/auth/password': {
    caller: 'own',
    writes: ['app_user', 'user_session', ...AUDIT],
    url: async () => '/api/auth/password',
    valid: async () => ({ currentPassword: TEST_PASSWORD, newPassword: 'Mat khau moi 2026' }),
  },
  'POST /api/auth/totp/setup': {
    caller: 'own',
    writes: ['app_user', ...AUDIT],
    url: async () => '/api/auth/totp/setup',
  },
  'POST /api/auth/totp/enable': {
    caller: 'own',
    writes: ['app_user', ...AUDIT],
    url: async () => '/api/auth/totp/enable',
    valid: async () => ({ code: '123456' }),
  },
  'POST /api/auth/totp/disable': {
    caller: 'own',
    writes: ['app_user', ...AUDIT],
    url: async () => '/api/auth/totp/disable',
    valid: async () => ({ password: TEST_PASSWORD }),
  },
  'POST /api/users': {
    caller: 'admin',
    writes: ['app_user', 'role_grant', ...AUDIT],
    url: async () => '/api/users',
    valid: async (fx) => ({
      username: fx.name('fz'),
      displayName: 'Phạm Văn Thử',
      email: 'thu@example.vn',
      unitId: fx.home.A.id,
      grants: [{ role: 'staff', unitId: fx.home.A.id }],
    }),
  },
  'PATCH /api/users/:id': {
    caller: 'admin',
    writes: ['app_user', 'user_session', ...AUDIT],
    url: async (fx) => `/api/users/${(await fx.user('A')).id}`,
    valid: async (fx) => ({
      displayName: 'Tên mới',
      email: null,
      unitId: fx.home.A.id,
      disabled: false,
      version: 1,
    }),
  },
  'POST /api/users/:id/reset-password': {
    caller: 'admin',
    writes: ['app_user', 'user_session', ...AUDIT],
    url: async (fx) => `/api/users/${(await fx.user('A')).id}/reset-password`,
  },
  'POST /api/users/:id/unlock': {
    caller: 'admin',
    writes: ['app_user', ...AUDIT],
    url: async (fx) => `/api/users/${(await fx.user('A')).id}/unlock`,
  },
  'POST /api/users/:id/reset-totp': {
    caller: 'admin',
    writes: ['app_user', 'user_session', ...AUDIT],
    url: async (fx) => `/api/users/${(await fx.user('A')).id}/reset-totp`,
  },
  'POST /api/users/:id/grants': {
    caller: 'admin',
    writes: ['role_grant', ...AUDIT],
    url: async (fx) => `/api/users/${(await fx.user('A')).id}/grants`,
    valid: async (fx) => ({ role: 'manager', unitId: fx.home.A.id }),
  },
  'DELETE /api/grants/:id': {
    caller: 'admin',
    writes: ['role_grant', ...AUDIT],
    url: async (fx) => `/api/grants/${(await fx.grant('A')).id}`,
  },
  'POST /api/units': {
    caller: 'admin',
    writes: ORG_CHANGE,
    url: async () => '/api/units',
    valid: async (fx) => ({ code: fx.name('FZ'), name: 'Chi bộ Thử nghiệm', parentId: fx.home.A.id }),
  },
  'PATCH /api/units/:id': {
    caller: 'admin',
    writes: ORG_CHANGE,
    url: async (fx) => `/api/units/${(await fx.unit('A')).id}`,
    valid: async (fx) => ({ version: 1, effectiveDate: fx.today, name: 'Chi bộ Đổi tên' }),
  },
  'POST /api/org/changes/preview': {
    caller: 'admin',
    writes: [],
    url: async () => '/api/org/changes/preview',
    valid: async (fx) => renameOf(fx),
  },
  'POST /api/org/changes': {
    caller: 'admin',
    // A valid body may be any kind of change: posts, records, accounts and grants follow the units.
    writes: [...ORG_CHANGE, 'position', 'person', 'person_history', 'app_user', 'role_grant'],
    url: async () => '/api/org/changes',
    valid: async (fx) => renameOf(fx),
  },
  'POST /api/people': {
    caller: 'admin',
    writes: PERSON,
    url: async () => '/api/people',
    valid: async (fx) => fx.personInput(fx.home.A.id),
  },
  'PATCH /api/people/:id': {
    caller: 'admin',
    writes: PERSON,
    url: async (fx) => `/api/people/${(await fx.person('A')).id}`,
    valid: async (fx) => ({ ...fx.personInput(fx.home.A.id), fullName: 'Lê Thị Đã Sửa', version: 1 }),
  },
  ...recordRoutes('positions', 'position'),
  ...recordRoutes('disciplines', 'discipline'),
  ...recordRoutes('awards', 'award'),
  ...recordRoutes('trainings', 'training'),
  'POST /api/people/:id/positions/:itemId/end': {
    caller: 'admin',
    writes: ['position', ...PERSON],
    url: async (fx) => {
      const { personId, itemId } = await fx.record('A', 'positions');
      return `/api/people/${personId}/positions/${itemId}/end`;
    },
    valid: async (fx) => ({ endDate: fx.today, endReason: 'Nghỉ hưu', version: 1 }),
  },
  'POST /api/imports/:kind': {
    caller: 'admin',
    // Takes a multipart .xlsx only: a JSON body is refused before anything is read.
    writes: ['import_run', 'job', ...ORG_CHANGE, 'position', 'person', 'person_history'],
    url: async () => '/api/imports/people',
  },
  'PUT /api/settings/security': {
    caller: 'admin',
    writes: ['security_settings', ...AUDIT],
    url: async () => '/api/settings/security',
    valid: async (fx) => ({ totpRequiredRoles: ['officer'], version: await fx.settingsVersion() }),
    // A role list that names the administrator would stop the signed-in admin at the second factor.
    afterSuccess: async (t) => {
      await t.ctx.db.updateTable('security_settings').set({ totp_required_roles: '[]' }).execute();
    },
  },
  'POST /api/jobs/:id/retry': {
    caller: 'admin',
    writes: ['job', ...AUDIT],
    url: async (fx) => `/api/jobs/${await fx.failedJob()}/retry`,
  },
  ...evaluationRoutes,
  ...voteRoutes,
  ...reportBuilderRoutes,
  ...controlRoutes,
  ...reportRoutes,
  ...annualAuxRoutes,
  ...annualRoutes,
};

/**
 * Per table of the schema: the row count and the newest row version (xmin), so that an insert, a
 * delete or an update in place all show. Sessions are compared by id: last_seen_at moves on any request.
 */
async function snapshot(t: TestContext, tables: Table[]): Promise<Record<Table, string>> {
  const parts = tables.map((table) => {
    const mark =
      table === 'user_session'
        ? "md5(coalesce(string_agg(id, ',' ORDER BY id), ''))"
        : 'coalesce(max(xmin::text::bigint), 0)';
    return sql.raw(`(SELECT count(*) || ':' || ${mark} FROM ${table}) AS "${table}"`);
  });
  const { rows } = await sql<Record<Table, string>>`SELECT ${sql.join(parts)}`.execute(t.ctx.db);
  return rows[0]!;
}

const changedTables = (before: Record<Table, string>, after: Record<Table, string>) =>
  Object.keys(before).filter((k) => before[k] !== after[k]);

// ── what gets sent ──────────────────────────────────────────────────────────────────────
const nfd = fc
  .oneof(
    fc.constantFrom('Nguyễn Văn Đức', 'Trần Thị Hồng Nhung', 'Phường Ô Chợ Dừa', 'Đảng ủy Khối'),
    fc.string({ unit: 'grapheme' }),
  )
  .map((s) => s.normalize('NFD'));
const withNul = fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}\u0000${b}`);
const huge = fc.oneof(
  fc.integer({ min: 201, max: 5_000 }).map((n) => 'ẫ'.repeat(n)),
  fc.integer({ min: 270_000, max: 300_000 }).map((n) => 'x'.repeat(n)), // over the 256 KB body limit
);
/** Nested arrays deeper than any body may be (normalize-input.ts): once a stack overflow, now a 400. */
const deep = fc.integer({ min: 60, max: 2_000 }).map((n) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`));
const odd = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary' }),
  nfd,
  withNul,
  huge,
  deep,
  fc.constantFrom(
    -1,
    0,
    2 ** 31,
    2 ** 53 - 1,
    -(2 ** 53) + 1,
    1e308,
    0.5,
    true,
    null,
    [],
    {},
    '',
    ' ',
    'null',
    '00000000-0000-0000-0000-000000000000',
  ),
);
const poisoned = fc
  .tuple(fc.constantFrom('__proto__', 'constructor'), fc.jsonValue({ maxDepth: 1 }))
  .map(([key, value]) =>
    key === '__proto__'
      ? `{"__proto__":{"polluted":true},"x":${JSON.stringify(value)}}`
      : `{"constructor":{"prototype":{"polluted":true}},"x":${JSON.stringify(value)}}`,
  );

/** Either a finished body, or "the valid body with this field replaced" (the valid body is built at run time). */
type Plan = { text: string } | { field: string; value: unknown };

function plans(fields: string[], hasValid: boolean): fc.Arbitrary<Plan> {
  const texts: fc.Arbitrary<string>[] = [
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }).map((o) => JSON.stringify(o)),
    poisoned,
  ];
  if (fields.length > 0) {
    texts.push(
      fc
        .dictionary(fc.constantFrom(...fields), odd, { maxKeys: fields.length })
        .map((o) => JSON.stringify(o)),
    );
  }
  const whole = fc.oneof(...texts).map((text): Plan => ({ text }));
  if (!hasValid || fields.length === 0) return whole;
  const oneFieldOff = fc.record({ field: fc.constantFrom(...fields, 'unexpectedField'), value: odd });
  return fc.oneof(whole, oneFieldOff);
}

describe('fuzzed bodies on every mutating route', () => {
  let t: TestContext;
  let fx: MatrixFixture;
  let admin: Client;
  let adminId: string;
  let tables: Table[];
  let openapi: {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >;
  };

  beforeAll(async () => {
    t = await createTestContext();
    fx = await createMatrixFixture(t);
    const adminUser = await t.build.user({ role: 'admin' });
    adminId = adminUser.id;
    admin = await t.as(adminUser);
    openapi = t.app.swagger() as unknown as typeof openapi;
    const { rows } = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(
      t.ctx.db,
    );
    tables = rows.map((r) => r.name);
  });
  afterAll(() => t.close());

  /** The route's real body field names, from its published schema (every variant of a union). */
  function fieldsOf(method: string, route: string): string[] {
    const path = route.replace(/:([a-zA-Z]+)/g, '{$1}');
    const schema =
      openapi.paths[path]?.[method.toLowerCase()]?.requestBody?.content['application/json']?.schema;
    const names = (s: JsonSchema | undefined): string[] =>
      s
        ? [
            ...Object.keys(s.properties ?? {}),
            ...[...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap(names),
          ]
        : [];
    return [...new Set(names(schema))];
  }

  async function callerFor(route: FuzzRoute): Promise<{ client: Client; self: Self }> {
    if (route.caller === 'admin') return { client: admin, self: { userId: adminId, personId: null } };
    const client = t.anonymous();
    if (route.caller === 'anonymous') {
      client.csrfToken = (await client.get('/api/auth/csrf')).body.csrfToken;
      return { client, self: { userId: null, personId: null } };
    }
    if (route.caller === 'evaluee') {
      const user = await t.build.user({ unit: fx.home.A, role: 'staff' });
      const person = await fx.person('A');
      await t.ctx.db
        .updateTable('app_user')
        .set({ person_id: person.id })
        .where('id', '=', user.id)
        .execute();
      expect((await client.signIn(user.username, TEST_PASSWORD)).status).toBe(200);
      return { client, self: { userId: user.id, personId: person.id } };
    }
    const user = await fx.user('A');
    expect((await client.signIn(user.username, TEST_PASSWORD)).status).toBe(200);
    return { client, self: { userId: user.id, personId: null } };
  }

  it('covers every mutating route the app registers, and only those', () => {
    const mutating = t.app.routeList.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    expect(mutating.length).toBeGreaterThan(10);
    expect(
      mutating.filter((k) => !(k in routes)),
      'mutating routes without a fuzz entry',
    ).toEqual([]);
    expect(
      Object.keys(routes).filter((k) => !mutating.includes(k)),
      'fuzz entries without a route',
    ).toEqual([]);
  });

  for (const [key, route] of Object.entries(routes)) {
    it(`${key}: no 5xx, the error shape on 4xx, and nothing written on a refusal`, async () => {
      const [method, pattern] = key.split(' ') as [string, string];
      const fields = fieldsOf(method, pattern);
      if (route.valid) expect(fields.length, 'a body schema in the OpenAPI document').toBeGreaterThan(0);
      const seen = new Set<number>();
      // A refusal writes nothing, so the caller and the target serve the next run; a success uses them up.
      let caller: { client: Client; self: Self } | null = null;
      let target: { url: string; valid?: Record<string, unknown> } | null = null;
      await fc.assert(
        fc.asyncProperty(plans(fields, route.valid !== undefined), async (plan) => {
          caller ??= await callerFor(route);
          target ??= { url: await route.url(fx, caller.self), valid: await route.valid?.(fx) };
          const text =
            'text' in plan ? plan.text : JSON.stringify({ ...target.valid, [plan.field]: plan.value });
          const before = await snapshot(t, tables);
          const res = await caller.client.raw({
            method,
            url: target.url,
            payload: text,
            headers: { 'content-type': 'application/json', 'x-csrf-token': caller.client.csrfToken! },
          });
          const changed = changedTables(before, await snapshot(t, tables));
          seen.add(res.status);
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status >= 400) {
            expect(ErrorBody.safeParse(res.body).success, JSON.stringify(res.body)).toBe(true);
            expect(changed.filter((table) => !(route.writesWhenRefused ?? []).includes(table))).toEqual([]);
          } else {
            expect(changed.filter((table) => !route.writes.includes(table))).toEqual([]);
            await route.afterSuccess?.(t);
            target = null;
            if (route.caller !== 'admin') caller = null;
          }
        }),
        { numRuns: 25 },
      );
      expect([...seen].some((s) => s >= 400)).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});
