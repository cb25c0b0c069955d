import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationFailed extends Error {
  constructor(
    readonly migration: Pick<Migration, 'version' | 'name'>,
    override readonly cause: unknown,
  ) {
    super(
      `Migration ${String(migration.version).padStart(4, '0')}_${migration.name} failed and was rolled back: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
  }
}

/** An applied migration's file differs from what was applied: never silently re-run or skip it. */
export class MigrationChanged extends Error {}

const defaultDir = path.join(path.dirname(new URL(import.meta.url).pathname), 'migrations');

export function readMigrations(dir = defaultDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

/** Any constant: every migrating process takes the same advisory lock. */
const MIGRATION_LOCK = 7_243_001;

/**
 * Applies pending migrations, each in its own transaction. Safe to run again and from several
 * processes at once. Returns the versions it applied.
 */
export async function migrate(pool: pg.Pool, migrations = readMigrations()): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    // Under the lock too: two processes creating the table at once would collide on PostgreSQL.
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL)`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    }
    for (const migration of migrations) {
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        const { rows } = await client.query<{ checksum: string }>(
          'SELECT checksum FROM schema_migration WHERE version = $1',
          [migration.version],
        );
        if (rows[0]) {
          await client.query('COMMIT');
          if (rows[0].checksum !== migration.checksum) {
            throw new MigrationChanged(
              `Migration ${migration.version}_${migration.name} was changed after it was applied; add a new migration instead.`,
            );
          }
          continue;
        }
        await client.query(migration.sql);
        await client.query(
          'INSERT INTO schema_migration (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())',
          [migration.version, migration.name, migration.checksum],
        );
        await client.query('COMMIT');
        applied.push(migration.version);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        if (error instanceof MigrationChanged) throw error;
        throw new MigrationFailed(migration, error);
      }
    }
    return applied;
  } finally {
    client.release();
  }
}
