import type { ControlDashboard } from '@canbo/domain';
import { jobHandlers } from '@canbo/server/src/jobs/handlers';
import { createWorker } from '@canbo/server/src/jobs/worker';
import { liveAggregates } from '@canbo/server/src/modules/control/control.repository';
import { DEMO_PASSWORD } from '@canbo/server/src/seed/demo';
import { type CanboServer, startCanbo } from './lib/canbo';
import { type CityYear, seedCityYear } from './lib/city-year';
import { type BenchPart, isMain, onEachEngine, runAlone } from './lib/engine-runs';
import type { BenchDatabase } from './lib/engines';
import { BenchFailure } from './lib/failure';
import { type BenchOptions, progress } from './lib/options';
import { explainAnalyze, type PanelLatency, panelLatency } from './lib/panel-latency';
import { type Row, row } from './lib/report';
import { type HeaviestIndicator, heaviestIndicator, yearEndReport } from './lib/report-run';
import { fetchCsrf, signIn } from './lib/session-client';
import { sqlLine } from './lib/statements';

const PANEL_GOAL_MS = 500;
const REPORT_GOAL_S = 10;

type Pool = BenchDatabase['database']['pool'];

interface Panel {
  name: string;
  path: string;
}

async function panels(server: CanboServer, cookie: string, cycleId: string): Promise<Panel[]> {
  const root = server.tenant.rootUnitId;
  const dashboardPath = `/api/control/dashboard?cycleId=${cycleId}&unitId=${root}&limit=200`;
  const response = await fetch(`${server.baseUrl}${dashboardPath}`, { headers: { cookie } });
  if (!response.ok) throw new BenchFailure(`GET ${dashboardPath} answered ${response.status}`);
  const dashboard = (await response.json()) as ControlDashboard;
  const top = dashboard.units[0];
  if (!top) throw new BenchFailure('the dashboard ranks no unit');
  const fired = top.signals.filter((s) => s.fired).sort((a, b) => b.weight - a.weight);
  const signal = fired[0]?.signal ?? 'topGrade';
  progress(
    `dashboard: ${dashboard.totalUnits} units, ${dashboard.kpis.flaggedUnits} flagged; top ${top.unitName} ` +
      `(${top.flags} flags, weight ${top.weight}), drill-down on ${signal}`,
  );
  return [
    { name: 'GET /api/control/dashboard (limit 200)', path: dashboardPath },
    { name: 'GET /api/control/trends', path: `/api/control/trends?cycleId=${cycleId}&unitId=${root}` },
    {
      name: `GET /api/control/units/:unitId/signals/${signal} (top-ranked unit)`,
      path: `/api/control/units/${top.unitId}/signals/${signal}?cycleId=${cycleId}&rootId=${root}`,
    },
  ];
}

function panelRows(kind: string, panel: Panel, m: PanelLatency): Row[] {
  const baseline = (p: 'p50' | 'p95' | 'p99') => ({
    label: `raw SQL of the heaviest of its ${m.reads} statements, ${p}`,
    value: m.raw[p],
    unit: 'ms',
  });
  const name = (p: string) => `${kind} city: ${panel.name} for the root, recent cycle, ${p}`;
  return [
    row(name('p50'), m.app.p50, 'ms', baseline('p50')),
    row(
      name('p95'),
      m.app.p95,
      'ms',
      baseline('p95'),
      kind === 'postgres' ? { kind: 'value-at-most', max: PANEL_GOAL_MS } : undefined,
    ),
    row(name(`p99 of ${m.samples}`), m.app.p99, 'ms', baseline('p99')),
  ];
}

async function benchPanels(
  kind: string,
  server: CanboServer,
  pool: Pool,
  cookie: string,
  city: CityYear,
  samples: number,
): Promise<Row[]> {
  const cycleId = city.cycles.at(-1)!;
  const rows: Row[] = [];
  for (const panel of await panels(server, cookie, cycleId)) {
    const label = `reports (${kind}): ${panel.name}`;
    const m = await panelLatency(pool, label, `${server.baseUrl}${panel.path}`, { cookie }, samples);
    if (m.app.p95 > PANEL_GOAL_MS) {
      progress(`${label}: p95 over ${PANEL_GOAL_MS} ms; EXPLAIN ANALYZE of ${sqlLine(m.heaviest.sql, 400)}`);
      process.stderr.write(`${await explainAnalyze(pool, m.heaviest)}\n`);
    }
    rows.push(...panelRows(kind, panel, m));
  }
  return rows;
}

