import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './lock';
import { PreparingClient } from './prepared';
import type { DB } from './schema';

// int8 (counts, sequence numbers) as JS numbers on both engines; values stay far below 2^53.
pg.types.setTypeParser(20, (value) => Number(value));
// DATE as the 'YYYY-MM-DD' text it is: a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(1082, (value) => value);
// NUMERIC (scores with two decimals, KPI quantities) as JS numbers: every such column is far inside 2^53.
pg.types.setTypeParser(1700, (value) => Number(value));

export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  kind: EngineKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface EngineOptions {
  /** PostgreSQL server; when absent, the embedded engine is used. */
  databaseUrl?: string | null;
  /** PGlite folder; null keeps the database in memory (tests). */
  dataDir?: string | null;
  /**
   * PostgreSQL connections per process. Default: CANBO_DB_POOL_SIZE, else 20 — with 10, concurrent
   * steps queued for a connection while others waited on the WAL flush of their commit, and the two
   * cores of the benchmark machine stayed a fifth idle (docs/PERFORMANCE.md).
   */
  poolSize?: number;
  /**
   * Send eligible statements as named, prepared ones (db/prepared.ts). Default: on, unless
   * CANBO_PREPARED_STATEMENTS=off (a pooler in transaction mode that cannot keep them).
   */
  prepare?: boolean;
}

/** Kysely ends the pool only if it ever ran a query; code that used the pool alone (migrations) leaves it open. */
async function closePool(db: Kysely<DB>, pool: pg.Pool): Promise<void> {
  await db.destroy();
  if (!pool.ending) await pool.end();
}

/** Extensions the migrations use must be loaded into PGlite before it opens the data. */
export function pgliteOptions(extra: PGliteOptions = {}): PGliteOptions {
  return { ...extra, extensions: { pg_trgm } };
}

const DEFAULT_POOL_SIZE = 20;

export function poolSizeFromEnv(): number {
  const raw = process.env.CANBO_DB_POOL_SIZE;
  if (raw === undefined || raw === '') return DEFAULT_POOL_SIZE;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 1 || size > 500) {
    throw new Error(`CANBO_DB_POOL_SIZE must be a whole number from 1 to 500, not "${raw}"`);
  }
  return size;
}

export async function openDatabase(options: EngineOptions): Promise<Database> {
  const prepare = options.prepare ?? process.env.CANBO_PREPARED_STATEMENTS !== 'off';
  const Client = prepare ? PreparingClient : pg.Client;
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? poolSizeFromEnv(),
      Client,
    });
    // An idle connection dropped by the server (restart, failover) must not end the process;
    // the pool replaces it and the next query reconnects.
    pool.on('error', (error) => process.emitWarning(`idle database connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await pool.query('SELECT 1'); // fail now, with the server's message, rather than at the first request
    return { kind: 'postgres', db, pool, close: () => closePool(db, pool) };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const pglite = await PGlite.create(options.dataDir ?? undefined, pgliteOptions());
    const pool = new pg.Pool({ ...createPgConfig(pglite), Client });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'pglite',
      db,
      pool,
      async close() {
        await closePool(db, pool);
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
