import autocannon from 'autocannon';
import { BenchFailure } from './failure';
import { percentile, summarise } from './stats';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** A short unmeasured run first, so that both sides are warm (JIT, pools, caches). */
  warmupSeconds: number;
}

export interface Throughput {
  /** Requests (or operations) per second over the measured time. */
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
  seconds: number;
}

/** Pools slices of one subject: counts and time add up; latency percentiles are the slices' medians. */
export function pooled(slices: readonly Throughput[]): Throughput {
  const total = slices.reduce((sum, s) => sum + s.total, 0);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  return {
    perSecond: seconds > 0 ? total / seconds : 0,
    p50: percentile(
      slices.map((s) => s.p50),
      50,
    ),
    p99: percentile(
      slices.map((s) => s.p99),
      50,
    ),
    total,
    seconds,
  };
}

/** What an HTTP run loads: one URL with fixed headers. */
export type HttpSubject = { url: string; headers: Record<string, string> };

/**
 * HTTP load with autocannon. The load runs in one worker thread, so the client does not share
 * the event loop of the server under test (both live in this process). Any non-2xx answer,
 * error or timeout fails the benchmark: a fast error page measures nothing.
 */
export async function httpLoad(
  subject: HttpSubject,
  connections: number,
  seconds: number,
): Promise<Throughput> {
  const result = await autocannon({
    url: subject.url,
    headers: subject.headers,
    connections,
    duration: seconds,
    workers: 1,
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) {
    throw new BenchFailure(
      `${subject.url}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts out of ${result['2xx'] + failed} requests`,
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

/** The same measurement in-process: `concurrency` loops calling `operation` until time is up. */
export async function operationLoad(
  operation: () => Promise<void>,
  concurrency: number,
  seconds: number,
): Promise<Throughput> {
  const latencies: number[] = [];
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t = performance.now();
      await operation();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  const { p50, p99, count } = summarise(latencies);
  return { perSecond: count / elapsed, p50, p99, total: count, seconds: elapsed };
}
