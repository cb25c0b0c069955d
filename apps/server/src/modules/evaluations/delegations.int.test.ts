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

describe('deputies a head or manager may pick (GET /api/delegations/candidates)', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('lists active users in the review and decision scopes, searchable without diacritics, never the caller', async () => {
    const ward = await t.build.unit({ name: 'Phường Láng' });
    const team = await t.build.unit({ parent: ward, name: 'Tổ Một cửa' });
    const elsewhere = await t.build.unit({ name: 'Phường Ngoài' });
    const headUser = await t.build.user({ role: 'head', unit: ward });
    const head = await t.as(headUser);
    const manager = await t.as(await t.build.user({ role: 'manager', unit: team }));
    const named = async (unit: TestUnit, displayName: string) => {
      const user = await t.build.user({ role: 'staff', unit });
      await t.ctx.db
        .updateTable('app_user')
        .set({ display_name: displayName })
        .where('id', '=', user.id)
        .execute();
      return user;
    };
    const duc = await named(team, 'Nguyễn Văn Đức');
    const hoa = await named(ward, 'Trần Thị Hoà');
    const outside = await named(elsewhere, 'Nguyễn Văn Đức Ngoài');
    const disabled = await named(ward, 'Nguyễn Văn Đức Khóa');
    await t.ctx.db.updateTable('app_user').set({ disabled: true }).where('id', '=', disabled.id).execute();

    const all = await head.get('/api/delegations/candidates');
    expect(all.status).toBe(200);
    const ids = all.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining([duc.id, hoa.id]));
    expect(ids).not.toContain(headUser.id);
    expect(ids).not.toContain(outside.id);
    expect(ids).not.toContain(disabled.id);

    const search = await head.get(`/api/delegations/candidates?q=${encodeURIComponent('nguyen van duc')}`);
    expect(search.body.items).toEqual([
      { id: duc.id, displayName: 'Nguyễn Văn Đức', unitName: 'Tổ Một cửa' },
    ]);
    expect(
      (await head.get('/api/delegations/candidates?q=HOA')).body.items.map((c: { id: string }) => c.id),
    ).toEqual([hoa.id]);
    expect(
      (await head.get(`/api/delegations/candidates?q=${duc.username}`)).body.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([duc.id]);
    // A manager of the team sees the team only.
    const fromTeam = (await manager.get('/api/delegations/candidates')).body.items.map(
      (c: { id: string }) => c.id,
    );
    expect(fromTeam).toContain(duc.id);
    expect(fromTeam).not.toContain(hoa.id);

    // Whoever is offered can be named.
    const today = todayInVietnam();
    expect(
      (await head.post('/api/delegations', { toUserId: duc.id, validFrom: today, validTo: today })).status,
    ).toBe(201);
  });

  it('offers at most 20, and refuses callers with no review or decision work (403)', async () => {
    const ward = await t.build.unit({ name: 'Phường Đông' });
    const head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    for (let i = 0; i < 22; i++) await t.build.user({ role: 'staff', unit: ward });
    expect((await head.get('/api/delegations/candidates')).body.items).toHaveLength(20);
    const staff = await t.as(await t.build.user({ role: 'staff', unit: ward }));
    const officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    expect((await staff.get('/api/delegations/candidates')).status).toBe(403);
    expect((await officer.get('/api/delegations/candidates')).status).toBe(403);
  });
});
