import type { PageQuery } from '@canbo/domain';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export function userRows(db: Db, tenantId: string) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'u.tenant_id').onRef('o.id', '=', 'u.unit_id'),
    )
    .leftJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.person_id'),
    )
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.email',
      'u.unit_id',
      'o.name as unit_name',
      'o.path as unit_path',
      'u.person_id',
      'p.full_name as person_name',
      'p.code as person_code',
      'u.disabled',
      'u.must_change_password',
      'u.totp_enabled',
      'u.locked_until',
      'u.last_sign_in_at',
      'u.created_at',
      'u.version',
      sql<string[]>`(SELECT COALESCE(json_agg(DISTINCT g.role), '[]'::json) FROM role_grant g
                     WHERE g.tenant_id = u.tenant_id AND g.user_id = u.id)`.as('roles'),
    ])
    .where('u.tenant_id', '=', tenantId);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof userRows>['executeTakeFirstOrThrow']>>;

/** A user is in scope when their home unit is. */
export function findUser(db: Db, scope: Scope, id: string, forUpdate = false) {
  let q = userRows(db, scope.tenantId).where('u.id', '=', id).where(inScope(scope, 'o.path'));
  if (forUpdate) q = q.forUpdate('u');
  return q.executeTakeFirst();
}

/** Escapes LIKE wildcards so a search for "a_b" finds that text only. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listUsers(
  db: Db,
  scope: Scope,
  query: PageQuery & { unitPath?: string; personId?: string },
) {
  let q = userRows(db, scope.tenantId).where(inScope(scope, 'o.path'));
  if (query.personId) q = q.where('u.person_id', '=', query.personId);
  if (query.unitPath) q = q.where(inScope({ tenantId: scope.tenantId, paths: [query.unitPath] }, 'o.path'));
  if (query.q) {
    const pattern = likePattern(query.q);
    q = q.where((eb) =>
      eb.or([eb('u.username_key', 'like', pattern), eb(sql`lower(u.display_name)`, 'like', pattern)]),
    );
  }
  const [items, count] = await Promise.all([
    q
      .orderBy('u.username_key')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function insertUser(
  tx: Transaction<DB>,
  row: {
    tenantId: string;
    id: string;
    username: string;
    usernameKey: string;
    displayName: string;
    email: string | null;
    unitId: string;
    personId?: string | null;
    passwordHash: string;
    mustChangePassword: boolean;
    now: Date;
  },
) {
  return tx
    .insertInto('app_user')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      username: row.username,
      username_key: row.usernameKey,
      display_name: row.displayName,
      email: row.email,
      unit_id: row.unitId,
      person_id: row.personId ?? null,
      password_hash: row.passwordHash,
      must_change_password: row.mustChangePassword,
      password_changed_at: row.now,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}

/** Optimistic concurrency: no row updated means someone else changed it first. */
export async function updateUser(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<{
    display_name: string;
    email: string | null;
    unit_id: string;
    person_id: string | null;
    disabled: boolean;
  }>,
): Promise<boolean> {
  const result = await tx
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date(), version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function setCredentialState(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  changes: Partial<{
    password_hash: string;
    must_change_password: boolean;
    password_changed_at: Date;
    failed_attempts: number;
    locked_until: Date | null;
    totp_enabled: boolean;
    totp_secret: string | null;
    totp_last_step: number | null;
  }>,
) {
  return tx
    .updateTable('app_user')
    .set({ ...changes, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** The account linked to a person, whatever the scope (one person has at most one account). */
export function accountOfPerson(db: Db, tenantId: string, personId: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username'])
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function countUsers(db: Db, tenantId: string) {
  return db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function insertGrant(
  tx: Transaction<DB>,
  row: {
    tenantId: string;
    id: string;
    userId: string;
    role: string;
    unitId: string;
    createdBy: string | null;
    now: Date;
  },
) {
  return tx
    .insertInto('role_grant')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      user_id: row.userId,
      role: row.role,
      unit_id: row.unitId,
      created_by: row.createdBy,
      created_at: row.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'role', 'unit_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** A grant is visible when the unit it is granted on lies in scope. */
export function findGrant(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as o', (j) =>
      j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.unit_id'),
    )
    .select([
      'g.id',
      'g.user_id',
      'g.role',
      'g.unit_id',
      'o.name as unit_name',
      'o.path as unit_path',
      'g.created_at',
    ])
    .where('g.tenant_id', '=', scope.tenantId)
    .where('g.id', '=', id)
    .where(inScope(scope, 'o.path'))
    .executeTakeFirst();
}

export function deleteGrant(tx: Transaction<DB>, tenantId: string, id: string) {
  return tx.deleteFrom('role_grant').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}
