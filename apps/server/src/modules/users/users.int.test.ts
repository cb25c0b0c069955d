import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries, personInput } from '../people/people.fixtures';

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

  describe('the account of a person (app_user.person_id)', () => {
    async function personIn(unit: TestUnit, fullName: string) {
      const admin = await t.as(await t.build.user({ role: 'admin' }));
      const res = await admin.post('/api/people', personInput(unit, { fullName }));
      expect(res.status).toBe(201);
      return res.body as { id: string; code: string };
    }

    it('an administrator links a new account to a person, shown with the person’s name and code', async () => {
      const admin = await t.as(await t.build.user({ role: 'admin' }));
      const person = await personIn(wardOffice, 'Đinh Văn Liên');
      const res = await admin.post('/api/users', {
        username: 'dinh.van.lien',
        displayName: 'Đinh Văn Liên',
        unitId: wardOffice.id,
        personId: person.id,
        grants: [{ role: 'staff', unitId: wardOffice.id }],
      });
      expect(res.status).toBe(201);
      expect(res.body.user).toMatchObject({
        personId: person.id,
        personName: 'Đinh Văn Liên',
        personCode: person.code,
      });
      const [created] = await auditEntries(t, 'user.created', res.body.user.id);
      expect(created!.after).toMatchObject({ personId: person.id });
      const found = await admin.get(`/api/users?personId=${person.id}`);
      expect(found.body.items.map((u: { id: string }) => u.id)).toEqual([res.body.user.id]);
    });

    it('one person has at most one account: 409 naming personId, on create and on update', async () => {
      const admin = await t.as(await t.build.user({ role: 'admin' }));
      const person = await personIn(ward, 'Mai Thị Một');
      const first = await t.build.user({ unit: ward });
      const { version } = (await admin.get(`/api/users/${first.id}`)).body;
      expect((await admin.patch(`/api/users/${first.id}`, { personId: person.id, version })).status).toBe(
        200,
      );
      const created = await admin.post('/api/users', {
        username: 'mai.thi.hai',
        displayName: 'Mai Thị Hai',
        unitId: ward.id,
        personId: person.id,
      });
      expect(created.status).toBe(409);
      expect(created.body.error.code).toBe('PERSON_LINKED');
      expect(created.body.error.message).toContain('Hồ sơ cán bộ');
      expect(created.body.error.details[0].path).toBe('personId');
      expect((await admin.get('/api/users?q=mai.thi.hai')).body.total).toBe(0);
      const second = await t.build.user({ unit: ward });
      const v2 = (await admin.get(`/api/users/${second.id}`)).body.version;
      const linked = await admin.patch(`/api/users/${second.id}`, { personId: person.id, version: v2 });
      expect(linked.status).toBe(409);
      expect(linked.body.error.details[0].path).toBe('personId');
      // Linking the same account to the same person again is no conflict.
      const again = await admin.patch(`/api/users/${first.id}`, {
        personId: person.id,
        version: version + 1,
      });
      expect(again.status).toBe(200);
    });

    it('null unlinks the account, audited with the person before and after', async () => {
      const admin = await t.as(await t.build.user({ role: 'admin' }));
      const person = await personIn(ward, 'Lý Văn Gỡ');
      const target = await t.build.user({ unit: ward });
      const { version } = (await admin.get(`/api/users/${target.id}`)).body;
      await admin.patch(`/api/users/${target.id}`, { personId: person.id, version });
      const session = await t.as(target);
      expect((await session.get('/api/people/me')).status).toBe(200);
      const res = await admin.patch(`/api/users/${target.id}`, { personId: null, version: version + 1 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ personId: null, personName: null, personCode: null });
      expect((await session.get('/api/people/me')).status).toBe(404);
      const [entry] = await auditEntries(t, 'user.updated', target.id);
      expect(entry!.before).toMatchObject({ personId: person.id });
      expect(entry!.after).toMatchObject({ personId: null });
    });

    it('an officer links only a person they read in a unit where they manage users; otherwise 404 naming personId', async () => {
      const officerUser = await t.build.user({ role: 'officer', unit: ward });
      const admin = await t.as(await t.build.user({ role: 'admin' }));
      // A head's grant on the other ward: its people are readable, its accounts not managed.
      await admin.post(`/api/users/${officerUser.id}/grants`, { role: 'head', unitId: otherWard.id });
      const officer = await t.as(officerUser);
      const inWard = await personIn(wardOffice, 'Trịnh Văn Trong');
      const readOnly = await personIn(otherWard, 'Trịnh Văn Chỉ Xem');
      expect((await officer.get(`/api/people/${readOnly.id}`)).status).toBe(200);
      const body = (personId: string, username: string) => ({
        username,
        displayName: 'Trịnh Văn',
        unitId: wardOffice.id,
        personId,
      });
      const outside = await officer.post('/api/users', body(readOnly.id, 'trinh.chi.xem'));
      expect(outside.status).toBe(404);
      expect(outside.body.error.details[0].path).toBe('personId');
      const missing = await officer.post(
        '/api/users',
        body('0190a0b0-0000-7000-8000-000000000000', 'trinh.khong'),
      );
      expect(missing.status).toBe(404);
      expect(missing.body.error.details[0].path).toBe('personId');
      const ok = await officer.post('/api/users', body(inWard.id, 'trinh.van.trong'));
      expect(ok.status).toBe(201);
      expect(ok.body.user.personId).toBe(inWard.id);
      const { version } = ok.body.user;
      const moved = await officer.patch(`/api/users/${ok.body.user.id}`, { personId: readOnly.id, version });
      expect(moved.status).toBe(404);
      expect(moved.body.error.details[0].path).toBe('personId');
    });
  });
});
