/**
 * Issue 3 at city scale, on PostgreSQL (with --pglite, the dataset part on PGlite): the `city` demo
 * dataset (as `canbo seed demo --scale city` writes it) in a fresh database, then with the in-process
 * app over HTTP:
 *   - person search p95 (200 sequential requests, varied unaccented name fragments), goal ≤ 50 ms;
 *   - the people list of the city root's subtree, page 1, p95 (20 requests with --quick, else 60),
 *     goal ≤ 50 ms;
 *   - each against a raw-SQL baseline: the SELECT statements the same request ran, replayed with
 *     pool.query in the same run (sequential, interleaved with the HTTP requests);
 *   - a merge of the two largest wards (POST /api/org/changes), end to end, goal ≤ 2 s;
 * and, in a second fresh database, benchImport (import.bench.ts) for 50,000 rows, goal ≥ 50 % of
 * the rate of a raw multi-row INSERT of the file's rows (its person and position rows; it clears
 * those tables between rounds, hence its own database).
 *
 *   npm run bench -- --city [--quick]          (with BENCH_DATABASE_URL set)
 *   npx tsx bench/city.bench.ts [--quick]      (this part alone; writes bench/results/city.json)
 *   npx tsx bench/city.bench.ts --pglite [--quick]   (search, root list and merge on an in-memory
 *                                                      PGlite; minutes of seeding; city-pglite.json)
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, seedDemoData } from '@canbo/server/src/seed/demo';
import { benchImport } from './import.bench';
import { startCanbo } from './lib/canbo';
import {
  type BenchDatabase,
  checkPostgres,
  openPglite,
  openPostgres,
  postgresUrlFromEnv,
} from './lib/engines';
import { BenchFailure } from './lib/failure';
import { type BenchOptions, parseArgs, progress } from './lib/options';
import { formatTable, type Row, row, writeResults } from './lib/report';
import { fetchCsrf, signIn } from './lib/session-client';
import { percentile } from './lib/stats';

const LATENCY_GOAL_MS = 50;
const MERGE_GOAL_MS = 2000;
const IMPORT_ROWS = 50_000;
const IMPORT_GOAL = 0.5;

type Pool = BenchDatabase['database']['pool'];
type Statement = { sql: string; values: unknown[] };

/**
 * Records the statements the app sends while `sink` is set: every client the pool hands out gets
 * its query() wrapped once (Kysely's PostgresDialect calls client.query(sql, parameters)).
 */
function statementRecorder(pool: Pool) {
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

/** Reads only: the replay must not write (session touches, audit entries are left out). */
const isRead = (s: Statement) =>
  /^\s*(select|with)\b/i.test(s.sql) && !/\b(insert|update|delete)\b/i.test(s.sql);

const ms = (t0: number) => performance.now() - t0;

async function getOk(url: string, cookie: string): Promise<void> {
  const response = await fetch(url, { headers: { cookie } });
  const body = await response.text();
  if (!response.ok) throw new BenchFailure(`GET ${url} answered ${response.status}: ${body.slice(0, 300)}`);
}

/**
 * Each path once unmeasured while recording its SQL, then measured: the HTTP request and the
 * replay of its SELECTs alternate, so that other load on the machine falls on both alike.
 */
async function latencyPair(
  baseUrl: string,
  cookie: string,
  pool: Pool,
  recorder: ReturnType<typeof statementRecorder>,
  paths: readonly string[],
) {
  const replays: Statement[][] = [];
  let skipped = 0;
  for (const path of paths) {
    const { statements } = await recorder.record(() => getOk(`${baseUrl}${path}`, cookie));
    const reads = statements.filter(isRead);
    skipped += statements.length - reads.length;
    replays.push(reads);
  }
  const app: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < paths.length; i++) {
    let t0 = performance.now();
    await getOk(`${baseUrl}${paths[i]}`, cookie);
    app.push(ms(t0));
    t0 = performance.now();
    for (const s of replays[i]!) await pool.query(s.sql, s.values);
    raw.push(ms(t0));
  }
  const perRequest = replays.reduce((n, r) => n + r.length, 0) / paths.length;
  return {
    p50: percentile(app, 50),
    p95: percentile(app, 95),
    rawP50: percentile(raw, 50),
    rawP95: percentile(raw, 95),
    note: `${perRequest.toFixed(1)} SELECTs replayed per request, ${(skipped / paths.length).toFixed(1)} writes/other left out`,
  };
}

