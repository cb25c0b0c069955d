import pg from 'pg';
import pino, { type Logger } from 'pino';
import { ensureTenant, type Tenant } from './bootstrap';
import type { Config } from './config';
import type { AppContext } from './context';
import { type Database, openDatabase } from './db/engine';
import { migrate } from './db/migrator';
import { createServices, type Services } from './services';

export interface Runtime {
  database: Database;
  ctx: AppContext;
  services: Services;
  tenant: Tenant;
  close(): Promise<void>;
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.logLevel, base: { app: 'canbo' } });
}

/** Applies migrations with the owner's connection when the app runs as a restricted role. */
export async function migrateDatabase(config: Config, database: Database): Promise<number[]> {
  if (!config.migrationDatabaseUrl || database.kind !== 'postgres') return migrate(database.pool);
  const owner = new pg.Pool({ connectionString: config.migrationDatabaseUrl, max: 1 });
  try {
    return await migrate(owner);
  } finally {
    await owner.end();
  }
}

/** Opens the database, migrates it and makes sure the tenant exists. */
export async function openRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateDatabase(config, database);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const tenant = await ensureTenant(
      database.db,
      process.env.CANBO_TENANT || 'default',
      process.env.CANBO_ROOT_UNIT_NAME || 'Thành ủy Hà Nội',
    );
    const ctx: AppContext = {
      db: database.db,
      engine: database.kind,
      config,
      tenantId: tenant.tenantId,
      rootPath: tenant.rootPath,
      logger,
    };
    return { database, ctx, services: createServices(ctx), tenant, close: () => database.close() };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
