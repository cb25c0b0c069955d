import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit, type TestUser } from '../../../test/context';
import { auditEntries } from '../people/people.fixtures';
import { todayInVietnam } from '../units/units.dates';
import { addDays } from './cycles.periods';
import { addPerson, evaluationsOf, openCycle, publishedFramework } from './setup.fixtures';

describe('delegation of review and decision work to a deputy', () => {
  let t: TestContext;
  let ward: TestUnit;
  let headUser: TestUser;
  let deputyUser: TestUser;
  let head: Client;
  let deputy: Client;
  let bystander: Client;
  let officer: Client;
  let evaluationId: string;
  const today = todayInVietnam();

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Liễu Giai' });
    const elsewhere = await t.build.unit({ name: 'Phường Khác' });
    headUser = await t.build.user({ role: 'head', unit: ward });
    deputyUser = await t.build.user({ role: 'staff', unit: ward });
    head = await t.as(headUser);
    deputy = await t.as(deputyUser);
    bystander = await t.as(await t.build.user({ role: 'head', unit: elsewhere }));
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    await addPerson(t, ward, [{ unit: ward, start: '2020-01-01' }]);
    const fw = await publishedFramework(t, ward);
    const cycle = await openCycle(t, ward, fw.id, `${today.slice(0, 7)}-01`);
    evaluationId = (await evaluationsOf(t, cycle.id))[0]!.id;
  });
  afterAll(() => t.close());

  it("widens the deputy's access while active, lists it both ways, and ends it on revocation", async () => {
    expect((await deputy.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(404);
    const res = await head.post('/api/delegations', {
      toUserId: deputyUser.id,
      validFrom: today,
      validTo: addDays(today, 7),
      reason: 'Đi học lớp bồi dưỡng',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      fromUserId: headUser.id,
      toUserId: deputyUser.id,
      active: true,
      revokedAt: null,
    });
    expect(await auditEntries(t, 'evaluationDelegation.created', res.body.id)).toHaveLength(1);
    expect((await deputy.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(200);
    expect((await head.get('/api/delegations')).body.given.map((d: { id: string }) => d.id)).toEqual([
      res.body.id,
    ]);
    expect((await deputy.get('/api/delegations')).body.received.map((d: { id: string }) => d.id)).toEqual([
      res.body.id,
    ]);

    expect((await deputy.delete(`/api/delegations/${res.body.id}`)).status).toBe(403);
    expect((await bystander.delete(`/api/delegations/${res.body.id}`)).status).toBe(404);
    expect((await head.delete(`/api/delegations/${res.body.id}`)).status).toBe(204);
    expect((await head.delete(`/api/delegations/${res.body.id}`)).status).toBe(422);
    expect(await auditEntries(t, 'evaluationDelegation.revoked', res.body.id)).toHaveLength(1);
    expect((await deputy.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(404);
    expect((await deputy.get('/api/delegations')).body.received[0].active).toBe(false);
  });

  it('an officer managing the delegator’s unit may revoke; a future delegation gives nothing yet', async () => {
    const res = await head.post('/api/delegations', {
      toUserId: deputyUser.id,
      validFrom: addDays(today, 3),
      validTo: addDays(today, 9),
    });
    expect(res.body.active).toBe(false);
    expect((await deputy.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(404);
    expect((await officer.delete(`/api/delegations/${res.body.id}`)).status).toBe(204);
  });

  it('refuses bad ranges, oneself, someone out of sight, and callers with nothing to delegate', async () => {
    const base = { toUserId: deputyUser.id, validFrom: today, validTo: today };
    const order = await head.post('/api/delegations', { ...base, validTo: addDays(today, -1) });
    expect(order.status).toBe(422);
    expect(order.body.error.details[0].path).toBe('validTo');
    expect((await head.post('/api/delegations', { ...base, toUserId: headUser.id })).status).toBe(422);
    expect((await bystander.post('/api/delegations', base)).status).toBe(404);
    expect((await deputy.post('/api/delegations', { ...base, toUserId: headUser.id })).status).toBe(403);
    expect((await officer.post('/api/delegations', base)).status).toBe(403);
  });
});
