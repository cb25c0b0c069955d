/**
 * The year-end report of reports.bench.ts: the heaviest indicator of the registry (its raw SQL is the
 * baseline) and the report built end to end over HTTP, as the web app asks for it.
 */
import type { ReportRunView } from '@canbo/domain';
import { DEFAULT_AGE_BANDS } from '@canbo/server/src/modules/reports/indicators/parameters';
import { INDICATORS } from '@canbo/server/src/modules/reports/indicators/registry';
import { resolveSubtree } from '@canbo/server/src/modules/reports/indicators/subtree';
import type { CanboServer } from './canbo';
import type { CityYear } from './city-year';
import type { BenchDatabase } from './engines';
import { BenchFailure } from './failure';
import { progress } from './options';
import { explainAnalyze } from './panel-latency';
import { heaviestStatement, isRead, type Statement, sqlLine, statementRecorder } from './statements';
import { percentile } from './stats';

type Pool = BenchDatabase['database']['pool'];
const seconds = (t0: number) => (performance.now() - t0) / 1000;
const REPORT_TIMEOUT_S = 600;

export interface HeaviestIndicator {
  id: string;
  /** Indicators in the registry. */
  count: number;
  /** The heaviest one through its computation, median of 3 (s). */
  seconds: number;
  /** Its read statements replayed with pool.query, median of 3 (s). */
  rawSeconds: number;
  reads: number;
  /** Every indicator computed once in turn (s). */
  allSeconds: number;
}

/** Every indicator of the registry for the root and the year; the slowest one's SQL is replayed. */
export async function heaviestIndicator(
  server: CanboServer,
  pool: Pool,
  city: CityYear,
  label: string,
): Promise<HeaviestIndicator> {
  const { db, tenantId } = server.ctx;
  const root = await db
    .selectFrom('org_unit')
    .select(['id', 'path'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', server.tenant.rootUnitId)
    .executeTakeFirstOrThrow();
  const from = `${city.year}-01-01`;
  const to = `${city.year}-12-31`;
  const input = async () => ({
    db,
    tenantId,
    subtree: await resolveSubtree(db, tenantId, root),
    from,
    to,
    asOf: to,
    bands: DEFAULT_AGE_BANDS,
  });
  const recorder = statementRecorder(pool);
  const timings: Array<{ id: string; ms: number; statements: Statement[] }> = [];
  let allMs = 0;
  try {
    for (const indicator of INDICATORS) {
      const t0 = performance.now();
      const { statements } = await recorder.record(async () => indicator.compute(await input()));
      const first = performance.now() - t0;
      allMs += first;
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t1 = performance.now();
        await indicator.compute(await input());
        times.push(performance.now() - t1);
      }
      timings.push({ id: indicator.id, ms: percentile(times, 50), statements });
    }
  } finally {
    recorder.stop();
  }
  timings.sort((a, b) => b.ms - a.ms);
  progress(`${label}: indicators, median ms: ${timings.map((t) => `${t.id} ${t.ms.toFixed(0)}`).join(', ')}`);
  const top = timings[0]!;
  const reads = top.statements.filter(isRead);
  const { statement, ms } = await heaviestStatement(pool, reads);
  progress(
    `${label}: ${top.id}: ${reads.length} reads; heaviest ${ms.toFixed(0)} ms: ${sqlLine(statement.sql)}`,
  );
  process.stderr.write(`${await explainAnalyze(pool, statement)}\n`);
  const raw: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    for (const s of reads) await pool.query(s.sql, s.values);
    if (i > 0) raw.push(seconds(t0));
  }
  return {
    id: top.id,
    count: INDICATORS.length,
    seconds: top.ms / 1000,
    rawSeconds: percentile(raw, 50),
    reads: reads.length,
    allSeconds: allMs / 1000,
  };
}

async function call(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new BenchFailure(
      `${init.method ?? 'GET'} ${url} answered ${response.status}: ${body.slice(0, 300)}`,
    );
  }
  return response;
}

/** POST /api/reports, poll until done (every 100 ms), download the three files; timed as one. */
export async function yearEndReport(
  server: CanboServer,
  session: string,
  city: CityYear,
  label: string,
): Promise<{ seconds: number; detail: string }> {
  const base = server.baseUrl;
  const cookie = session;
  // A signed-in session checks its own CSRF token, which GET /api/auth/me gives (as the web app reads it).
  const me = (await (await call(`${base}/api/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const t0 = performance.now();
  const created = (await (
    await call(`${base}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': me.csrfToken },
      body: JSON.stringify({
        templateId: 'builtin-yearEnd',
        unitId: server.tenant.rootUnitId,
        from: `${city.year}-01-01`,
        to: `${city.year}-12-31`,
        documentNumber: '01-BC/TU',
        place: 'Hà Nội',
      }),
    })
  ).json()) as ReportRunView;
  let run = created;
  let started: number | null = null;
  while (run.state === 'queued' || run.state === 'running') {
    if (seconds(t0) > REPORT_TIMEOUT_S) throw new BenchFailure(`the report is still ${run.state}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    run = (await (
      await call(`${base}/api/reports/${run.id}`, { headers: { cookie } })
    ).json()) as ReportRunView;
    if (run.state === 'running' && started === null) started = performance.now();
  }
  if (run.state !== 'done') throw new BenchFailure(`the report run ended ${run.state}: ${run.error}`);
  const built = seconds(t0);
  const sizes: string[] = [];
  for (const format of ['docx', 'xlsx', 'pdf'] as const) {
    const bytes = await (
      await call(`${base}/api/reports/${run.id}/files/${format}`, { headers: { cookie } })
    ).arrayBuffer();
    if (bytes.byteLength === 0) throw new BenchFailure(`the ${format} file is empty`);
    sizes.push(`${format} ${(bytes.byteLength / 1024).toFixed(0)} KiB`);
  }
  const total = seconds(t0);
  const queued = started === null ? null : (started - t0) / 1000;
  const detail = `${run.sectionsTotal} sections; done after ${built.toFixed(1)} s${queued === null ? '' : `, ~${queued.toFixed(1)} s of it queued`}`;
  progress(`${label}: year-end report ${total.toFixed(2)} s: ${detail}; ${sizes.join(', ')}`);
  return { seconds: total, detail };
}
