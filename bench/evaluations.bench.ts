/**
 * Issue 4 at city scale: a month of periodic evaluation for the `city` demo dataset (~160,000 people),
 * on PostgreSQL and on PGlite, in a fresh database each (dropped after):
 *   - cycle close (services.evaluationWorkflow.close: grades recomputed by the domain, quotas of every
 *     unit, results, steps and audit entries), goal ≤ 60 s on PostgreSQL, against one raw SQL
 *     statement computing the same grades and per-unit quota counts, in the same process and data;
 *   - POST /api/evaluations/:id/submit under 50 connections, every request a different draft
 *     submitted by its own person (accounts and sessions inserted directly), goal ≥ 500 req/s and
 *     p99 ≤ 100 ms on PostgreSQL, against bare Fastify answering the same body;
 *   - GET /api/cycles/:id/monitor for the city root as the organisation officer, p95 of ≥ 20
 *     sequential requests, goal ≤ 300 ms on PostgreSQL, against the replay of its SELECTs.
 *
 *   npm run bench -- --evaluations [--quick]          (adds these rows to bench/results/latest.json)
 *   npx tsx bench/evaluations.bench.ts [--quick] [--submit-only] [--postgres-only | --pglite-only]
 *                                                     (this part alone; bench/results/evaluations.json)
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemActor } from '@canbo/server/src/access/actor';
import { chainAllPending } from '@canbo/server/src/audit/chainer';
import type { EngineKind } from '@canbo/server/src/db/engine';
import { todayInVietnam } from '@canbo/server/src/modules/units/units.dates';
import { DEMO_PASSWORD, seedDemoData } from '@canbo/server/src/seed/demo';
import autocannon, { type Result as LoadResult } from 'autocannon';
import Fastify from 'fastify';
import { type CanboServer, startCanbo } from './lib/canbo';
import { type BenchPart, isMain, onEachEngine, runAlone } from './lib/engine-runs';
import type { BenchDatabase } from './lib/engines';
import { signedInDrafts } from './lib/eval-sessions';
import {
  fillPublished,
  type MonthFramework,
  monthStart,
  openMonthCycle,
  publishMonthFramework,
  rawGrades,
  rawGradesSql,
  storedGrades,
} from './lib/evaluation-month';
import { BenchFailure } from './lib/failure';
import { pooled, type Throughput } from './lib/load';
import { type BenchOptions, progress } from './lib/options';
import { profiled } from './lib/profile';
import { type Row, row } from './lib/report';
import { fetchCsrf, signIn } from './lib/session-client';
import { latencyPair } from './lib/statements';
import { percentile } from './lib/stats';
import { sampleBackends } from './lib/waits';

const CLOSE_GOAL_S = 60;
const SUBMIT_GOAL_RPS = 500;
const SUBMIT_GOAL_P99_MS = 100;
const MONITOR_GOAL_MS = 300;
/** Requests per second the per-connection request lists are sized for (more would repeat a submit). */
const CAPACITY: Record<EngineKind, number> = { postgres: 2500, pglite: 800 };
const ROTATE = fileURLToPath(new URL('./lib/rotate-requests.cjs', import.meta.url));

type Pool = BenchDatabase['database']['pool'];
const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** A self-assessment of the 3814 default framework: 12 criteria, 83.5 points (grade B). */
const SUBMIT_SCORES: Record<string, number> = {
  'discipline.policy': 4,
  'discipline.rules': 3.5,
  'discipline.ethics': 4,
  'discipline.service': 3.5,
  'discipline.unity': 4,
  'results.volume': 22,
  'results.quality': 17,
  'results.schedule': 13,
  'results.responsibility': 8.5,
  'bonus.initiative': 2,
  'bonus.exceeding': 2,
  'bonus.recognition': 0,
};

interface Prepared {
  server: CanboServer;
  pool: Pool;
  fw: MonthFramework;
  people: number;
}

async function prepare(bench: BenchDatabase): Promise<Prepared> {
  const server = await startCanbo(bench);
  const pool = bench.database.pool;
  progress(`evaluations (${bench.kind}): seeding the city demo dataset`);
  const seeded = await seedDemoData(server.ctx, server.tenant, { scale: 'city' });
  progress(
    `evaluations (${bench.kind}): ${seeded.units} units, ${seeded.people} people in ${seeded.seconds.toFixed(1)} s`,
  );
  await pool.query('ANALYZE');
  const fw = await publishMonthFramework(
    server,
    'Khung tiêu chí đánh giá hằng tháng (3814), bản đo hiệu năng',
  );
  return { server, pool, fw, people: seeded.people };
}

