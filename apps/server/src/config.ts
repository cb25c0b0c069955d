import path from 'node:path';

/** Everything the process reads from its environment, read once at start. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** Owner connection for migrations when the app itself runs as a restricted role. */
  migrationDatabaseUrl: string | null;
  dataDir: string;
  demo: boolean;
  adminPassword: string | null;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  logLevel: string;
  trustProxy: boolean;
  webDist: string;
  version: string;
  /** SMTP for e-mailed notifications (nodemailer URL); null: in-app only. */
  smtpUrl: string | null;
  /** Reminders go out this many days before a step's deadline. */
  remindDays: number;
  /** Stored control figures of an open cycle older than this are refreshed in the background. */
  controlFiguresMaxAgeMinutes: number;
  /** Also check every response body against its schema with zod (tests; slower). */
  checkResponses: boolean;
}

const here = path.dirname(new URL(import.meta.url).pathname);

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    databaseUrl: env.DATABASE_URL || null,
    migrationDatabaseUrl: env.CANBO_MIGRATION_DATABASE_URL || null,
    dataDir: path.resolve(env.CANBO_DATA_DIR || './data'),
    demo: env.CANBO_DEMO !== '0',
    adminPassword: env.CANBO_ADMIN_PASSWORD || null,
    sessionIdleMinutes: int(env, 'CANBO_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: int(env, 'CANBO_SESSION_ABSOLUTE_HOURS', 12),
    lockoutThreshold: int(env, 'CANBO_LOCKOUT_THRESHOLD', 5),
    lockoutMinutes: int(env, 'CANBO_LOCKOUT_MINUTES', 15),
    logLevel: env.CANBO_LOG_LEVEL || 'info',
    trustProxy: env.CANBO_TRUST_PROXY === '1',
    webDist: path.resolve(here, '../../web/dist'),
    version: env.npm_package_version || '0.1.0',
    smtpUrl: env.CANBO_SMTP_URL || null,
    remindDays: int(env, 'CANBO_REMIND_DAYS', 2),
    controlFiguresMaxAgeMinutes: int(env, 'CANBO_CONTROL_FIGURES_MAX_AGE_MINUTES', 5),
    checkResponses: env.CANBO_CHECK_RESPONSES === '1',
  };
}
