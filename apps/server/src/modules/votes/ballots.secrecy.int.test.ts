import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { ballot, insertPeople, openSession, type VoteSetup, voterClient } from './votes.fixtures';

/**
 * Secrecy (docs/VOTES.md): from the stored rows alone nobody can tell who chose what. Two sessions
 * are run with the same people: in the first, voter A marks high and B low; in the second, A low
 * and B high. Every table the voting touched is then read whole, with the row-version columns
 * (xmin, ctid) turned into relations ("same transaction as voter A's row", "written k-th"), and ids
 * and times that differ anyway replaced by placeholders. If any stored value linked a voter to a
 * choice, the two readings would differ; they are equal.
 */
const VOTE_TABLES = ['vote_session', 'vote_candidate', 'vote_voter', 'vote_tally', 'vote_result'] as const;
const VOLATILE = new Set([
  'at',
  'created_at',
  'opened_at',
  'closed_at',
  'hash',
  'prev_hash',
  'seq',
  'request_id',
  'version',
]);

describe('ballot secrecy: the stored rows do not link a voter to a choice', () => {
  let t: TestContext;
  let ward: TestUnit;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Chi bộ Khu phố 3' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
  });
  afterAll(() => t.close());

  /** Everything stored about the session, ids and times replaced by placeholders, row versions as relations. */
  async function reading(s: VoteSetup, voterOf: Record<string, string>) {
    const { rows: roster } = await sql<{ id: string; person_id: string; xmin: string }>`
      SELECT id, person_id, xmin::text AS xmin FROM vote_voter WHERE session_id = ${s.sessionId}`.execute(
      t.ctx.db,
    );
    const names: Record<string, string> = { [s.sessionId]: 'SESSION' };
    const xminOf: Record<string, string> = {};
    for (const r of roster) {
      names[r.id] = `ROSTER(${voterOf[r.person_id] ?? r.person_id})`;
      xminOf[r.xmin] = `TX(${voterOf[r.person_id] ?? r.person_id})`;
    }
    const scrub = (value: unknown): unknown => {
      if (typeof value === 'string')
        return names[value] ?? xminOf[value] ?? value.replaceAll(s.sessionId, 'SESSION');
      if (value instanceof Date) return 'TIME';
      if (Array.isArray(value)) return value.map(scrub);
      if (value && typeof value === 'object')
        return Object.fromEntries(
          Object.entries(value).map(([k, v]) => [k, VOLATILE.has(k) ? 'X' : scrub(v)]),
        );
      return value;
    };
    const raw: Record<string, Record<string, unknown>[]> = {};
    for (const table of VOTE_TABLES) {
      const key = table === 'vote_session' ? 'id' : 'session_id';
      const { rows } = await sql<Record<string, unknown>>`
        SELECT *, xmin::text AS xmin, rank() OVER (ORDER BY ctid) AS physical_order
        FROM ${sql.table(table)} WHERE ${sql.ref(key)} = ${s.sessionId} ORDER BY ctid`.execute(t.ctx.db);
      raw[table] = rows.map(({ token_hash, ...rest }) => ({
        ...rest,
        token_hash: token_hash ? 'HASH' : null,
      }));
    }
    const { rows: audit } = await sql<Record<string, unknown>>`
      SELECT *, xmin::text AS xmin FROM audit_log WHERE entity_id = ${s.sessionId} ORDER BY seq`.execute(
      t.ctx.db,
    );
    raw.audit_log = audit.map((r) => ({ ...r, id: 'ID', actor_id: r.actor_id ? 'OFFICER' : null }));
    // Transactions other than the voters' (set-up, close) by their order: the same in both runs.
    const others = [
      ...new Set(
        Object.values(raw)
          .flat()
          .map((r) => String(r.xmin)),
      ),
    ]
      .filter((x) => !(x in xminOf))
      .sort((x, y) => Number(x) - Number(y));
    others.forEach((x, i) => {
      xminOf[x] = `TX#${i}`;
    });
    const out: Record<string, unknown> = {};
    for (const [table, rows] of Object.entries(raw))
      out[table] = rows.map((r) => scrub({ ...r, xmin: xminOf[String(r.xmin)] }));
    return out;
  }

  it('gives the same reading whether A chose high and B low, or A low and B high', async () => {
    const candidate = await insertPeople(t.ctx.db, t.ctx.tenantId, ward.id, 1);
    const [a, b] = await insertPeople(t.ctx.db, t.ctx.tenantId, ward.id, 2);
    const voterOf = { [a!]: 'A', [b!]: 'B' };
    const run = async (date: string, levelA: 'high' | 'low', levelB: 'high' | 'low') => {
      const s = await openSession(t, officer, ward, {
        candidateIds: candidate,
        voterIds: [a!, b!],
        voteDate: date,
      });
      const client = await voterClient(t);
      expect((await client.post(`/api/ballots/${s.codeOf(a!)}`, ballot(candidate, levelA))).status).toBe(200);
      expect((await client.post(`/api/ballots/${s.codeOf(b!)}`, ballot(candidate, levelB))).status).toBe(200);
      const closed = await officer.post(`/api/votes/${s.sessionId}/close`, { version: s.version });
      expect(closed.status).toBe(200);
      return s;
    };
    const first = await run('2026-03-01', 'high', 'low');
    const second = await run('2026-03-02', 'low', 'high');
    const one = await reading(first, voterOf);
    const two = await reading(second, voterOf);
    // The dates differ on purpose (the same person in two sessions of one day is no case of interest).
    const undated = (r: Record<string, unknown>) =>
      JSON.parse(JSON.stringify(r).replaceAll('2026-03-01', 'D').replaceAll('2026-03-02', 'D'));
    expect(undated(two)).toEqual(undated(one));
    // And the reading is not empty: the roster knows both voted, the counters hold both ballots.
    expect(one.vote_voter).toEqual([
      expect.objectContaining({ voted: true }),
      expect.objectContaining({ voted: true }),
    ]);
    expect(
      (one.vote_tally as { level: string; count: number }[]).map((r) => `${r.level}:${r.count}`).sort(),
    ).toEqual(['blank:0', 'confidence:0', 'high:1', 'low:1']);
    // Every counter row of the session was rewritten by the last ballot alike: the last voter's
    // transaction is on all of them, whatever was chosen.
    expect(new Set((one.vote_tally as { xmin: string }[]).map((r) => r.xmin))).toEqual(new Set(['TX(B)']));
  });

  it('keeps no column on the roster that a ballot fills, and no column on the counters that names a voter', async () => {
    const columns = async (table: string) =>
      (
        await sql<{
          c: string;
        }>`SELECT column_name AS c FROM information_schema.columns WHERE table_name = ${table} ORDER BY c`.execute(
          t.ctx.db,
        )
      ).rows.map((r) => r.c);
    expect(await columns('vote_voter')).toEqual([
      'id',
      'person_id',
      'session_id',
      'tenant_id',
      'token_hash',
      'voted',
    ]);
    expect(await columns('vote_tally')).toEqual(['count', 'level', 'person_id', 'session_id', 'tenant_id']);
  });

  it('writes the audit entry of a ballot without its content', async () => {
    const s = await openSession(t, officer, ward, { candidates: 1, voters: 2, voteDate: '2026-04-01' });
    const client = await voterClient(t);
    await client.post(`/api/ballots/${s.codeOf(s.voters[0]!)}`, ballot(s.candidates, 'low'));
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', s.sessionId)
      .where('action', '=', 'vote.ballotCast')
      .execute();
    expect(entries).toHaveLength(1);
    const text = JSON.stringify(entries[0]);
    expect(text).not.toMatch(/"(high|low|confidence)"/);
    expect(text).not.toContain(s.candidates[0]);
    expect(entries[0]?.actor_name).toMatch(/^Cử tri /);
  });
});