/**
 * The 12 cycles were closed by bulk SQL, not through the close service: compute their stored control
 * figures as the close job would, each cycle timed. Baseline: the live computation the dashboard ran on
 * every request before the figures were stored (liveAggregates for the root and the recent cycle).
 */
async function storeFigures(kind: string, server: CanboServer, city: CityYear): Promise<Row[]> {
  const times: number[] = [];
  for (const cycleId of city.cycles) {
    const t0 = performance.now();
    await server.services.control.figures.refresh(cycleId);
    times.push((performance.now() - t0) / 1000);
  }
  const recent = times.at(-1)!;
  const all = times.reduce((a, b) => a + b, 0);
  const t0 = performance.now();
  const slice = { tenantId: server.tenant.tenantId, cycleId: city.cycles.at(-1)!, path: server.ctx.rootPath };
  await liveAggregates(server.ctx.db, slice, 3, city.year);
  const live = (performance.now() - t0) / 1000;
  progress(
    `reports (${kind}): stored control figures: recent cycle ${recent.toFixed(2)} s, all ${times.length} ` +
      `${all.toFixed(2)} s; the live computation of the root ${live.toFixed(2)} s`,
  );
  const baseline = {
    label: 'live aggregates of the root and the recent cycle (4 statements)',
    value: live,
    unit: 's',
  };
  return [
    row(
      `${kind} city: stored control figures of the recent cycle computed (results with steps)`,
      recent,
      's',
      baseline,
    ),
    row(`${kind} city: stored control figures of the ${times.length} cycles computed`, all, 's', baseline),
  ];
}

function reportRows(kind: string, heaviest: HeaviestIndicator, report: { seconds: number; detail: string }) {
  const baseline = {
    label: `raw SQL of the heaviest indicator (${heaviest.id}, ${heaviest.reads} statements)`,
    value: heaviest.rawSeconds,
    unit: 's',
  };
  return [
    row(
      `${kind} city: every indicator of the registry (${heaviest.count}) for the root and the year, computed in turn`,
      heaviest.allSeconds,
      's',
      baseline,
    ),
    row(
      `${kind} city: year-end report for the root end to end over HTTP (POST, poll, .docx + .xlsx + PDF downloaded; ${report.detail})`,
      report.seconds,
      's',
      baseline,
      kind === 'postgres' ? { kind: 'value-at-most', max: REPORT_GOAL_S } : undefined,
    ),
  ];
}

async function benchEngine(bench: BenchDatabase, options: BenchOptions): Promise<Row[]> {
  const kind = bench.kind;
  const server = await startCanbo(bench);
  const pool = bench.database.pool;
  const worker = createWorker(server.ctx.db, jobHandlers(server.services), server.ctx.logger);
  try {
    const city = await seedCityYear(server, pool, { label: `reports (${kind})`, sheetsLastMonth: true });
    worker.start();
    const csrf = await fetchCsrf(server.baseUrl);
    const session = await signIn(server.baseUrl, csrf, 'tochuc', DEMO_PASSWORD);
    // PGlite answers the dashboard several times slower: fewer samples keep its run within minutes.
    const samples = options.quick ? 10 : kind === 'postgres' ? 30 : 12;
    const rows = await storeFigures(kind, server, city);
    rows.push(...(await benchPanels(kind, server, pool, session, city, samples)));

    const heaviest = await heaviestIndicator(server, pool, city, `reports (${kind})`);
    const report = await yearEndReport(server, session, city, `reports (${kind})`);
    rows.push(...reportRows(kind, heaviest, report));
    return rows;
  } catch (error) {
    const logged = server.lastError();
    if (logged && error instanceof Error) error.message += `\n  the server logged: ${logged}`;
    throw error;
  } finally {
    await worker.stop();
    await server.close();
  }
}

export const benchReports: BenchPart = (engines, options, track) =>
  onEachEngine('reports', { ...engines, postgresFirst: true }, (bench) => benchEngine(bench, options), track);

if (isMain(import.meta.url)) runAlone(benchReports, new URL('./results/reports.json', import.meta.url));