/** Close of a month whose every evaluation is published, against the raw grading statement. */
async function benchClose(kind: EngineKind, p: Prepared, periodStart: string): Promise<Row[]> {
  const { server, pool, fw } = p;
  const tenantId = server.tenant.tenantId;
  let t0 = performance.now();
  const cycle = await openMonthCycle(server, fw.id, periodStart);
  const openS = seconds(t0);
  t0 = performance.now();
  const filled = await fillPublished(pool, tenantId, cycle.id, fw.framework);
  progress(
    `evaluations (${kind}): cycle ${periodStart} opened with ${cycle.enrolled} people in ${openS.toFixed(1)} s (service, enrolment); ` +
      `${filled} evaluations filled (${fw.leaves} criteria, published, 4 steps each) in ${seconds(t0).toFixed(1)} s`,
  );
  // What autovacuum would have done by the end of a month (PGlite has none): statistics, and a
  // visibility map so that counts by state can read the index alone.
  await pool.query('VACUUM ANALYZE');
  const rawSql = rawGradesSql(fw.framework);
  const rawTimes: number[] = [];
  const rawOnce = async () => {
    const r0 = performance.now();
    const result = await rawGrades(pool, rawSql, tenantId, cycle.id);
    rawTimes.push(seconds(r0));
    return result;
  };
  await rawOnce(); // warm
  rawTimes.length = 0;
  const expected = await rawOnce();
  await rawOnce();
  if (expected.overQuota > 0)
    throw new BenchFailure(`${expected.overQuota} units over the quota before the close`);

  const system = systemActor(tenantId, 'bench');
  t0 = performance.now();
  const closed = await server.services.evaluationWorkflow.close.close(system, cycle.id);
  const closeS = seconds(t0);
  // The close wrote its audit entries; the chainer links them after commit (as in `serve`, its loop
  // runs beside the bench). Timed here so that the linking does not overlap the submit load.
  t0 = performance.now();
  const linked = await chainAllPending(server.ctx.db);
  const chainS = seconds(t0);
  await rawOnce();
  await rawOnce();
  const rawS = percentile(rawTimes, 50);
  const actual = await storedGrades(pool, tenantId, cycle.id, 'final');
  const same = Object.keys(expected.grades).every((g) => expected.grades[g] === actual[g]);
  if (!same) {
    throw new BenchFailure(
      `the close graded ${JSON.stringify(actual)}, the raw statement ${JSON.stringify(expected.grades)}`,
    );
  }
  progress(
    `evaluations (${kind}): close ${closeS.toFixed(1)} s (${closed.finalised} final, ${expected.units} units); ` +
      `raw grading statement median ${(rawS * 1000).toFixed(0)} ms of ${rawTimes.length}; grades ${JSON.stringify(actual)}; ` +
      `audit chain: ${linked} entries linked in ${chainS.toFixed(1)} s after it`,
  );
  return [
    row(
      `${kind} city: cycle close, ${closed.finalised} evaluations × ${fw.leaves} criteria, quotas of ${expected.units} units`,
      closeS,
      's',
      { label: 'one raw SQL statement: grades + quota counts per unit', value: rawS, unit: 's' },
      kind === 'postgres' ? { kind: 'value-at-most', max: CLOSE_GOAL_S } : undefined,
    ),
    row(`${kind} city: linking the close's ${linked} audit entries into the chain, after it`, chainS, 's', {
      label: 'one raw SQL statement: grades + quota counts per unit',
      value: rawS,
      unit: 's',
    }),
  ];
}