describe('a burst of ballots at once', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('counts 60 voters casting at the same time exactly once each, and refuses every second try', async () => {
    const ward = await t.build.unit({ name: 'Đảng bộ Khối' });
    const officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    const s = await openSession(t, officer, ward, { candidates: 3, voters: 60 });
    const levels = ['high', 'confidence', 'low'] as const;
    const cast = (i: number) =>
      t.services.ballots.cast(s.codeOf(s.voters[i]!), ballot(s.candidates, levels[i % 3]!), {
        requestId: null,
        ip: null,
      });
    const results = await Promise.allSettled([...s.voters.keys(), ...s.voters.keys()].map(cast));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(60);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(60);
    expect(new Set(refused.map((r) => r.reason.code))).toEqual(new Set(['BALLOT_USED']));
    const turnout = await officer.get(`/api/votes/${s.sessionId}/turnout`);
    expect(turnout.body).toMatchObject({ voted: 60, summoned: 60 });
    await officer.post(`/api/votes/${s.sessionId}/close`, { version: s.version });
    const res = await officer.get(`/api/votes/${s.sessionId}/results`);
    for (const p of res.body.people)
      expect(p).toMatchObject({ high: 20, confidence: 20, low: 20, invalid: 0, highPercent: 33.33 });
    const voted = await t.ctx.db
      .selectFrom('vote_voter')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', s.sessionId)
      .where('voted', '=', true)
      .executeTakeFirstOrThrow();
    expect(Number(voted.n)).toBe(60);
  });
});
