import { BenchFailure } from './failure';
import type { LoadOptions } from './load';

export interface BenchOptions {
  quick: boolean;
  load: LoadOptions;
  /**
   * Each subject and its baseline are measured in this many alternating slices (subject, baseline,
   * subject, …) and pooled, so that a burst of other work on the machine hits both alike.
   */
  rounds: number;
  /** Sign-ins per run (sequential, and again spread over the concurrent lanes). */
  signIns: number;
  signInConcurrency: number;
  /** Also seed the city dataset on PostgreSQL and measure it (bench/city.bench.ts); ~30–60 s of seeding. */
  city: boolean;
  /** Also run bench/evaluations.bench.ts: a month of evaluations on the city dataset (minutes). */
  evaluations: boolean;
  /** Also run bench/votes.bench.ts: 500 voters casting ballots at once, per engine. */
  votes: boolean;
  /** Also run bench/annual.bench.ts: the annual roll-up of the city from 12 months of results (minutes). */
  annual: boolean;
  /** Also run bench/reports.bench.ts: dashboard panels and the year-end report of the city root (minutes). */
  reports: boolean;
  /** Evaluations only: skip the cycle close and measure the submit and the monitor (a faster iteration). */
  submitOnly: boolean;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  const known = new Set([
    '--quick',
    '--city',
    '--evaluations',
    '--votes',
    '--annual',
    '--reports',
    '--submit-only',
  ]);
  const unknown = argv.filter((a) => !known.has(a));
  if (unknown.length) {
    throw new BenchFailure(
      `unknown argument ${unknown.join(' ')} (usage: npm run bench [-- --quick] [--city] [--evaluations] [--votes] [--annual] [--reports])`,
    );
  }
  const quick = argv.includes('--quick');
  return {
    quick,
    load: quick
      ? { connections: 50, durationSeconds: 3, warmupSeconds: 1 }
      : { connections: 50, durationSeconds: 10, warmupSeconds: 2 },
    rounds: quick ? 1 : 5,
    signIns: quick ? 40 : 100,
    signInConcurrency: 8,
    city: argv.includes('--city'),
    evaluations: argv.includes('--evaluations'),
    votes: argv.includes('--votes'),
    annual: argv.includes('--annual'),
    reports: argv.includes('--reports'),
    submitOnly: argv.includes('--submit-only'),
  };
}

/** Progress goes to stderr; stdout carries the result table only. */
export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
