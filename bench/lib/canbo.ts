import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { systemActor } from '@canbo/server/src/access/actor';
import { chainAllPending, createAuditChainer } from '@canbo/server/src/audit/chainer';
import { ensureTenant, type Tenant } from '@canbo/server/src/bootstrap';
import { loadConfig } from '@canbo/server/src/config';
import type { AppContext } from '@canbo/server/src/context';
import { migrate } from '@canbo/server/src/db/migrator';
import { type App, buildApp } from '@canbo/server/src/http/app';
import { createServices, type Services } from '@canbo/server/src/services';
import pino from 'pino';
import type { BenchDatabase } from './engines';

export const BENCH_PASSWORD = 'Hieunang2026xyz';

/** How many units the tree has under the root: districts × wards × teams. */
const TREE = { districts: 6, wardsPerDistrict: 8, teamsPerWard: 5 };

export interface Organisation {
  unitCount: number;
  /** The staff members' grant: one district and everything below it. */
  grantedUnitId: string;
  /** A team three levels down inside the granted district: the row the read benchmark fetches. */
  targetUnitId: string;
  /** Staff accounts granted on the district, one per concurrent sign-in lane. */
  staff: string[];
}

export interface CanboServer {
  app: App;
  ctx: AppContext;
  services: Services;
  tenant: Tenant;
  baseUrl: string;
  /** The last error the server logged, to explain a failed request. */
  lastError(): string | null;
  /**
   * The response times (ms) the server logged since the last call, as Fastify measures them: from the
   * parsed request to the response handed to the socket. The client's latency adds the waits before
   * and after, in the socket and for the server's thread.
   */
  takeResponseTimes(): number[];
  close(): Promise<void>;
}

/**
 * The real application as `serve` builds it (migrations, tenant, services, every plugin and hook),
 * minus the static web files, listening on a random local port.
 */
export async function startCanbo(bench: BenchDatabase): Promise<CanboServer> {
  const { database } = bench;
  await migrate(database.pool);
  const tenant = await ensureTenant(database.db, 'bench', 'Thành ủy Đo hiệu năng');
  const config = { ...loadConfig({}), databaseUrl: null, logLevel: 'info' };
  const log = serverLog();
  const logger = pino({ level: config.logLevel, base: { app: 'canbo' } }, log.stream);
  const ctx: AppContext = {
    db: database.db,
    engine: database.kind,
    config,
    tenantId: tenant.tenantId,
    rootPath: tenant.rootPath,
    logger,
  };
  const services = createServices(ctx);
  const app = await buildApp(ctx, { serveWeb: false, signInRatePerMinute: 1_000_000 });
  // As `serve` runs it: audit entries are linked into the chain a moment after their commit.
  await chainAllPending(database.db);
  const chainer = createAuditChainer(database.db, logger);
  chainer.start();
  const close = async () => {
    await app.close();
    await chainer.stop();
    log.end();
  };
  if (bench.kind === 'pglite') {
    // The bench's fetch runs on the server's own thread, which PGlite blocks for the length of each
    // statement (docs/PERFORMANCE.md, "The fetch failed on PGlite"): after a long run of replayed
    // statements the client sent its next request on a keep-alive connection whose 72 s the server had
    // just counted out ("fetch failed"). A browser is another process and retries such a request; here
    // the server keeps idle connections longer than any replay.
    app.server.keepAliveTimeout = 30 * 60_000;
  }
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
  } catch (error) {
    await close();
    throw error;
  }
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    ctx,
    services,
    tenant,
    baseUrl: `http://127.0.0.1:${port}`,
    lastError: log.lastError,
    takeResponseTimes: log.takeResponseTimes,
    close,
  };
}

const RESPONSE_TIME = /"responseTime":([0-9.]+)/;

/**
 * Logs at the production level ('info', lines per request), written synchronously like pino's
 * default stdout destination but into the null device; error lines are kept to explain failures.
 */
function serverLog() {
  const sink = pino.destination({ dest: os.devNull, sync: true });
  let last: string | null = null;
  let responseTimes: number[] = [];
  const stream = {
    write(line: string) {
      sink.write(line);
      if (line.includes('"level":50') || line.includes('"level":60')) last = line;
      const time = RESPONSE_TIME.exec(line);
      if (time) responseTimes.push(Number(time[1]));
    },
  };
  const takeResponseTimes = () => {
    const taken = responseTimes;
    responseTimes = [];
    return taken;
  };
  const lastError = () => {
    if (!last) return null;
    try {
      const entry = JSON.parse(last) as { msg?: string; err?: { message?: string; stack?: string } };
      return [entry.msg, entry.err?.stack ?? entry.err?.message].filter(Boolean).join(': ');
    } catch {
      return last;
    }
  };
  return { stream, lastError, takeResponseTimes, end: () => sink.end() };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A city-like tree of a few hundred units, built through the units service (with its audit entries). */
export async function buildOrganisation(server: CanboServer, staffCount: number): Promise<Organisation> {
  const { services, tenant, ctx } = server;
  const system = systemActor(tenant.tenantId, 'bench');
  let unitCount = 0;
  const unit = async (parentId: string, code: string, name: string) => {
    unitCount++;
    return (await services.units.create(system, { parentId, code, name })).id;
  };
  const districts: string[] = [];
  let target = '';
  for (let d = 1; d <= TREE.districts; d++) {
    const district = await unit(tenant.rootUnitId, `Q${pad(d)}`, `Quận ${d}`);
    districts.push(district);
    for (let w = 1; w <= TREE.wardsPerDistrict; w++) {
      const ward = await unit(district, `Q${pad(d)}-P${pad(w)}`, `Phường ${w}, Quận ${d}`);
      for (let t = 1; t <= TREE.teamsPerWard; t++) {
        const team = await unit(ward, `Q${pad(d)}-P${pad(w)}-T${t}`, `Tổ dân phố ${t}, Phường ${w}`);
        if (d === 1 && w === 4 && t === 3) target = team;
      }
    }
  }
  const granted = districts[0]!;
  const staff: string[] = [];
  for (let i = 1; i <= staffCount; i++) {
    const username = `bench.staff${i}`;
    const { user } = await services.users.create(system, {
      username,
      displayName: `Cán bộ đo ${i}`,
      email: null,
      unitId: granted,
      password: BENCH_PASSWORD,
      grants: [{ role: 'staff', unitId: granted }],
    });
    // Accounts made by an administrator must change their password first; skip that step.
    await ctx.db
      .updateTable('app_user')
      .set({ must_change_password: false })
      .where('id', '=', user.id)
      .execute();
    staff.push(username);
  }
  return { unitCount, grantedUnitId: granted, targetUnitId: target, staff };
}
