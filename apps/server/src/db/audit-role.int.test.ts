import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/context';
import { systemActor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import { chainBatch } from '../audit/chainer';
import { verifyAuditChain } from '../audit/verify';
import type { DB } from './schema';

/**
 * The application role of docs/OPERATIONS.md may append to the audit log but never change or
 * remove an entry. Both engines support roles, so the same statements run on each.
 */
describe('the application role cannot rewrite the audit log', () => {
  let t: TestContext;
  const role = `canbo_app_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    t = await createTestContext();
    // The setup documented in docs/OPERATIONS.md, run by the owner after the migrations.
    await sql.raw(`CREATE ROLE ${role} NOLOGIN`).execute(t.ctx.db);
    await sql.raw(`GRANT USAGE ON SCHEMA public TO ${role}`).execute(t.ctx.db);
    await sql
      .raw(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`)
      .execute(t.ctx.db);
    await sql.raw(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain FROM ${role}`).execute(t.ctx.db);
  });
  afterAll(async () => {
    await sql.raw(`DROP OWNED BY ${role}`).execute(t.ctx.db); // its privileges, so the role can go
    await sql.raw(`DROP ROLE ${role}`).execute(t.ctx.db);
    await t.close();
  });

  /** Runs `statement` in a transaction as the application role; resolves to the SQLSTATE of a failure, or null. */
  async function asApp(statement: (tx: Transaction<DB>) => Promise<unknown>) {
    try {
      await t.ctx.db.transaction().execute(async (tx) => {
        await sql.raw(`SET LOCAL ROLE ${role}`).execute(tx);
        expect((await sql<{ u: string }>`SELECT current_user AS u`.execute(tx)).rows[0]!.u).toBe(role);
        await statement(tx);
      });
      return null;
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  it('appends entries through the application code path', async () => {
    const before = await verifyAuditChain(t.ctx.db, t.tenant.tenantId);
    const failure = await asApp((tx) =>
      recordAudit(tx, systemActor(t.tenant.tenantId, 'test'), {
        action: 'test.appended',
        entityType: 'test',
        unitPath: null,
        after: { n: 1 },
      }),
    );
    expect(failure).toBeNull();
    // The chainer runs as the application role too: it links, removes the pending mark, moves the head.
    expect(await asApp((tx) => chainBatch(tx, t.tenant.tenantId))).toBeNull();
    const pending = await t.ctx.db.selectFrom('audit_pending').selectAll().execute();
    expect(pending).toEqual([]);
    const after = await verifyAuditChain(t.ctx.db, t.tenant.tenantId);
    expect(after).toMatchObject({ ok: true, checked: before.checked + 1 });
  });

  it('reads the log and still changes other tables', async () => {
    expect(await asApp((tx) => sql`SELECT count(*) FROM audit_log`.execute(tx))).toBeNull();
    expect(
      await asApp((tx) =>
        sql`UPDATE org_unit SET name = name WHERE tenant_id = ${t.tenant.tenantId}`.execute(tx),
      ),
    ).toBeNull();
  });

  it('is refused UPDATE, DELETE and TRUNCATE on the log with permission denied (42501)', async () => {
    expect(
      await asApp((tx) => sql`UPDATE audit_log SET after = '{"forged":true}' WHERE seq = 1`.execute(tx)),
    ).toBe('42501');
    expect(await asApp((tx) => sql`DELETE FROM audit_log WHERE seq = 1`.execute(tx))).toBe('42501');
    expect(await asApp((tx) => sql`TRUNCATE audit_log`.execute(tx))).toBe('42501');
    expect(await asApp((tx) => sql`UPDATE audit_chain SET hash = 'x' WHERE pos = 1`.execute(tx))).toBe(
      '42501',
    );
    expect(await asApp((tx) => sql`DELETE FROM audit_chain WHERE pos = 1`.execute(tx))).toBe('42501');
    expect((await verifyAuditChain(t.ctx.db, t.tenant.tenantId)).ok).toBe(true);
  });

  it('the application code never issues an UPDATE or DELETE on the log or its chain', () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const sources = (fs.readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => path.join(root, f));
    expect(sources.length).toBeGreaterThan(20);
    const forbidden =
      /updateTable\(\s*['"]audit_(log|chain)|deleteFrom\(\s*['"]audit_(log|chain)|UPDATE\s+audit_(log|chain)|DELETE\s+FROM\s+audit_(log|chain)|TRUNCATE\s+audit_(log|chain)/i;
    const offenders = sources.filter((file) => forbidden.test(fs.readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
