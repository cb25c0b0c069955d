/**
 * canbo's benchmarks, one run: for each engine (PGlite always, PostgreSQL when
 * BENCH_DATABASE_URL or DATABASE_URL names a server) the real app is built in this process,
 * loaded over HTTP, and every figure is set against a baseline measured in the same run.
 *
 *   npm run bench [-- --quick] [--city] [--evaluations] [--votes] [--annual]
 *
 * --city (PostgreSQL only, off by default: seeding takes ~30–60 s) adds city.bench.ts.
 * --evaluations (off by default: several minutes per engine) adds evaluations.bench.ts, a month of
 * evaluations on the city dataset, on PGlite and on PostgreSQL when it is set.
 * --reports (off by default: several minutes per engine) adds reports.bench.ts, the control dashboard's
 * panels and the year-end report of the city root end to end over HTTP (.docx, .xlsx, PDF) on the city
 * dataset with 12 months of results, on PGlite and on PostgreSQL when it is set.
 * --annual (off by default: several minutes per engine) adds annual.bench.ts, the annual roll-up and
 * proposal for the city from 12 months of results, on PGlite and on PostgreSQL when it is set.
 */
import os from 'node:os';
import { benchAnnual } from './annual.bench';
import { benchSignIn } from './auth.bench';
import { benchCity } from './city.bench';
import { benchEvaluations } from './evaluations.bench';
import { BENCH_PASSWORD, buildOrganisation, startCanbo } from './lib/canbo';
import type { BenchPart, Track } from './lib/engine-runs';
import {
  type BenchDatabase,
  checkPostgres,
  openPglite,
  openPostgres,
  postgresUrlFromEnv,
} from './lib/engines';
import { BenchFailure } from './lib/failure';
import { type BenchOptions, parseArgs, progress } from './lib/options';
import { formatTable, goalMet, type Row, writeResults } from './lib/report';
import { fetchCsrf, signIn } from './lib/session-client';
import { benchReports } from './reports.bench';
import { benchUnitRead } from './units.bench';
import { benchVotes } from './votes.bench';

const RESULTS_FILE = new URL('./results/latest.json', import.meta.url);

/** The database being measured, so that an interrupted run still drops what it created. */
let current: BenchDatabase | null = null;
const track: Track = (bench) => {
  current = bench;
};

async function benchEngine(open: () => Promise<BenchDatabase>, options: BenchOptions): Promise<Row[]> {
  const bench = await open();
  current = bench;
  try {
    progress(`${bench.kind} (${bench.version}): migrating, building the unit tree and the staff accounts`);
    const server = await startCanbo(bench);
    try {
      const org = await buildOrganisation(server, options.signInConcurrency);
      progress(`${org.unitCount + 1} units; ${org.staff.length} staff members granted on one district`);
      const cookie = await signIn(
        server.baseUrl,
        await fetchCsrf(server.baseUrl),
        org.staff[0]!,
        BENCH_PASSWORD,
      );
      const rows = await benchUnitRead(bench.kind, server, bench.database.pool, org, cookie, options);
      rows.push(...(await benchSignIn(bench.kind, server, org, options)));
      return rows;
    } catch (error) {
      const logged = server.lastError();
      if (logged && error instanceof Error) error.message += `\n  the server logged: ${logged}`;
      throw error;
    } finally {
      await server.close();
    }
  } finally {
    current = null;
    await bench.close();
  }
}

/** The 1-minute load average shows whether other work shared the CPUs with the run. */
function machine(): string {
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  const load = os.loadavg()[0]!.toFixed(1);
  return `Node ${process.version}, ${os.availableParallelism()} CPUs, ${gib} GiB RAM, load average ${load}`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const postgresUrl = postgresUrlFromEnv();
  const engines: Array<() => Promise<BenchDatabase>> = [openPglite];
  if (postgresUrl) {
    await checkPostgres(postgresUrl);
    engines.push(() => openPostgres(postgresUrl));
  }
  const { connections, durationSeconds } = options.load;
  progress(
    `${machine()}; ${connections} connections, ${durationSeconds} s per HTTP subject in ${options.rounds} ` +
      `alternating slice(s); ~${options.signIns} sign-ins per run` +
      (postgresUrl ? '' : '; PostgreSQL skipped (set BENCH_DATABASE_URL)'),
  );

  const rows: Row[] = [];
  for (const open of engines) rows.push(...(await benchEngine(open, options)));
  if (options.city) {
    if (postgresUrl) {
      rows.push(...(await benchCity(postgresUrl, options, track)));
    } else progress('--city skipped: it runs on PostgreSQL only (set BENCH_DATABASE_URL)');
  }
  // The parts on both engines, in this order, each asked for by its option.
  const parts: Array<[boolean, BenchPart]> = [
    [options.evaluations, benchEvaluations],
    [options.votes, benchVotes],
    [options.annual, benchAnnual],
    [options.reports, benchReports],
  ];
  for (const [asked, part] of parts) {
    if (asked) rows.push(...(await part({ pglite: true, postgresUrl }, options, track)));
  }

  console.log(`\n${machine()}${options.quick ? ', --quick' : ''}\n`);
  console.log(formatTable(rows));
  await writeResults(rows, RESULTS_FILE);
  const missed = rows.filter((r) => goalMet(r) === false).map((r) => r.name);
  console.log(`\n${rows.length} results written to bench/results/latest.json`);
  if (missed.length) console.log(`goals missed: ${missed.join('; ')}`);
}

process.once('SIGINT', () => {
  progress('interrupted, cleaning up');
  const closing = current?.close() ?? Promise.resolve();
  closing.finally(() => process.exit(130));
});

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`bench failed: ${message}`);
  if (error instanceof Error && !(error instanceof BenchFailure) && error.stack) {
    console.error(error.stack.split('\n').slice(1, 8).join('\n'));
  }
  process.exitCode = 1;
});
