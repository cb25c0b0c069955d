import type { Role } from '@canbo/domain';
import { newId } from '../src/ids';
import { enqueue } from '../src/jobs/queue';
import { hashPassword } from '../src/modules/auth/passwords';
import { totpCode } from '../src/modules/auth/totp';
import { insertGrant, insertUser } from '../src/modules/users/users.repository';
import type { Client } from './client';
import { TEST_PASSWORD, type TestContext, type TestUnit, type TestUser } from './context';

/**
 * Who may call which route, for every route of the API. The six roles are granted on unit A;
 * B is A's sibling under the root. A target record (user, unit, grant…) in A is "in scope",
 * one in B is "out of scope" and must answer 404 — the same as a missing record — never 403
 * and never its data. Tenant-wide routes (settings, jobs, audit verification) need a grant on
 * the root unit itself, so every role granted on A is refused there with 403.
 */
export type Side = 'A' | 'B';

export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** Id of the target record: a successful read in scope shows it; no answer out of scope may. */
  id?: string;
}

export type RoleStatuses = Record<Role, number>;

export interface Session {
  client: Client;
  user: TestUser;
}

/** Routes open before the app is usable (access 'public' or 'pending'); they act on the caller's own account. */
export interface AccountRoute {
  access: 'public' | 'pending';
  anonymous: number;
  /** A freshly signed-in user. */
  signedIn: number;
  request(fx: MatrixFixture, session: Session | null): Promise<MatrixRequest>;
}

interface UserRouteBase {
  access: 'user';
  anonymous: number;
  /** An administrator granted on the root, with the target in B: shows the route can succeed at all. */
  rootAdmin: number;
  request(fx: MatrixFixture, side: Side): Promise<MatrixRequest>;
  note?: string;
}

/** The target lives in a unit: statuses with the target in A and in B. */
export interface ScopedRoute extends UserRouteBase {
  scope: 'unit';
  inScope: RoleStatuses;
  outOfScope: RoleStatuses;
  /** A list that leaves out what is out of scope (200 without the record) instead of refusing. */
  filtered?: boolean;
}

/** No unit to be in or out of: the tenant as a whole, or the caller's own account. */
export interface UnscopedRoute extends UserRouteBase {
  scope: 'tenant' | 'self';
  roles: RoleStatuses;
}

export type RouteExpectation = AccountRoute | ScopedRoute | UnscopedRoute;

/** Statuses in the order of the roles: admin, officer, head, manager, staff, inspector. */
const by = (
  admin: number,
  officer: number,
  head: number,
  manager: number,
  staff: number,
  inspector: number,
) => ({ admin, officer, head, manager, staff, inspector }) satisfies RoleStatuses;
const every = (status: number) => by(status, status, status, status, status, status);

const TENANT_WIDE = 'tenant-wide: needs the grant on the root unit; a grant on A is refused with 403';

