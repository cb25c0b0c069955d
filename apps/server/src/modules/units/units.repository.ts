import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';
import { likePattern } from '../users/users.repository';

type Db = Kysely<DB> | Transaction<DB>;

const columns = ['u.id', 'u.code', 'u.name', 'u.parent_id', 'u.path', 'u.depth', 'u.version'] as const;

function withChildFlag(db: Db, tenantId: string) {
  return db
    .selectFrom('org_unit as u')
    .select(columns)
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('org_unit as c')
            .select(sql`1`.as('one'))
            .whereRef('c.tenant_id', '=', 'u.tenant_id')
            .whereRef('c.parent_id', '=', 'u.id'),
        )
        .as('has_children'),
    )
    .where('u.tenant_id', '=', tenantId);
}

export type UnitRow = Awaited<ReturnType<ReturnType<typeof withChildFlag>['executeTakeFirstOrThrow']>>;

export function findUnit(db: Db, scope: Scope, id: string) {
  return withChildFlag(db, scope.tenantId).where('u.id', '=', id).where(inScope(scope, 'u.path')).executeTakeFirst();
}

export function childUnits(db: Db, scope: Scope, parentId: string, q?: string) {
  let query = withChildFlag(db, scope.tenantId).where('u.parent_id', '=', parentId).where(inScope(scope, 'u.path'));
  if (q) query = query.where(sql`lower(u.name)`, 'like', likePattern(q));
  return query.orderBy('u.name').limit(500).execute();
}

/** The units at the top of the scope: the granted units themselves. */
export function unitsAtPaths(db: Db, tenantId: string, paths: readonly string[]) {
  if (paths.length === 0) return Promise.resolve([]);
  return withChildFlag(db, tenantId).where('u.path', 'in', [...paths]).orderBy('u.name').execute();
}

export function rootUnits(db: Db, tenantId: string) {
  return withChildFlag(db, tenantId).where('u.parent_id', 'is', null).orderBy('u.name').execute();
}

export function searchUnits(db: Db, scope: Scope, q: string) {
  return withChildFlag(db, scope.tenantId)
    .where(inScope(scope, 'u.path'))
    .where(sql`lower(u.name)`, 'like', likePattern(q))
    .orderBy('u.path')
    .limit(50)
    .execute();
}

export function insertUnit(
  tx: Transaction<DB>,
  row: { tenantId: string; id: string; code: string; name: string; parentId: string | null; path: string; depth: number; now: Date },
) {
  return tx
    .insertInto('org_unit')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      code: row.code,
      name: row.name,
      parent_id: row.parentId,
      path: row.path,
      depth: row.depth,
      created_at: row.now,
      updated_at: row.now,
    })
    .execute();
}
