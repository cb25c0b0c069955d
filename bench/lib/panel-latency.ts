/**
 * Latency of one GET through the real HTTP server against the raw SQL of the heaviest statement behind
 * it: the statements one request sends are recorded (statements.ts), each read is timed alone and the
 * slowest is replayed; then requests and replays alternate, so that other load on the machine falls on
 * both alike.
 */
import type { BenchDatabase } from './engines';
import { progress } from './options';
import { getOk, heaviestStatement, isRead, type Statement, sqlLine, statementRecorder } from './statements';
import { percentile } from './stats';

type Pool = BenchDatabase['database']['pool'];

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

export interface PanelLatency {
  app: Percentiles;
  raw: Percentiles;
  /** Read statements one request sends. */
  reads: number;
  heaviest: Statement;
  samples: number;
}

const percentiles = (ms: readonly number[]): Percentiles => ({
  p50: percentile(ms, 50),
  p95: percentile(ms, 95),
  p99: percentile(ms, 99),
});

/**
 * getOk, tried once more when the socket fails. On PGlite the database runs on the server's own thread:
 * a statement of many seconds keeps the event loop from seeing that the server closed an idle
 * keep-alive connection, and the next fetch may be sent on it ("fetch failed"). A browser retries an
 * idempotent request in that case; so does this.
 */
async function getRetried(url: string, headers: Record<string, string>): Promise<string> {
  try {
    return await getOk(url, headers);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    progress(`GET ${url}: ${error.message} (${cause?.code ?? '?'}: ${cause?.message ?? '?'}), tried again`);
    return getOk(url, headers);
  }
}

export async function recordRequest(
  pool: Pool,
  url: string,
  headers: Record<string, string>,
): Promise<{ body: string; statements: Statement[] }> {
  const recorder = statementRecorder(pool);
  try {
    const { result, statements } = await recorder.record(() => getRetried(url, headers));
    return { body: result, statements };
  } finally {
    recorder.stop();
  }
}

export async function panelLatency(
  pool: Pool,
  label: string,
  url: string,
  headers: Record<string, string>,
  samples: number,
): Promise<PanelLatency> {
  await getRetried(url, headers); // warm: plans, caches
  const { statements } = await recordRequest(pool, url, headers);
  const { statement: heaviest, ms } = await heaviestStatement(pool, statements);
  progress(
    `${label}: ${statements.filter(isRead).length} reads per request; heaviest alone ${ms.toFixed(1)} ms: ${sqlLine(heaviest.sql)}`,
  );
  const app: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < samples; i++) {
    let t0 = performance.now();
    await getRetried(url, headers);
    app.push(performance.now() - t0);
    t0 = performance.now();
    await pool.query(heaviest.sql, heaviest.values);
    raw.push(performance.now() - t0);
  }
  const result = {
    app: percentiles(app),
    raw: percentiles(raw),
    reads: statements.filter(isRead).length,
    heaviest,
    samples,
  };
  progress(
    `${label}: p50/p95/p99 ${fmt(result.app)} ms; heaviest statement ${fmt(result.raw)} ms (${samples} each)`,
  );
  return result;
}

const fmt = (p: Percentiles) => [p.p50, p.p95, p.p99].map((v) => v.toFixed(1)).join('/');

/** EXPLAIN (ANALYZE, BUFFERS) of a recorded statement, to explain a missed goal. */
export async function explainAnalyze(pool: Pool, s: Statement): Promise<string> {
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
    s.values,
  );
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