/** Keyed by "METHOD url" exactly as the route is registered. */
export const expectations: Record<string, RouteExpectation> = {
  // ── public and pending ─────────────────────────────────────────────────────────────
  'GET /api/health': {
    access: 'public',
    anonymous: 200,
    signedIn: 200,
    request: async () => ({ url: '/api/health' }),
  },
  'GET /api/auth/csrf': {
    access: 'public',
    anonymous: 200,
    signedIn: 200,
    request: async () => ({ url: '/api/auth/csrf' }),
  },
  'GET /api/auth/me': {
    access: 'pending',
    anonymous: 401,
    signedIn: 200,
    request: async () => ({ url: '/api/auth/me' }),
  },
  'POST /api/auth/sign-in': {
    access: 'public',
    anonymous: 200,
    signedIn: 200,
    request: async (fx) => {
      const user = await fx.t.build.user({ unit: fx.home.A });
      return { url: '/api/auth/sign-in', body: { username: user.username, password: user.password } };
    },
  },
  'POST /api/auth/sign-out': {
    access: 'pending',
    anonymous: 401,
    signedIn: 204,
    request: async () => ({ url: '/api/auth/sign-out' }),
  },
  'POST /api/auth/password': {
    access: 'pending',
    anonymous: 401,
    signedIn: 204,
    request: async (_fx, session) => ({
      url: '/api/auth/password',
      body: { currentPassword: session?.user.password ?? TEST_PASSWORD, newPassword: 'Mat khau moi 2026' },
    }),
  },
  'POST /api/auth/totp/setup': {
    access: 'pending',
    anonymous: 401,
    signedIn: 200,
    request: async () => ({ url: '/api/auth/totp/setup' }),
  },
  'POST /api/auth/totp/enable': {
    access: 'pending',
    anonymous: 401,
    signedIn: 204,
    request: async (_fx, session) => {
      if (!session) return { url: '/api/auth/totp/enable', body: { code: '123456' } };
      const setup = await session.client.post('/api/auth/totp/setup');
      return { url: '/api/auth/totp/enable', body: { code: totpCode(setup.body.secret) } };
    },
  },

  // ── the caller's own account ───────────────────────────────────────────────────────
  'POST /api/auth/totp/disable': {
    access: 'user',
    scope: 'self',
    note: 'every signed-in user turns off their own second factor (unless a role requires it)',
    roles: every(204),
    rootAdmin: 204,
    anonymous: 401,
    request: async () => ({ url: '/api/auth/totp/disable', body: { password: TEST_PASSWORD } }),
  },

  // ── users and grants ───────────────────────────────────────────────────────────────
  // Read the rows as by(admin, officer, head, manager, staff, inspector), each granted on A.
  'GET /api/users': {
    access: 'user',
    scope: 'unit',
    note: 'needs users.read somewhere (403 before any lookup); a unit filter out of scope is 404',
    inScope: by(200, 200, 403, 403, 403, 200),
    outOfScope: by(404, 404, 403, 403, 403, 404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users?unitId=${fx.home[side].id}&q=${user.username}`, id: user.id };
    },
  },
  'POST /api/users': {
    access: 'user',
    scope: 'unit',
    note: 'the home unit must be readable (else 404), then users.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    anonymous: 401,
    request: async (fx, side) => ({
      url: '/api/users',
      body: {
        username: fx.name('moi'),
        displayName: 'Nguyễn Thị Mới',
        email: null,
        unitId: fx.home[side].id,
        grants: [{ role: 'staff', unitId: fx.home[side].id }],
      },
    }),
  },
  'GET /api/users/:id': {
    access: 'user',
    scope: 'unit',
    note: 'without users.read over the user, the user does not exist for the caller',
    inScope: by(200, 200, 404, 404, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users/${user.id}`, id: user.id };
    },
  },
  'PATCH /api/users/:id': {
    access: 'user',
    scope: 'unit',
    inScope: by(200, 200, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return {
        url: `/api/users/${user.id}`,
        body: { displayName: 'Trần Văn Đã Sửa', version: user.version },
        id: user.id,
      };
    },
  },
  'POST /api/users/:id/reset-password': {
    access: 'user',
    scope: 'unit',
    inScope: by(200, 200, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users/${user.id}/reset-password`, id: user.id };
    },
  },
  'POST /api/users/:id/unlock': {
    access: 'user',
    scope: 'unit',
    inScope: by(204, 204, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 204,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users/${user.id}/unlock`, id: user.id };
    },
  },
  'POST /api/users/:id/reset-totp': {
    access: 'user',
    scope: 'unit',
    inScope: by(204, 204, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 204,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users/${user.id}/reset-totp`, id: user.id };
    },
  },
  'GET /api/users/:id/grants': {
    access: 'user',
    scope: 'unit',
    inScope: by(200, 200, 404, 404, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const grant = await fx.grant(side);
      return { url: `/api/users/${grant.userId}/grants`, id: grant.id };
    },
  },
  'POST /api/users/:id/grants': {
    access: 'user',
    scope: 'unit',
    note: 'the unit is looked up first (404 out of scope), then grants.manage on it (403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    anonymous: 401,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return {
        url: `/api/users/${user.id}/grants`,
        body: { role: 'staff', unitId: fx.home[side].id },
        id: user.id,
      };
    },
  },
  'DELETE /api/grants/:id': {
    access: 'user',
    scope: 'unit',
    note: 'a grant is seen through grants.manage over its unit',
    inScope: by(204, 204, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 204,
    anonymous: 401,
    request: async (fx, side) => {
      const grant = await fx.grant(side);
      return { url: `/api/grants/${grant.id}`, id: grant.id };
    },
  },

  // ── units ──────────────────────────────────────────────────────────────────────────
  'GET /api/units': {
    access: 'user',
    scope: 'unit',
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const parent = await fx.unit(side);
      const child = await fx.t.build.unit({ parent });
      return { url: `/api/units?parentId=${parent.id}`, id: child.id };
    },
  },
  'GET /api/units/:id': {
    access: 'user',
    scope: 'unit',
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return { url: `/api/units/${unit.id}`, id: unit.id };
    },
  },
  'POST /api/units': {
    access: 'user',
    scope: 'unit',
    note: 'the parent must be readable (else 404), then units.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    anonymous: 401,
    request: async (fx, side) => ({
      url: '/api/units',
      body: { code: fx.name('DV'), name: 'Tổ công tác mới', parentId: fx.home[side].id },
    }),
  },

  // ── tenant-wide ────────────────────────────────────────────────────────────────────
  'GET /api/settings/security': {
    access: 'user',
    scope: 'tenant',
    note: TENANT_WIDE,
    roles: every(403),
    rootAdmin: 200,
    anonymous: 401,
    request: async () => ({ url: '/api/settings/security' }),
  },
  'PUT /api/settings/security': {
    access: 'user',
    scope: 'tenant',
    note: TENANT_WIDE,
    roles: every(403),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx) => ({
      url: '/api/settings/security',
      body: { totpRequiredRoles: [], version: await fx.settingsVersion() },
    }),
  },
  'GET /api/audit': {
    access: 'user',
    scope: 'unit',
    filtered: true,
    note: 'needs audit.read somewhere (403); entries about units out of scope are left out of the list',
    inScope: by(200, 403, 403, 403, 403, 200),
    outOfScope: by(200, 403, 403, 403, 403, 200),
    rootAdmin: 200,
    anonymous: 401,
    request: async (fx, side) => {
      const unit = await fx.unit(side); // its creation is audited with the unit's path
      return { url: `/api/audit?entityId=${unit.id}`, id: unit.id };
    },
  },
  'GET /api/audit/verify': {
    access: 'user',
    scope: 'tenant',
    note: `${TENANT_WIDE} (the chain is the whole tenant's)`,
    roles: every(403),
    rootAdmin: 200,
    anonymous: 401,
    request: async () => ({ url: '/api/audit/verify' }),
  },
  'GET /api/jobs': {
    access: 'user',
    scope: 'tenant',
    note: TENANT_WIDE,
    roles: every(403),
    rootAdmin: 200,
    anonymous: 401,
    request: async () => ({ url: '/api/jobs' }),
  },
  'POST /api/jobs/:id/retry': {
    access: 'user',
    scope: 'tenant',
    note: TENANT_WIDE,
    roles: every(403),
    rootAdmin: 204,
    anonymous: 401,
    request: async (fx) => ({ url: `/api/jobs/${await fx.failedJob()}/retry` }),
  },
};

/** Targets for the matrix, made straight in the database where the service would only add cost (hashing). */
export interface MatrixFixture {
  t: TestContext;
  /** Sibling subtrees under the root; every role is granted on A. */
  a: TestUnit;
  b: TestUnit;
  /** One level below A and B, where targets live: scope reaches down the tree. */
  home: Record<Side, TestUnit>;
  name(prefix: string): string;
  unit(side: Side): Promise<TestUnit>;
  user(side: Side): Promise<{ id: string; username: string; version: number }>;
  /** A staff grant on the home unit of a user who lives there. */
  grant(side: Side): Promise<{ id: string; userId: string }>;
  failedJob(): Promise<string>;
  settingsVersion(): Promise<number>;
  /** A new staff user in A, signed in. */
  signedIn(): Promise<Session>;
}

export async function createMatrixFixture(t: TestContext): Promise<MatrixFixture> {
  const { db, tenantId } = t.ctx;
  const a = await t.build.unit({ name: 'Phường A' });
  const b = await t.build.unit({ name: 'Phường B' });
  const home = {
    A: await t.build.unit({ parent: a, name: 'Tổ dân phố A1' }),
    B: await t.build.unit({ parent: b, name: 'Tổ dân phố B1' }),
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let counter = 0;
  const name = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

  const fx: MatrixFixture = {
    t,
    a,
    b,
    home,
    name,
    unit: (side) => t.build.unit({ parent: home[side] }),
    async user(side) {
      const id = newId();
      const username = name('dich');
      await db.transaction().execute((tx) =>
        insertUser(tx, {
          tenantId,
          id,
          username,
          usernameKey: username,
          displayName: `Đối tượng ${username}`,
          email: null,
          unitId: home[side].id,
          passwordHash,
          mustChangePassword: false,
          now: new Date(),
        }),
      );
      return { id, username, version: 1 };
    },
    async grant(side) {
      const user = await fx.user(side);
      const id = newId();
      await db.transaction().execute((tx) =>
        insertGrant(tx, {
          tenantId,
          id,
          userId: user.id,
          role: 'staff',
          unitId: home[side].id,
          createdBy: null,
          now: new Date(),
        }),
      );
      return { id, userId: user.id };
    },
    async failedJob() {
      const id = (await enqueue(db, { tenantId, kind: 'matrix.probe', maxAttempts: 1 }))!;
      await db
        .updateTable('job')
        .set({ state: 'failed', attempts: 1, finished_at: new Date() })
        .where('id', '=', id)
        .execute();
      return id;
    },
    async settingsVersion() {
      const row = await db
        .selectFrom('security_settings')
        .select('version')
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
      return row?.version ?? 1;
    },
    async signedIn() {
      const user = await t.build.user({ unit: home.A, role: 'staff' });
      return { user, client: await t.as(user) };
    },
  };
  return fx;
}
