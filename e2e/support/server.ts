import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real `canbo serve` as a child process, one per test file: its own port, its own fresh
 * PGlite folder, the web app built beforehand. Nothing is shared with a developer's ./data.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'apps/server/bin/canbo.mjs');
const WEB = path.join(ROOT, 'apps/web');
const WEB_INDEX = path.join(WEB, 'dist/index.html');

/** Meets the password policy; used as CANBO_ADMIN_PASSWORD on the fresh database. */
export const ADMIN_PASSWORD = 'Kiem thu 2026 quan tri';

const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface TestServer {
  url: string;
  adminPassword: string;
  /** The demo accounts' shared password, as the server prints it at first start (demo only). */
  demoPassword: string | null;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Seed the demo organisation and accounts (CANBO_DEMO). Default true. */
  demo?: boolean;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

let webChecked = false;

/**
 * Builds the web app once when there is no build, or when its sources changed after the last
 * build (the journeys must see the current pages, not yesterday's).
 */
export function ensureWebBuild(): void {
  if (webChecked) return;
  const sources = [path.join(WEB, 'src'), path.join(ROOT, 'packages/domain/src')];
  const stale =
    !fs.existsSync(WEB_INDEX) ||
    Math.max(...sources.map(newestMtime), fs.statSync(path.join(WEB, 'index.html')).mtimeMs) >
      fs.statSync(WEB_INDEX).mtimeMs;
  if (stale) {
    const result = spawnSync(
      'npm',
      ['run', 'build', '--workspace', '@canbo/web', '--', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (result.status !== 0 || !fs.existsSync(WEB_INDEX)) {
      throw new Error(`building the web app failed (exit ${result.status}); run "npm run build" to see why`);
    }
  }
  webChecked = true;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  ensureWebBuild();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-e2e-'));
  // The journeys always run on a fresh embedded database, whatever the caller's environment says.
  const { DATABASE_URL: _url, CANBO_MIGRATION_DATABASE_URL: _mig, ...env } = process.env;
  const child = spawn(process.execPath, [BIN, 'serve'], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CANBO_DATA_DIR: dataDir,
      CANBO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      CANBO_DEMO: options.demo === false ? '0' : '1',
      CANBO_LOG_LEVEL: 'warn',
      // Every answer also checked against its schema (http/response-serializer.ts).
      CANBO_CHECK_RESPONSES: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`the server exited before it was ready:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `the server did not answer /api/health within ${READY_TIMEOUT_MS / 1000} s:\n${output}`,
      );
    }
    try {
      // Ready when it answers and has printed its start-up lines (they follow the listen).
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200 && output.includes(`:${port}`)) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const demoPassword = /demo accounts \(mật khẩu \/ password: (\S+)\):/.exec(output)?.[1] ?? null;
  if (options.demo !== false && !demoPassword) {
    await stop();
    throw new Error(`the server printed no demo account password:\n${output}`);
  }
  return { url, adminPassword: ADMIN_PASSWORD, demoPassword, output: () => output, stop };
}
