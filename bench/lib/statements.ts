/**
 * The raw-SQL replay baseline of a read endpoint (as bench/city.bench.ts does it): the statements one
 * request sends are recorded from the pool, then the request and the replay of its SELECTs alternate,
 * so that other load on the machine falls on both alike.
 */
import type { BenchDatabase } from './engines';
import { BenchFailure } from './failure';
import { percentile } from './stats';

type Pool = BenchDatabase['database']['pool'];
export type Statement = { sql: string; values: unknown[] };

/** Wraps query() of every client the pool hands out (Kysely calls client.query(sql, parameters)). */
export function statementRecorder(pool: Pool) {
  let sink: Statement[] | null = null;
  const wrapped = new WeakSet<object>();
  const onAcquire = (client: { query: (...args: unknown[]) => unknown }) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      if (sink && typeof args[0] === 'string') {
        sink.push({ sql: args[0], values: Array.isArray(args[1]) ? [...args[1]] : [] });
      }
      return original(...args);
    };
  };
  pool.on('acquire', onAcquire as never);
  return {
    async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: Statement[] }> {
      const statements: Statement[] = [];
      sink = statements;
      try {
        return { result: await work(), statements };
      } finally {
        sink = null;
      }
    },
    stop: () => pool.off('acquire', onAcquire as never),
  };
}

/** Reads only: session touches and other writes are left out of the replay. */
export const isRead = (s: Statement) =>
  /^\s*(select|with)\b/i.test(s.sql) && !/\b(insert|update|delete)\b/i.test(s.sql);

export async function getOk(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!response.ok) throw new BenchFailure(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
  return body;
}

export interface LatencyPair {
  p50: number;
  p95: number;
  rawP50: number;
  rawP95: number;
  /** SELECTs replayed per request. */
  statements: number;
  left: number;
}

/** `count` sequential requests of `url`, each followed by the replay of the SELECTs it ran. */
export async function latencyPair(
  pool: Pool,
  url: string,
  headers: Record<string, string>,
  count: number,
): Promise<LatencyPair> {
  const recorder = statementRecorder(pool);
  let recorded: Statement[];
  try {
    recorded = (await recorder.record(() => getOk(url, headers))).statements;
  } finally {
    recorder.stop();
  }
  const reads = recorded.filter(isRead);
  const app: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < count; i++) {
    let t0 = performance.now();
    await getOk(url, headers);
    app.push(performance.now() - t0);
    t0 = performance.now();
    for (const s of reads) await pool.query(s.sql, s.values);
    raw.push(performance.now() - t0);
  }
  return {
    p50: percentile(app, 50),
    p95: percentile(app, 95),
    rawP50: percentile(raw, 50),
    rawP95: percentile(raw, 95),
    statements: reads.length,
    left: recorded.length - reads.length,
  };
}

/** Median duration (ms) of `tries` runs of one statement, after one untimed run. */
export async function timeStatement(pool: Pool, s: Statement, tries = 3): Promise<number> {
  await pool.query(s.sql, s.values);
  const times: number[] = [];
  for (let i = 0; i < tries; i++) {
    const t0 = performance.now();
    await pool.query(s.sql, s.values);
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/** The read statement that takes longest alone (median of `tries`), with its median in ms. */
export async function heaviestStatement(
  pool: Pool,
  statements: readonly Statement[],
  tries = 3,
): Promise<{ statement: Statement; ms: number }> {
  const reads = statements.filter(isRead);
  if (reads.length === 0) throw new BenchFailure('no SELECT was recorded');
  let best = { statement: reads[0]!, ms: -1 };
  for (const s of reads) {
    const ms = await timeStatement(pool, s, tries);
    if (ms > best.ms) best = { statement: s, ms };
  }
  return best;
}

/** One line of SQL for a log: whitespace folded, cut at `max` characters. */
export const sqlLine = (sql: string, max = 160) => {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max)}…` : line;
};
