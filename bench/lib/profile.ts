import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * A CPU profile of this process (the server's thread) while `work` runs, written to `file` when
 * BENCH_PROFILE names one (open it in Chrome's DevTools, Performance tab). Without it, just runs `work`.
 */
export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
