import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';

describe('users and grants under scope', () => {
  let t: TestContext;
  let ward: TestUnit;
  let wardOffice: TestUnit;
  let otherWard: TestUnit;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Ba Đình' });
    wardOffice = await t.build.unit({ parent: ward, name: 'Văn phòng phường Ba Đình' });
    otherWard = await t.build.unit({ name: 'Phường Hoàn Kiếm' });
  });
  afterAll(() => t.close());

  it('an administrator creates a user with a grant and a temporary password that must be changed', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const res = await admin.post('/api/users', {
      username: 'nguyen.van.an',
      displayName: 'Nguyễn Văn An',
      email: 'an@example.vn',
      unitId: wardOffice.id,
      grants: [{ role: 'manager', unitId: wardOffice.id }],
    });
    expect(res.status).toBe(201);
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(res.body.user.mustChangePassword).toBe(true);
    const detail = await admin.get(`/api/users/${res.body.user.id}`);
    expect(detail.body.grants).toEqual([expect.objectContaining({ role: 'manager', unitId: wardOffice.id })]);
    const signIn = await t.anonymous().signIn('nguyen.van.an', res.body.temporaryPassword);
    expect(signIn.body.pending).toBe('password_change');
  });

  it('refuses a duplicate username whatever its case', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    await admin.post('/api/users', {
      username: 'tran.thi.binh',
      displayName: 'Trần Thị Bình',
      unitId: ward.id,
    });
    const again = await admin.post('/api/users', {
      username: 'Tran.Thi.Binh',
      displayName: 'Trần Thị Bình',
      unitId: ward.id,
    });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('USERNAME_TAKEN');
    expect(again.body.error.details[0].path).toBe('username');
  });

  it('an officer of a ward sees only the users of the ward and never above it', async () => {
    const officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    const inWard = await t.build.user({ unit: wardOffice });
    const elsewhere = await t.build.user({ unit: otherWard });
    const list = await officer.get('/api/users?pageSize=200');
    const ids = list.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(inWard.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await officer.get(`/api/users/${elsewhere.id}`)).status).toBe(404);
    expect((await officer.get(`/api/users/${inWard.id}`)).status).toBe(200);
  });

  it('an officer grants roles inside the scope but not on a unit above it, and never the administrator role', async () => {
    const officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    const target = await t.build.user({ unit: wardOffice, role: null });
    const ok = await officer.post(`/api/users/${target.id}/grants`, { role: 'head', unitId: wardOffice.id });
    expect(ok.status).toBe(201);
    const above = await officer.post(`/api/users/${target.id}/grants`, { role: 'staff', unitId: t.root.id });
    expect(above.status).toBe(404);
    const adminRole = await officer.post(`/api/users/${target.id}/grants`, {
      role: 'admin',
      unitId: ward.id,
    });
    expect(adminRole.status).toBe(403);
    const twice = await officer.post(`/api/users/${target.id}/grants`, {
      role: 'head',
      unitId: wardOffice.id,
    });
    expect(twice.body.error.code).toBe('GRANT_EXISTS');
    expect((await officer.delete(`/api/grants/${ok.body.id}`)).status).toBe(204);
    expect((await officer.get(`/api/users/${target.id}/grants`)).body).toEqual([]);
  });

  it('a grant on a unit covers its whole subtree', async () => {
    const head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    expect((await head.get(`/api/units/${wardOffice.id}`)).status).toBe(200);
    expect((await head.get(`/api/units/${otherWard.id}`)).status).toBe(404);
    const top = await head.get('/api/units');
    expect(top.body.items.map((u: { id: string }) => u.id)).toEqual([ward.id]);
    const children = await head.get(`/api/units?parentId=${ward.id}`);
    expect(children.body.items.map((u: { id: string }) => u.id)).toEqual([wardOffice.id]);
  });

  it('the last administrator grant cannot be revoked', async () => {
    const fresh = await createTestContext();
    try {
      const only = await fresh.build.user({ role: 'admin' });
      const admin = await fresh.as(only);
      const grants = (await admin.get(`/api/users/${only.id}/grants`)).body;
      const res = await admin.delete(`/api/grants/${grants[0].id}`);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('LAST_ADMIN');
    } finally {
      await fresh.close();
    }
  });

  it('a stale version is refused with 409 and the other change is kept', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const target = await t.build.user({ unit: ward });
    const { version } = (await admin.get(`/api/users/${target.id}`)).body;
    const first = await admin.patch(`/api/users/${target.id}`, { displayName: 'Lê Văn Cường', version });
    expect(first.status).toBe(200);
    const second = await admin.patch(`/api/users/${target.id}`, { displayName: 'Lê Văn Dũng', version });
    expect(second.status).toBe(409);
    expect((await admin.get(`/api/users/${target.id}`)).body.displayName).toBe('Lê Văn Cường');
  });

  it('concurrent updates with the same version: exactly one wins, nothing is lost silently', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const target = await t.build.user({ unit: ward });
    const { version } = (await admin.get(`/api/users/${target.id}`)).body;
    const names = ['Phạm Thị Mai', 'Phạm Thị Lan', 'Phạm Thị Cúc', 'Phạm Thị Đào'];
    const results = await Promise.all(
      names.map((displayName) => admin.patch(`/api/users/${target.id}`, { displayName, version })),
    );
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(names.length - 1);
    expect((await admin.get(`/api/users/${target.id}`)).body.displayName).toBe(winners[0]!.body.displayName);
  });

  it('disabling a user ends their sessions; they cannot sign in', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const target = await t.build.user({ unit: ward });
    const session = await t.as(target);
    const { version } = (await admin.get(`/api/users/${target.id}`)).body;
    expect((await admin.patch(`/api/users/${target.id}`, { disabled: true, version })).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().signIn(target.username, target.password)).status).toBe(401);
  });

  it('an officer cannot reset the password of an administrator in their subtree', async () => {
    const officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    const wardAdmin = await t.build.user({ role: 'admin', unit: ward });
    const res = await officer.post(`/api/users/${wardAdmin.id}/reset-password`);
    expect(res.status).toBe(403);
  });

  it('searches users by username and name, paged with a total', async () => {
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    await t.build.user({ unit: otherWard, username: 'hoang.thi.xuan' });
    const res = await admin.get('/api/users?q=hoang.thi&pageSize=5');
    expect(res.body.total).toBe(1);
    expect(res.body.items[0].username).toBe('hoang.thi.xuan');
    const page = await admin.get('/api/users?page=1&pageSize=2');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
  });
});
