import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/client';
import { createTestContext, type TestContext, type TestUnit, type TestUser } from '../../test/context';
import { testEngine } from '../../test/database';
import { systemActor } from '../access/actor';
import { ensureTenant } from '../bootstrap';
import { pgliteOptions } from '../db/engine';
import { newId } from '../ids';
import { recordAudit } from './audit';
import { chainPending } from './chainer';
import { verifyAuditChain } from './verify';

const BIN = fileURLToPath(new URL('../../bin/canbo.mjs', import.meta.url));

/** Runs the CLI as an operator would; resolves with its exit code and output. */
function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const { DATABASE_URL: _u, CANBO_MIGRATION_DATABASE_URL: _m, CANBO_DATA_DIR: _d, ...base } = process.env;
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...base, CANBO_LOG_LEVEL: 'warn', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('audit trail', () => {
  let t: TestContext;
  let adminUser: TestUser;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    adminUser = await t.build.user({ role: 'admin' });
    admin = await t.as(adminUser);
  });
  afterAll(() => t.close());

  const rowsOfRequest = (requestId: unknown) =>
    t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', t.tenant.tenantId)
      .where('request_id', '=', String(requestId))
      .execute();
  const count = async () =>
    Number(
      (await t.ctx.db.selectFrom('audit_log').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow())
        .n,
    );

  /** The single audit entry written while answering `res`, checked against its request. */
  async function entryOf(res: { headers: Record<string, unknown> }) {
    const requestId = res.headers['x-request-id'];
    expect(requestId).toBeTruthy();
    const rows = await rowsOfRequest(requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.ip).toBe('127.0.0.1');
    return rows[0]!;
  }

  describe('every change of state writes one entry with its request', () => {
    it('a successful sign-in', async () => {
      const user = await t.build.user({ role: 'staff' });
      const res = await t.anonymous().signIn(user.username, user.password);
      expect(res.status).toBe(200);
      const row = await entryOf(res);
      expect(row).toMatchObject({
        action: 'auth.signedIn',
        actor_id: user.id,
        entity_type: 'user',
        entity_id: user.id,
        unit_path: user.unit.path,
      });
    });

    it('a failed sign-in, attributed to the account it tried', async () => {
      const user = await t.build.user({ role: 'staff' });
      const res = await t.anonymous().signIn(user.username, 'not-the-password-1');
      expect(res.status).toBe(401);
      const row = await entryOf(res);
      expect(row).toMatchObject({
        action: 'auth.signInFailed',
        actor_id: user.id,
        entity_type: 'user',
        entity_id: user.id,
      });
      expect(row.after).toEqual({ username: user.username, reason: 'wrong_password' });
    });

    it('a failed sign-in for an unknown name, with no actor', async () => {
      const res = await t.anonymous().signIn('khong.ton.tai', 'whatever-123');
      expect(res.status).toBe(401);
      const row = await entryOf(res);
      expect(row).toMatchObject({
        action: 'auth.signInFailed',
        actor_id: null,
        entity_id: null,
        unit_path: null,
      });
      expect(row.after).toEqual({ username: 'khong.ton.tai', reason: 'unknown_user' });
    });

    it('a unit created', async () => {
      const res = await admin.post('/api/units', {
        code: 'PBD',
        name: 'Phường Ba Đình',
        parentId: t.root.id,
      });
      expect(res.status).toBe(201);
      const row = await entryOf(res);
      expect(row).toMatchObject({
        action: 'unit.created',
        actor_id: adminUser.id,
        entity_type: 'unit',
        entity_id: res.body.id,
      });
      expect(row.unit_path).toBe(`${t.root.path}${res.body.id}/`);
      expect(row.before).toBeNull();
      expect(row.after).toMatchObject({ code: 'PBD', name: 'Phường Ba Đình', parentId: t.root.id });
    });

    it('a user created, then updated with before and after', async () => {
      const created = await admin.post('/api/users', {
        username: 'le.thi.hoa',
        displayName: 'Lê Thị Hoa',
        unitId: t.root.id,
      });
      expect(created.status).toBe(201);
      const id = created.body.user.id as string;
      const createdRow = await entryOf(created);
      expect(createdRow).toMatchObject({
        action: 'user.created',
        actor_id: adminUser.id,
        entity_type: 'user',
        entity_id: id,
      });
      expect(createdRow.after).toMatchObject({
        username: 'le.thi.hoa',
        displayName: 'Lê Thị Hoa',
        unitId: t.root.id,
      });
      expect(JSON.stringify(createdRow.after)).not.toMatch(/password/i);

      const updated = await admin.patch(`/api/users/${id}`, {
        displayName: 'Lê Thị Hoà',
        version: created.body.user.version,
      });
      expect(updated.status).toBe(200);
      const row = await entryOf(updated);
      expect(row).toMatchObject({ action: 'user.updated', actor_id: adminUser.id, entity_id: id });
      expect(row.before).toMatchObject({ displayName: 'Lê Thị Hoa', disabled: false });
      expect(row.after).toMatchObject({ displayName: 'Lê Thị Hoà', disabled: false });
    });

    it('a grant created and revoked', async () => {
      const user = await t.build.user({ role: null });
      const created = await admin.post(`/api/users/${user.id}/grants`, {
        role: 'manager',
        unitId: t.root.id,
      });
      expect(created.status).toBe(201);
      const row = await entryOf(created);
      expect(row).toMatchObject({
        action: 'grant.created',
        actor_id: adminUser.id,
        entity_type: 'grant',
        entity_id: created.body.id,
      });
      expect(row.after).toEqual({ userId: user.id, role: 'manager', unitId: t.root.id });

      const revoked = await admin.delete(`/api/grants/${created.body.id}`);
      expect(revoked.status).toBe(204);
      const gone = await entryOf(revoked);
      expect(gone).toMatchObject({
        action: 'grant.revoked',
        actor_id: adminUser.id,
        entity_id: created.body.id,
      });
      expect(gone.before).toEqual({ userId: user.id, role: 'manager', unitId: t.root.id });
      expect(gone.after).toBeNull();
    });

    it('security settings updated, tenant-wide', async () => {
      const current = await admin.get('/api/settings/security');
      const res = await admin.put('/api/settings/security', {
        totpRequiredRoles: ['admin'],
        version: current.body.version,
      });
      expect(res.status).toBe(200);
      const row = await entryOf(res);
      expect(row).toMatchObject({
        action: 'settings.securityUpdated',
        actor_id: adminUser.id,
        entity_type: 'settings',
        unit_path: null,
      });
      expect(row.before).toEqual({ totpRequiredRoles: current.body.totpRequiredRoles });
      expect(row.after).toEqual({ totpRequiredRoles: ['admin'] });
      await t.ctx.db.updateTable('security_settings').set({ totp_required_roles: '[]' }).execute(); // keep admins free of TOTP below
    });
  });

  describe('a refused change writes nothing', () => {
    it('a stale version (409) on a user', async () => {
      const user = await t.build.user({ role: 'staff' });
      const fresh = await admin.get(`/api/users/${user.id}`);
      expect(
        (await admin.patch(`/api/users/${user.id}`, { displayName: 'Tên mới', version: fresh.body.version }))
          .status,
      ).toBe(200);
      const before = await count();
      const stale = await admin.patch(`/api/users/${user.id}`, {
        displayName: 'Tên cũ',
        version: fresh.body.version,
      });
      expect(stale.status).toBe(409);
      expect(await rowsOfRequest(stale.headers['x-request-id'])).toHaveLength(0);
      expect(await count()).toBe(before);
    });

    it('a stale version (409) on the settings', async () => {
      const before = await count();
      const res = await admin.put('/api/settings/security', { totpRequiredRoles: [], version: 999 });
      expect(res.status).toBe(409);
      expect(await rowsOfRequest(res.headers['x-request-id'])).toHaveLength(0);
      expect(await count()).toBe(before);
    });

    it('a rule violation (422): a unit code already used, a grant already held', async () => {
      const before = await count();
      const unit = await admin.post('/api/units', { code: 'PBD', name: 'Trùng mã', parentId: t.root.id });
      expect(unit.status).toBe(422);
      expect(unit.body.error.code).toBe('UNIT_CODE_TAKEN');
      const grant = await admin.post(`/api/users/${adminUser.id}/grants`, {
        role: 'admin',
        unitId: t.root.id,
      });
      expect(grant.status).toBe(422);
      expect(await rowsOfRequest(unit.headers['x-request-id'])).toHaveLength(0);
      expect(await rowsOfRequest(grant.headers['x-request-id'])).toHaveLength(0);
      expect(await count()).toBe(before);
      expect(
        await t.ctx.db.selectFrom('org_unit').select('id').where('name', '=', 'Trùng mã').execute(),
      ).toHaveLength(0);
    });
  });

  describe('verifying the chain', () => {
    /** Writes `extra` entries for the tenant `code` (its own chain) as the application does. */
    async function writeEntries(code: string, extra: number) {
      const tenant = await ensureTenant(t.ctx.db, code, `Tỉnh ${code}`);
      for (let i = 1; i <= extra; i++) {
        await t.ctx.db.transaction().execute((tx) =>
          recordAudit(tx, systemActor(tenant.tenantId, 'test'), {
            action: 'test.step',
            entityType: 'test',
            entityId: String(i),
            unitPath: tenant.rootPath,
            after: { i, at: new Date(2026, 0, i) },
          }),
        );
      }
      return tenant.tenantId;
    }

    /**
     * A separate tenant with `extra` entries after its creation, linked as the chainer links them a
     * moment after commit; returns its id and its entries' numbers in chain order.
     */
    async function chainOf(code: string, extra = 4) {
      const tenantId = await writeEntries(code, extra);
      await chainPending(t.ctx.db, tenantId);
      const links = await t.ctx.db
        .selectFrom('audit_chain')
        .select('seq')
        .where('tenant_id', '=', tenantId)
        .orderBy('pos')
        .execute();
      return { tenantId, seqs: links.map((l) => Number(l.seq)) };
    }

    it('is intact on an untouched chain', async () => {
      const { tenantId, seqs } = await chainOf('intact');
      expect(seqs).toHaveLength(5);
      expect(await verifyAuditChain(t.ctx.db, tenantId)).toEqual({ ok: true, checked: 5, broken: null });
      const main = await verifyAuditChain(t.ctx.db, t.tenant.tenantId);
      expect(main.ok).toBe(true);
      expect(main.checked).toBeGreaterThan(10);
    });

    it('links pending entries in the order they were written, without holding up their commits', async () => {
      const tenantId = await writeEntries('pending', 3);
      const pending = await t.ctx.db
        .selectFrom('audit_pending')
        .select('seq')
        .where('tenant_id', '=', tenantId)
        .orderBy('seq')
        .execute();
      expect(pending).toHaveLength(4); // tenant.created and the three steps
      // Twenty audited changes at once: none waits for another (no chain lock inside a transaction).
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.ctx.db.transaction().execute((tx) =>
            recordAudit(tx, systemActor(tenantId, 'test'), {
              action: 'test.parallel',
              entityType: 'test',
              entityId: String(i),
              unitPath: null,
            }),
          ),
        ),
      );
      expect(await verifyAuditChain(t.ctx.db, tenantId)).toEqual({ ok: true, checked: 24, broken: null });
      const links = await t.ctx.db
        .selectFrom('audit_chain')
        .select(['pos', 'seq'])
        .where('tenant_id', '=', tenantId)
        .orderBy('pos')
        .execute();
      expect(links.map((l) => Number(l.pos))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      expect(links.slice(0, 4).map((l) => l.seq)).toEqual(pending.map((p) => p.seq));
      const left = await t.ctx.db
        .selectFrom('audit_pending')
        .select('seq')
        .where('tenant_id', '=', tenantId)
        .execute();
      expect(left).toEqual([]);
      expect(await chainPending(t.ctx.db, tenantId)).toBe(0);
    });

    it('names the entry whose content was altered', async () => {
      const { tenantId, seqs } = await chainOf('altered');
      await sql`UPDATE audit_log SET after = '{"i": 99}' WHERE tenant_id = ${tenantId} AND seq = ${seqs[2]}`.execute(
        t.ctx.db,
      );
      const result = await verifyAuditChain(t.ctx.db, tenantId);
      expect(result.ok).toBe(false);
      expect(result.broken).toEqual({ seq: seqs[2], reason: expect.stringMatching(/hash/) });
      expect(result.checked).toBe(2);
    });

    it('finds a deleted entry in the middle and at the end', async () => {
      const { tenantId, seqs } = await chainOf('gap');
      await sql`DELETE FROM audit_log WHERE tenant_id = ${tenantId} AND seq = ${seqs[4]}`.execute(t.ctx.db);
      expect((await verifyAuditChain(t.ctx.db, tenantId)).broken).toEqual({
        seq: seqs[4],
        reason: expect.stringMatching(/missing/),
      });
      await sql`DELETE FROM audit_log WHERE tenant_id = ${tenantId} AND seq = ${seqs[2]}`.execute(t.ctx.db);
      const result = await verifyAuditChain(t.ctx.db, tenantId);
      expect(result.ok).toBe(false);
      expect(result.broken).toEqual({ seq: seqs[2], reason: expect.stringMatching(/missing/) });
    });

    it('finds a deleted last link through the head', async () => {
      const { tenantId, seqs } = await chainOf('tail');
      await sql`DELETE FROM audit_chain WHERE tenant_id = ${tenantId} AND pos = 5`.execute(t.ctx.db);
      const result = await verifyAuditChain(t.ctx.db, tenantId);
      expect(result.ok).toBe(false);
      expect(result.checked).toBe(4);
      expect(result.broken).toEqual({ seq: 5, reason: expect.stringMatching(/head/) });
      expect(seqs).toHaveLength(5);
    });

    it('finds two entries whose numbers were swapped', async () => {
      const { tenantId, seqs } = await chainOf('swap');
      await t.ctx.db.transaction().execute(async (tx) => {
        await sql`UPDATE audit_log SET seq = -1 WHERE tenant_id = ${tenantId} AND seq = ${seqs[1]}`.execute(
          tx,
        );
        await sql`UPDATE audit_log SET seq = ${seqs[1]} WHERE tenant_id = ${tenantId} AND seq = ${seqs[2]}`.execute(
          tx,
        );
        await sql`UPDATE audit_log SET seq = ${seqs[2]} WHERE tenant_id = ${tenantId} AND seq = -1`.execute(
          tx,
        );
      });
      const result = await verifyAuditChain(t.ctx.db, tenantId);
      expect(result.ok).toBe(false);
      expect(result.broken?.seq).toBe(seqs[1]);
    });

    it('finds an entry written around the application, which is never linked', async () => {
      const { tenantId } = await chainOf('stray');
      const stray = await sql<{ seq: string }>`
        INSERT INTO audit_log (tenant_id, id, at, action, entity_type, unit_path)
        VALUES (${tenantId}, ${newId()}, now(), 'test.stray', 'test', NULL) RETURNING seq`.execute(t.ctx.db);
      const result = await verifyAuditChain(t.ctx.db, tenantId);
      expect(result).toEqual({
        ok: false,
        checked: 5,
        broken: { seq: Number(stray.rows[0]!.seq), reason: expect.stringMatching(/not in the chain/) },
      });
    });

    it('GET /api/audit/verify answers ok, then names the altered entry, for an administrator only', async () => {
      expect((await admin.get('/api/audit/verify')).body).toMatchObject({ ok: true, broken: null });
      const staff = await t.as(await t.build.user({ role: 'staff' }));
      expect((await staff.get('/api/audit/verify')).status).toBe(403);

      const target = await t.ctx.db
        .selectFrom('audit_log')
        .select(['seq', 'after'])
        .where('tenant_id', '=', t.tenant.tenantId)
        .where('action', '=', 'unit.created')
        .orderBy('seq')
        .executeTakeFirstOrThrow();
      const restore = JSON.stringify(target.after);
      await sql`UPDATE audit_log SET after = '{"code":"FORGED"}' WHERE tenant_id = ${t.tenant.tenantId} AND seq = ${target.seq}`.execute(
        t.ctx.db,
      );
      try {
        const res = await admin.get('/api/audit/verify');
        expect(res.status).toBe(200);
        expect(res.body.ok).toBe(false);
        expect(res.body.broken.seq).toBe(Number(target.seq));
      } finally {
        await sql`UPDATE audit_log SET after = ${restore}::jsonb WHERE tenant_id = ${t.tenant.tenantId} AND seq = ${target.seq}`.execute(
          t.ctx.db,
        );
      }
      expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
    });
  });

  describe('reading the trail under scope', () => {
    let district: TestUnit;
    let ward: TestUnit;
    let elsewhere: TestUnit;

    beforeAll(async () => {
      district = await t.build.unit({ name: 'Quận Đống Đa' });
      ward = await t.build.unit({ parent: district, name: 'Phường Láng Hạ' });
      elsewhere = await t.build.unit({ name: 'Quận Tây Hồ' });
      await t.build.user({ unit: ward });
      await t.build.user({ unit: elsewhere });
    });

    it('an inspector of a district sees the entries of its subtree and no tenant-wide ones', async () => {
      const inspector = await t.as(await t.build.user({ role: 'inspector', unit: district }));
      const res = await inspector.get('/api/audit?pageSize=200');
      expect(res.status).toBe(200);
      const seqs = res.body.items.map((i: { seq: number }) => i.seq) as number[];
      expect(seqs.length).toBe(res.body.total);
      const paths = await t.ctx.db
        .selectFrom('audit_log')
        .select(['seq', 'unit_path'])
        .where('tenant_id', '=', t.tenant.tenantId)
        .where('seq', 'in', seqs.map(String))
        .execute();
      expect(paths).toHaveLength(seqs.length);
      for (const p of paths) expect(p.unit_path?.startsWith(district.path), `entry ${p.seq}`).toBe(true);
      const actions = res.body.items.map(
        (i: { action: string; entityId: string }) => `${i.action}:${i.entityId}`,
      );
      expect(actions).toContain(`unit.created:${ward.id}`);
      expect(actions).not.toContain(`unit.created:${elsewhere.id}`);

      const visibleToAdmin = (await admin.get('/api/audit?pageSize=200&action=settings.securityUpdated'))
        .body;
      expect(visibleToAdmin.total).toBeGreaterThan(0); // exists, yet hidden from the inspector
      expect((await inspector.get('/api/audit?action=settings.securityUpdated')).body.total).toBe(0);
    });
  });

  describe('canbo audit verify', () => {
    let folder: string;
    beforeAll(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'canbo-audit-'));
    });
    afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('exits 0 on an intact chain and names the broken entry after tampering', {
      timeout: 180_000,
    }, async () => {
      // PGlite: a data folder of its own. PostgreSQL: a tenant of its own in this file's database.
      const env: Record<string, string> =
        testEngine() === 'pglite'
          ? { CANBO_DATA_DIR: folder }
          : { DATABASE_URL: t.testDb.url!, CANBO_TENANT: 'cli' };
      expect((await runCli(['migrate'], env)).code).toBe(0);
      const created = await runCli(
        [
          'user',
          'create',
          '--username',
          'pham.van.binh',
          '--display-name',
          'Phạm Văn Bình',
          '--role',
          'officer',
          '--password',
          'Kiemthu2026xyz',
        ],
        env,
      );
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      const intact = await runCli(['audit', 'verify'], env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/intact: 2 entries checked/);

      const tamper = `UPDATE audit_log SET after = '{"username":"someone.else"}'
        WHERE action = 'user.created' AND tenant_id = (SELECT id FROM tenant WHERE code = '${testEngine() === 'pglite' ? 'default' : 'cli'}')
        RETURNING seq`;
      let seq: number;
      if (testEngine() === 'pglite') {
        const pglite = await PGlite.create(folder, pgliteOptions());
        seq = Number((await pglite.query<{ seq: number }>(tamper)).rows[0]!.seq);
        await pglite.close();
      } else {
        seq = Number((await sql.raw<{ seq: number }>(tamper).execute(t.ctx.db)).rows[0]!.seq);
      }
      const broken = await runCli(['audit', 'verify'], env);
      expect(broken.code).not.toBe(0);
      expect(broken.stderr).toMatch(new RegExp(`broken at entry ${seq}\\b`));
    });
  });
});
