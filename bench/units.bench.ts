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
import { httpLoad, operationLoad, type Throughput } from './lib/load';
import { type BenchOptions, progress } from './lib/options';
import { type Row, row } from './lib/report';
import { getJson } from './lib/session-client';

/** Goal for canbo's req/s as a share of bare Fastify's, per engine. */
export const THROUGHPUT_GOALS: Record<EngineKind, number> = { postgres: 0.5, pglite: 0.3 };

const describe = (t: Throughput, unit: string) =>
  `${Math.round(t.perSecond).toLocaleString('en-US')} ${unit}, p50 ${t.p50.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms`;

/**
 * The SQL the app sends for one GET /api/units/:id (session with grants, then the unit inside the
 * actor's scope), captured from the repositories themselves so that the baseline cannot drift.
 */
async function captureReads(
  server: CanboServer,
  pool: Database['pool'],
  sessionCookie: string,
  unitId: string,
) {
  const captured: CompiledQuery[] = [];
  const recorder = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
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
  // Not destroyed: that would end the pool, which the app owns.
  const [sessionQuery, unitQuery] = captured;
  if (captured.length !== 2 || !sessionQuery || !unitQuery)
    throw new BenchFailure(`expected 2 queries per read, captured ${captured.length}`);
  return [sessionQuery, unitQuery] as const;
}

export async function benchUnitRead(
  engine: EngineKind,
  server: CanboServer,
  pool: Database['pool'],
  org: Organisation,
  sessionCookie: string,
  options: BenchOptions,
): Promise<Row[]> {
  const path = `/api/units/${org.targetUnitId}`;
  // Outside transactions the app checks a connection out of the pool once per statement.
  let statements = 0;
  const count = () => statements++;
  pool.on('acquire', count);
  const unit = await getJson<{ id: string }>(server.baseUrl, path, sessionCookie).finally(() =>
    pool.off('acquire', count),
  );
  if (unit.id !== org.targetUnitId) throw new BenchFailure(`GET ${path} returned another unit`);
  progress(`GET ${path.replace(org.targetUnitId, ':id')} runs ${statements} SQL statements`);

  const bareServer = await startBareFastify();
  let bare: Throughput;
  try {
    bare = await httpLoad(bareServer.url, {}, options.load);
  } finally {
    await bareServer.close();
  }
  progress(`bare Fastify:           ${describe(bare, 'req/s')}`);

  const canbo = await httpLoad(`${server.baseUrl}${path}`, { cookie: sessionCookie }, options.load);
  progress(`canbo GET unit:         ${describe(canbo, 'req/s')}`);

  const [sessionQuery, unitQuery] = await captureReads(server, pool, sessionCookie, org.targetUnitId);
  const raw = await operationLoad(async () => {
    await pool.query(sessionQuery.sql, [...sessionQuery.parameters]);
    await pool.query(unitQuery.sql, [...unitQuery.parameters]);
  }, options.load);
  progress(`raw SQL session + unit: ${describe(raw, 'ops/s')}`);

  const name = `${engine} GET /api/units/:id`;
  return [
    row(
      name,
      canbo.perSecond,
      'req/s',
      { label: 'bare Fastify', value: bare.perSecond, unit: 'req/s' },
      {
        kind: 'ratio-at-least',
        min: THROUGHPUT_GOALS[engine],
      },
    ),
    row(`${name} p99`, canbo.p99, 'ms', { label: 'bare Fastify p99', value: bare.p99, unit: 'ms' }),
    row(`${name} vs raw SQL`, canbo.perSecond, 'req/s', {
      label: 'same 2 reads via pool.query',
      value: raw.perSecond,
      unit: 'ops/s',
    }),
  ];
}
