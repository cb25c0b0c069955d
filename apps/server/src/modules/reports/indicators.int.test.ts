import type { IndicatorTable } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext } from '../../../test/context';
import { type Actor, systemActor } from '../../access/actor';
import { applyAsSystem, type OrgUnit, ref, staff, unit } from '../units/org.fixtures';
import {
  annualReview,
  cycle,
  evaluation,
  reviewPeriod,
  setFacts,
  voteSession,
  weakOrg,
} from './reports.fixtures';

/** The figures of a table as { dimension code → measure }, for hand-computed expectations. */
function column(table: IndicatorTable, dim: string, measure: string) {
  return Object.fromEntries(table.rows.map((r) => [r.values[dim], r.values[measure]]));
}

describe('indicators: hand-computed figures over a subtree, a period and an as-of date', () => {
  let t: TestContext;
  let system: Actor;
  let ward: OrgUnit;
  let a: OrgUnit;
  let b: OrgUnit;
  let merged: { id: string; path: string; name: string };
  let officer: Client;
  let staffClient: Client;
  let wardPeople: string[];

  const compute = (
    id: string,
    unitId: string,
    q: { from?: string; to?: string; asOf?: string; bands?: number[] } = {},
  ) =>
    t.services.indicators.compute(system, id, {
      unitId,
      from: q.from ?? '2025-01-01',
      to: q.to ?? '2025-12-31',
      ...(q.asOf ? { asOf: q.asOf } : {}),
      ...(q.bands ? { bands: q.bands } : {}),
    });

  beforeAll(async () => {
    t = await createTestContext();
    system = systemActor(t.ctx.tenantId, 'test');
    ward = await unit(t, { name: 'Phường Ba Đình', validFrom: '2020-01-01' });
    const people = await staff(t, ward.id, 6, { since: '2021-01-01' });
    wardPeople = people.map((p) => p.id);
    // Ages on 2025-12-31: 35, 50 (51 the next day), 51, 40 (that very day), 25; the sixth left in 2022.
    const facts = [
      {
        sex: 'female',
        birthDate: '1990-03-10',
        staffCategory: 'cadre',
        politicalTheory: 'advanced',
        partyStatus: 'full',
      },
      {
        sex: 'male',
        birthDate: '1975-01-01',
        staffCategory: 'civil_servant',
        ethnicity: 'Tày',
        politicalTheory: 'intermediate',
        partyStatus: 'probationary',
      },
      { sex: 'female', birthDate: '1974-12-31', staffCategory: 'civil_servant', politicalTheory: null },
      {
        sex: 'male',
        birthDate: '1985-12-31',
        staffCategory: 'public_employee',
        politicalTheory: 'elementary',
        partyStatus: 'full',
      },
      { sex: 'male', birthDate: '2000-01-01', staffCategory: 'contract_worker', politicalTheory: 'none' },
      { sex: 'female', birthDate: '1980-05-05', staffCategory: 'civil_servant', status: 'left' },
    ] as const;
    for (const [i, f] of facts.entries()) await setFacts(t, wardPeople[i]!, f);
    await t.ctx.db
      .updateTable('position')
      .set({ end_date: '2022-06-01' })
      .where('person_id', '=', wardPeople[5]!)
      .execute();

    // Two wards merged into a new one on 2025-07-01: A keeps 3 people, B 2.
    a = await unit(t, { name: 'Phường A', validFrom: '2020-01-01' });
    b = await unit(t, { name: 'Phường B', validFrom: '2020-01-01' });
    const inA = await staff(t, a.id, 3, { since: '2021-01-01' });
    const inB = await staff(t, b.id, 2, { since: '2021-01-01' });
    // A monthly cycle before the merge, on the root: A grades 2 excellent of 3 (30% of 3 rounds down to 0).
    const march = await cycle(t, t.root, '2025-03');
    await evaluation(t, march, inA[0]!.id, a, 'final', 'excellent');
    await evaluation(t, march, inA[1]!.id, a, 'published', 'excellent');
    await evaluation(t, march, inA[2]!.id, a, 'decided', 'good');
    await evaluation(t, march, inB[0]!.id, b, 'draft');
    await evaluation(t, march, inB[1]!.id, b, 'notEvaluated');
    const change = await applyAsSystem(t, {
      kind: 'merge',
      effectiveDate: '2025-07-01',
      sources: [await ref(t, a), await ref(t, b)],
      into: { kind: 'new', unit: { code: 'P-AB', name: 'Phường AB', type: 'commune', parentId: t.root.id } },
      grants: 'keep',
    });
    const created = await t.ctx.db
      .selectFrom('org_unit')
      .select(['id', 'path', 'name'])
      .where('code', '=', 'P-AB')
      .executeTakeFirstOrThrow();
    merged = created;
    expect(change).toBeDefined();

    // Annual reviews of 2025 in the ward.
    const period = await reviewPeriod(t, t.root, 2025);
    await annualReview(t, period, ward, {
      subject: 'person',
      track: 'state',
      personId: wardPeople[0],
      state: 'published',
      grade: 'excellent',
    });
    await annualReview(t, period, ward, {
      subject: 'person',
      track: 'state',
      personId: wardPeople[1],
      state: 'decided',
      grade: 'good',
    });
    await annualReview(t, period, ward, {
      subject: 'person',
      track: 'state',
      personId: wardPeople[2],
      state: 'proposed',
    });
    await annualReview(t, period, ward, {
      subject: 'person',
      track: 'state',
      personId: wardPeople[3],
      state: 'notReviewed',
    });
    await annualReview(t, period, ward, {
      subject: 'organisation',
      track: 'party',
      state: 'published',
      grade: 'good',
    });

    // Weak party cells of the ward: one in 2024 (consolidated), three in 2025 (one consolidated).
    const cells = [];
    for (let i = 0; i < 4; i++)
      cells.push(await unit(t, { parent: ward, validFrom: '2020-01-01', type: 'party_cell' }));
    await weakOrg(t, cells[0]!, 2024, 'consolidated');
    await weakOrg(t, cells[1]!, 2025, 'consolidated');
    await weakOrg(t, cells[2]!, 2025, 'inProgress');
    await weakOrg(t, cells[3]!, 2025, 'notConsolidated');

    // Votes in the ward: one valid session flagging one person, one void session, one of 2024, one draft.
    await voteSession(t, ward, '2025-05-20', {
      flags: [
        { personId: wardPeople[0]!, flag: 'none' },
        { personId: wardPeople[1]!, flag: 'removeFromPlanning' },
      ],
    });
    await voteSession(t, ward, '2025-06-10', {
      isVoid: true,
      flags: [{ personId: wardPeople[3]!, flag: 'none' }],
    });
    await voteSession(t, ward, '2024-06-10', { flags: [{ personId: wardPeople[3]!, flag: 'dismissal' }] });
    await voteSession(t, ward, '2025-08-10', {
      state: 'draft',
      flags: [{ personId: wardPeople[4]!, flag: 'none' }],
    });

    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    staffClient = await t.as(await t.build.user({ role: 'staff', unit: ward }));
  });
  afterAll(() => t.close());

  it('counts the ward by staff category, with shares half up (1/5 = 20,00%)', async () => {
    const table = await compute('people.byCategory', ward.id);
    expect(column(table, 'category', 'people')).toEqual({
      cadre: 1,
      civil_servant: 2,
      public_employee: 1,
      contract_worker: 1,
      commune_nonprofessional: 0,
    });
    expect(column(table, 'category', 'share')).toMatchObject({ cadre: 20, civil_servant: 40 });
    expect(table.total).toEqual({ people: 5, share: 100 });
    expect(table.rows[0]!.labels.category).toEqual({ vi: 'Cán bộ', en: 'Cadres' });
  });

  it('counts by sex, ethnicity, political theory and party status', async () => {
    expect(column(await compute('people.bySex', ward.id), 'sex', 'people')).toEqual({ male: 3, female: 2 });
    expect(column(await compute('people.byEthnicity', ward.id), 'ethnicity', 'people')).toEqual({
      Kinh: 4,
      Tày: 1,
    });
    expect(column(await compute('people.byPoliticalTheory', ward.id), 'level', 'people')).toEqual({
      bachelor: 0,
      advanced: 1,
      intermediate: 1,
      elementary: 1,
      none: 1,
      unknown: 1,
    });
    const party = await compute('party.membersByStatus', ward.id);
    expect(column(party, 'status', 'people')).toEqual({ full: 2, probationary: 1, suspended: 0 });
    expect(column(party, 'status', 'share')).toEqual({ full: 66.67, probationary: 33.33, suspended: 0 });
  });

  it('puts people in age tiers on the as-of date: 40 and 50 fall in "40 to 50", 51 over 50; bands are configurable', async () => {
    const table = await compute('people.byAgeTier', ward.id, { asOf: '2025-12-31' });
    expect(column(table, 'tier', 'people')).toEqual({ lt40: 2, '40to50': 2, ge51: 1 });
    expect(table.rows.map((r) => r.labels.tier!.vi)).toEqual(['Dưới 40', 'Từ 40 đến 50', 'Trên 50']);
    // A day later the one born on 1 January 1975 turns 51.
    expect(
      column(
        await compute('people.byAgeTier', ward.id, { asOf: '2026-01-01', to: '2026-01-01' }),
        'tier',
        'people',
      ),
    ).toEqual({
      lt40: 2,
      '40to50': 1,
      ge51: 2,
    });
    const custom = await compute('people.byAgeTier', ward.id, { asOf: '2025-12-31', bands: [30, 45] });
    expect(column(custom, 'tier', 'people')).toEqual({ lt30: 1, '30to44': 2, ge45: 2 });
  });

  it('crosses age tiers with sex for the pyramid: men and women per tier, the share of women per tier and overall', async () => {
    // On 2025-12-31: under 40 a woman (35) and a man (25); 40 to 50 two men (50 and 40); over 50 a woman (51).
    const table = await compute('people.byAgeAndSex', ward.id, { asOf: '2025-12-31' });
    expect(table.rows.map((r) => r.labels.tier!.vi)).toEqual(['Dưới 40', 'Từ 40 đến 50', 'Trên 50']);
    expect(column(table, 'tier', 'male')).toEqual({ lt40: 1, '40to50': 2, ge51: 0 });
    expect(column(table, 'tier', 'female')).toEqual({ lt40: 1, '40to50': 0, ge51: 1 });
    expect(column(table, 'tier', 'femaleShare')).toEqual({ lt40: 50, '40to50': 0, ge51: 100 });
    expect(table.total).toEqual({ male: 3, female: 2, total: 5, femaleShare: 40 });
    // The same bands as the age tiers: at 30 and 45 the 40-year-old man joins the 30s.
    const custom = await compute('people.byAgeAndSex', ward.id, { asOf: '2025-12-31', bands: [30, 45] });
    expect(column(custom, 'tier', 'male')).toEqual({ lt30: 1, '30to44': 1, ge45: 1 });
    expect(column(custom, 'tier', 'female')).toEqual({ lt30: 0, '30to44': 1, ge45: 1 });
  });

  it('the map of units: each active child of the root with its headcount and headline, across the merge', async () => {
    const byUnit = (id: string, unitId: string, asOf: string) =>
      t.services.indicators.byUnit(system, id, { unitId, from: '2025-01-01', to: '2025-12-31', asOf });
    const sex = await byUnit('people.bySex', t.root.id, '2025-12-31');
    expect(sex.headline).toMatchObject({ key: 'femaleShare', unit: 'percent' });
    expect({ headcount: sex.headcount, value: sex.value }).toEqual({ headcount: 10, value: 20 });
    // A and B were merged away: only the ward (2 women of 5, 4 party cells) and AB (5 men) remain.
    const figures = Object.fromEntries(
      sex.items.map((i) => [i.name, { headcount: i.headcount, value: i.value, childCount: i.childCount }]),
    );
    expect(figures).toEqual({
      'Phường Ba Đình': { headcount: 5, value: 40, childCount: 4 },
      'Phường AB': { headcount: 5, value: 0, childCount: 0 },
    });
    // Before the merge AB counts its predecessors' people.
    const before = await byUnit('people.bySex', t.root.id, '2025-06-30');
    expect(before.items.find((i) => i.unitId === merged.id)).toMatchObject({ headcount: 5, value: 0 });
    // Share graded excellent: AB's March cycle (2 of 3); the ward has no evaluations (0/0 → null).
    const grades = await byUnit('evaluations.grades', t.root.id, '2025-12-31');
    expect(Object.fromEntries(grades.items.map((i) => [i.name, i.value]))).toEqual({
      'Phường Ba Đình': null,
      'Phường AB': 66.67,
    });
    // The ward's party cells hold nobody: headcount 0 and nothing to share.
    const cells = await byUnit('people.bySex', ward.id, '2025-12-31');
    expect(cells.items).toHaveLength(4);
    expect(cells.items.every((i) => i.headcount === 0 && i.value === null)).toBe(true);
    // Headlines read off a table: the total, or a share of picked rows.
    expect((await byUnit('people.byCategory', ward.id, '2025-12-31')).value).toBe(5);
    expect((await byUnit('party.weakOrgs', ward.id, '2025-12-31')).value).toBe(33.33);
    expect((await byUnit('annual.grades', ward.id, '2025-12-31')).value).toBe(50);
    expect((await byUnit('people.byAgeTier', ward.id, '2025-12-31')).value).toBe(40);
  });

  it('counts on the as-of date: a person who left counts while they held a post', async () => {
    expect(column(await compute('people.bySex', ward.id, { asOf: '2021-06-01' }), 'sex', 'people')).toEqual({
      male: 3,
      female: 3,
    });
  });

  it('across a merge: the successor counts its predecessors’ people before the date, a closed unit nothing after', async () => {
    const total = async (unitId: string, asOf: string) =>
      (await compute('people.bySex', unitId, { asOf })).total!.people;
    expect(await total(merged.id, '2025-06-30')).toBe(5);
    expect(await total(merged.id, '2025-07-01')).toBe(5);
    expect(await total(a.id, '2025-06-30')).toBe(3);
    expect(await total(a.id, '2025-07-01')).toBe(0);
    expect(await total(b.id, '2025-06-30')).toBe(2);
    // The root on either side of the merge: the ward's 5, A's 3 and B's 2.
    expect(await total(t.root.id, '2025-06-30')).toBe(10);
    expect(await total(t.root.id, '2025-07-02')).toBe(10);
  });

  it('evaluations before a merge count in the successor: completion, grades and quota', async () => {
    const completion = await compute('evaluations.completion', merged.id);
    expect(completion.rows).toHaveLength(1);
    expect(completion.rows[0]!.values).toMatchObject({ due: 4, selfAssessed: 3, decided: 3, completion: 75 });
    expect(completion.rows[0]!.labels.cycle!.vi).toBe('Tháng 03/2025');
    const grades = await compute('evaluations.grades', merged.id);
    expect(grades.rows[0]!.values).toMatchObject({
      graded: 3,
      excellent: 2,
      excellentShare: 66.67,
      good: 1,
      goodShare: 33.33,
      completed: 0,
      notCompleted: 0,
    });
    const quota = await compute('evaluations.quota', merged.id);
    expect(quota.rows[0]!.values).toMatchObject({ units: 1, exceeding: 1, compliance: 0 });
    // The ward has no evaluations; a period without the cycle has none either.
    expect((await compute('evaluations.completion', ward.id)).rows).toEqual([]);
    expect((await compute('evaluations.completion', merged.id, { from: '2025-04-01' })).rows).toEqual([]);
  });

  it('annual grades of people and collectives, decided results only', async () => {
    const table = await compute('annual.grades', ward.id);
    const person = table.rows.find((r) => r.values.subject === 'person')!;
    expect(person.values).toMatchObject({
      track: 'state',
      reviewed: 3,
      graded: 2,
      excellent: 1,
      excellentShare: 50,
      good: 1,
      notReviewed: 1,
    });
    const org = table.rows.find((r) => r.values.subject === 'organisation')!;
    expect(org.values).toMatchObject({ track: 'party', graded: 1, good: 1, goodShare: 100 });
    expect((await compute('annual.grades', ward.id, { from: '2026-01-01', to: '2026-12-31' })).rows).toEqual(
      [],
    );
  });

  it('weak base party organisations: "consolidated X/Y" per year', async () => {
    const table = await compute('party.weakOrgs', ward.id, { from: '2024-01-01' });
    expect(column(table, 'year', 'weak')).toEqual({ '2024': 1, '2025': 3 });
    expect(column(table, 'year', 'consolidated')).toEqual({ '2024': 1, '2025': 1 });
    expect(column(table, 'year', 'consolidatedShare')).toEqual({ '2024': 100, '2025': 33.33 });
    expect(table.total).toMatchObject({
      weak: 4,
      consolidated: 2,
      inProgress: 1,
      notConsolidated: 1,
      consolidatedShare: 50,
    });
  });

  it('confidence votes: closed sessions of the period, void ones, people flagged', async () => {
    const table = await compute('votes.outcomes', ward.id);
    expect(column(table, 'outcome', 'count')).toEqual({
      sessionsHeld: 2,
      sessionsVoid: 1,
      peopleVotedOn: 2,
      removeFromPlanning: 1,
      dismissal: 0,
    });
  });

  it('restructuring: the merge of the period, its closed units and people moved', async () => {
    const table = await compute('org.changes', merged.id);
    expect(table.rows.map((r) => r.values)).toEqual([
      { kind: 'merge', changes: 1, unitsCreated: 1, unitsClosed: 2, peopleMoved: 5 },
    ]);
    expect((await compute('org.changes', ward.id)).rows).toEqual([]);
  });

  it('over HTTP: the registry, a table in scope, 404 out of scope or unknown, 400 on bad input', async () => {
    const registry = await officer.get('/api/indicators');
    expect(registry.status).toBe(200);
    const ids = registry.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'people.byCategory',
        'people.bySex',
        'people.byAgeTier',
        'people.byEthnicity',
        'people.byPoliticalTheory',
        'party.membersByStatus',
        'evaluations.completion',
        'evaluations.grades',
        'evaluations.quota',
        'annual.grades',
        'party.weakOrgs',
        'votes.outcomes',
        'org.changes',
      ]),
    );
    const q = (unitId: string, extra = '') => `?unitId=${unitId}&from=2025-01-01&to=2025-12-31${extra}`;
    const ok = await officer.get(
      `/api/indicators/people.byAgeTier${q(ward.id, '&bands=40,51&asOf=2025-12-31')}`,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.total.people).toBe(5);
    expect((await officer.get(`/api/indicators/people.bySex${q(a.id)}`)).status).toBe(404);
    expect((await officer.get(`/api/indicators/nothing.here${q(ward.id)}`)).status).toBe(404);
    expect((await officer.get(`/api/indicators/people.byAgeTier${q(ward.id, '&bands=50,40')}`)).status).toBe(
      400,
    );
    expect(
      (await officer.get(`/api/indicators/people.bySex?unitId=${ward.id}&from=2025-12-31&to=2025-01-01`))
        .status,
    ).toBe(400);
    expect((await staffClient.get(`/api/indicators/people.bySex${q(ward.id)}`)).status).toBe(404);
    expect((await staffClient.get('/api/indicators')).status).toBe(403);

    const map = await officer.get(`/api/indicators/people.bySex/by-unit${q(ward.id, '&asOf=2025-12-31')}`);
    expect(map.status).toBe(200);
    expect(map.body).toMatchObject({ unitId: ward.id, headcount: 5, value: 40 });
    expect(map.body.items).toHaveLength(4);
    expect((await officer.get(`/api/indicators/people.bySex/by-unit${q(t.root.id)}`)).status).toBe(404);
    expect((await officer.get(`/api/indicators/nothing.here/by-unit${q(ward.id)}`)).status).toBe(404);
    expect((await staffClient.get(`/api/indicators/people.bySex/by-unit${q(ward.id)}`)).status).toBe(404);
    expect(registry.body.items.find((i: { id: string }) => i.id === 'people.bySex').headline).toEqual({
      key: 'femaleShare',
      label: { vi: 'Tỷ lệ nữ', en: 'Share of women' },
      unit: 'percent',
    });
  });
});
