import type { Role } from '@canbo/domain';
import { systemActor } from '../src/access/actor';
import { newId } from '../src/ids';
import { enqueue } from '../src/jobs/queue';
import { hashPassword } from '../src/modules/auth/passwords';
import { totpCode } from '../src/modules/auth/totp';
import { multipart, unitsWorkbook } from '../src/modules/imports/imports.fixtures';
import { insertRun } from '../src/modules/imports/imports.repository';
import { todayInVietnam } from '../src/modules/units/units.dates';
import { insertGrant, insertUser } from '../src/modules/users/users.repository';
import type { Client } from './client';
import { TEST_PASSWORD, type TestContext, type TestUnit, type TestUser } from './context';

/**
 * Who may call which route, for every route of the API. The six roles are granted on unit A;
 * B is A's sibling under the root. A target record (user, unit, person, grant…) in A is "in
 * scope", one in B is "out of scope" and must answer 404 — the same as a missing record — never
 * 403 and never its data. Tenant-wide routes (settings, jobs, audit verification) need a grant on
 * the root unit itself, so every role granted on A is refused there with 403.
 */
export type Side = 'A' | 'B';

export interface MatrixRequest {
  url: string;
  body?: unknown;
  /** A multipart file upload instead of a JSON body. */
  upload?: { payload: Buffer; contentType: string };
  /** Id of the target record: a successful read in scope shows it; no answer out of scope may. */
  id?: string;
}

/** A list that answers 200 and leaves the target out (the caller may list, but not that record). */
export const LEFT_OUT = 'left out';
export type Expected = number | typeof LEFT_OUT;
export type RoleStatuses = Record<Role, Expected>;

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
  /** Why the statuses are what they are, where it is not plain. */
  note?: string;
}

/** The target lives in a unit: statuses with the target in A and in B. */
export interface ScopedRoute extends UserRouteBase {
  scope: 'unit';
  inScope: RoleStatuses;
  outOfScope: RoleStatuses;
}

/**
 * No unit to be in or out of: the tenant as a whole (a grant on the root), the caller's own
 * account, or a permission held anywhere (no target record).
 */
export interface UnscopedRoute extends UserRouteBase {
  scope: 'tenant' | 'self' | 'anywhere';
  roles: RoleStatuses;
}

export type RouteExpectation = AccountRoute | ScopedRoute | UnscopedRoute;

/** Statuses in the order of the roles: admin, officer, head, manager, staff, inspector. */
export const by = (
  admin: Expected,
  officer: Expected,
  head: Expected,
  manager: Expected,
  staff: Expected,
  inspector: Expected,
) => ({ admin, officer, head, manager, staff, inspector }) satisfies RoleStatuses;
export const every = (status: Expected) => by(status, status, status, status, status, status);

type Spec<R> = Omit<R, 'access' | 'scope' | 'anonymous'>;
export const scoped = (spec: Spec<ScopedRoute>): ScopedRoute => ({
  access: 'user',
  scope: 'unit',
  anonymous: 401,
  ...spec,
});
export const tenantWide = (spec: Omit<Spec<UnscopedRoute>, 'roles' | 'note'>): UnscopedRoute => ({
  access: 'user',
  scope: 'tenant',
  anonymous: 401,
  roles: every(403),
  note: 'tenant-wide: needs the grant on the root unit; a grant on A is refused with 403',
  ...spec,
});
export const anywhere = (spec: Spec<UnscopedRoute>): UnscopedRoute => ({
  access: 'user',
  scope: 'anywhere',
  anonymous: 401,
  ...spec,
});
export const own = (spec: Spec<UnscopedRoute>): UnscopedRoute => ({
  access: 'user',
  scope: 'self',
  anonymous: 401,
  ...spec,
});

/** People: records are read with people.read (staff have none), changed with people.manage. */
const PEOPLE_READ = by(200, 200, 200, 200, 404, 200);
const PEOPLE_MANAGE = (status: number) => by(status, status, 403, 403, 404, 403);

