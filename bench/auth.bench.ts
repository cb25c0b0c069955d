import type { EngineKind } from '@canbo/server/src/db/engine';
import { hashPassword, verifyPassword } from '@canbo/server/src/modules/auth/passwords';
import { BENCH_PASSWORD, type CanboServer, type Organisation } from './lib/canbo';
import { BenchFailure } from './lib/failure';
import { type BenchOptions, progress } from './lib/options';
import { type Row, row } from './lib/report';
import { fetchCsrf, signIn } from './lib/session-client';
import { inLanes, type Latencies, summarise, timed } from './lib/stats';

/** Sign-in p99 must stay at or under this, alone and with a burst of concurrent sign-ins. */
export const SIGN_IN_P99_GOAL_MS = 300;

export interface Argon2Timings {
  sequential: Latencies;
  concurrent: Latencies;
}

const describe = (l: Latencies) => `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms over ${l.count}`;

/** The floor of a sign-in: argon2id verification of the stored hash, with the app's parameters. */
export async function measureArgon2(options: BenchOptions): Promise<Argon2Timings> {
  const stored = await hashPassword(BENCH_PASSWORD);
  const verify = async () => {
    if (!(await verifyPassword(stored, BENCH_PASSWORD))) throw new BenchFailure('argon2 verification failed');
  };
  await timed(5, 1, verify);
  const sequential = summarise(await timed(options.signIns, 1, verify));
  const concurrent = summarise(await timed(options.signIns, options.signInConcurrency, verify));
  progress(
    `argon2 verify:          ${describe(sequential)} sequential; ${describe(concurrent)} ${options.signInConcurrency} at a time`,
  );
  return { sequential, concurrent };
}

/**
 * POST /api/auth/sign-in over HTTP, timing the sign-in request alone (its CSRF token is fetched
 * just before, untimed). Each concurrent lane signs in as its own staff member, as a morning
 * rush of different people would.
 */
export async function benchSignIn(
  engine: EngineKind,
  server: CanboServer,
  org: Organisation,
  argon2: Argon2Timings,
  options: BenchOptions,
): Promise<Row[]> {
  const once = async (lane: number) => {
    const csrf = await fetchCsrf(server.baseUrl);
    const start = performance.now();
    await signIn(server.baseUrl, csrf, org.staff[lane % org.staff.length]!, BENCH_PASSWORD);
    return performance.now() - start;
  };
  await inLanes(3, 1, once);
  const sequential = summarise(await inLanes(options.signIns, 1, once));
  progress(`sign-in sequential:     ${describe(sequential)}`);
  const concurrent = summarise(await inLanes(options.signIns, options.signInConcurrency, once));
  progress(`sign-in ${options.signInConcurrency} concurrent:     ${describe(concurrent)}`);

  const goal = { kind: 'value-at-most', max: SIGN_IN_P99_GOAL_MS } as const;
  const lanes = `${options.signInConcurrency} concurrent`;
  const a = argon2;
  return [
    row(`${engine} sign-in p50 sequential`, sequential.p50, 'ms', {
      label: 'argon2 verify p50',
      value: a.sequential.p50,
      unit: 'ms',
    }),
    row(
      `${engine} sign-in p99 sequential`,
      sequential.p99,
      'ms',
      { label: 'argon2 verify p99', value: a.sequential.p99, unit: 'ms' },
      goal,
    ),
    row(`${engine} sign-in p50 ${lanes}`, concurrent.p50, 'ms', {
      label: `argon2 verify p50, ${lanes}`,
      value: a.concurrent.p50,
      unit: 'ms',
    }),
    row(
      `${engine} sign-in p99 ${lanes}`,
      concurrent.p99,
      'ms',
      { label: `argon2 verify p99, ${lanes}`, value: a.concurrent.p99, unit: 'ms' },
      goal,
    ),
  ];
}
