/** Nearest-rank percentile of a list of samples (not mutated); 0 for an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Latencies {
  p50: number;
  p99: number;
  count: number;
}

export function summarise(samplesMs: readonly number[]): Latencies {
  return { p50: percentile(samplesMs, 50), p99: percentile(samplesMs, 99), count: samplesMs.length };
}

/**
 * Runs `task` `times` times in `concurrency` lanes (each lane waits for its previous run) and
 * collects the durations, in ms, that each run reports. `task` gets its lane number, e.g. to pick
 * the lane's own user.
 */
export async function inLanes(
  times: number,
  concurrency: number,
  task: (lane: number) => Promise<number>,
): Promise<number[]> {
  const durations: number[] = [];
  let started = 0;
  async function lane(id: number) {
    while (started < times) {
      started++;
      durations.push(await task(id));
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, times) }, (_, id) => lane(id)));
  return durations;
}

/** Like inLanes, timing each whole run of `task`. */
export function timed(
  times: number,
  concurrency: number,
  task: (lane: number) => Promise<void>,
): Promise<number[]> {
  return inLanes(times, concurrency, async (lane) => {
    const start = performance.now();
    await task(lane);
    return performance.now() - start;
  });
}
