import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestUser } from '../../../test/context';
import { totpCode } from './totp';

describe('sign-in, sessions and second factor', () => {
  let t: TestContext;
  let staff: TestUser;

  beforeAll(async () => {
    t = await createTestContext({ lockoutThreshold: 3, lockoutMinutes: 15 });
    staff = await t.build.user({ role: 'staff' });
  });
  afterAll(() => t.close());

  it('signs in with the right password and answers /me', async () => {
    const client = t.anonymous();
    const res = await client.signIn(staff.username, staff.password);
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe(staff.username);
    const cookie = res.headers['set-cookie']!.toString();
    expect(cookie).toMatch(/canbo_session=.*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await client.get('/api/auth/me')).body.user.id).toBe(staff.id);
  });

  it('refuses a wrong password with the error shape, in Vietnamese and English', async () => {
    const res = await t.anonymous().signIn(staff.username, 'wrong-password-1');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(res.body.error.message).toMatch(/mật khẩu/);
    expect(res.body.error.messageEn).toMatch(/password/);
  });

  it('locks the account after repeated failures, even for the right password, and an admin unlocks it', async () => {
    const victim = await t.build.user({ role: 'staff' });
    const client = t.anonymous();
    expect((await client.signIn(victim.username, 'nope-nope-1')).status).toBe(401);
    expect((await client.signIn(victim.username, 'nope-nope-2')).status).toBe(401);
    const third = await client.signIn(victim.username, 'nope-nope-3');
    expect(third.status).toBe(423);
    expect(third.body.error.code).toBe('ACCOUNT_LOCKED');
    expect((await client.signIn(victim.username, victim.password)).status).toBe(423);
    const admin = await t.build.user({ role: 'admin' });
    const adminClient = await t.as(admin);
    expect((await adminClient.post(`/api/users/${victim.id}/unlock`)).status).toBe(204);
    expect((await t.anonymous().signIn(victim.username, victim.password)).status).toBe(200);
  });

  it('rejects a state-changing request without the CSRF token', async () => {
    const client = await t.as(staff);
    const res = await client.raw({ method: 'POST', url: '/api/auth/sign-out' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CSRF_INVALID');
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('rejects a sign-in without the pre-session CSRF token', async () => {
    const res = await t.anonymous().raw({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: JSON.stringify({ username: staff.username, password: staff.password }),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(403);
  });

  it('signs out and the session no longer works', async () => {
    const client = await t.as(staff);
    expect((await client.post('/api/auth/sign-out')).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const client = await t.as(staff);
    await t.ctx.db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - (t.ctx.config.sessionIdleMinutes + 1) * 60_000) })
      .where('user_id', '=', staff.id)
      .execute();
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session at its absolute expiry even when active', async () => {
    const client = await t.as(staff);
    await t.ctx.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000), last_seen_at: new Date() })
      .where('user_id', '=', staff.id)
      .execute();
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('the cleanup job deletes expired sessions', async () => {
    await t.as(staff);
    await t.ctx.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    const deleted = await t.services.auth.cleanupExpiredSessions();
    expect(deleted).toBeGreaterThan(0);
    const left = await t.ctx.db
      .selectFrom('user_session')
      .select('id')
      .where('expires_at', '<', new Date())
      .execute();
    expect(left).toHaveLength(0);
  });

  it('changes the password, enforcing the policy', async () => {
    const user = await t.build.user({ role: 'staff' });
    const client = await t.as(user);
    const weak = await client.post('/api/auth/password', {
      currentPassword: user.password,
      newPassword: 'short1',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    expect(weak.body.error.details[0].path).toBe('newPassword');
    const wrong = await client.post('/api/auth/password', {
      currentPassword: 'not-it-123',
      newPassword: 'Mat khau moi 2026',
    });
    expect(wrong.body.error.code).toBe('WRONG_PASSWORD');
    expect(
      (
        await client.post('/api/auth/password', {
          currentPassword: user.password,
          newPassword: 'Mat khau moi 2026',
        })
      ).status,
    ).toBe(204);
    expect((await t.anonymous().signIn(user.username, user.password)).status).toBe(401);
    expect((await t.anonymous().signIn(user.username, 'Mat khau moi 2026')).status).toBe(200);
  });

  it('an admin reset forces a change at next sign-in and blocks the app until then', async () => {
    const user = await t.build.user({ role: 'staff' });
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const reset = await admin.post(`/api/users/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    const temp = reset.body.temporaryPassword as string;
    const client = t.anonymous();
    const signIn = await client.signIn(user.username, temp);
    expect(signIn.body.pending).toBe('password_change');
    const blocked = await client.get('/api/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await client.post('/api/auth/password', { currentPassword: temp, newPassword: 'Doi mat khau 2027' }))
        .status,
    ).toBe(204);
    expect((await client.get('/api/auth/me')).body.pending).toBeNull();
    expect((await client.get('/api/units')).status).toBe(200);
  });

  it('enrols a TOTP second factor required for a role, then asks for the code at sign-in', async () => {
    const officer = await t.build.user({ role: 'officer' });
    const admin = await t.as(await t.build.user({ role: 'admin' }));
    const settings = (await admin.get('/api/settings/security')).body;
    expect(
      (
        await admin.put('/api/settings/security', {
          totpRequiredRoles: ['officer'],
          version: settings.version,
        })
      ).status,
    ).toBe(200);

    const client = await t.as(officer);
    expect((await client.get('/api/auth/me')).body.pending).toBe('totp_enrollment');
    expect((await client.get('/api/users')).body.error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const setup = await client.post('/api/auth/totp/setup');
    expect(setup.body.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect((await client.post('/api/auth/totp/enable', { code: '000000' })).status).toBe(422);
    const enrolledAt = Date.now() - 30_000; // a code from the previous step, so the next sign-in code is fresh
    expect(
      (await client.post('/api/auth/totp/enable', { code: totpCode(setup.body.secret, enrolledAt) })).status,
    ).toBe(204);
    expect((await client.get('/api/auth/me')).body.pending).toBeNull();

    const next = t.anonymous();
    const first = await next.signIn(officer.username, officer.password);
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('TOTP_REQUIRED');
    expect((await next.signIn(officer.username, officer.password, '123456')).body.error.code).toBe(
      'TOTP_INVALID',
    );
    const code = totpCode(setup.body.secret);
    expect((await next.signIn(officer.username, officer.password, code)).status).toBe(200);
    // A code works once.
    expect((await t.anonymous().signIn(officer.username, officer.password, code)).status).toBe(401);
  });
});