interface RequestSpec {
  method: 'POST';
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Bare Fastify answering the submit route with a constant body of the real response's size. */
async function startBare(body: string) {
  const app = Fastify();
  app.post('/api/evaluations/:id/submit', async (_request, reply) =>
    reply.type('application/json').send(body),
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

function throughputOf(result: LoadResult, what: string): Throughput {
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) {
    throw new BenchFailure(
      `${what}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result['2xx'] + failed}`,
    );
  }
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result['2xx'],
    seconds: result.duration,
  };
}

/** Each connection gets its own requests, each a different evaluation; written to a file for the worker. */
async function submitLoad(
  baseUrl: string,
  lists: RequestSpec[][],
  duration: number,
  file: string,
): Promise<Throughput> {
  fs.writeFileSync(file, JSON.stringify(lists));
  process.env.CANBO_BENCH_REQUESTS = file;
  const result = await autocannon({
    url: baseUrl,
    connections: lists.length,
    duration,
    workers: 1,
    setupClient: ROTATE,
  });
  return throughputOf(result, 'POST /api/evaluations/:id/submit');
}

async function bareLoad(url: string, body: string, connections: number, duration: number) {
  const result = await autocannon({
    url: `${url}/api/evaluations/00000000-0000-7000-8000-000000000000/submit`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration,
    workers: 1,
  });
  return throughputOf(result, 'bare Fastify POST');
}

async function benchSubmit(
  kind: EngineKind,
  p: Prepared,
  cycleId: string,
  options: BenchOptions,
): Promise<Row[]> {
  const { server, pool } = p;
  const { connections, durationSeconds, warmupSeconds } = options.load;
  const slice = durationSeconds / options.rounds;
  const perConnection = (s: number) => Math.ceil((CAPACITY[kind] * s) / connections) + 10;
  const sliceSeconds = [warmupSeconds, ...Array.from({ length: options.rounds }, () => slice)].filter(
    (s) => s > 0,
  );
  const needed = 1 + sliceSeconds.reduce((n, s) => n + perConnection(s) * connections, 0);
  const t0 = performance.now();
  const accounts = await signedInDrafts(pool, server.tenant.tenantId, cycleId, needed);
  progress(
    `evaluations (${kind}): ${accounts.length} accounts with sessions, one per draft, in ${seconds(t0).toFixed(1)} s`,
  );
  // The accounts and their grants are new since the last ANALYZE: plans made on the old statistics
  // would read every grant of the city for each step (autovacuum would catch up within a minute).
  await pool.query('ANALYZE app_user, role_grant, user_session');
  const body = (version: number) =>
    JSON.stringify({ scores: SUBMIT_SCORES, comment: 'Hoàn thành các nhiệm vụ đã đăng ký.', version });
  const request = (a: (typeof accounts)[number]): RequestSpec => ({
    method: 'POST',
    path: `/api/evaluations/${a.evaluationId}/submit`,
    headers: a.headers,
    body: body(a.version),
  });
  // One submit first: the answer must be 200, and bare Fastify will answer its body.
  const first = accounts.shift()!;
  const probe = await fetch(`${server.baseUrl}/api/evaluations/${first.evaluationId}/submit`, {
    method: 'POST',
    headers: first.headers,
    body: body(first.version),
  });
  const answer = await probe.text();
  if (probe.status !== 200)
    throw new BenchFailure(`submit answered ${probe.status}: ${answer.slice(0, 400)}`);
  progress(`evaluations (${kind}): a submit answers ${Buffer.byteLength(answer)} bytes`);
  let next = 0;
  const listsFor = (s: number) =>
    Array.from({ length: connections }, () =>
      Array.from({ length: perConnection(s) }, () => request(accounts[next++]!)),
    );
  const file = path.join(os.tmpdir(), `canbo-bench-submit-${process.pid}.json`);
  const bare = await startBare(answer);
  const slices: Record<'bare' | 'canbo', Throughput[]> = { bare: [], canbo: [] };
  try {
    if (warmupSeconds > 0) {
      await bareLoad(bare.url, body(1), connections, warmupSeconds);
      await submitLoad(server.baseUrl, listsFor(warmupSeconds), warmupSeconds, file);
    }
    server.takeResponseTimes();
    for (let round = 0; round < options.rounds; round++) {
      slices.bare.push(await bareLoad(bare.url, body(1), connections, slice));
      const backends = kind === 'postgres' ? sampleBackends(pool) : null;
      const profile = round === 0 ? process.env.BENCH_PROFILE : undefined;
      slices.canbo.push(
        await profiled(profile, () => submitLoad(server.baseUrl, listsFor(slice), slice, file)),
      );
      if (backends)
        progress(`evaluations (${kind}): backends during the submits, on average: ${await backends.stop()}`);
    }
  } finally {
    await bare.close();
    fs.rmSync(file, { force: true });
  }
  const canbo = pooled(slices.canbo);
  const bareT = pooled(slices.bare);
  // Inside the server, all slices together: what the clients wait beyond it is the socket and the
  // server's thread being busy (or, on a shared machine, waiting for a CPU).
  const inside = server.takeResponseTimes();
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM evaluation WHERE tenant_id = $1 AND cycle_id = $2 AND state = 'selfAssessed'`,
    [server.tenant.tenantId, cycleId],
  );
  progress(
    `evaluations (${kind}): submit ${canbo.perSecond.toFixed(0)} req/s, p50 ${canbo.p50.toFixed(1)} ms, p99 ${canbo.p99.toFixed(1)} ms; ` +
      `bare Fastify ${bareT.perSecond.toFixed(0)} req/s, p99 ${bareT.p99.toFixed(1)} ms; ${rows[0]!.n} evaluations now self-assessed; ` +
      `inside the server (its response times) p50 ${percentile(inside, 50).toFixed(1)} ms, p99 ${percentile(inside, 99).toFixed(1)} ms`,
  );
  const name = `${kind} city: POST /api/evaluations/:id/submit, ${connections} clients, each a different draft`;
  const pg = kind === 'postgres';
  return [
    row(
      name,
      canbo.perSecond,
      'req/s',
      { label: 'bare Fastify, same body', value: bareT.perSecond, unit: 'req/s' },
      pg ? { kind: 'value-at-least', min: SUBMIT_GOAL_RPS } : undefined,
    ),
    row(
      `${name} p99`,
      canbo.p99,
      'ms',
      { label: 'bare Fastify p99', value: bareT.p99, unit: 'ms' },
      pg ? { kind: 'value-at-most', max: SUBMIT_GOAL_P99_MS } : undefined,
    ),
  ];
}

async function benchMonitor(
  kind: EngineKind,
  p: Prepared,
  cycleId: string,
  options: BenchOptions,
): Promise<Row[]> {
  const { server, pool } = p;
  const csrf = await fetchCsrf(server.baseUrl);
  const session = await signIn(server.baseUrl, csrf, 'tochuc', DEMO_PASSWORD);
  const count = options.quick ? 20 : 40;
  const url = `${server.baseUrl}/api/cycles/${cycleId}/monitor`;
  const m = await latencyPair(pool, url, { cookie: `${session}; ${csrf.cookie}` }, count);
  progress(
    `evaluations (${kind}): monitor p50 ${m.p50.toFixed(1)} ms, p95 ${m.p95.toFixed(1)} ms; replay of ${m.statements} SELECTs ` +
      `p50 ${m.rawP50.toFixed(1)} ms, p95 ${m.rawP95.toFixed(1)} ms (${m.left} other statements left out)`,
  );
  return [
    row(
      `${kind} city: GET /api/cycles/:id/monitor, city root as officer, p95 of ${count}`,
      m.p95,
      'ms',
      { label: `its ${m.statements} SELECTs via pool.query p95`, value: m.rawP95, unit: 'ms' },
      kind === 'postgres' ? { kind: 'value-at-most', max: MONITOR_GOAL_MS } : undefined,
    ),
  ];
}

/** Everything on one engine, in a database of its own. */
async function benchEngine(bench: BenchDatabase, options: BenchOptions): Promise<Row[]> {
  const p = await prepare(bench);
  try {
    const today = todayInVietnam();
    const rows = options.submitOnly ? [] : await benchClose(bench.kind, p, monthStart(today, -1));
    const t0 = performance.now();
    const current = await openMonthCycle(p.server, p.fw.id, monthStart(today, 0));
    progress(
      `evaluations (${bench.kind}): current month opened with ${current.enrolled} drafts in ${seconds(t0).toFixed(1)} s`,
    );
    await p.pool.query('VACUUM ANALYZE');
    // The setup wrote gigabytes of WAL in seconds (filling and closing a month, opening the next);
    // a checkpoint now, rather than one triggered mid-load, measures the submits in a steady state.
    if (bench.kind === 'postgres') await p.pool.query('CHECKPOINT');
    rows.push(...(await benchSubmit(bench.kind, p, current.id, options)));
    rows.push(...(await benchMonitor(bench.kind, p, current.id, options)));
    return rows;
  } catch (error) {
    const logged = p.server.lastError();
    if (logged && error instanceof Error) error.message += `\n  the server logged: ${logged}`;
    throw error;
  } finally {
    await p.server.close();
  }
}

export const benchEvaluations: BenchPart = (engines, options, track) =>
  onEachEngine('evaluations', engines, (bench) => benchEngine(bench, options), track);

if (isMain(import.meta.url))
  runAlone(benchEvaluations, new URL('./results/evaluations.json', import.meta.url));