/** Sub-records of a person: one valid creation and one valid change each. */
export const RECORDS = {
  positions: {
    create: (fx: MatrixFixture, side: Side) => ({
      unitId: fx.home[side].id,
      title: 'Chuyên viên',
      startDate: '2020-01-01',
    }),
    change: { title: 'Phó Trưởng phòng' },
  },
  disciplines: {
    create: () => ({ form: 'reprimand', decisionDate: '2021-03-01' }),
    change: { issuer: 'Đảng ủy phường' },
  },
  awards: {
    create: () => ({ kind: 'commendation', title: 'Giấy khen', decisionDate: '2022-05-01' }),
    change: { title: 'Bằng khen' },
  },
  trainings: {
    create: () => ({ kind: 'it', course: 'Tin học văn phòng', startDate: '2019-09-01' }),
    change: { institution: 'Trường Chính trị' },
  },
} as const;
export type RecordSection = keyof typeof RECORDS;

function recordRoutes(section: RecordSection): Record<string, RouteExpectation> {
  const base = `/api/people/:id/${section}`;
  const note = 'people.read to find the person (404 without), then people.manage (403)';
  return {
    [`POST ${base}`]: scoped({
      note,
      inScope: PEOPLE_MANAGE(201),
      outOfScope: every(404),
      rootAdmin: 201,
      request: async (fx, side) => {
        const person = await fx.person(side);
        return {
          url: `/api/people/${person.id}/${section}`,
          body: RECORDS[section].create(fx, side),
          id: person.id,
        };
      },
    }),
    [`PATCH ${base}/:itemId`]: scoped({
      note,
      inScope: PEOPLE_MANAGE(200),
      outOfScope: every(404),
      rootAdmin: 200,
      request: async (fx, side) => {
        const { personId, itemId } = await fx.record(side, section);
        return {
          url: `/api/people/${personId}/${section}/${itemId}`,
          body: { ...RECORDS[section].change, version: 1 },
          id: itemId,
        };
      },
    }),
    [`DELETE ${base}/:itemId`]: scoped({
      note,
      inScope: PEOPLE_MANAGE(204),
      outOfScope: every(404),
      rootAdmin: 204,
      request: async (fx, side) => {
        const { personId, itemId } = await fx.record(side, section);
        return { url: `/api/people/${personId}/${section}/${itemId}?version=1`, id: itemId };
      },
    }),
  };
}

