import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { EngineKind } from './db/engine';
import type { DB } from './db/schema';

/** What every service is built from: narrow, explicit dependencies. */
export interface AppContext {
  db: Kysely<DB>;
  engine: EngineKind;
  config: Config;
  tenantId: string;
  /** Path of the tenant's root unit: tenant-wide settings, jobs and events need a grant there. */
  rootPath: string;
  logger: Logger;
}
