import type { Role } from '@canbo/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActorGrant } from '../../access/actor';
import type { DB } from '../../db/schema';

export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  username: string;
  displayName: string;
  email: string | null;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  disabled: boolean;
  grants: ActorGrant[];
  totpRequiredRoles: Role[];
}

interface GrantJson {
  id: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitPath: string;
  createdAt: string;
}

/** One round trip per request: the session, its user, their grants and the sign-in settings. */
export async function findSession(
  db: Kysely<DB>,
  tenantId: string,
  sessionId: string,
): Promise<SessionRow | null> {
  const { rows } = await sql<{
    id: string;
    user_id: string;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    username: string;
    display_name: string;
    email: string | null;
    must_change_password: boolean;
    totp_enabled: boolean;
    disabled: boolean;
    grants: GrantJson[];
    totp_required_roles: Role[] | null;
  }>`
    SELECT s.id, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
           u.username, u.display_name, u.email, u.must_change_password, u.totp_enabled, u.disabled,
           COALESCE((SELECT json_agg(json_build_object('id', g.id, 'role', g.role, 'unitId', g.unit_id,
                       'unitName', o.name, 'unitPath', o.path, 'createdAt', g.created_at) ORDER BY o.path, g.role)
                     FROM role_grant g
                     JOIN org_unit o ON o.tenant_id = g.tenant_id AND o.id = g.unit_id
                     WHERE g.tenant_id = s.tenant_id AND g.user_id = s.user_id), '[]'::json) AS grants,
           (SELECT totp_required_roles FROM security_settings ss WHERE ss.tenant_id = s.tenant_id) AS totp_required_roles
      FROM user_session s
      JOIN app_user u ON u.tenant_id = s.tenant_id AND u.id = s.user_id
     WHERE s.tenant_id = ${tenantId} AND s.id = ${sessionId}`.execute(db);
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    userId: r.user_id,
    csrfToken: r.csrf_token,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    mustChangePassword: r.must_change_password,
    totpEnabled: r.totp_enabled,
    disabled: r.disabled,
    grants: r.grants.map((g) => ({ ...g, createdAt: new Date(g.createdAt) })),
    totpRequiredRoles: r.totp_required_roles ?? [],
  };
}

export function touchSession(db: Kysely<DB>, tenantId: string, sessionId: string, now: Date) {
  return db
    .updateTable('user_session')
    .set({ last_seen_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', sessionId)
    .execute();
}

export function insertSession(
  tx: Transaction<DB>,
  row: {
    tenantId: string;
    id: string;
    userId: string;
    csrfToken: string;
    now: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return tx
    .insertInto('user_session')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      created_at: row.now,
      last_seen_at: row.now,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
}

export function deleteSession(tx: Transaction<DB> | Kysely<DB>, tenantId: string, sessionId: string) {
  return tx
    .deleteFrom('user_session')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', sessionId)
    .execute();
}

/** Other sessions of a user end when the password changes or is reset. */
export function deleteUserSessions(tx: Transaction<DB>, tenantId: string, userId: string, except?: string) {
  let q = tx.deleteFrom('user_session').where('tenant_id', '=', tenantId).where('user_id', '=', userId);
  if (except) q = q.where('id', '<>', except);
  return q.execute();
}

export async function deleteExpiredSessions(
  db: Kysely<DB>,
  tenantId: string,
  now: Date,
  idleMinutes: number,
) {
  const idleCutoff = new Date(now.getTime() - idleMinutes * 60_000);
  const result = await db
    .deleteFrom('user_session')
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleCutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function findCredentials(tx: Transaction<DB>, tenantId: string, usernameKey: string) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.unit_id'),
    )
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.password_hash',
      'u.totp_secret',
      'u.totp_enabled',
      'u.totp_last_step',
      'u.failed_attempts',
      'u.locked_until',
      'u.disabled',
      'u.version',
      'o.path as unit_path',
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.username_key', '=', usernameKey)
    .forUpdate('u')
    .executeTakeFirst();
}

export function credentialsById(tx: Transaction<DB>, tenantId: string, userId: string) {
  return tx
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.unit_id'),
    )
    .select([
      'u.id',
      'u.username',
      'u.password_hash',
      'u.totp_secret',
      'u.totp_enabled',
      'u.totp_last_step',
      'u.version',
      'o.path as unit_path',
    ])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .forUpdate('u')
    .executeTakeFirstOrThrow();
}

type CredentialChanges = Partial<{
  password_hash: string;
  must_change_password: boolean;
  password_changed_at: Date;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_last_step: number | null;
  failed_attempts: number;
  locked_until: Date | null;
  last_sign_in_at: Date;
}>;

export function updateCredentials(
  tx: Transaction<DB>,
  tenantId: string,
  userId: string,
  changes: CredentialChanges,
) {
  return tx
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}
