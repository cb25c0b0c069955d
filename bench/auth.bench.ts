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

const describe = (l: Latencies) => `p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms over ${l.count}`;

/**
 * POST /api/auth/sign-in over HTTP, timing the sign-in request alone (its CSRF token is fetched
 * just before, untimed). Each concurrent lane signs in as its own staff member, as a morning rush
 * of different people would. The baseline is the floor of any sign-in: argon2id verification of a
 * stored hash with the app's parameters, measured alone and with as many verifications at a time.
 * Sign-ins and verifications alternate in rounds and their samples are pooled.
 */
export async function benchSignIn(
  engine: EngineKind,
  server: CanboServer,
  org: Organisation,
  options: BenchOptions,
): Promise<Row[]> {
  const stored = await hashPassword(BENCH_PASSWORD);
  const verify = async () => {
    if (!(await verifyPassword(stored, BENCH_PASSWORD))) throw new BenchFailure('argon2 verification failed');
  };
  const signInOnce = async (lane: number) => {
    const csrf = await fetchCsrf(server.baseUrl);
    const start = performance.now();
    await signIn(server.baseUrl, csrf, org.staff[lane % org.staff.length]!, BENCH_PASSWORD);
    return performance.now() - start;
  };
  await timed(5, 1, verify);
  await inLanes(5, 1, signInOnce);

  const lanes = options.signInConcurrency;
  const sequentialPerRound = Math.ceil(options.signIns / options.rounds);
  const concurrentPerRound = Math.ceil(sequentialPerRound / lanes) * lanes;
  const samples = {
    verify: [] as number[],
    signIn: [] as number[],
    verifyMany: [] as number[],
    signInMany: [] as number[],
  };
  for (let round = 0; round < options.rounds; round++) {
    samples.verify.push(...(await timed(sequentialPerRound, 1, verify)));
    samples.signIn.push(...(await inLanes(sequentialPerRound, 1, signInOnce)));
    samples.verifyMany.push(...(await timed(concurrentPerRound, lanes, verify)));
    samples.signInMany.push(...(await inLanes(concurrentPerRound, lanes, signInOnce)));
  }
  const verifyAlone = summarise(samples.verify);
  const signInAlone = summarise(samples.signIn);
  const verifyMany = summarise(samples.verifyMany);
  const signInMany = summarise(samples.signInMany);
  progress(`argon2 verify:          ${describe(verifyAlone)}; ${lanes} at a time ${describe(verifyMany)}`);
  progress(`sign-in sequential:     ${describe(signInAlone)}`);
  progress(`sign-in ${lanes} concurrent:   ${describe(signInMany)}`);

  const goal = { kind: 'value-at-most', max: SIGN_IN_P99_GOAL_MS } as const;
  const many = `${lanes} concurrent`;
  const ms = (label: string, value: number) => ({ label, value, unit: 'ms' });
  return [
    row(`${engine} sign-in p50 sequential`, signInAlone.p50, 'ms', ms('argon2 verify p50', verifyAlone.p50)),
    row(
      `${engine} sign-in p99 sequential`,
      signInAlone.p99,
      'ms',
      ms('argon2 verify p99', verifyAlone.p99),
      goal,
    ),
    row(
      `${engine} sign-in p50 ${many}`,
      signInMany.p50,
      'ms',
      ms(`argon2 verify p50, ${many}`, verifyMany.p50),
    ),
    row(
      `${engine} sign-in p99 ${many}`,
      signInMany.p99,
      'ms',
      ms(`argon2 verify p99, ${many}`, verifyMany.p99),
      goal,
    ),
  ];
}
