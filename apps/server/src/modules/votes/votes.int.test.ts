import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { ballot, insertPeople, openSession, voterClient } from './votes.fixtures';

describe('confidence votes: sessions, ballots, quorum and results (QĐ 96-QĐ/TW)', () => {
  let t: TestContext;
  let ward: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let inspector: Client;
  let voter: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Đảng ủy phường Ba Đình' });
    other = await t.build.unit({ name: 'Đảng ủy phường Hoàn Kiếm' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    inspector = await t.as(await t.build.user({ role: 'inspector', unit: ward }));
    voter = await voterClient(t);
  });
  afterAll(() => t.close());

  async function cast(
    code: string,
    candidates: string[],
    level: 'high' | 'confidence' | 'low' | null | ('high' | 'confidence' | 'low' | null)[],
  ) {
    return voter.post(`/api/ballots/${code}`, ballot(candidates, level));
  }

  it('holds with 6 of 9 summoned: counts and percentages over ballots collected, flags from the low share', async () => {
    const s = await openSession(t, officer, ward, { candidates: 2, voters: 9 });
    const [a, b] = s.candidates as [string, string];
    // Person a: 3 high, 2 confidence, 1 low. Person b: 4 low of 6 (66,67% ≥ 2/3 → dismissal), 1 left blank.
    const plan: [Level, Level][] = [
      ['high', 'low'],
      ['high', 'low'],
      ['high', 'low'],
      ['confidence', 'low'],
      ['confidence', 'high'],
      ['low', null],
    ];
    for (const [i, levels] of plan.entries()) {
      const res = await cast(s.codeOf(s.voters[i]!), [a, b], levels);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const turnout = await officer.get(`/api/votes/${s.sessionId}/turnout`);
    expect(turnout.body).toEqual({ state: 'open', summoned: 9, issued: 9, voted: 6, quorum: 6 });
    expect((await officer.get(`/api/votes/${s.sessionId}/results`)).status).toBe(409);

    const closed = await officer.post(`/api/votes/${s.sessionId}/close`, { version: s.version });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ state: 'closed', void: false, voted: 6 });
    const res = await inspector.get(`/api/votes/${s.sessionId}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ summoned: 9, issued: 9, collected: 6, quorumMet: true, void: false });
    const [pa, pb] = res.body.people;
    expect(pa).toMatchObject({
      high: 3,
      confidence: 2,
      low: 1,
      invalid: 0,
      highPercent: 50,
      confidencePercent: 33.33,
      lowPercent: 16.67,
      flag: 'none',
    });
    expect(pb).toMatchObject({
      high: 1,
      confidence: 0,
      low: 4,
      valid: 5,
      invalid: 1,
      lowPercent: 66.67,
      flag: 'dismissal',
    });

    // Filed in each person's record.
    const record = await officer.get(`/api/people/${b}/votes`);
    expect(record.status).toBe(200);
    expect(record.body.items).toEqual([
      expect.objectContaining({ sessionId: s.sessionId, flag: 'dismissal', lowPercent: 66.67, void: false }),
    ]);
  });

  it('is void with 5 of 9 summoned: no flag, even with every ballot low', async () => {
    const s = await openSession(t, officer, ward, { candidates: 1, voters: 9 });
    for (const v of s.voters.slice(0, 5))
      expect((await cast(s.codeOf(v), s.candidates, 'low')).status).toBe(200);
    const closed = await officer.post(`/api/votes/${s.sessionId}/close`, { version: s.version });
    expect(closed.body).toMatchObject({ state: 'closed', void: true });
    const res = await officer.get(`/api/votes/${s.sessionId}/results`);
    expect(res.body).toMatchObject({ collected: 5, quorumMet: false, void: true });
    expect(res.body.people[0]).toMatchObject({ low: 5, lowPercent: 100, flag: 'none' });
  });

  it('flags just over half low (5 of 9 collected) as "remove from planning", and 4 of 9 as nothing', async () => {
    const s = await openSession(t, officer, ward, { candidates: 2, voters: 10 });
    const [a, b] = s.candidates as [string, string];
    for (const [i, v] of s.voters.entries()) {
      const levels: Level[] = [i < 5 ? 'low' : 'high', i < 5 ? 'low' : 'confidence'];
      if (i === 9) break; // 9 of 10 take part
      expect((await cast(s.codeOf(v), [a, b], i === 4 ? ['low', 'high'] : levels)).status).toBe(200);
    }
    await officer.post(`/api/votes/${s.sessionId}/close`, { version: s.version });
    const res = await officer.get(`/api/votes/${s.sessionId}/results`);
    expect(res.body.people[0]).toMatchObject({ low: 5, lowPercent: 55.56, flag: 'removeFromPlanning' });
    expect(res.body.people[1]).toMatchObject({ low: 4, lowPercent: 44.44, flag: 'none' });
  });

  it('refuses a second ballot with the same code, and a code replaced by a new one, in Vietnamese', async () => {
    const s = await openSession(t, officer, ward, { candidates: 1, voters: 3 });
    const code = s.codeOf(s.voters[0]!);
    expect((await cast(code, s.candidates, 'high')).status).toBe(200);
    const again = await cast(code, s.candidates, 'low');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'BALLOT_USED',
      message: expect.stringContaining('đã được sử dụng'),
    });
    expect((await voter.get(`/api/ballots/${code}`)).body.error.code).toBe('BALLOT_USED');

    const second = s.voters[1]!;
    const session = await officer.get(`/api/votes/${s.sessionId}`);
    const rosterId = session.body.voters.find((v: { personId: string }) => v.personId === second).id;
    const reissued = await officer.post(`/api/votes/${s.sessionId}/tokens`, {
      version: session.body.version,
      voterIds: [rosterId],
    });
    expect(reissued.status).toBe(200);
    const old = await cast(s.codeOf(second), s.candidates, 'high');
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('BALLOT_NOT_FOUND');
    expect((await cast(reissued.body.tokens[0].code, s.candidates, 'high')).status).toBe(200);
    // A voter who has voted gets no new code.
    const refused = await officer.post(`/api/votes/${s.sessionId}/tokens`, {
      version: reissued.body.version,
      voterIds: [rosterId],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details[0].path).toBe('voterIds.0');

    const tally = await t.ctx.db
      .selectFrom('vote_session')
      .select('collected')
      .where('id', '=', s.sessionId)
      .executeTakeFirstOrThrow();
    expect(tally.collected).toBe(2);
    const refusedAudit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', s.sessionId)
      .where('action', '=', 'vote.ballotRefused')
      .execute();
    expect(refusedAudit).toHaveLength(1);
  });

  it('shows no ballot before opening nor after closing, and no result before closing', async () => {
    const candidates = await insertPeople(t.ctx.db, t.ctx.tenantId, ward.id, 1);
    const voters = await insertPeople(t.ctx.db, t.ctx.tenantId, ward.id, 3);
    const created = await officer.post('/api/votes', {
      unitId: ward.id,
      title: 'Phiên thử',
      voteDate: '2026-06-01',
      candidates: [{ personId: candidates[0], post: 'Chủ tịch' }],
      voterIds: voters,
    });
    const issued = await officer.post(`/api/votes/${created.body.id}/tokens`, {
      version: created.body.version,
    });
    const code = issued.body.tokens[0].code;
    expect((await voter.get(`/api/ballots/${code}`)).body.error.code).toBe('VOTE_NOT_OPEN');
    expect((await officer.get(`/api/votes/${created.body.id}/results`)).body.error.code).toBe(
      'VOTE_NOT_CLOSED',
    );
    expect((await officer.get(`/api/votes/${created.body.id}/record.docx`)).status).toBe(409);
    const opened = await officer.post(`/api/votes/${created.body.id}/open`, { version: issued.body.version });
    expect((await voter.get(`/api/ballots/${code}`)).body).toMatchObject({
      title: 'Phiên thử',
      candidates: [{ personId: candidates[0], post: 'Chủ tịch' }],
    });
    expect((await officer.post(`/api/votes/${created.body.id}/close`, { version: 1 })).status).toBe(409);
    await officer.post(`/api/votes/${created.body.id}/close`, { version: opened.body.version });
    const late = await cast(code, candidates, 'high');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('VOTE_CLOSED');
    const docx = await officer.get(`/api/votes/${created.body.id}/record.docx`);
    expect(docx.status).toBe(200);
    expect(String(docx.headers['content-type'])).toContain('wordprocessingml');
    expect((await officer.get(`/api/votes/${created.body.id}/record.xlsx`)).status).toBe(200);
  });

  it('refuses bad set-ups naming the field: people outside the officer scope, duplicates, too many places, a date before the rule', async () => {
    const here = await insertPeople(t.ctx.db, t.ctx.tenantId, ward.id, 3);
    const away = await insertPeople(t.ctx.db, t.ctx.tenantId, other.id, 1);
    const base = {
      unitId: ward.id,
      title: 'Phiên',
      voteDate: '2026-07-01',
      candidates: [{ personId: here[0], post: 'Bí thư' }],
      voterIds: [here[1], here[2]],
    };
    const outside = await officer.post('/api/votes', { ...base, voterIds: [here[1], away[0]] });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details[0]).toMatchObject({
      path: 'voterIds.1',
      messageEn: expect.any(String),
    });
    const dup = await officer.post('/api/votes', { ...base, voterIds: [here[1], here[1]] });
    expect(dup.body.error.details[0].path).toBe('voterIds.1');
    const early = await officer.post('/api/votes', { ...base, voteDate: '2022-12-01' });
    expect(early.body.error.details[0].path).toBe('voteDate');
    const missing = await officer.post('/api/votes', { ...base, candidates: [] });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error.details)).toContain('candidates');
    expect((await officer.post('/api/votes', base)).status).toBe(201);
    expect((await officer.post('/api/votes', { ...base, voteDate: '2026-09-01' })).status).toBe(201);
    const third = await officer.post('/api/votes', { ...base, voteDate: '2026-11-01' });
    expect(third.status).toBe(422);
    expect(third.body.error).toMatchObject({
      code: 'VOTE_PLACES_LIMIT',
      details: [{ path: 'candidates.0.personId' }],
    });
    expect((await officer.post('/api/votes', { ...base, voteDate: '2027-01-10' })).status).toBe(201);
  });

  it('refuses a ballot that skips or repeats a person, and a malformed code', async () => {
    const s = await openSession(t, officer, ward, { candidates: 2, voters: 3 });
    const code = s.codeOf(s.voters[0]!);
    const skip = await voter.post(`/api/ballots/${code}`, ballot([s.candidates[0]!], 'high'));
    expect(skip.status).toBe(422);
    expect(skip.body.error.details[0].path).toBe('choices');
    const twice = await voter.post(
      `/api/ballots/${code}`,
      ballot([s.candidates[0]!, s.candidates[0]!], 'high'),
    );
    expect(twice.status).toBe(422);
    const badLevel = await voter.post(`/api/ballots/${code}`, {
      choices: [{ personId: s.candidates[0], level: 'maybe' }],
    });
    expect(badLevel.status).toBe(400);
    expect((await voter.get('/api/ballots/not-a-code')).status).toBe(400);
    // Lower case and dashes, as typed at a kiosk.
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`.toLowerCase();
    expect((await voter.get(`/api/ballots/${typed}`)).status).toBe(200);
    expect((await voter.post(`/api/ballots/${code}`, ballot(s.candidates, 'high'))).status).toBe(200);
  });
});

type Level = 'high' | 'confidence' | 'low' | null;
