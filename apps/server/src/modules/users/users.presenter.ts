import type { GrantView, Role, UserView } from '@canbo/domain';
import type { ActorGrant } from '../../access/actor';
import type { UserRow } from './users.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentUser(row: UserRow): UserView {
  return {
    roles: [...row.roles].sort() as Role[],
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    unitId: row.unit_id,
    unitName: row.unit_name,
    personId: row.person_id,
    personName: row.person_name,
    personCode: row.person_code,
    disabled: row.disabled,
    mustChangePassword: row.must_change_password,
    totpEnabled: row.totp_enabled,
    lockedUntil: row.locked_until && row.locked_until > new Date() ? row.locked_until.toISOString() : null,
    lastSignInAt: iso(row.last_sign_in_at),
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

export function presentGrant(userId: string, g: ActorGrant): GrantView {
  return {
    id: g.id,
    userId,
    role: g.role,
    unitId: g.unitId,
    unitName: g.unitName,
    createdAt: g.createdAt.toISOString(),
  };
}

/** The audit trail keeps what changed, never a password hash or a second-factor secret. */
export function auditableUser(row: UserRow) {
  return {
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    unitId: row.unit_id,
    personId: row.person_id,
    disabled: row.disabled,
  };
}
