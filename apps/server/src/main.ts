import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WeakAdminPassword } from './bootstrap';
import {
  auditVerifyCommand,
  backupCommand,
  migrateCommand,
  restoreCommand,
  seedDemoCommand,
  userCreateCommand,
} from './cli/commands';
import { CliError } from './cli/errors';
import { exportCommand, importCommand } from './cli/imports';
import { type ProcessRole, serve } from './cli/serve';
import { loadConfig } from './config';
import { DataDirLocked } from './db/lock';
import { MigrationChanged, MigrationFailed } from './db/migrator';
import { DEFAULT_SEED, DEMO_SCALES, type DemoScale } from './seed/dataset';

const HELP: Record<string, string> = {
  '': `canbo — quản lý công tác cán bộ / cadre work management

Usage: canbo <command> [options]

Commands:
  serve [--roles api,worker,cron]   run the server (default: all roles)
  migrate                           apply database migrations
  seed demo [--scale S] [--seed N]  demo organisation, people and accounts (S: small|city)
  user create --username U --display-name N --role R [--unit CODE] [--password P]
  import units|people FILE.xlsx     import a workbook (all rows or none); report in FILE.errors.xlsx
  export people|units FILE.xlsx [--unit CODE]   export a list to Excel
  audit verify                      check the audit hash chain; non-zero exit if broken
  backup <file>                     back up the database
  restore <file> [--force]          restore a backup (server stopped)
  bench [--quick]                   run the benchmarks

Environment: DATABASE_URL (PostgreSQL; else embedded PGlite in CANBO_DATA_DIR, default ./data), PORT.
Run "canbo <command> --help" for details.`,
  serve:
    'Usage: canbo serve [--roles api,worker,cron]\nRuns the HTTP API and web app (api), the job worker (worker) and the schedules (cron).',
  migrate:
    'Usage: canbo migrate\nApplies pending numbered SQL migrations, each in one transaction. Safe to repeat.',
  seed: 'Usage: canbo seed demo [--scale small|city] [--seed N]\nCreates a demo organisation with its people and one account per role.\n  small: a few departments and wards, ~300 people (default)\n  city:  a whole city, ~8,400 units and ~160,000 people\nThe same seed (default 1) gives the same data. Refuses a database that already has the demo data.',
  user: 'Usage: canbo user create --username U --display-name "Họ tên" --role admin|officer|head|manager|staff|inspector [--unit CODE] [--password P]\nWithout --password a temporary password is printed; it must be changed at first sign-in.',
  audit:
    'Usage: canbo audit verify\nWalks the audit chain; exits 2 and names the first broken entry if any was altered, deleted or reordered.',
  backup:
    'Usage: canbo backup <file>\nPGlite: a compressed copy of the data folder (stop the server first). PostgreSQL: runs pg_dump --format=custom.',
  restore:
    'Usage: canbo restore <file> [--force]\nPGlite: replaces the data folder (--force when it is not empty). PostgreSQL: runs pg_restore --clean.',
  import:
    'Usage: canbo import units|people FILE.xlsx\nChecks every row, then imports all of them in one transaction, or none when any row has an error.\nPrints progress; when rejected, prints the first errors, writes the full report to FILE.errors.xlsx and exits 2.\nTemplates: GET /api/imports/templates/units.xlsx and people.xlsx (see docs/IMPORT.md).',
  export:
    'Usage: canbo export people|units FILE.xlsx [--unit CODE]\nWrites the people (or units) of the whole organisation, or of the subtree of unit CODE, to an Excel file.',
  bench: 'Usage: canbo bench [--quick]\nRuns the benchmarks and writes bench/results/latest.json.',
};

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      roles: { type: 'string' },
      scale: { type: 'string' },
      seed: { type: 'string' },
      username: { type: 'string' },
      'display-name': { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      password: { type: 'string' },
      force: { type: 'boolean' },
      quick: { type: 'boolean' },
    },
  });
  const [command = '', sub] = positionals;
  if (values.help || command === '' || command === 'help') {
    console.log(HELP[command === 'help' ? '' : command] ?? HELP['']);
    return command === '' && !values.help ? 1 : 0;
  }
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const roles = new Set((values.roles ?? 'api,worker,cron').split(',').map((r) => r.trim()));
      for (const r of roles)
        if (!['api', 'worker', 'cron'].includes(r))
          throw new CliError(`Unknown role "${r}"; use api, worker, cron.`);
      await serve(config, roles as Set<ProcessRole>);
      return -1; // keeps running
    }
    case 'migrate':
      await migrateCommand(config);
      return 0;
    case 'seed': {
      if (sub !== 'demo') throw new CliError(HELP.seed!);
      const scale = values.scale ?? 'small';
      if (!(DEMO_SCALES as readonly string[]).includes(scale)) {
        throw new CliError(`Unknown scale "${scale}"; use --scale small or --scale city.`);
      }
      const seed = values.seed ?? String(DEFAULT_SEED);
      if (!/^\d{1,10}$/.test(seed) || Number(seed) > 0xffffffff) {
        throw new CliError(`--seed must be a whole number from 0 to 4294967295, not "${seed}".`);
      }
      await seedDemoCommand(config, { scale: scale as DemoScale, seed: Number(seed) });
      return 0;
    }
    case 'user': {
      if (sub !== 'create') throw new CliError(HELP.user!);
      if (!values.username || !values['display-name'] || !values.role) throw new CliError(HELP.user!);
      await userCreateCommand(config, {
        username: values.username,
        displayName: values['display-name'],
        role: values.role,
        unit: values.unit,
        password: values.password,
      });
      return 0;
    }
    case 'audit':
      if (sub !== 'verify') throw new CliError(HELP.audit!);
      return auditVerifyCommand(config);
    case 'backup':
      if (!sub) throw new CliError(HELP.backup!);
      await backupCommand(config, sub);
      return 0;
    case 'restore':
      if (!sub) throw new CliError(HELP.restore!);
      await restoreCommand(config, sub, values.force ?? false);
      return 0;
    case 'import':
      if (!sub || !positionals[2]) throw new CliError(HELP.import!);
      return importCommand(config, sub, positionals[2]);
    case 'export':
      if (!sub || !positionals[2]) throw new CliError(HELP.export!);
      return exportCommand(config, sub, positionals[2], { unit: values.unit });
    case 'bench': {
      const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
      const result = spawnSync('npm', ['run', 'bench', '--', ...(values.quick ? ['--quick'] : [])], {
        cwd: root,
        stdio: 'inherit',
      });
      return result.status ?? 1;
    }
    default:
      throw new CliError(`Unknown command "${command}". Run "canbo --help".`);
  }
}

const KNOWN = [CliError, DataDirLocked, MigrationChanged, MigrationFailed, WeakAdminPassword];
const PARSE_ERRORS = ['ERR_PARSE_ARGS_UNKNOWN_OPTION', 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'];

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (
      KNOWN.some((k) => error instanceof k) ||
      PARSE_ERRORS.includes((error as { code?: string }).code ?? '')
    ) {
      console.error(`canbo: ${(error as Error).message}`);
    } else if ((error as { code?: string }).code === 'ECONNREFUSED') {
      console.error(
        `canbo: cannot connect to the database (${(error as Error).message}). Check DATABASE_URL.`,
      );
    } else {
      console.error('canbo:', error);
    }
    process.exit(1);
  },
);
