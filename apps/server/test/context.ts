import type { Role } from '@canbo/domain';
import pino from 'pino';
import { systemActor } from '../src/access/actor';
import { ensureTenant, type Tenant } from '../src/bootstrap';
import { type Config, loadConfig } from '../src/config';
import type { AppContext } from '../src/context';
import { migrate } from '../src/db/migrator';
import { type App, buildApp } from '../src/http/app';
import { createServices, type Services } from '../src/services';
import { type Client, clientFor } from './client';
import { freshDatabase, type TestDatabase } from './database';

export const TEST_PASSWORD = 'Kiemthu2026xyz';

export interface TestUnit {
  id: string;
  code: string;
  name: string;
  path: string;
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  unit: TestUnit;
  role: Role | null;
}

export interface TestContext {
  app: App;
  ctx: AppContext;
  services: Services;
  tenant: Tenant;
  root: TestUnit;
  testDb: TestDatabase;
  build: Builders;
  /** A signed-in HTTP client for the user. */
  as(user: TestUser): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Builders {
  unit(options?: { parent?: TestUnit; name?: string; code?: string }): Promise<TestUnit>;
  user(options?: {
    unit?: TestUnit;
    role?: Role | null;
    grantUnit?: TestUnit;
    username?: string;
    password?: string;
  }): Promise<TestUser>;
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const testDb = await freshDatabase();
  const { database } = testDb;
  await migrate(database.pool);
  const tenant = await ensureTenant(database.db, 'test', 'Thành ủy Thử nghiệm');
  // Every answer is also checked against its schema (http/response-serializer.ts).
  const config: Config = { ...loadConfig({}), checkResponses: true, ...overrides };
  const ctx: AppContext = {
    db: database.db,
    engine: database.kind,
    config,
    tenantId: tenant.tenantId,
    rootPath: tenant.rootPath,
    logger: pino({ level: process.env.CANBO_TEST_LOG ?? 'silent' }),
  };
  const services = createServices(ctx);
  const app = await buildApp(ctx, { serveWeb: false, signInRatePerMinute: 1_000 });
  await app.ready();
  const system = systemActor(tenant.tenantId, 'test');
  const root: TestUnit = {
    id: tenant.rootUnitId,
    code: 'ROOT',
    name: 'Thành ủy Thử nghiệm',
    path: tenant.rootPath,
  };

  const build: Builders = {
    async unit(options = {}) {
      const parent = options.parent ?? root;
      const code = options.code ?? unique('U');
      const unit = await services.units.create(system, {
        code,
        name: options.name ?? `Đơn vị ${code}`,
        parentId: parent.id,
      });
      return { id: unit.id, code, name: unit.name, path: `${parent.path}${unit.id}/` };
    },
    async user(options = {}) {
      const unit = options.unit ?? root;
      const role = options.role === undefined ? 'staff' : options.role;
      const username = options.username ?? unique('u');
      const password = options.password ?? TEST_PASSWORD;
      const { user } = await services.users.create(system, {
        username,
        displayName: `Người dùng ${username}`,
        email: null,
        unitId: unit.id,
        password,
        grants: role ? [{ role, unitId: (options.grantUnit ?? unit).id }] : [],
      });
      await database.db
        .updateTable('app_user')
        .set({ must_change_password: false })
        .where('id', '=', user.id)
        .execute();
      return { id: user.id, username, password, unit, role };
    },
  };

  return {
    app,
    ctx,
    services,
    tenant,
    root,
    testDb,
    build,
    async as(user) {
      const client = clientFor(app);
      await client.signIn(user.username, user.password);
      return client;
    },
    anonymous: () => clientFor(app),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}
