import { systemActor } from '@canbo/server/src/access/actor';
import { insertPeople } from '@canbo/server/src/modules/votes/votes.fixtures';
import { startCanbo } from './lib/canbo';
import { type BenchPart, isMain, onEachEngine, runAlone } from './lib/engine-runs';
import type { BenchDatabase } from './lib/engines';
import { BenchFailure } from './lib/failure';
import { progress } from './lib/options';
import { type Row, row } from './lib/report';

const VOTERS = 500;
const CANDIDATES = 3;
const LEVELS = ['high', 'confidence', 'low'] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

async function benchEngine(bench: BenchDatabase): Promise<Row[]> {
  const server = await startCanbo(bench);
  try {
    const { services, ctx, baseUrl } = server;
    const system = systemActor(ctx.tenantId, 'bench');
    const unit = await services.units.create(system, {
      code: 'VOTE-BENCH',
      name: 'Đảng bộ Đo hiệu năng',
      parentId: server.tenant.rootUnitId,
    });
    const candidates = await insertPeople(ctx.db, ctx.tenantId, unit.id, CANDIDATES);
    const voters = await insertPeople(ctx.db, ctx.tenantId, unit.id, VOTERS);
    const session = await services.votes.create(system, {
      unitId: unit.id,
      title: 'Đo hiệu năng',
      voteDate: '2026-05-20',
      candidates: candidates.map((personId) => ({ personId, post: 'Bí thư' })),
      voterIds: voters,
    });
    const issued = await services.votes.issueTokens(system, session.id, { version: session.version });
    await services.votes.open(system, session.id, issued.version);

    // The double-submit CSRF token of a visitor, shared by every ballot (no session needed).
    const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
    const token = ((await csrf.json()) as { csrfToken: string }).csrfToken;
    const headers = {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie: `canbo_csrf=${token}`,
    };
    const cast = async (code: string, i: number) => {
      const body = JSON.stringify({
        choices: candidates.map((personId, k) => ({ personId, level: LEVELS[(i + k) % 3] })),
      });
      const start = performance.now();
      const res = await fetch(`${baseUrl}/api/ballots/${code}`, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return { status: res.status, ms: performance.now() - start };
    };
    const codes = issued.tokens.map((t) => t.code);
    progress(`votes: ${bench.version}, ${VOTERS} ballots at once over HTTP`);
    const wave = await timed(() => Promise.all(codes.map(cast)));
    const again = await Promise.all(codes.map(cast));
    const ok = wave.value.filter((r) => r.status === 200).length;
    const refused = again.filter((r) => r.status === 409).length;
    const turnout = await services.votes.turnout(system, session.id);
    const counts = await ctx.db
      .selectFrom('vote_tally')
      .select(['person_id', (eb) => eb.fn.sum<string>('count').as('n')])
      .where('session_id', '=', session.id)
      .groupBy('person_id')
      .execute();
    const wrong =
      Math.abs(VOTERS - ok) +
      Math.abs(VOTERS - refused) +
      Math.abs(VOTERS - turnout.voted) +
      counts.filter((c) => Number(c.n) !== VOTERS).length;
    if (wrong)
      throw new BenchFailure(
        `votes: ${ok} accepted, ${refused} refused on retry, ${turnout.voted} counted, tallies ${JSON.stringify(counts)}`,
      );

    // Baseline: the ballot's writes as raw SQL transactions on a second session, same concurrency.
    const base = await services.votes.create(system, {
      unitId: unit.id,
      title: 'Mốc SQL',
      voteDate: '2026-05-21',
      candidates: candidates.map((personId) => ({ personId, post: 'Bí thư' })),
      voterIds: voters,
    });
    const roster = await ctx.db
      .selectFrom('vote_voter')
      .select('id')
      .where('session_id', '=', base.id)
      .execute();
    const { pool } = bench.database;
    const raw = async (voterId: string) => {
      const start = performance.now();
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT 1 FROM vote_session WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [
          ctx.tenantId,
          base.id,
        ]);
        await client.query(
          'UPDATE vote_session SET collected = collected + 1 WHERE tenant_id = $1 AND id = $2',
          [ctx.tenantId, base.id],
        );
        await client.query(
          "UPDATE vote_tally SET count = count + CASE WHEN level = 'high' THEN 1 ELSE 0 END WHERE tenant_id = $1 AND session_id = $2",
          [ctx.tenantId, base.id],
        );
        await client.query(
          'UPDATE vote_voter SET voted = true WHERE tenant_id = $1 AND session_id = $2 AND id = $3',
          [ctx.tenantId, base.id, voterId],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      return performance.now() - start;
    };
    const baseline = await timed(() => Promise.all(roster.map((r) => raw(r.id))));
    const label = bench.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
    const rawRate = {
      label: 'raw SQL ballot transactions',
      value: VOTERS / (baseline.ms / 1000),
      unit: 'ballots/s',
    };
    return [
      row(
        `votes: ${VOTERS} ballots at once over HTTP (${label})`,
        VOTERS / (wave.ms / 1000),
        'ballots/s',
        rawRate,
      ),
      row(
        `votes: p99 ballot latency, ${VOTERS} at once (${label})`,
        percentile(
          wave.value.map((r) => r.ms),
          99,
        ),
        'ms',
        {
          label: 'raw SQL p99',
          value: percentile(baseline.value, 99),
          unit: 'ms',
        },
      ),
      row(
        `votes: lost or double ballots (${label})`,
        wrong,
        'ballots',
        { label: 'none expected', value: 0, unit: 'ballots' },
        { kind: 'value-at-most', max: 0 },
      ),
    ];
  } finally {
    await server.close();
  }
}

export const benchVotes: BenchPart = (engines, _options, track) =>
  onEachEngine('votes', engines, benchEngine, track);

if (isMain(import.meta.url)) runAlone(benchVotes, new URL('./results/votes.json', import.meta.url));
