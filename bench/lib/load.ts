import autocannon from 'autocannon';
import { BenchFailure } from './failure';
import { summarise } from './stats';

export interface LoadOptions {
  connections: number;
  durationSeconds: number;
  /** A short unmeasured run first, so that both sides are warm (JIT, pools, caches). */
  warmupSeconds: number;
}

export interface Throughput {
  /** Requests (or operations) per second over the measured run. */
  perSecond: number;
  p50: number;
  p99: number;
  total: number;
}

/**
 * HTTP load with autocannon. The load runs in one worker thread, so the client does not share
 * the event loop of the server under test (both live in this process).
 */
export async function httpLoad(
  url: string,
  headers: Record<string, string>,
  options: LoadOptions,
): Promise<Throughput> {
  const run = (duration: number) =>
    autocannon({ url, headers, connections: options.connections, duration, workers: 1 });
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const result = await run(options.durationSeconds);
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) {
    throw new BenchFailure(
      `${url}: ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts out of ${result['2xx'] + failed} requests`,
    );
  }
  return {
    perSecond: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result['2xx'],
  };
}

/** The same measurement for an in-process operation: `concurrency` loops calling `operation` until time is up. */
export async function operationLoad(
  operation: () => Promise<void>,
  options: LoadOptions,
): Promise<Throughput> {
  const run = async (seconds: number) => {
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
    await Promise.all(Array.from({ length: options.connections }, loop));
    return { latencies, elapsedMs: performance.now() - start };
  };
  if (options.warmupSeconds > 0) await run(options.warmupSeconds);
  const { latencies, elapsedMs } = await run(options.durationSeconds);
  const { p50, p99, count } = summarise(latencies);
  return { perSecond: count / (elapsedMs / 1000), p50, p99, total: count };
}
