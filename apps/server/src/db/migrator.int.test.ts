import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testEngine } from '../../test/database';
import { ensureAdmin, ensureTenant } from '../bootstrap';
import { type Database, openDatabase } from './engine';
import { type Migration, MigrationFailed, migrate, readMigrations } from './migrator';

const BIN = fileURLToPath(new URL('../../bin/canbo.mjs', import.meta.url));

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _u, CANBO_MIGRATION_DATABASE_URL: _m, CANBO_DATA_DIR: _d, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, CANBO_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

describe('migrations', () => {
  let testDb: TestDatabase;
  const migrations = readMigrations();

  beforeAll(async () => {
    testDb = await freshDatabase();
  });
  afterAll(() => testDb.drop());

  const tables = async () =>
    (
      await testDb.database.pool.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      )
    ).rows.map((r) => r.table_name);
  const recorded = async () =>
    (
      await testDb.database.pool.query<{ version: number }>(
        'SELECT version FROM schema_migration ORDER BY version',
      )
    ).rows.map((r) => r.version);

  it('from an empty database, applies every migration and creates every table they declare', async () => {
    expect(await tables()).toEqual([]);
    const applied = await migrate(testDb.database.pool);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(applied[0]).toBe(1);

    const declared = migrations.flatMap((m) =>
      [...m.sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)].map((x) => x[1]!.toLowerCase()),
    );
    expect(declared).toEqual(
      expect.arrayContaining([
        'tenant',
        'org_unit',
        'app_user',
        'role_grant',
        'user_session',
        'audit_log',
        'audit_head',
        'job',
      ]),
    );
    expect((await tables()).sort()).toEqual([...declared, 'schema_migration'].sort());
    expect(await recorded()).toEqual(applied);
  });

  it('applies nothing when run again', async () => {
    expect(await migrate(testDb.database.pool)).toEqual([]);
    expect(await recorded()).toEqual(migrations.map((m) => m.version));
  });

  it('rolls a failing migration back completely and names it, keeping the ones before it', async () => {
    const list = [
      ...migrations,
      migration(9001, 'adds_probe', 'CREATE TABLE probe_ok (id integer PRIMARY KEY);'),
      migration(
        9002,
        'breaks_halfway',
        "CREATE TABLE must_vanish (id integer);\nINSERT INTO must_vanish VALUES (1);\nSELECT 'x'::integer;",
      ),
      migration(9003, 'never_reached', 'CREATE TABLE never_reached (id integer);'),
    ];
    const error = await migrate(testDb.database.pool, list).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailed);
    expect((error as MigrationFailed).migration).toMatchObject({ version: 9002, name: 'breaks_halfway' });
    expect((error as Error).message).toMatch(
      /^Migration 9002_breaks_halfway failed and was rolled back: .*integer/,
    );

    const now = await tables();
    expect(now).toContain('probe_ok');
    expect(now).not.toContain('must_vanish');
    expect(now).not.toContain('never_reached');
    expect(await recorded()).toEqual([...migrations.map((m) => m.version), 9001]);
  });

  it('refuses a migration that was changed after it was applied', async () => {
    const [first, ...rest] = migrations;
    const edited = migration(first!.version, first!.name, `${first!.sql}\n-- edited later\n`);
    await expect(migrate(testDb.database.pool, [edited, ...rest])).rejects.toThrow(
      /0*1_foundation was changed after it was applied/,
    );
    expect(await recorded()).toEqual([...migrations.map((m) => m.version), 9001]);
  });

  it('lets several processes start at once on an empty database: migrations, tenant and administrator are made once', async () => {
    const first = await freshDatabase();
    const second = await secondProcess(first);
    try {
      const migrated = await Promise.allSettled([
        migrate(first.database.pool),
        migrate(second.database.pool),
      ]);
      expect(migrated.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
      const applied = migrated.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.sort((a, b) => a - b)).toEqual(migrations.map((m) => m.version)); // each applied once

      const tenants = await Promise.all([
        ensureTenant(first.database.db, 'default', 'Tỉnh ủy'),
        ensureTenant(second.database.db, 'default', 'Tỉnh ủy'),
      ]);
      expect(tenants.map((x) => x.created).sort()).toEqual([false, true]);
      expect(tenants[0].tenantId).toBe(tenants[1].tenantId);

      const admins = await Promise.all([
        ensureAdmin(first.database.db, tenants[0], null),
        ensureAdmin(second.database.db, tenants[1], null),
      ]);
      const printed = admins.map((a) => a.generatedPassword).filter((p) => p !== null);
      expect(printed).toHaveLength(1); // only the process that created the account shows a password
      const users = await first.database.pool.query('SELECT username FROM app_user');
      expect(users.rows).toEqual([{ username: 'admin' }]);
    } finally {
      await second.close();
      await first.drop();
    }
  });

  describe('canbo migrate', () => {
    let folder: string;
    let target: TestDatabase | null = null;
    beforeAll(async () => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-migrate-'));
      if (testEngine() === 'postgres') target = await freshDatabase();
    });
    afterAll(async () => {
      fs.rmSync(folder, { recursive: true, force: true });
      await target?.drop();
    });

    it('migrates a fresh database, then says it is up to date', { timeout: 180_000 }, async () => {
      const env: Record<string, string> = target ? { DATABASE_URL: target.url! } : { CANBO_DATA_DIR: folder };
      const first = await runCli(['migrate'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`applied: ${migrations.map((m) => m.version).join(', ')}`);
      const second = await runCli(['migrate'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/already up to date/);
      if (!target) expect(fs.existsSync(path.join(folder, 'canbo.lock'))).toBe(false);
    });
  });
});

/**
 * Another process on the same database: its own connections to PostgreSQL. PGlite has a single
 * connection per folder, so there the "second process" shares it (still two interleaved callers).
 */
async function secondProcess(testDb: TestDatabase): Promise<{ database: Database; close(): Promise<void> }> {
  if (!testDb.url) return { database: testDb.database, close: async () => {} };
  const database = await openDatabase({ databaseUrl: testDb.url, poolSize: 2 });
  return { database, close: () => database.close() };
}
