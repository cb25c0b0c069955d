import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testEngine } from '../../test/database';
import { pgliteOptions } from '../db/engine';

const BIN = fileURLToPath(new URL('../../bin/canbo.mjs', import.meta.url));

function runCli(args: string[], env: Record<string, string> = {}) {
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

const USER = [
  'user',
  'create',
  '--username',
  'vu.thi.mai',
  '--display-name',
  'Vũ Thị Mai',
  '--role',
  'officer',
  '--password',
  'Sao luu 2026 an toan',
];

describe('backup and restore', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-backup-'));
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  if (testEngine() === 'pglite') {
    describe('of a PGlite data folder', () => {
      const source = () => path.join(work, 'source');
      const copy = () => path.join(work, 'restored');
      const file = () => path.join(work, 'canbo-backup.tar.gz');

      it('backs up a folder with data and restores it into a new folder', { timeout: 180_000 }, async () => {
        expect((await runCli(['migrate'], { CANBO_DATA_DIR: source() })).code).toBe(0);
        expect((await runCli(USER, { CANBO_DATA_DIR: source() })).code).toBe(0);

        const backup = await runCli(['backup', file()], { CANBO_DATA_DIR: source() });
        expect(backup.stderr).toBe('');
        expect(backup.code).toBe(0);
        expect(backup.stdout).toContain(file());
        expect(fs.statSync(file()).size).toBeGreaterThan(0);
        expect(fs.existsSync(path.join(source(), 'canbo.lock'))).toBe(false);

        const restore = await runCli(['restore', file(), '--force'], { CANBO_DATA_DIR: copy() });
        expect(restore.stderr).toBe('');
        expect(restore.code).toBe(0);

        const verify = await runCli(['audit', 'verify'], { CANBO_DATA_DIR: copy() });
        expect(verify.code).toBe(0);
        expect(verify.stdout).toMatch(/intact: 2 entries checked/);
        const pglite = await PGlite.create(copy(), pgliteOptions());
        try {
          const { rows } = await pglite.query<{ username: string; display_name: string }>(
            'SELECT username, display_name FROM app_user',
          );
          expect(rows).toEqual([{ username: 'vu.thi.mai', display_name: 'Vũ Thị Mai' }]);
        } finally {
          await pglite.close();
        }
      });

      it('refuses to restore over a folder that holds data unless --force is given', {
        timeout: 120_000,
      }, async () => {
        const before = fs.readdirSync(source()).sort();
        const refused = await runCli(['restore', file()], { CANBO_DATA_DIR: source() });
        expect(refused.code).not.toBe(0);
        expect(refused.stderr.trim().split('\n')).toHaveLength(1);
        expect(refused.stderr).toMatch(
          /^canbo: The data folder .*source is not empty; stop the server and add --force/,
        );
        expect(fs.readdirSync(source()).sort()).toEqual(before);
      });

      it('refuses a backup file that does not exist', async () => {
        const missing = await runCli(['restore', path.join(work, 'nothing.tar.gz')], {
          CANBO_DATA_DIR: path.join(work, 'empty'),
        });
        expect(missing.code).not.toBe(0);
        expect(missing.stderr).toMatch(/^canbo: No such file: .*nothing\.tar\.gz\n$/);
      });
    });
  } else {
    describe('of a PostgreSQL database (pg_dump and pg_restore)', () => {
      let source: TestDatabase;
      let target: TestDatabase;
      beforeAll(async () => {
        source = await freshDatabase();
        target = await freshDatabase();
      });
      afterAll(async () => {
        await source.drop();
        await target.drop();
      });

      it('the client tools are installed', () => {
        expect(spawnSync('pg_dump', ['--version']).status).toBe(0);
        expect(spawnSync('pg_restore', ['--version']).status).toBe(0);
      });

      it('backs up with pg_dump and restores into a fresh database', { timeout: 180_000 }, async () => {
        const file = path.join(work, 'canbo.dump');
        expect((await runCli(['migrate'], { DATABASE_URL: source.url! })).code).toBe(0);
        expect((await runCli(USER, { DATABASE_URL: source.url! })).code).toBe(0);
        const backup = await runCli(['backup', file], { DATABASE_URL: source.url! });
        expect(backup.code).toBe(0);
        expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format

        const restore = await runCli(['restore', file], { DATABASE_URL: target.url! });
        expect(restore.code).toBe(0);
        const client = new pg.Client({ connectionString: target.url! });
        await client.connect();
        try {
          const { rows } = await client.query('SELECT username, display_name FROM app_user');
          expect(rows).toEqual([{ username: 'vu.thi.mai', display_name: 'Vũ Thị Mai' }]);
        } finally {
          await client.end();
        }
        const verify = await runCli(['audit', 'verify'], { DATABASE_URL: target.url! });
        expect(verify.code).toBe(0);
        expect(verify.stdout).toMatch(/intact: 2 entries checked/);
      });
    });
  }
});

describe('command line', () => {
  it('canbo --help and every command --help exit 0 with their usage', { timeout: 120_000 }, async () => {
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/^Usage: canbo <command>/m);
    const commands = ['serve', 'migrate', 'seed', 'user', 'audit', 'backup', 'restore', 'bench'];
    for (const command of commands) expect(main.stdout).toContain(`  ${command}`);
    const results = await Promise.all(commands.map((command) => runCli([command, '--help'])));
    results.forEach((result, i) => {
      expect(result.code, commands[i]).toBe(0);
      expect(result.stdout, commands[i]).toMatch(new RegExp(`^Usage: canbo ${commands[i]}\\b`));
    });
  });

  it('an unknown command or option exits non-zero with one clear line', async () => {
    const [command, option] = await Promise.all([
      runCli(['frobnicate']),
      runCli(['migrate', '--frobnicate']),
    ]);
    expect(command.code).not.toBe(0);
    expect(command.stderr).toBe('canbo: Unknown command "frobnicate". Run "canbo --help".\n');
    expect(option.code).not.toBe(0);
    expect(option.stderr.trim().split('\n')).toHaveLength(1);
    expect(option.stderr).toMatch(/^canbo: .*--frobnicate/);
  });

  it('no command at all prints the usage and exits non-zero', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/^Usage: canbo <command>/m);
  });
});
