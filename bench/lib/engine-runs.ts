import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { type BenchDatabase, checkPostgres, openPglite, openPostgres, postgresUrlFromEnv } from './engines';
import { BenchFailure } from './failure';
import { type BenchOptions, parseArgs, progress } from './options';
import { formatTable, type Row, writeResults } from './report';

export interface BenchEngines {
  pglite: boolean;
  postgresUrl: string | null;
}

/** Told of the database being measured (null once it is closed), so that Ctrl-C can drop it. */
export type Track = (bench: BenchDatabase | null) => void;

/** A part of the benchmark: its rows for the engines asked for. */
export type BenchPart = (engines: BenchEngines, options: BenchOptions, track?: Track) => Promise<Row[]>;

/**
 * Runs `measure` on a fresh database of each engine asked for, one after the other (PGlite first
 * unless `postgresFirst`), each closed, and on PostgreSQL dropped, afterwards, also on failure.
 */
export async function onEachEngine(
  part: string,
  engines: BenchEngines & { postgresFirst?: boolean },
  measure: (bench: BenchDatabase) => Promise<Row[]>,
  track: Track = () => {},
): Promise<Row[]> {
  const opens: Array<() => Promise<BenchDatabase>> = [];
  if (engines.pglite) opens.push(openPglite);
  const { postgresUrl } = engines;
  if (postgresUrl) opens[engines.postgresFirst ? 'unshift' : 'push'](() => openPostgres(postgresUrl));
  const rows: Row[] = [];
  for (const open of opens) {
    const bench = await open();
    track(bench);
    try {
      progress(`${part}: ${bench.version}, load average ${loadAverage()}`);
      rows.push(...(await measure(bench)));
    } finally {
      track(null);
      await bench.close();
    }
  }
  return rows;
}

function loadAverage(): string {
  return os.loadavg()[0]!.toFixed(1);
}

/** Whether the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl: string): boolean {
  return Boolean(process.argv[1] && fileURLToPath(moduleUrl) === fs.realpathSync(process.argv[1]));
}

/**
 * One part run on its own from the command line: `[--quick] [--postgres-only | --pglite-only]`,
 * the table on stdout and the rows in `results`. Ctrl-C drops the database being measured.
 */
export function runAlone(run: BenchPart, results: URL): void {
  main(run, results).catch((error: unknown) => {
    const cause =
      error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
    console.error(
      error instanceof Error ? error.message : error,
      cause ? `(${cause.code}: ${cause.message})` : '',
    );
    process.exit(1);
  });
}

async function main(run: BenchPart, results: URL): Promise<void> {
  const argv = process.argv.slice(2);
  const only = new Set(['--postgres-only', '--pglite-only']);
  const options = parseArgs(argv.filter((a) => !only.has(a)));
  const url = argv.includes('--pglite-only') ? null : postgresUrlFromEnv();
  if (url) await checkPostgres(url);
  else if (argv.includes('--postgres-only'))
    throw new BenchFailure('set BENCH_DATABASE_URL to a PostgreSQL server');
  progress(`${os.availableParallelism()} CPUs, load average ${loadAverage()}`);
  let current: BenchDatabase | null = null;
  process.once('SIGINT', () => {
    progress('interrupted, cleaning up');
    (current?.close() ?? Promise.resolve()).finally(() => process.exit(130));
  });
  const rows = await run({ pglite: !argv.includes('--postgres-only'), postgresUrl: url }, options, (b) => {
    current = b;
  });
  console.log(`\nload average at the end ${loadAverage()}\n`);
  console.log(formatTable(rows));
  await writeResults(rows, results);
}
