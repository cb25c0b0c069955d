import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { newId } from '../../ids';
import { auditEntries } from '../people/people.fixtures';
import { addPerson, evaluationsOf, publishedFramework } from './setup.fixtures';

describe('cycles: opening and enrolment', () => {
  let t: TestContext;
  let city: TestUnit;
  let a: TestUnit;
  let b: TestUnit;
  let elsewhere: TestUnit;
  let officer: Client;
  let frameworkId: string;
  const people: Record<string, string> = {};
  let cycle: { id: string; enrolled: number; version: number; label: string };

  beforeAll(async () => {
    t = await createTestContext();
    city = await t.build.unit({ name: 'Đảng bộ Phường' });
    a = await t.build.unit({ parent: city, name: 'Chi bộ A' });
    b = await t.build.unit({ parent: city, name: 'Chi bộ B' });
    elsewhere = await t.build.unit({ name: 'Đơn vị ngoài' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: city }));
    frameworkId = (await publishedFramework(t, city)).id;
    expect((await officer.put(`/api/evaluation/units/${a.id}/settings`, { reviewLevels: 2 })).status).toBe(
      200,
    );

    people.stayer = await addPerson(t, a, [{ unit: a, start: '2019-01-01' }], 'Lê Thị Ở Lại');
    // 10 days in A (1–10 October), then 21 in B: evaluated in B.
    people.mover = await addPerson(t, a, [
      { unit: a, start: '2018-01-01', end: '2026-10-11' },
      { unit: b, start: '2026-10-11' },
    ]);
    people.leader = await addPerson(t, a, [
      { unit: a, start: '2020-01-01', leader: true, title: 'Bí thư chi bộ' },
    ]);
    people.concurrent = await addPerson(t, a, [
      { unit: a, start: '2020-01-01' },
      { unit: b, start: '2026-09-01', concurrent: true, leader: true },
    ]);
    people.onlyConcurrent = await addPerson(t, elsewhere, [
      { unit: elsewhere, start: '2020-01-01' },
      { unit: a, start: '2020-01-01', concurrent: true },
    ]);
    people.leaver = await addPerson(t, a, [{ unit: a, start: '2020-01-01', end: '2026-10-20' }]);
    // 24 days outside the subtree, 7 in A: belongs to the other unit's cycle.
    people.mostlyOutside = await addPerson(t, elsewhere, [
      { unit: elsewhere, start: '2020-01-01', end: '2026-10-25' },
      { unit: a, start: '2026-10-25' },
    ]);
    people.gone = await addPerson(t, a, [{ unit: a, start: '2020-01-01', end: '2026-09-15' }]);
  });
  afterAll(() => t.close());

  it('opens a month with the default deadlines and enrols everyone once, where they spent most of it', async () => {
    const res = await officer.post('/api/cycles', {
      unitId: city.id,
      frameworkId,
      periodStart: '2026-10-01',
    });
    expect(res.status).toBe(201);
    cycle = res.body;
    expect(res.body).toMatchObject({
      label: 'Tháng 10/2026',
      periodKind: 'month',
      periodEnd: '2026-10-31',
      status: 'open',
      ruleSetId: 'hn-3814-2018',
      autoNext: true,
      deadlines: {
        selfDue: '2026-11-03',
        reviewDue: '2026-11-06',
        decisionDue: '2026-11-09',
        complaintDays: 5,
      },
      enrolled: 5,
    });
    expect(res.body.counts.draft).toBe(5);
    const rows = await evaluationsOf(t, res.body.id);
    const of = (key: string) => rows.find((r) => r.person_id === people[key]);
    expect(of('stayer')).toMatchObject({
      unit_id: a.id,
      decision_unit_id: a.id,
      state: 'draft',
      review_levels: 2,
    });
    expect(of('mover')).toMatchObject({ unit_id: b.id, decision_unit_id: b.id, review_levels: 1 });
    expect(of('leader')).toMatchObject({ unit_id: a.id, decision_unit_id: city.id, is_leader: true });
    expect(of('leader')!.position_title).toBe('Bí thư chi bộ');
    expect(of('concurrent')).toMatchObject({ unit_id: a.id, is_leader: false });
    expect(of('leaver')).toMatchObject({ unit_id: a.id });
    expect(of('onlyConcurrent')).toBeUndefined();
    expect(of('mostlyOutside')).toBeUndefined();
    expect(of('gone')).toBeUndefined();
    expect(rows.every((r) => r.framework_id === frameworkId && r.rule_set_id === 'hn-3814-2018')).toBe(true);
    const units = await t.ctx.db
      .selectFrom('eval_cycle_unit')
      .select('unit_id')
      .where('cycle_id', '=', res.body.id)
      .execute();
    expect(units.map((u) => u.unit_id).sort()).toEqual([a.id, b.id, city.id].sort());
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', 'in', [res.body.id, ...rows.map((r) => r.id)])
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['evaluationCycle.opened']);
  });

  it('refuses a second cycle for the same unit and period with 409', async () => {
    const res = await officer.post('/api/cycles', {
      unitId: city.id,
      frameworkId,
      periodStart: '2026-10-01',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CYCLE_EXISTS');
    expect(res.body.error.message).toContain('Tháng 10/2026');
  });

  it('re-enrolment adds a newcomer and re-homes the draft of someone who moved', async () => {
    people.newcomer = await addPerson(t, b, [{ unit: b, start: '2026-10-05' }]);
    await t.ctx.db
      .updateTable('position')
      .set({ end_date: '2026-10-03' })
      .where('person_id', '=', people.stayer!)
      .execute();
    await addPerson(t, b, []); // someone with no post is never enrolled
    const { db, tenantId } = t.ctx;
    await db
      .insertInto('position')
      .values({
        tenant_id: tenantId,
        id: newId(),
        person_id: people.stayer!,
        unit_id: b.id,
        title: 'Chuyên viên',
        start_date: '2026-10-03',
        created_at: new Date(),
      })
      .execute();
    const res = await officer.post(`/api/cycles/${cycle.id}/enrol`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ added: 1, rehomed: 1 });
    expect(res.body.cycle.enrolled).toBe(6);
    const rows = await evaluationsOf(t, cycle.id);
    expect(rows.find((r) => r.person_id === people.newcomer)!.unit_id).toBe(b.id);
    expect(rows.find((r) => r.person_id === people.stayer)).toMatchObject({ unit_id: b.id, version: 2 });
    expect(await auditEntries(t, 'evaluationCycle.enrolled', cycle.id)).toHaveLength(1);
    const again = await officer.post(`/api/cycles/${cycle.id}/enrol`);
    expect(again.body).toMatchObject({ added: 0, rehomed: 0 });
  });

  it('opens a quarter of Decree 335 labelled in Roman numerals', async () => {
    const fw = await publishedFramework(t, city, 'nd-335-2025');
    const res = await officer.post('/api/cycles', {
      unitId: city.id,
      frameworkId: fw.id,
      periodKind: 'quarter',
      periodStart: '2026-07-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: 'Quý III/2026', periodEnd: '2026-09-30', periodKind: 'quarter' });
    expect(res.body.deadlines.selfDue).toBe('2026-10-03');
    const notStart = await officer.post('/api/cycles', {
      unitId: a.id,
      frameworkId: fw.id,
      periodKind: 'quarter',
      periodStart: '2026-08-01',
    });
    expect(notStart.status).toBe(422);
    expect(notStart.body.error.details[0].path).toBe('periodStart');
  });

  it('refuses a rule set not in force at the period start, or without that period, naming it', async () => {
    const nd335 = await publishedFramework(t, city, 'nd-335-2025');
    const early = await officer.post('/api/cycles', {
      unitId: a.id,
      frameworkId: nd335.id,
      periodStart: '2025-12-01',
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('RULE_SET_NOT_IN_FORCE');
    expect(early.body.error.message).toContain('nd-335-2025');
    expect(early.body.error.messageEn).toContain('not in force');
    const quarter = await officer.post('/api/cycles', {
      unitId: a.id,
      frameworkId,
      periodKind: 'quarter',
      periodStart: '2026-07-01',
    });
    expect(quarter.status).toBe(422);
    expect(quarter.body.error.code).toBe('PERIOD_NOT_ALLOWED');
    expect(quarter.body.error.message).toContain('hn-3814-2018');
    const midMonth = await officer.post('/api/cycles', {
      unitId: a.id,
      frameworkId,
      periodStart: '2026-10-02',
    });
    expect(midMonth.status).toBe(422);
    const { body: draft } = await officer.post('/api/frameworks', {
      ruleSetId: 'hn-3814-2018',
      unitId: city.id,
      name: 'Chưa ban hành',
    });
    const unpublished = await officer.post('/api/cycles', {
      unitId: a.id,
      frameworkId: draft.id,
      periodStart: '2026-10-01',
    });
    expect(unpublished.status).toBe(422);
    expect(unpublished.body.error.code).toBe('FRAMEWORK_NOT_PUBLISHED');
  });

  it('changes deadlines with the version and refuses them out of order', async () => {
    const current = (await officer.get(`/api/cycles/${cycle.id}`)).body;
    const deadlines = {
      selfDue: '2026-11-05',
      reviewDue: '2026-11-04',
      decisionDue: '2026-11-12',
      complaintDays: 7,
    };
    const wrong = await officer.patch(`/api/cycles/${cycle.id}`, { deadlines, version: current.version });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0].path).toBe('deadlines.reviewDue');
    const ok = await officer.patch(`/api/cycles/${cycle.id}`, {
      deadlines: { ...deadlines, reviewDue: '2026-11-08' },
      autoNext: false,
      version: current.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      autoNext: false,
      deadlines: { reviewDue: '2026-11-08', complaintDays: 7 },
    });
    expect(
      (await officer.patch(`/api/cycles/${cycle.id}`, { autoNext: true, version: current.version })).status,
    ).toBe(409);
  });
});

describe('cycles: nobody is evaluated twice for the same time', () => {
  let t: TestContext;
  let city: TestUnit;
  let ward: TestUnit;
  let officer: Client;
  let frameworkId: string;
  const wardPeople: string[] = [];
  let cityPerson: string;

  beforeAll(async () => {
    t = await createTestContext();
    city = await t.build.unit({ name: 'Thành phố' });
    ward = await t.build.unit({ parent: city, name: 'Phường Một' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: city }));
    frameworkId = (await publishedFramework(t, city)).id;
    for (const name of ['Phạm Văn Phường', 'Đỗ Thị Phường'])
      wardPeople.push(await addPerson(t, ward, [{ unit: ward, start: '2020-01-01' }], name));
    cityPerson = await addPerson(t, city, [{ unit: city, start: '2020-01-01' }], 'Vũ Văn Thành');
  });
  afterAll(() => t.close());

  const open = (unit: TestUnit, periodStart: string, periodKind = 'month', fw = frameworkId) =>
    officer.post('/api/cycles', { unitId: unit.id, frameworkId: fw, periodStart, periodKind });

  it('a ward cycle in a month where the city cycle is open enrols nobody the city cycle already has', async () => {
    const cityCycle = await open(city, '2026-10-01');
    expect(cityCycle.status).toBe(201);
    expect(cityCycle.body).toMatchObject({ enrolled: 3, skipped: 0 });
    const wardCycle = await open(ward, '2026-10-01');
    expect(wardCycle.status).toBe(201);
    expect(wardCycle.body).toMatchObject({ enrolled: 0, skipped: 2 });
    const opened = await t.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'evaluationCycle.opened')
      .where('entity_id', '=', wardCycle.body.id)
      .executeTakeFirstOrThrow();
    expect(opened.after).toMatchObject({ enrolled: 0, skipped: 2 });
    // Re-enrolment does not bring them in either, and says why.
    const again = await officer.post(`/api/cycles/${wardCycle.body.id}/enrol`);
    expect(again.body).toMatchObject({ added: 0, skipped: 2 });
    const october = await t.ctx.db
      .selectFrom('evaluation as e')
      .innerJoin('eval_cycle as c', 'c.id', 'e.cycle_id')
      .select('e.person_id')
      .where('c.period_start', '=', '2026-10-01')
      .execute();
    expect(october.map((r) => r.person_id).sort()).toEqual([...wardPeople, cityPerson].sort());
  });

  it('a city cycle opened after the ward cycle of the month enrols only the people the ward cycle does not have', async () => {
    const wardCycle = await open(ward, '2026-11-01');
    expect(wardCycle.body).toMatchObject({ enrolled: 2, skipped: 0 });
    const cityCycle = await open(city, '2026-11-01');
    expect(cityCycle.body).toMatchObject({ enrolled: 1, skipped: 2 });
    expect((await evaluationsOf(t, cityCycle.body.id)).map((r) => r.person_id)).toEqual([cityPerson]);
    // A newcomer of the ward after both openings: whichever cycle enrols first keeps them.
    const newcomer = await addPerson(t, ward, [{ unit: ward, start: '2026-11-10' }]);
    expect((await officer.post(`/api/cycles/${cityCycle.body.id}/enrol`)).body).toMatchObject({
      added: 1,
      skipped: 2,
    });
    expect((await officer.post(`/api/cycles/${wardCycle.body.id}/enrol`)).body).toMatchObject({
      added: 0,
      skipped: 1,
    });
    const rows = await t.ctx.db
      .selectFrom('evaluation as e')
      .innerJoin('eval_cycle as c', 'c.id', 'e.cycle_id')
      .select(['e.person_id'])
      .where('c.period_start', '=', '2026-11-01')
      .execute();
    const ids = rows.map((r) => r.person_id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(ids.sort()).toEqual([...wardPeople, cityPerson, newcomer].sort());
  });

  it('a city and a ward cycle of the same month opened at the same moment share nobody', async () => {
    const [cityCycle, wardCycle] = await Promise.all([open(city, '2026-12-01'), open(ward, '2026-12-01')]);
    expect([cityCycle.status, wardCycle.status]).toEqual([201, 201]);
    const rows = await t.ctx.db
      .selectFrom('evaluation as e')
      .innerJoin('eval_cycle as c', 'c.id', 'e.cycle_id')
      .select(['e.person_id'])
      .where('c.period_start', '=', '2026-12-01')
      .execute();
    const ids = rows.map((r) => r.person_id);
    expect(ids).toHaveLength(new Set(ids).size);
    expect(cityCycle.body.enrolled + wardCycle.body.enrolled).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([...wardPeople, cityPerson]));
  });

  it('a quarter overlapping months already evaluated skips their people', async () => {
    const nd335 = (await publishedFramework(t, city, 'nd-335-2025')).id;
    const quarter = await open(city, '2026-10-01', 'quarter', nd335);
    expect(quarter.status).toBe(201);
    expect(quarter.body).toMatchObject({ enrolled: 0, skipped: 4 });
  });
});