const SURNAMES = ['nguyen', 'tran', 'le', 'pham', 'hoang', 'phan', 'vu', 'dang', 'bui', 'do', 'ngo', 'duong'];
const MIDDLES = ['van', 'thi', 'duc', 'minh', 'thu', 'quang', 'ngoc', 'huu', 'thanh', 'hong'];
const GIVENS = [
  'an',
  'binh',
  'chi',
  'dung',
  'giang',
  'ha',
  'hai',
  'hoa',
  'hung',
  'khanh',
  'lan',
  'long',
  'mai',
  'nam',
  'phuc',
  'quan',
  'son',
  'thao',
  'trang',
  'tuan',
  'yen',
  'huong',
  'linh',
  'thuy',
  'tam',
];

/** 200 varied fragments: given names, surname + given, middle + given, prefixes, three words. */
function fragments(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const s = SURNAMES[i % SURNAMES.length]!;
    const m = MIDDLES[(i * 3) % MIDDLES.length]!;
    const g = GIVENS[(i * 7) % GIVENS.length]!;
    switch (i % 5) {
      case 0:
        return g;
      case 1:
        return `${s} ${g}`;
      case 2:
        return `${m} ${g}`;
      case 3:
        return `${s} ${m} ${g.slice(0, 2)}`;
      default:
        return `${s.slice(0, 3)} ${g}`;
    }
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/** Seeds the city, measures search, subtree list and merge; the database is dropped by the caller. */
async function benchCityDataset(bench: BenchDatabase, options: BenchOptions): Promise<Row[]> {
  const server = await startCanbo(bench);
  const pool = bench.database.pool;
  try {
    progress('city: seeding the city demo dataset (one transaction)');
    const seeded = await seedDemoData(server.ctx, server.tenant, { scale: 'city' });
    progress(
      `city: ${seeded.units} units, ${seeded.people} people, ${seeded.positions} posts in ${seeded.seconds.toFixed(1)} s`,
    );
    // What autovacuum does after a bulk load: statistics, and the visibility map that lets counts
    // run as index-only scans. The CI server runs with autovacuum off (and PGlite has none), so the
    // benchmark does it itself; with ANALYZE alone the counts read the heap (docs/PERFORMANCE.md).
    await pool.query(process.env.CITY_ANALYZE_ONLY ? 'ANALYZE' : 'VACUUM ANALYZE');
    const csrf = await fetchCsrf(server.baseUrl);
    const session = await signIn(server.baseUrl, csrf, 'tochuc', DEMO_PASSWORD);
    const cookie = `${session}; ${csrf.cookie}`;
    const recorder = statementRecorder(pool);
    const rows: Row[] = [];
    try {
      const searches = fragments(200).map((q) => `/api/people?q=${encodeURIComponent(q)}&page=1`);
      const search = await latencyPair(server.baseUrl, cookie, pool, recorder, searches);
      progress(
        `city: search p50 ${search.p50.toFixed(1)} ms, p95 ${search.p95.toFixed(1)} ms; raw p95 ${search.rawP95.toFixed(1)} ms (${search.note})`,
      );
      const rootList = `/api/people?unitId=${server.tenant.rootUnitId}&page=1`;
      const listCount = options.quick ? 20 : 60;
      const list = await latencyPair(
        server.baseUrl,
        cookie,
        pool,
        recorder,
        Array.from({ length: listCount }, () => rootList),
      );
      progress(
        `city: root subtree list p50 ${list.p50.toFixed(1)} ms, p95 ${list.p95.toFixed(1)} ms; raw p95 ${list.rawP95.toFixed(1)} ms (${list.note})`,
      );
      rows.push(
        row(
          `${bench.kind} city: person search p95 (200 name fragments)`,
          search.p95,
          'ms',
          { label: 'same SELECTs via pool.query p95', value: search.rawP95, unit: 'ms' },
          { kind: 'value-at-most', max: LATENCY_GOAL_MS },
        ),
        row(
          `${bench.kind} city: root subtree people list page 1 p95 (${listCount} requests)`,
          list.p95,
          'ms',
          { label: 'same SELECTs via pool.query p95', value: list.rawP95, unit: 'ms' },
          { kind: 'value-at-most', max: LATENCY_GOAL_MS },
        ),
      );
    } finally {
      recorder.stop();
    }
    // With a session the app checks the session's own CSRF token (issued at sign-in).
    const { rows: tokens } = await pool.query<{ csrf_token: string }>(
      'SELECT csrf_token FROM user_session ORDER BY created_at DESC LIMIT 1',
    );
    const sessionCsrf = tokens[0]?.csrf_token;
    if (!sessionCsrf) throw new BenchFailure('the benchmark session has no CSRF token');
    rows.push(...(await benchMerge(server.baseUrl, cookie, sessionCsrf, bench, server.tenant)));
    return rows;
  } catch (error) {
    const logged = server.lastError();
    if (logged && error instanceof Error) error.message += `\n  the server logged: ${logged}`;
    throw error;
  } finally {
    await server.close();
  }
}

/** The two wards whose subtrees hold the most people, merged into a new ward under the root. */
async function benchMerge(
  baseUrl: string,
  cookie: string,
  csrfToken: string,
  bench: BenchDatabase,
  tenant: { tenantId: string; rootUnitId: string },
): Promise<Row[]> {
  const pool = bench.database.pool;
  const { rows: wards } = await pool.query<{
    id: string;
    code: string;
    version: number;
    path: string;
    people: string;
    posts: string;
  }>(
    `SELECT w.id, w.code, w.version, w.path,
            (SELECT count(*) FROM person p JOIN org_unit u ON u.id = p.unit_id
              WHERE p.tenant_id = w.tenant_id AND u.path >= w.path AND u.path < left(w.path, -1) || '0') AS people,
            (SELECT count(*) FROM position ps JOIN org_unit u ON u.id = ps.unit_id
              WHERE ps.tenant_id = w.tenant_id AND ps.end_date IS NULL
                AND u.path >= w.path AND u.path < left(w.path, -1) || '0') AS posts
       FROM org_unit w
      WHERE w.tenant_id = $1 AND w.type = 'commune' AND w.code LIKE 'P-%' AND w.parent_id = $2
      ORDER BY people DESC LIMIT 2`,
    [tenant.tenantId, tenant.rootUnitId],
  );
  if (wards.length < 2) throw new BenchFailure(`expected two wards under the root, found ${wards.length}`);
  const sizes = wards.map((w) => `${w.code}: ${w.people} people, ${w.posts} current posts`).join('; ');
  progress(`city: merging the two largest wards (${sizes})`);

  // Baseline: the bulk of what a merge writes, as raw UPDATEs in one transaction, rolled back.
  const ranges = wards.map((w) => [w.path, `${w.path.slice(0, -1)}0`]);
  const inWards = `(${ranges.map((_, i) => `(u.path >= $${2 * i + 2} AND u.path < $${2 * i + 3})`).join(' OR ')})`;
  const params = [tenant.tenantId, ...ranges.flat()];
  const client = await pool.connect();
  let rawMs: number;
  try {
    const t0 = performance.now();
    await client.query('BEGIN');
    await client.query(
      `UPDATE position ps SET end_date = CURRENT_DATE FROM org_unit u
        WHERE u.id = ps.unit_id AND ps.tenant_id = $1 AND ps.end_date IS NULL AND ${inWards}`,
      params,
    );
    await client.query(
      `UPDATE person p SET updated_at = now() FROM org_unit u
        WHERE u.id = p.unit_id AND p.tenant_id = $1 AND ${inWards}`,
      params,
    );
    await client.query(`UPDATE org_unit u SET path = u.path WHERE u.tenant_id = $1 AND ${inWards}`, params);
    rawMs = ms(t0);
    await client.query('ROLLBACK');
  } finally {
    client.release();
  }

  const body = {
    kind: 'merge',
    effectiveDate: today(),
    decisionNumber: '1/NQ-BENCH',
    sources: wards.map((w) => ({ id: w.id, version: Number(w.version) })),
    into: {
      kind: 'new',
      unit: {
        code: 'P-BENCHMERGE',
        name: 'Phường Đo hiệu năng',
        type: 'commune',
        level: 'commune',
        parentId: tenant.rootUnitId,
      },
    },
  };
  const t0 = performance.now();
  const response = await fetch(`${baseUrl}/api/org/changes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const mergeMs = ms(t0);
  if (response.status !== 201) {
    throw new BenchFailure(
      `POST /api/org/changes (merge) answered ${response.status}: ${text.slice(0, 400)}`,
    );
  }
  progress(`city: merge ${mergeMs.toFixed(0)} ms end to end; raw UPDATE baseline ${rawMs.toFixed(0)} ms`);
  const people = wards.map((w) => w.people).join(' + ');
  return [
    row(
      `${bench.kind} city: merge of the two largest wards (${people} people), POST /api/org/changes`,
      mergeMs,
      'ms',
      { label: 'raw UPDATE of their posts, people, units; rolled back', value: rawMs, unit: 'ms' },
      { kind: 'value-at-most', max: MERGE_GOAL_MS },
    ),
  ];
}

async function benchCityImport(open: () => Promise<BenchDatabase>, options: BenchOptions): Promise<Row[]> {
  const bench = await open();
  try {
    const rows = await benchImport(bench, IMPORT_ROWS, progress, options.quick ? 1 : 3);
    return rows.map((r) =>
      row(
        r.name.replace(/^postgres: /, 'postgres import: '),
        r.value,
        r.unit,
        // The first row is the goal's baseline itself.
        { label: r.baselineLabel ?? r.name, value: r.baseline ?? r.value, unit: 'rows/s' },
        r.goal ? { kind: 'ratio-at-least', min: IMPORT_GOAL } : undefined,
      ),
    );
  } finally {
    await bench.close();
  }
}

/** Everything of issue 3's city figures; each part in its own fresh database, dropped after. */
export async function benchCity(
  serverUrl: string,
  options: BenchOptions,
  track: (bench: BenchDatabase | null) => void = () => {},
): Promise<Row[]> {
  const open = async () => {
    const bench = await openPostgres(serverUrl);
    track(bench);
    return bench;
  };
  const rows: Row[] = [];
  const bench = await open();
  try {
    progress(`city: ${bench.version}`);
    rows.push(...(await benchCityDataset(bench, options)));
  } finally {
    track(null);
    await bench.close();
  }
  try {
    rows.push(...(await benchCityImport(open, options)));
  } finally {
    track(null);
  }
  return rows;
}

/** `--pglite`: the dataset part alone (search, root list, merge) on an in-memory PGlite. */
async function benchCityPglite(options: BenchOptions): Promise<Row[]> {
  const bench = await openPglite();
  try {
    progress(`city: ${bench.version}`);
    return await benchCityDataset(bench, options);
  } finally {
    await bench.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = parseArgs(args.filter((a) => a !== '--pglite'));
  if (args.includes('--pglite')) {
    const rows = await benchCityPglite(options);
    console.log(formatTable(rows));
    await writeResults(rows, new URL('./results/city-pglite.json', import.meta.url));
    return;
  }
  const url = postgresUrlFromEnv();
  if (!url) throw new BenchFailure('set BENCH_DATABASE_URL to a PostgreSQL server');
  await checkPostgres(url);
  const rows = await benchCity(url, options);
  console.log(formatTable(rows));
  await writeResults(rows, new URL('./results/city.json', import.meta.url));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
