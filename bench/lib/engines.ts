import { randomBytes } from 'node:crypto';
import { type Database, type EngineKind, openDatabase } from '@canbo/server/src/db/engine';
import { BenchFailure } from './failure';

export interface BenchDatabase {
  kind: EngineKind;
  database: Database;
  /** e.g. "PostgreSQL 15.20" — read from the server, not assumed. */
  version: string;
  /** Closes the connections and, on PostgreSQL, drops the database the run created. */
  close(): Promise<void>;
}

/** The PostgreSQL server to measure on, if any: BENCH_DATABASE_URL, else DATABASE_URL. */
export function postgresUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.BENCH_DATABASE_URL || env.DATABASE_URL || null;
}

async function serverVersion(database: Database): Promise<string> {
  const { rows } = await database.pool.query<{ server_version: string }>('SHOW server_version');
  return `PostgreSQL ${rows[0]?.server_version.split(' ')[0] ?? '?'}`;
}

/** An in-memory PGlite: nothing touches the disk, nothing to clean up but the instance. */
export async function openPglite(): Promise<BenchDatabase> {
  const database = await openDatabase({ dataDir: null });
  try {
    return {
      kind: 'pglite',
      database,
      version: `PGlite (${await serverVersion(database)})`,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function admin(url: string, statement: string): Promise<void> {
  const server = await openDatabase({ databaseUrl: url, poolSize: 1 });
  try {
    await server.pool.query(statement);
  } finally {
    await server.close();
  }
}

/** Fails early, before minutes of measuring the other engine, when the server cannot be reached. */
export async function checkPostgres(serverUrl: string): Promise<void> {
  try {
    await admin(serverUrl, 'SELECT 1');
  } catch (error) {
    throw new BenchFailure(`cannot reach the benchmark PostgreSQL server: ${(error as Error).message}`);
  }
}

/** A fresh database on the server named by `serverUrl`, dropped by close() (unless BENCH_KEEP_DATABASE). */
export async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const name = `canbo_bench_${randomBytes(6).toString('hex')}`;
  try {
    await admin(serverUrl, `CREATE DATABASE ${name}`);
  } catch (error) {
    throw new BenchFailure(`cannot create a database on the benchmark server: ${(error as Error).message}`);
  }
  // BENCH_KEEP_DATABASE=1 leaves the database in place to look at its plans after the run.
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  const drop = async () => {
    if (keep) process.stderr.write(`  kept database ${name}\n`);
    else await admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: url.toString() });
  } catch (error) {
    await drop();
    throw error;
  }
  // pg's Pool re-emits errors of idle connections; without a listener they crash the process.
  // The drop below terminates connections that are still closing: that one is expected.
  let closing = false;
  database.pool.on('error', (error: Error & { code?: string }) => {
    if (closing && error.code === '57P01') return;
    process.stderr.write(`  idle database connection failed: ${error.message}\n`);
  });
  const close = async () => {
    closing = true;
    try {
      await database.close();
    } finally {
      await drop();
    }
  };
  try {
    return { kind: 'postgres', database, version: await serverVersion(database), close };
  } catch (error) {
    await close();
    throw error;
  }
}
