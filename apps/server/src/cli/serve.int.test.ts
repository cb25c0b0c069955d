import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase, testEngine } from '../../test/database';

/**
 * `canbo serve` as a real process: start, refusal of a second owner, graceful stop, and no
 * acknowledged write lost when the process is stopped or killed mid-burst. The steps share one
 * database and run in order, like the life of one installation.
 */

const BIN = fileURLToPath(new URL('../../bin/canbo.mjs', import.meta.url));
const ADMIN_PASSWORD = 'Quan tri vien 2026';
const SLOW = 180_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface Server {
  child: ChildProcess;
  port: number;
  output(): string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startServer(env: Record<string, string>, args: string[] = []): Promise<Server> {
  return freePort().then((port) => {
    const {
      DATABASE_URL: _u,
      CANBO_DATA_DIR: _d,
      CANBO_ADMIN_PASSWORD: _p,
      CANBO_DEMO: _x,
      ...base
    } = process.env;
    const child = spawn(process.execPath, [BIN, 'serve', ...args], {
      env: {
        ...base,
        PORT: String(port),
        HOST: '127.0.0.1',
        CANBO_LOG_LEVEL: 'warn',
        CANBO_DEMO: '0',
        ...env,
      },
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    return { child, port, output: () => output, exit };
  });
}

/** Waits until the server answers its health check; fails with its output if it exits first. */
async function ready(server: Server): Promise<{ status: string; db: string }> {
  let exited = false;
  void server.exit.then(() => (exited = true));
  for (;;) {
    if (exited) throw new Error(`the server exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/health`);
      if (res.status === 200) return (await res.json()) as { status: string; db: string };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the start-up banner (one write, after the server listens) and returns the output so far. */
async function banner(server: Server): Promise<string> {
  while (!/database: /.test(server.output())) await new Promise((resolve) => setTimeout(resolve, 50));
  return server.output();
}

/** A browser-like session against a real server: cookies and the CSRF header. */
class Session {
  private cookies = new Map<string, string>();
  private csrf: string | null = null;
  constructor(private readonly port: number) {}

  async request(method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`http://127.0.0.1:${this.port}${url}`, {
      method,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, value] = pair!.split('=');
      if (value) this.cookies.set(name!, value);
      else this.cookies.delete(name!);
    }
    const text = await res.text();
    return {
      status: res.status,
      body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
    };
  }

  async signIn(username: string, password: string) {
    this.csrf = (await this.request('GET', '/api/auth/csrf')).body.csrfToken;
    const res = await this.request('POST', '/api/auth/sign-in', { username, password });
    if (res.status === 200) this.csrf = res.body.csrfToken;
    return res;
  }
}

interface Outcome {
  code: string;
  status: number | 'no answer';
  id?: string;
}

/** Creates one unit; a dropped connection is recorded, not thrown. */
async function createUnit(session: Session, parentId: string, code: string): Promise<Outcome> {
  try {
    const res = await session.request('POST', '/api/units', { code, name: `Đơn vị ${code}`, parentId });
    return { code, status: res.status, id: res.body?.id };
  } catch {
    return { code, status: 'no answer' };
  }
}

async function adminSession(port: number): Promise<{ session: Session; rootId: string }> {
  const session = new Session(port);
  expect((await session.signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
  const roots = await session.request('GET', '/api/units');
  return { session, rootId: roots.body.items[0].id };
}

/** Every unit whose creation was acknowledged is there. */
async function expectAllPresent(session: Session, acknowledged: Outcome[]) {
  const missing: string[] = [];
  for (const o of acknowledged) {
    if ((await session.request('GET', `/api/units/${o.id}`)).status !== 200) missing.push(o.code);
  }
  expect(missing, `acknowledged but lost: ${missing.join(', ')}`).toEqual([]);
}

describe(`canbo serve on ${testEngine()}`, () => {
  let folder: string;
  let target: TestDatabase | null = null;
  let env: Record<string, string>;
  let server: Server | null = null;
  let companion: Server | null = null;
  let generatedPassword: string;
  let graceful: Outcome[] = [];

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-serve-'));
    if (testEngine() === 'postgres') target = await freshDatabase();
    env = target ? { DATABASE_URL: target.url! } : { CANBO_DATA_DIR: folder };
  });
  afterAll(async () => {
    for (const s of [server, companion]) {
      if (s && s.child.exitCode === null && s.child.signalCode === null) {
        s.child.kill('SIGKILL');
        await s.exit;
      }
    }
    await target?.drop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('first start: prints a one-time admin password, creates no demo accounts', {
    timeout: SLOW,
  }, async () => {
    server = await startServer(env);
    // PostgreSQL: a second process starting at the same moment on the empty database.
    companion = target ? await startServer(env, ['--roles', 'api']) : null;
    expect(await ready(server)).toMatchObject({ status: 'ok', db: testEngine() });
    const outputs = [await banner(server)];
    if (companion) {
      await ready(companion);
      outputs.push(await banner(companion));
    }
    const shown = outputs.flatMap((output) => [...output.matchAll(/admin \/ (\S+)/g)]);
    expect(shown).toHaveLength(1);
    generatedPassword = shown[0]![1]!;
    expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
    for (const output of outputs) expect(output).not.toMatch(/demo accounts/);
  });

  if (testEngine() === 'pglite') {
    it('a second server on the same data folder exits, naming the folder and the owner', {
      timeout: SLOW,
    }, async () => {
      const second = await startServer({ ...env });
      const { code } = await second.exit;
      expect(code).not.toBe(0);
      expect(second.output()).toContain(folder);
      expect(second.output()).toContain(`process ${server!.child.pid}`);
      expect((await fetch(`http://127.0.0.1:${server!.port}/api/health`)).status).toBe(200); // the owner is unharmed
    });
  } else {
    it('a second server on the same PostgreSQL database runs alongside and stops on its own', {
      timeout: SLOW,
    }, async () => {
      expect(await ready(companion!)).toMatchObject({ db: 'postgres' });
      companion!.child.kill('SIGTERM');
      expect(await companion!.exit).toEqual({ code: 0, signal: null });
      expect((await fetch(`http://127.0.0.1:${server!.port}/api/health`)).status).toBe(200);
    });
  }

  it('SIGTERM stops the server cleanly and releases the data folder', { timeout: SLOW }, async () => {
    server!.child.kill('SIGTERM');
    expect(await server!.exit).toEqual({ code: 0, signal: null });
    expect(fs.existsSync(path.join(folder, 'canbo.lock'))).toBe(false);
  });

  it('second start: no password printed; the generated one works once changed', {
    timeout: SLOW,
  }, async () => {
    server = await startServer(env);
    await ready(server);
    expect(await banner(server)).not.toMatch(/admin \//);
    expect(server.output()).not.toContain(generatedPassword);

    const session = new Session(server.port);
    const signIn = await session.signIn('admin', generatedPassword);
    expect(signIn.status).toBe(200);
    expect(signIn.body.pending).toBe('password_change');
    const change = await session.request('POST', '/api/auth/password', {
      currentPassword: generatedPassword,
      newPassword: ADMIN_PASSWORD,
    });
    expect(change.status).toBe(204);
    const users = await session.request('GET', '/api/users?pageSize=200');
    expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(['admin']); // CANBO_DEMO=0
  });

  it('SIGTERM in the middle of a burst of writes loses no acknowledged one', { timeout: SLOW }, async () => {
    const { session, rootId } = await adminSession(server!.port);
    let signalled = false;
    graceful = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const outcome = await createUnit(session, rootId, `TERM-${i}`);
        if (!signalled && outcome.status === 201) {
          signalled = true;
          server!.child.kill('SIGTERM');
        }
        return outcome;
      }),
    );
    expect(signalled).toBe(true);
    expect(await server!.exit).toEqual({ code: 0, signal: null });
    // Answered requests either succeeded or were turned away while closing; none failed half-way.
    for (const o of graceful) expect([201, 503, 'no answer'], o.code).toContain(o.status);
  });

  it('after the restart every unit acknowledged before SIGTERM is there', { timeout: SLOW }, async () => {
    server = await startServer(env);
    await ready(server);
    const { session } = await adminSession(server.port);
    const acknowledged = graceful.filter((o) => o.status === 201);
    expect(acknowledged.length).toBeGreaterThan(0);
    await expectAllPresent(session, acknowledged);
  });

  it('SIGKILL in the middle of a burst loses no acknowledged write, and the audit chain survives', {
    timeout: SLOW,
  }, async () => {
    const { session, rootId } = await adminSession(server!.port);
    const outcomes: Outcome[] = [];
    let killed = false;
    const record = (o: Outcome) => {
      outcomes.push(o);
      if (!killed && outcomes.filter((x) => x.status === 201).length >= 10) {
        killed = true;
        server!.child.kill('SIGKILL');
      }
    };
    const sequential = async () => {
      for (let i = 0; i < 200 && !killed; i++) record(await createUnit(session, rootId, `SEQ-${i}`));
    };
    const concurrent = () =>
      Promise.all(
        Array.from({ length: 30 }, async (_, i) => record(await createUnit(session, rootId, `PAR-${i}`))),
      );
    await Promise.all([sequential(), concurrent()]);
    expect(killed).toBe(true);
    expect((await server!.exit).signal).toBe('SIGKILL');
    expect(outcomes.some((o) => o.status === 'no answer')).toBe(true); // it died mid-burst
    for (const o of outcomes) expect([201, 'no answer'], o.code).toContain(o.status);

    server = await startServer(env); // takes over the lock the killed process left
    await ready(server);
    const admin = await adminSession(server.port);
    await expectAllPresent(
      admin.session,
      outcomes.filter((o) => o.status === 201),
    );
    const verification = await admin.session.request('GET', '/api/audit/verify');
    expect(verification.body).toMatchObject({ ok: true, broken: null });

    server.child.kill('SIGTERM');
    expect((await server.exit).code).toBe(0);
  });
});
