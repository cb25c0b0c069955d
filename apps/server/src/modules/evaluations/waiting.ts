import { type Permission, ROLES, roleHas } from '@canbo/domain';
import { sql } from 'kysely';
import type { Db } from './evaluations.repository';
import { reviewersSinceSubmit } from './evaluations.repository';

/**
 * Who an evaluation waits on (notifications and reminders): the person while drafting; reviewers of the
 * deciding unit (not the person, not those who reviewed at an earlier level) and their active deputies
 * while in review; heads of the deciding unit when it awaits a decision.
 */
export interface WaitingRow {
  id: string;
  tenant_id: string;
  person_id: string;
  state: string;
  decision_unit_path: string;
}

/** Enabled users holding `permission` through a grant on the unit at `path` or above it. */
export async function usersWithPermissionOver(
  db: Db,
  tenantId: string,
  permission: Permission,
  path: string,
): Promise<string[]> {
  const roles = ROLES.filter((r) => roleHas(r, permission));
  const rows = await sql<{ user_id: string }>`
    SELECT DISTINCT g.user_id FROM role_grant g
      JOIN org_unit o ON o.tenant_id = g.tenant_id AND o.id = g.unit_id
      JOIN app_user u ON u.tenant_id = g.tenant_id AND u.id = g.user_id
     WHERE g.tenant_id = ${tenantId} AND g.role IN (${sql.join(roles)}) AND NOT u.disabled
       AND left(${path}, length(o.path)) = o.path`.execute(db);
  return rows.rows.map((r) => r.user_id);
}

export async function activeDelegates(
  db: Db,
  tenantId: string,
  fromUserIds: readonly string[],
  today: string,
): Promise<string[]> {
  if (fromUserIds.length === 0) return [];
  const rows = await db
    .selectFrom('eval_delegation')
    .select('to_user_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('from_user_id', 'in', fromUserIds)
    .where('revoked_at', 'is', null)
    .where('valid_from', '<=', today)
    .where('valid_to', '>=', today)
    .execute();
  return rows.map((r) => r.to_user_id);
}

export async function personUsers(db: Db, tenantId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

export async function waitingOn(db: Db, row: WaitingRow, today: string): Promise<string[]> {
  const { tenant_id: tenantId } = row;
  if (row.state === 'draft' || row.state === 'returned') return personUsers(db, tenantId, row.person_id);
  const permission: Permission | null =
    row.state === 'selfAssessed' || row.state === 'inReview'
      ? 'evaluations.review'
      : row.state === 'reviewed' || row.state === 'complained'
        ? 'evaluations.decide'
        : null;
  if (!permission) return [];
  const [holders, self, earlier] = await Promise.all([
    usersWithPermissionOver(db, tenantId, permission, row.decision_unit_path),
    personUsers(db, tenantId, row.person_id),
    permission === 'evaluations.review' ? reviewersSinceSubmit(db, tenantId, row.id) : Promise.resolve([]),
  ]);
  const excluded = new Set([...self, ...earlier]);
  const direct = holders.filter((u) => !excluded.has(u));
  const deputies = await activeDelegates(db, tenantId, direct, today);
  return [...new Set([...direct, ...deputies.filter((u) => !excluded.has(u))])];
}