/** Keyed by "METHOD url" exactly as the route is registered. Rows read by(admin, officer, head, manager, staff, inspector). */
/** The core modules' routes; later modules keep their tables in test/matrix/ (merged in the test). */
export const expectations: Record<string, RouteExpectation> = {
  // ── public and pending: the caller's own session ───────────────────────────────────
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
  'POST /api/auth/totp/disable': own({
    note: 'anyone turns off their own second factor (unless a role requires it)',
    roles: every(204),
    rootAdmin: 204,
    request: async () => ({ url: '/api/auth/totp/disable', body: { password: TEST_PASSWORD } }),
  }),

  // ── users and grants ───────────────────────────────────────────────────────────────
  'GET /api/users': scoped({
    note: 'needs users.read somewhere (403 before any lookup); a unit filter out of scope is 404',
    inScope: by(200, 200, 403, 403, 403, 200),
    outOfScope: by(404, 404, 403, 403, 403, 404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users?unitId=${fx.home[side].id}&q=${user.username}`, id: user.id };
    },
  }),
  'POST /api/users': scoped({
    note: 'the home unit must be readable (else 404), then users.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
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
  }),
  'GET /api/users/:id': scoped({
    note: 'without users.read over the user, the user does not exist for the caller',
    inScope: by(200, 200, 404, 404, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return { url: `/api/users/${user.id}`, id: user.id };
    },
  }),
  'PATCH /api/users/:id': scoped({
    inScope: by(200, 200, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return {
        url: `/api/users/${user.id}`,
        body: { displayName: 'Trần Văn Đã Sửa', version: user.version },
        id: user.id,
      };
    },
  }),
  ...Object.fromEntries(
    (['reset-password', 'unlock', 'reset-totp'] as const).map((action) => [
      `POST /api/users/:id/${action}`,
      scoped({
        inScope:
          action === 'reset-password' ? by(200, 200, 404, 404, 404, 404) : by(204, 204, 404, 404, 404, 404),
        outOfScope: every(404),
        rootAdmin: action === 'reset-password' ? 200 : 204,
        request: async (fx, side) => {
          const user = await fx.user(side);
          return { url: `/api/users/${user.id}/${action}`, id: user.id };
        },
      }),
    ]),
  ),
  'GET /api/users/:id/grants': scoped({
    inScope: by(200, 200, 404, 404, 404, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const grant = await fx.grant(side);
      return { url: `/api/users/${grant.userId}/grants`, id: grant.id };
    },
  }),
  'POST /api/users/:id/grants': scoped({
    note: 'the unit is looked up first (404 out of scope), then grants.manage on it (403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const user = await fx.user(side);
      return {
        url: `/api/users/${user.id}/grants`,
        body: { role: 'staff', unitId: fx.home[side].id },
        id: user.id,
      };
    },
  }),
  'DELETE /api/grants/:id': scoped({
    note: 'a grant is seen through grants.manage over its unit',
    inScope: by(204, 204, 404, 404, 404, 404),
    outOfScope: every(404),
    rootAdmin: 204,
    request: async (fx, side) => {
      const grant = await fx.grant(side);
      return { url: `/api/grants/${grant.id}`, id: grant.id };
    },
  }),

  // ── units and restructuring ────────────────────────────────────────────────────────
  'GET /api/units': scoped({
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const parent = await fx.unit(side);
      const child = await fx.t.build.unit({ parent });
      return { url: `/api/units?parentId=${parent.id}`, id: child.id };
    },
  }),
  ...Object.fromEntries(
    (['', '/history', '/summary'] as const).map((view) => [
      `GET /api/units/:id${view}`,
      scoped({
        inScope: every(200),
        outOfScope: every(404),
        rootAdmin: 200,
        request: async (fx, side) => {
          const unit = await fx.unit(side);
          return { url: `/api/units/${unit.id}${view}`, id: unit.id };
        },
      }),
    ]),
  ),
  'GET /api/units/:id/positions': scoped({
    note: 'the unit must be readable (404), then people.read over it (403)',
    inScope: by(200, 200, 200, 200, 403, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      const post = await fx.record(side, 'positions', { unitId: unit.id });
      return { url: `/api/units/${unit.id}/positions`, id: post.itemId };
    },
  }),
  'POST /api/units': scoped({
    note: 'the parent must be readable (else 404), then units.manage on it (else 403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({
      url: '/api/units',
      body: { code: fx.name('DV'), name: 'Tổ công tác mới', parentId: fx.home[side].id },
    }),
  }),
  'PATCH /api/units/:id': scoped({
    note: 'units.manage somewhere (403 before any lookup), then the unit in that scope (404)',
    inScope: by(200, 200, 403, 403, 403, 403),
    outOfScope: by(404, 404, 403, 403, 403, 403),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return {
        url: `/api/units/${unit.id}`,
        body: { version: 1, effectiveDate: fx.today, name: 'Tổ đã đổi tên' },
        id: unit.id,
      };
    },
  }),
  ...Object.fromEntries(
    (['/preview', ''] as const).map((action) => [
      `POST /api/org/changes${action}`,
      scoped({
        note: 'units.manage somewhere for a rename (403 before any lookup), then the unit in scope (404)',
        inScope: action ? by(200, 200, 403, 403, 403, 403) : by(201, 201, 403, 403, 403, 403),
        outOfScope: by(404, 404, 403, 403, 403, 403),
        rootAdmin: action ? 200 : 201,
        request: async (fx, side) => {
          const unit = await fx.unit(side);
          const body = {
            kind: 'rename',
            effectiveDate: fx.today,
            unit: { id: unit.id, version: 1 },
            name: 'Tổ sáp nhập',
          };
          return { url: `/api/org/changes${action}`, body, id: unit.id };
        },
      }),
    ]),
  ),
  'GET /api/org/changes': scoped({
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return { url: `/api/org/changes?unitId=${unit.id}`, id: await fx.creationOf(unit.id) };
    },
  }),
  'GET /api/org/changes/:id': scoped({
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const change = await fx.creationOf((await fx.unit(side)).id);
      return { url: `/api/org/changes/${change}`, id: change };
    },
  }),

  // ── people ─────────────────────────────────────────────────────────────────────────
  'GET /api/people': scoped({
    note: 'the unit filter must be readable (404); without people.read the list leaves everyone out',
    inScope: by(200, 200, 200, 200, LEFT_OUT, 200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const person = await fx.person(side);
      return { url: `/api/people?unitId=${person.unitId}`, id: person.id };
    },
  }),
  'POST /api/people': scoped({
    note: 'the unit must be readable (404), then people.manage on it (403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => ({ url: '/api/people', body: fx.personInput(fx.home[side].id) }),
  }),
  'GET /api/people/me': own({
    note: 'the record linked to the account (each test account has one)',
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/people/me' }),
  }),
  ...Object.fromEntries(
    (['', '/history'] as const).map((view) => [
      `GET /api/people/:id${view}`,
      scoped({
        inScope: PEOPLE_READ,
        outOfScope: every(404),
        rootAdmin: 200,
        request: async (fx, side) => {
          const person = await fx.person(side);
          return { url: `/api/people/${person.id}${view}`, id: person.id };
        },
      }),
    ]),
  ),
  'PATCH /api/people/:id': scoped({
    note: 'people.read to find the person (404 without), then people.manage (403)',
    inScope: PEOPLE_MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const person = await fx.person(side);
      return {
        url: `/api/people/${person.id}`,
        body: { fullName: 'Lê Văn Đã Sửa', version: 1 },
        id: person.id,
      };
    },
  }),
  ...recordRoutes('positions'),
  'POST /api/people/:id/positions/:itemId/end': scoped({
    note: 'people.read to find the person (404 without), then people.manage (403)',
    inScope: PEOPLE_MANAGE(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => {
      const { personId, itemId } = await fx.record(side, 'positions');
      return {
        url: `/api/people/${personId}/positions/${itemId}/end`,
        body: { endDate: fx.today, version: 1 },
        id: itemId,
      };
    },
  }),
  ...recordRoutes('disciplines'),
  ...recordRoutes('awards'),
  ...recordRoutes('trainings'),

  // ── imports and exports (files) ────────────────────────────────────────────────────
  ...Object.fromEntries(
    (['units', 'people'] as const).map((kind) => [
      `GET /api/imports/templates/${kind}.xlsx`,
      anywhere({
        note: 'imports.run on any unit',
        roles: by(200, 200, 403, 403, 403, 403),
        rootAdmin: 200,
        request: async () => ({ url: `/api/imports/templates/${kind}.xlsx` }),
      }),
    ]),
  ),
  'POST /api/imports/:kind': anywhere({
    note: 'imports.run on any unit (403 before the file is read); rows out of scope are refused row by row',
    roles: by(201, 201, 403, 403, 403, 403),
    rootAdmin: 201,
    request: async (fx) => ({ url: '/api/imports/units', upload: await fx.unitsUpload() }),
  }),
  'GET /api/imports': scoped({
    note: "a run is seen by its author and by imports.run over the units it wrote to; others' runs are left out",
    inScope: by(200, 200, LEFT_OUT, LEFT_OUT, LEFT_OUT, LEFT_OUT),
    outOfScope: every(LEFT_OUT),
    rootAdmin: 200,
    request: async (fx, side) => ({ url: '/api/imports?pageSize=200', id: await fx.importRun(side) }),
  }),
  ...Object.fromEntries(
    (['', '/report.xlsx'] as const).map((view) => [
      `GET /api/imports/:id${view}`,
      scoped({
        inScope: by(200, 200, 404, 404, 404, 404),
        outOfScope: every(404),
        rootAdmin: 200,
        request: async (fx, side) => {
          const run = await fx.importRun(side);
          return { url: `/api/imports/${run}${view}`, id: view ? undefined : run };
        },
      }),
    ]),
  ),
  'GET /api/units/export.xlsx': scoped({
    inScope: every(200),
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => ({ url: `/api/units/export.xlsx?unitId=${fx.home[side].id}` }),
  }),
  'GET /api/people/export.xlsx': scoped({
    note: 'people.read somewhere (403), then the unit filter in scope (404)',
    inScope: by(200, 200, 200, 200, 403, 200),
    outOfScope: by(404, 404, 404, 404, 403, 404),
    rootAdmin: 200,
    request: async (fx, side) => ({ url: `/api/people/export.xlsx?unitId=${fx.home[side].id}` }),
  }),
  'GET /api/people/:id/resume.docx': scoped({
    inScope: PEOPLE_READ,
    outOfScope: every(404),
    rootAdmin: 200,
    request: async (fx, side) => ({ url: `/api/people/${(await fx.person(side)).id}/resume.docx` }),
  }),

  // ── tenant-wide, and the audit trail ───────────────────────────────────────────────
  'GET /api/settings/security': tenantWide({
    rootAdmin: 200,
    request: async () => ({ url: '/api/settings/security' }),
  }),
  'PUT /api/settings/security': tenantWide({
    rootAdmin: 200,
    request: async (fx) => ({
      url: '/api/settings/security',
      body: { totpRequiredRoles: [], version: await fx.settingsVersion() },
    }),
  }),
  'GET /api/audit/verify': tenantWide({
    rootAdmin: 200,
    request: async () => ({ url: '/api/audit/verify' }),
  }),
  'GET /api/jobs': tenantWide({ rootAdmin: 200, request: async () => ({ url: '/api/jobs' }) }),
  'POST /api/jobs/:id/retry': tenantWide({
    rootAdmin: 204,
    request: async (fx) => ({ url: `/api/jobs/${await fx.failedJob()}/retry` }),
  }),
  'GET /api/audit': scoped({
    note: 'needs audit.read somewhere (403); entries about units out of scope are left out of the list',
    inScope: by(200, 403, 403, 403, 403, 200),
    outOfScope: by(LEFT_OUT, 403, 403, 403, 403, LEFT_OUT),
    rootAdmin: 200,
    request: async (fx, side) => {
      const unit = await fx.unit(side); // its creation is audited with the unit's path
      return { url: `/api/audit?entityId=${unit.id}`, id: unit.id };
    },
  }),
};

/** Targets for the matrix; users are written straight to the database, where the service would only add hashing. */
export interface MatrixFixture {
  t: TestContext;
  /** Sibling subtrees under the root; every role is granted on A. */
  a: TestUnit;
  b: TestUnit;
  /** One level below A and B, where targets live: scope reaches down the tree. */
  home: Record<Side, TestUnit>;
  /** Today in Việt Nam, the effective date of restructuring. */
  today: string;
  name(prefix: string): string;
  unit(side: Side): Promise<TestUnit>;
  user(side: Side): Promise<{ id: string; username: string; version: number }>;
  /** A staff grant on the home unit of a user who lives there. */
  grant(side: Side): Promise<{ id: string; userId: string }>;
  /** The org change that created a unit. */
  creationOf(unitId: string): Promise<string>;
  personInput(unitId: string): Record<string, unknown>;
  person(side: Side): Promise<{ id: string; unitId: string }>;
  /** A sub-record (version 1) of a new person in the home unit. */
  record(
    side: Side,
    section: RecordSection,
    overrides?: object,
  ): Promise<{ personId: string; itemId: string }>;
  /** Gives an account a person record of its own (GET /api/people/me). */
  linkPerson(userId: string, side: Side): Promise<void>;
  /** A finished import run that wrote to the home unit, by nobody in particular. */
  importRun(side: Side): Promise<string>;
  /** A units workbook with one new unit under A's home unit, as a multipart upload. */
  unitsUpload(): Promise<{ payload: Buffer; contentType: string }>;
  failedJob(): Promise<string>;
  settingsVersion(): Promise<number>;
  /** A new staff user in A, signed in. */
  signedIn(): Promise<Session>;
}

export async function createMatrixFixture(t: TestContext): Promise<MatrixFixture> {
  const { db, tenantId } = t.ctx;
  const system = systemActor(tenantId, 'test');
  const a = await t.build.unit({ name: 'Phường A' });
  const b = await t.build.unit({ name: 'Phường B' });
  const home = {
    A: await t.build.unit({ parent: a, name: 'Tổ dân phố A1' }),
    B: await t.build.unit({ parent: b, name: 'Tổ dân phố B1' }),
  };
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let counter = 0;
  const name = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;
  const personInput = (unitId: string) => ({
    unitId,
    fullName: 'Nguyễn Văn Hồ Sơ',
    sex: 'male',
    birthDate: '1985-06-15',
    staffCategory: 'civil_servant',
  });
  const person = async (side: Side) => {
    const created = await t.services.people.create(system, personInput(home[side].id) as never);
    return { id: created.id, unitId: home[side].id };
  };
  const sections = {
    positions: t.services.people.records.positions,
    disciplines: t.services.people.records.disciplines,
    awards: t.services.people.records.awards,
    trainings: t.services.people.records.trainings,
  };

  const fx: MatrixFixture = {
    t,
    a,
    b,
    home,
    today: todayInVietnam(),
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
    async creationOf(unitId) {
      const row = await db
        .selectFrom('org_change_unit')
        .select('change_id')
        .where('unit_id', '=', unitId)
        .where('role', '=', 'created')
        .executeTakeFirstOrThrow();
      return row.change_id;
    },
    personInput,
    person,
    async record(side, section, overrides = {}) {
      const owner = await person(side);
      const input = { ...RECORDS[section].create(fx, side), ...overrides };
      const created = await sections[section].add(system, owner.id, input);
      return { personId: owner.id, itemId: created.id };
    },
    async linkPerson(userId, side) {
      const linked = await person(side);
      await db.updateTable('app_user').set({ person_id: linked.id }).where('id', '=', userId).execute();
    },
    async importRun(side) {
      const id = newId();
      await insertRun(db, {
        tenantId,
        id,
        kind: 'units',
        fileName: 'don-vi.xlsx',
        fileHash: '0',
        sheet: 'Đơn vị',
        status: 'validating',
        totalRows: 1,
        file: null,
        createdBy: null,
      });
      await db
        .updateTable('import_run')
        .set({ status: 'applied', unit_path: home[side].path, finished_at: new Date() })
        .where('id', '=', id)
        .execute();
      return id;
    },
    async unitsUpload() {
      const row = {
        'Mã đơn vị': name('NK'),
        'Tên đơn vị': 'Chi bộ Nhập khẩu',
        'Mã đơn vị cấp trên': home.A.code,
        'Loại đơn vị': 'Chi bộ trực thuộc',
      };
      return multipart('don-vi.xlsx', await unitsWorkbook([row]));
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
