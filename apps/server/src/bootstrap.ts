import { checkPasswordPolicy } from '@canbo/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import { systemActor } from './access/actor';
import { recordAudit } from './audit/audit';
import type { DB } from './db/schema';
import { newId } from './ids';
import { usernameKey } from './modules/auth/auth.service';
import { hashPassword, temporaryPassword } from './modules/auth/passwords';
import { insertUnit } from './modules/units/units.repository';
import { countUsers, insertGrant, insertUser } from './modules/users/users.repository';

export interface Tenant {
  tenantId: string;
  rootPath: string;
  rootUnitId: string;
  created: boolean;
}

/** Any constant: processes starting together on an empty database create the tenant and admin once. */
const BOOTSTRAP_LOCK = 7_243_002;
const bootstrapLock = (tx: Transaction<DB>) =>
  sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(tx);

/** The deployment's tenant and its root unit, created on first start. */
export async function ensureTenant(db: Kysely<DB>, code: string, rootName: string): Promise<Tenant> {
  return db.transaction().execute(async (tx) => {
    await bootstrapLock(tx);
    const existing = await tx
      .selectFrom('tenant as t')
      .innerJoin('org_unit as u', 'u.tenant_id', 't.id')
      .select(['t.id', 'u.id as unit_id', 'u.path'])
      .where('t.code', '=', code)
      .where('u.parent_id', 'is', null)
      .orderBy('u.created_at')
      .executeTakeFirst();
    if (existing)
      return { tenantId: existing.id, rootPath: existing.path, rootUnitId: existing.unit_id, created: false };
    const tenantId = newId();
    const rootId = newId();
    const now = new Date();
    await tx.insertInto('tenant').values({ id: tenantId, code, name: rootName, created_at: now }).execute();
    const path = `/${rootId}/`;
    await insertUnit(tx, {
      tenantId,
      id: rootId,
      code: 'ROOT',
      name: rootName,
      parentId: null,
      path,
      depth: 0,
      now,
    });
    await recordAudit(tx, systemActor(tenantId), {
      action: 'tenant.created',
      entityType: 'tenant',
      entityId: tenantId,
      unitPath: null,
      after: { code, rootName },
    });
    return { tenantId, rootPath: path, rootUnitId: rootId, created: true };
  });
}

export class WeakAdminPassword extends Error {}

/**
 * On an empty database the administrator is created from CANBO_ADMIN_PASSWORD, or with a
 * generated password that is returned once (to be printed) and must be changed at first sign-in.
 */
export async function ensureAdmin(
  db: Kysely<DB>,
  tenant: Tenant,
  configured: string | null,
): Promise<{ created: boolean; username: string; generatedPassword: string | null }> {
  if ((await countUsers(db, tenant.tenantId)) > 0)
    return { created: false, username: 'admin', generatedPassword: null };
  if (configured) {
    const failures = checkPasswordPolicy(configured, 'admin');
    if (failures.length)
      throw new WeakAdminPassword(`CANBO_ADMIN_PASSWORD is too weak: ${failures.map((f) => f.en).join(' ')}`);
  }
  const password = configured ?? temporaryPassword(16);
  const hash = await hashPassword(password);
  const created = await db.transaction().execute(async (tx) => {
    await bootstrapLock(tx);
    if ((await countUsers(tx, tenant.tenantId)) > 0) return false; // another process was first
    const id = newId();
    const now = new Date();
    await insertUser(tx, {
      tenantId: tenant.tenantId,
      id,
      username: 'admin',
      usernameKey: usernameKey('admin'),
      displayName: 'Quản trị hệ thống',
      email: null,
      unitId: tenant.rootUnitId,
      passwordHash: hash,
      mustChangePassword: configured === null,
      now,
    });
    await insertGrant(tx, {
      tenantId: tenant.tenantId,
      id: newId(),
      userId: id,
      role: 'admin',
      unitId: tenant.rootUnitId,
      createdBy: null,
      now,
    });
    await recordAudit(tx, systemActor(tenant.tenantId), {
      action: 'user.created',
      entityType: 'user',
      entityId: id,
      unitPath: tenant.rootPath,
      after: { username: 'admin', grants: [{ role: 'admin', unitId: tenant.rootUnitId }] },
    });
    return true;
  });
  if (!created) return { created: false, username: 'admin', generatedPassword: null };
  return { created: true, username: 'admin', generatedPassword: configured ? null : password };
}
