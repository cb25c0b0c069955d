import { type Actor, scopeOf } from '@canbo/server/src/access/actor';
import type { Database, EngineKind } from '@canbo/server/src/db/engine';
import type { DB } from '@canbo/server/src/db/schema';
import { findSession } from '@canbo/server/src/modules/auth/auth.repository';
import { sessionIdOf } from '@canbo/server/src/modules/auth/sessions';
import { findUnit } from '@canbo/server/src/modules/units/units.repository';
import { type CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import { startBareFastify } from './lib/bare';
import type { CanboServer, Organisation } from './lib/canbo';
import { BenchFailure } from './lib/failure';
import { type HttpSubject, httpLoad, operationLoad, pooled, type Throughput } from './lib/load';
import { type BenchOptions, progress } from './lib/options';
import { type Row, row } from './lib/report';
import { getJson } from './lib/session-client';

/** Goal for canbo's req/s as a share of bare Fastify's, per engine. */
export const THROUGHPUT_GOALS: Record<EngineKind, number> = { postgres: 0.5, pglite: 0.3 };

type Pool = Database['pool'];

const describe = (t: Throughput, unit: string) =>
  `${Math.round(t.perSecond).toLocaleString('en-US')} ${unit}, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`;

/**
 * The SQL the app sends to read the session (with the user's grants) and the unit inside the
 * actor's scope, captured from the repositories themselves so that the baseline cannot drift.
 */
async function captureReads(server: CanboServer, pool: Pool, sessionCookie: string, unitId: string) {
  const captured: CompiledQuery[] = [];
  const recorder = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  // Not destroyed afterwards: that would end the pool, which the app owns.
  const token = decodeURIComponent(sessionCookie.slice(sessionCookie.indexOf('=') + 1));
  const session = await findSession(recorder, server.tenant.tenantId, sessionIdOf(token));
  if (!session) throw new BenchFailure('the benchmark session was not found');
  const actor: Actor = {
    kind: 'user',
    tenantId: server.tenant.tenantId,
    userId: session.userId,
    displayName: session.displayName,
    grants: session.grants,
    requestId: null,
    ip: null,
  };
  const unit = await findUnit(recorder, scopeOf(actor, 'units.read'), unitId);
  if (!unit) throw new BenchFailure('the benchmark unit is out of the staff member’s scope');
  const [sessionQuery, unitQuery] = captured;
  if (captured.length !== 2 || !sessionQuery || !unitQuery) {
    throw new BenchFailure(`expected 2 queries for the session and the unit, captured ${captured.length}`);
  }
  return async () => {
    await pool.query(sessionQuery.sql, [...sessionQuery.parameters]);
    await pool.query(unitQuery.sql, [...unitQuery.parameters]);
  };
}

/** Checks the endpoint answers the unit, counting the SQL statements one request runs. */
async function checkEndpoint(server: CanboServer, pool: Pool, path: string, cookie: string, unitId: string) {
  // Outside transactions the app checks a connection out of the pool once per statement.
  let statements = 0;
  const count = () => statements++;
  pool.on('acquire', count);
  const unit = await getJson<{ id: string }>(server.baseUrl, path, cookie).finally(() =>
    pool.off('acquire', count),
  );
  if (unit.id !== unitId) throw new BenchFailure(`GET ${path} returned another unit`);
  return statements;
}

/**
 * GET /api/units/:id as a staff member granted on a district: the session is read, then the unit
 * inside the scope. Against bare Fastify (the ceiling of this process model) and against the
 * session and unit reads replayed with pool.query (what the HTTP and app layers add).
 */
export async function benchUnitRead(
  engine: EngineKind,
  server: CanboServer,
  pool: Pool,
  org: Organisation,
  cookie: string,
  options: BenchOptions,
): Promise<Row[]> {
  const path = `/api/units/${org.targetUnitId}`;
  const statements = await checkEndpoint(server, pool, path, cookie, org.targetUnitId);
  progress(`GET /api/units/:id runs ${statements} SQL statements; the raw-SQL baseline replays 2`);
  const raw = await captureReads(server, pool, cookie, org.targetUnitId);

  const { connections, durationSeconds, warmupSeconds } = options.load;
  const canboSubject: HttpSubject = { url: `${server.baseUrl}${path}`, headers: { cookie } };
  const bareServer = await startBareFastify();
  const slices: Record<'bare' | 'canbo' | 'raw', Throughput[]> = { bare: [], canbo: [], raw: [] };
  try {
    const bareSubject: HttpSubject = { url: bareServer.url, headers: {} };
    if (warmupSeconds > 0) {
      await httpLoad(bareSubject, connections, warmupSeconds);
      await httpLoad(canboSubject, connections, warmupSeconds);
      await operationLoad(raw, connections, warmupSeconds);
    }
    const slice = durationSeconds / options.rounds;
    for (let round = 0; round < options.rounds; round++) {
      slices.bare.push(await httpLoad(bareSubject, connections, slice));
      slices.canbo.push(await httpLoad(canboSubject, connections, slice));
      slices.raw.push(await operationLoad(raw, connections, slice));
    }
  } finally {
    await bareServer.close();
  }
  const bare = pooled(slices.bare);
  const canbo = pooled(slices.canbo);
  const rawSql = pooled(slices.raw);
  progress(`bare Fastify:           ${describe(bare, 'req/s')}`);
  progress(`canbo GET unit:         ${describe(canbo, 'req/s')}`);
  progress(`raw SQL session + unit: ${describe(rawSql, 'ops/s')}`);

  const name = `${engine} GET /api/units/:id`;
  const goal = { kind: 'ratio-at-least', min: THROUGHPUT_GOALS[engine] } as const;
  return [
    row(
      name,
      canbo.perSecond,
      'req/s',
      { label: 'bare Fastify', value: bare.perSecond, unit: 'req/s' },
      goal,
    ),
    row(`${name} p99`, canbo.p99, 'ms', { label: 'bare Fastify p99', value: bare.p99, unit: 'ms' }),
    row(`${name} vs raw SQL`, canbo.perSecond, 'req/s', {
      label: 'session + unit via pool.query',
      value: rawSql.perSecond,
      unit: 'ops/s',
    }),
  ];
}
