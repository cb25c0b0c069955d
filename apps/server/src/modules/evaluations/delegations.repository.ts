import { tokenLikePatterns } from '@canbo/domain';
import { type SqlBool, sql } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import { unaccented } from '../people/people.search';
import type { Db } from './evaluations.access';

export function delegationRows(db: Db, tenantId: string) {
  return db
    .selectFrom('eval_delegation as d')
    .innerJoin('app_user as fu', (j) =>
      j.onRef('fu.tenant_id', '=', 'd.tenant_id').onRef('fu.id', '=', 'd.from_user_id'),
    )
    .innerJoin('app_user as tu', (j) =>
      j.onRef('tu.tenant_id', '=', 'd.tenant_id').onRef('tu.id', '=', 'd.to_user_id'),
    )
    .innerJoin('org_unit as fo', (j) =>
      j.onRef('fo.tenant_id', '=', 'fu.tenant_id').onRef('fo.id', '=', 'fu.unit_id'),
    )
    .selectAll('d')
    .select(['fu.display_name as from_name', 'tu.display_name as to_name', 'fo.path as from_unit_path'])
    .where('d.tenant_id', '=', tenantId);
}

export type DelegationRow = Awaited<ReturnType<ReturnType<typeof delegationRows>['executeTakeFirstOrThrow']>>;

/** Delegations given by and given to a user, newest first. */
export async function delegationsOf(db: Db, tenantId: string, userId: string) {
  const rows = await delegationRows(db, tenantId)
    .where((eb) => eb.or([eb('d.from_user_id', '=', userId), eb('d.to_user_id', '=', userId)]))
    .orderBy('d.valid_from', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
  return {
    given: rows.filter((r) => r.from_user_id === userId),
    received: rows.filter((r) => r.to_user_id === userId),
  };
}

export function presentDelegation(row: DelegationRow, today: string) {
  return {
    id: row.id,
    fromUserId: row.from_user_id,
    fromName: row.from_name,
    toUserId: row.to_user_id,
    toName: row.to_name,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    reason: row.reason,
    active: row.revoked_at === null && row.valid_from <= today && today <= row.valid_to,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

/** A user of the tenant with the path of their home unit. */
export function userWithUnit(db: Db, tenantId: string, userId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.unit_id'),
    )
    .select(['u.id', 'u.display_name', 'u.disabled', 'o.path as unit_path'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

/**
 * Active users whose home unit lies in `scope`, other than `exceptUserId`, matching every word of `q`
 * in the username or (unaccented) in the display name: at most `limit`, by name.
 */
export function candidateUsers(
  db: Db,
  scope: Scope,
  exceptUserId: string,
  q: string | undefined,
  limit: number,
) {
  const words = tokenLikePatterns(q ?? '').map(
    (pattern) =>
      sql<SqlBool>`(u.username_key LIKE ${pattern} OR ${unaccented('u.display_name')} LIKE ${pattern})`,
  );
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.unit_id'),
    )
    .select(['u.id', 'u.display_name', 'o.name as unit_name'])
    .where('u.tenant_id', '=', scope.tenantId)
    .where('u.disabled', '=', false)
    .where('u.id', '<>', exceptUserId)
    .where(inScope(scope, 'o.path'));
  for (const w of words) query = query.where(w);
  return query.orderBy('u.display_name').orderBy('u.id').limit(limit).execute();
}
