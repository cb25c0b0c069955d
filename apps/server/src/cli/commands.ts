import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROLES, type Role } from '@canbo/domain';
import { PGlite } from '@electric-sql/pglite';
import { systemActor } from '../access/actor';
import { verifyAuditChain } from '../audit/verify';
import type { Config } from '../config';
import { openDatabase, pgliteOptions } from '../db/engine';
import { lockDataDir } from '../db/lock';
import { createLogger, migrateDatabase, openRuntime } from '../runtime';
import type { DemoScale } from '../seed/dataset';
import { DEMO_PASSWORD, DemoAlreadySeeded, seedDemoData } from '../seed/demo';
import { consoleProgress } from '../seed/progress';
import { CliError } from './errors';

export async function migrateCommand(config: Config): Promise<void> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = await migrateDatabase(config, database);
    console.log(
      applied.length
        ? `Đã áp dụng / applied: ${applied.join(', ')}`
        : 'Cơ sở dữ liệu đã mới nhất / already up to date.',
    );
  } finally {
    await database.close();
  }
}

export async function auditVerifyCommand(config: Config): Promise<number> {
  const runtime = await openRuntime(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    const result = await verifyAuditChain(runtime.ctx.db, runtime.ctx.tenantId);
    if (result.ok) {
      console.log(`Chuỗi nhật ký toàn vẹn / audit chain intact: ${result.checked} entries checked.`);
      return 0;
    }
    console.error(
      `Chuỗi nhật ký bị phá vỡ tại bản ghi ${result.broken!.seq} / audit chain broken at entry ${result.broken!.seq}: ${result.broken!.reason}`,
    );
    return 2;
  } finally {
    await runtime.close();
  }
}

export async function userCreateCommand(
  config: Config,
  options: { username: string; displayName: string; role: string; unit?: string; password?: string },
): Promise<void> {
  if (!ROLES.includes(options.role as Role)) throw new CliError(`--role must be one of: ${ROLES.join(', ')}`);
  const runtime = await openRuntime(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    const { ctx, services, tenant } = runtime;
    let unitId = tenant.rootUnitId;
    if (options.unit) {
      const unit = await ctx.db
        .selectFrom('org_unit')
        .select('id')
        .where('tenant_id', '=', ctx.tenantId)
        .where('code', '=', options.unit)
        .executeTakeFirst();
      if (!unit) throw new CliError(`No unit with code "${options.unit}".`);
      unitId = unit.id;
    }
    const result = await services.users.create(systemActor(ctx.tenantId, 'cli'), {
      username: options.username,
      displayName: options.displayName,
      email: null,
      unitId,
      password: options.password,
      grants: [{ role: options.role as Role, unitId }],
    });
    console.log(`Đã tạo / created: ${result.user.username} (${options.role})`);
    if (result.temporaryPassword)
      console.log(`Mật khẩu tạm / temporary password: ${result.temporaryPassword}`);
  } finally {
    await runtime.close();
  }
}

export async function seedDemoCommand(
  config: Config,
  options: { scale: DemoScale; seed: number },
): Promise<void> {
  const runtime = await openRuntime(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    const { ctx, tenant } = runtime;
    const result = await seedDemoData(ctx, tenant, { ...options, progress: consoleProgress }).catch(
      (error: unknown) => {
        throw error instanceof DemoAlreadySeeded ? new CliError(error.message) : error;
      },
    );
    console.log(`Đã tạo dữ liệu mẫu / demo data created. Password: ${DEMO_PASSWORD}`);
    for (const a of result.accounts) console.log(`  ${a.username} (${a.role})`);
  } finally {
    await runtime.close();
  }
}

function hasCommand(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** PGlite: a compressed copy of the data folder. PostgreSQL: pg_dump's custom format. */
export async function backupCommand(config: Config, file: string): Promise<void> {
  const target = path.resolve(file);
  if (config.databaseUrl) {
    if (!hasCommand('pg_dump'))
      throw new CliError(
        'pg_dump was not found; install the PostgreSQL client tools (see docs/OPERATIONS.md).',
      );
    execFileSync('pg_dump', ['--format=custom', `--file=${target}`, config.databaseUrl], {
      stdio: 'inherit',
    });
  } else {
    const release = lockDataDir(config.dataDir);
    try {
      const pglite = await PGlite.create(config.dataDir, pgliteOptions());
      const dump = await pglite.dumpDataDir('gzip');
      fs.writeFileSync(target, Buffer.from(await dump.arrayBuffer()));
      await pglite.close();
    } finally {
      release();
    }
  }
  console.log(`Đã sao lưu / backup written: ${target}`);
}

export async function restoreCommand(config: Config, file: string, force: boolean): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`No such file: ${source}`);
  if (config.databaseUrl) {
    if (!hasCommand('pg_restore'))
      throw new CliError(
        'pg_restore was not found; install the PostgreSQL client tools (see docs/OPERATIONS.md).',
      );
    execFileSync(
      'pg_restore',
      ['--clean', '--if-exists', '--no-owner', `--dbname=${config.databaseUrl}`, source],
      { stdio: 'inherit' },
    );
  } else {
    const entries = fs.existsSync(config.dataDir)
      ? fs.readdirSync(config.dataDir).filter((f) => f !== 'canbo.lock')
      : [];
    if (entries.length && !force) {
      throw new CliError(
        `The data folder ${config.dataDir} is not empty; stop the server and add --force to replace it.`,
      );
    }
    const release = lockDataDir(config.dataDir);
    try {
      for (const entry of entries)
        fs.rmSync(path.join(config.dataDir, entry), { recursive: true, force: true });
      const blob = new Blob([fs.readFileSync(source)]);
      const pglite = await PGlite.create(config.dataDir, pgliteOptions({ loadDataDir: blob }));
      await pglite.query('SELECT 1');
      await pglite.close();
    } finally {
      release();
    }
  }
  console.log(`Đã khôi phục / restored from ${source}`);
}
