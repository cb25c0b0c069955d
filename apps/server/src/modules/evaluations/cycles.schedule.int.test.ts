import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { auditEntries } from '../people/people.fixtures';
import { addPerson, evaluationsOf, openCycle, publishedFramework } from './setup.fixtures';

describe('cycles: outstanding mark, review levels and the daily schedule', () => {
  let t: TestContext;
  let ward: TestUnit;
  let team: TestUnit;
  let officer: Client;
  let head: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Tây Hồ' });
    team = await t.build.unit({ parent: ward, name: 'Tổ Một' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    await addPerson(t, team, [{ unit: team, start: '2020-01-01' }]);
  });
  afterAll(() => t.close());

  it('marks a unit outstanding while the cycle is open, with its version, audited', async () => {
    const fw = await publishedFramework(t, ward);
    const cycle = await openCycle(t, ward, fw.id, '2026-06-01');
    const url = `/api/cycles/${cycle.id}/units/${team.id}/outstanding`;
    const res = await officer.put(url, {
      outstanding: true,
      reason: 'Dẫn đầu phong trào thi đua',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unitId: team.id,
      outstanding: true,
      outstandingReason: 'Dẫn đầu phong trào thi đua',
      version: 2,
    });
    expect((await officer.put(url, { outstanding: false, version: 1 })).status).toBe(409);
    expect((await head.put(url, { outstanding: false, version: 2 })).status).toBe(403);
    expect(await auditEntries(t, 'evaluationCycle.outstandingMarked', cycle.id)).toHaveLength(1);
    const notInCycle = await t.build.unit({ parent: ward });
    expect(
      (
        await officer.put(`/api/cycles/${cycle.id}/units/${notInCycle.id}/outstanding`, {
          outstanding: true,
          version: 1,
        })
      ).status,
    ).toBe(404);
    await t.ctx.db.updateTable('eval_cycle').set({ status: 'closed' }).where('id', '=', cycle.id).execute();
    const closed = await officer.put(url, { outstanding: false, version: 2 });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('CYCLE_CLOSED');
  });

  it('refuses the mark where the rule set has no higher cap (qd-366-2025)', async () => {
    // A unit of its own: the team's people are evaluated in June already, and nobody is evaluated
    // twice for the same time (a quarter overlapping June would skip them).
    const cell = await t.build.unit({ parent: ward, name: 'Chi bộ Quý' });
    await addPerson(t, cell, [{ unit: cell, start: '2020-01-01' }]);
    const fw = await publishedFramework(t, ward, 'qd-366-2025');
    const cycle = await openCycle(t, cell, fw.id, '2026-04-01', 'quarter');
    const res = await officer.put(`/api/cycles/${cycle.id}/units/${cell.id}/outstanding`, {
      outstanding: true,
      version: 1,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NO_OUTSTANDING_CAP');
  });

  it('keeps review levels per unit: 1 by default, changed by an officer with the version', async () => {
    const url = `/api/evaluation/units/${team.id}/settings`;
    expect((await head.get(url)).body).toEqual({ unitId: team.id, reviewLevels: 1, version: 0 });
    expect((await head.put(url, { reviewLevels: 2 })).status).toBe(403);
    expect((await officer.put(url, { reviewLevels: 2 })).body).toMatchObject({ reviewLevels: 2, version: 1 });
    expect((await officer.put(url, { reviewLevels: 3 })).status).toBe(409);
    expect((await officer.put(url, { reviewLevels: 3, version: 1 })).body).toMatchObject({
      reviewLevels: 3,
      version: 2,
    });
    const bad = await officer.put(url, { reviewLevels: 4, version: 2 });
    expect(bad.status).toBe(400);
  });

  it('opens exactly one successor of an ended auto-next cycle, with the latest published version and the same offsets', async () => {
    const system = systemActor(t.ctx.tenantId);
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Hai' });
    await addPerson(t, unit, [{ unit, start: '2020-01-01' }]);
    const v1 = await publishedFramework(t, unit);
    const first = await t.services.cycles.create(system, {
      unitId: unit.id,
      frameworkId: v1.id,
      periodKind: 'month',
      periodStart: '2026-09-01',
      deadlines: {
        selfDue: '2026-10-02',
        reviewDue: '2026-10-04',
        decisionDue: '2026-10-06',
        complaintDays: 3,
      },
      autoNext: true,
    });
    const v2 = await t.services.frameworks.create(system, {
      ruleSetId: 'hn-3814-2018',
      unitId: unit.id,
      name: 'Phiên bản 2',
      basedOnId: v1.id,
      newVersion: true,
    });
    await t.services.frameworks.publish(system, v2.id, v2.version);
    const newcomer = await addPerson(t, unit, [{ unit, start: '2026-10-01' }]);

    const run1 = await t.services.cycles.daily('2026-10-05');
    const run2 = await t.services.cycles.daily('2026-10-05');
    const successors = await t.ctx.db
      .selectFrom('eval_cycle')
      .selectAll()
      .where('previous_id', '=', first.id)
      .execute();
    expect(successors).toHaveLength(1);
    const next = successors[0]!;
    expect(run1.opened).toContain(next.id);
    expect(run2.opened).not.toContain(next.id);
    expect(next).toMatchObject({
      label: 'Tháng 10/2026',
      period_start: '2026-10-01',
      period_end: '2026-10-31',
      framework_id: v2.id,
      self_due: '2026-11-02',
      review_due: '2026-11-04',
      decision_due: '2026-11-06',
      complaint_days: 3,
      auto_next: true,
      status: 'open',
      enrolled: 2,
    });
    const enrolled = await evaluationsOf(t, next.id);
    expect(enrolled.map((e) => e.person_id)).toContain(newcomer);
    expect(enrolled.every((e) => e.framework_id === v2.id)).toBe(true);
  });

  it('the schedule re-runs enrolment of open cycles', async () => {
    // Outside the ward, whose own open cycles would enrol the newcomer first (nobody twice).
    const unit = await t.build.unit({ name: 'Tổ Ba' });
    const fw = await publishedFramework(t, unit);
    const cycle = await openCycle(t, unit, fw.id, '2026-11-01');
    expect(cycle.enrolled).toBe(0);
    const late = await addPerson(t, unit, [{ unit, start: '2026-11-02' }]);
    const run = await t.services.cycles.daily('2026-11-23');
    expect(run.reenrolled).toContainEqual({ cycleId: cycle.id, added: 1, rehomed: 0 });
    expect((await evaluationsOf(t, cycle.id)).map((e) => e.person_id)).toEqual([late]);
  });
});
