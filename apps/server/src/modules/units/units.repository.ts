import { searchKey, tokenLikePatterns, vnSortKey } from '@canbo/domain';
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

/** A unit as the API shows it: today's row, or the version in force on a date. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
  short_name: string | null;
  type: string;
  level: string | null;
  address: string | null;
  is_party_org: boolean;
  admin_area: string | null;
  parent_id: string | null;
  /** The path on the date asked (today's for today). */
  path: string;
  depth: number;
  status: string;
  valid_from: string;
  valid_to: string | null;
  version: number;
  has_children: boolean;
}

/** `alias` (a version row) is in force on `on`: [valid_from, valid_to) contains it. */
export function inForce(alias: string, on: string) {
  return sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} <= ${on} AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} > ${on}))`;
}

/** All search words appear in the key (any order); null when the query has no words. */
function matches(column: string, q: string | undefined): Expression<SqlBool> | null {
  const patterns = q ? tokenLikePatterns(q) : [];
  if (patterns.length === 0) return null;
  return sql<SqlBool>`(${sql.join(
    patterns.map((p) => sql`${sql.ref(column)} LIKE ${p}`),
    sql` AND `,
  )})`;
}

// ── today ────────────────────────────────────────────────────────────────────────────

function currentRows(db: Db, tenantId: string, withClosed: boolean) {
  return db
    .selectFrom('org_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.name',
      'u.short_name',
      'u.type',
      'u.level',
      'u.address',
      'u.is_party_org',
      'u.admin_area',
      'u.parent_id',
      'u.path',
      'u.depth',
      'u.status',
      'u.valid_from',
      'u.valid_to',
      'u.version',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM org_unit c WHERE c.tenant_id = u.tenant_id AND c.parent_id = u.id
        AND (${withClosed} OR c.status = 'active'))`.as('has_children'),
    )
    .where('u.tenant_id', '=', tenantId);
}

export function findUnit(db: Db, scope: Scope, id: string): Promise<UnitRecord | undefined> {
  return currentRows(db, scope.tenantId, false)
    .where('u.id', '=', id)
    .where(inScope(scope, 'u.path'))
    .executeTakeFirst();
}

/** Locks the units (in id order, so that concurrent operations cannot deadlock on them). */
export async function lockUnits(tx: Transaction<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('org_unit')
    .select(['id', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...new Set(ids)])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export function childUnits(
  db: Db,
  scope: Scope,
  parentId: string,
  options: { q?: string; withClosed: boolean },
) {
  let query = currentRows(db, scope.tenantId, options.withClosed)
    .where('u.parent_id', '=', parentId)
    .where(inScope(scope, 'u.path'));
  if (!options.withClosed) query = query.where('u.status', '=', 'active');
  const text = matches('u.search_key', options.q);
  if (text) query = query.where(text);
  return query.orderBy('u.sort_key').orderBy('u.code').limit(1000).execute();
}

/** The units at the top of the scope: the granted units themselves (minimal paths never nest). */
export function unitsAtPaths(db: Db, tenantId: string, paths: readonly string[], withClosed: boolean) {
  if (paths.length === 0) return Promise.resolve([]);
  let query = currentRows(db, tenantId, withClosed).where('u.path', 'in', [...paths]);
  if (!withClosed) query = query.where('u.status', '=', 'active');
  return query.orderBy('u.sort_key').orderBy('u.code').execute();
}

export function rootUnits(db: Db, tenantId: string, withClosed: boolean) {
  return currentRows(db, tenantId, withClosed)
    .where('u.parent_id', 'is', null)
    .orderBy('u.sort_key')
    .execute();
}

export function searchUnits(db: Db, scope: Scope, q: string, withClosed: boolean) {
  const text = matches('u.search_key', q);
  if (!text) return Promise.resolve([]);
  let query = currentRows(db, scope.tenantId, withClosed).where(inScope(scope, 'u.path')).where(text);
  if (!withClosed) query = query.where('u.status', '=', 'active');
  return query.orderBy('u.sort_key').orderBy('u.code').limit(100).execute();
}

// ── as of a date ─────────────────────────────────────────────────────────────────────

/**
 * Units as they were on `on`: the version rows in force then. Visibility is decided by today's
 * path (`scope` over org_unit.path), so a grant means the same thing whatever date is asked.
 */
function rowsAsOf(db: Db, scope: Scope, on: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.unit_id'),
    )
    .select([
      'u.id',
      'v.code',
      'v.name',
      'v.short_name',
      'v.type',
      'v.level',
      'v.address',
      'v.is_party_org',
      'v.admin_area',
      'v.parent_id',
      'v.path',
      'v.depth',
      sql<string>`'active'`.as('status'),
      'u.valid_from',
      'u.valid_to',
      'u.version',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM org_unit_version c JOIN org_unit cu ON cu.tenant_id = c.tenant_id AND cu.id = c.unit_id
        WHERE c.tenant_id = v.tenant_id AND c.parent_id = v.unit_id AND ${inForce('c', on)} AND ${inScope(scope, 'cu.path')})`.as(
        'has_children',
      ),
    )
    .where('v.tenant_id', '=', scope.tenantId)
    .where(inForce('v', on))
    .where(inScope(scope, 'u.path'));
}

export function findUnitAsOf(db: Db, scope: Scope, id: string, on: string): Promise<UnitRecord | undefined> {
  return rowsAsOf(db, scope, on).where('u.id', '=', id).executeTakeFirst();
}

export function childUnitsAsOf(db: Db, scope: Scope, parentId: string, on: string, q?: string) {
  let query = rowsAsOf(db, scope, on).where('v.parent_id', '=', parentId);
  const text = matches('v.search_key', q);
  if (text) query = query.where(text);
  return query.orderBy('v.sort_key').orderBy('v.code').limit(1000).execute();
}

/** The visible units of that date whose parent (on that date) is not visible: the tops of the tree. */
export function topUnitsAsOf(db: Db, scope: Scope, on: string) {
  return rowsAsOf(db, scope, on)
    .where((eb) =>
      eb.or([
        eb('v.parent_id', 'is', null),
        sql<SqlBool>`NOT EXISTS (SELECT 1 FROM org_unit_version pv JOIN org_unit pu ON pu.tenant_id = pv.tenant_id AND pu.id = pv.unit_id
          WHERE pv.tenant_id = v.tenant_id AND pv.unit_id = v.parent_id AND ${inForce('pv', on)} AND ${inScope(scope, 'pu.path')})`,
      ]),
    )
    .orderBy('v.sort_key')
    .orderBy('v.code')
    .limit(1000)
    .execute();
}

export function searchUnitsAsOf(db: Db, scope: Scope, q: string, on: string) {
  const text = matches('v.search_key', q);
  if (!text) return Promise.resolve([]);
  return rowsAsOf(db, scope, on).where(text).orderBy('v.sort_key').orderBy('v.code').limit(100).execute();
}

/** Names of the units on a path, on a date (today's names when `on` is null). */
export async function namesOnPath(db: Db, tenantId: string, path: string, on: string | null) {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return [];
  const rows = on
    ? await db
        .selectFrom('org_unit_version as v')
        .select(['v.unit_id as id', 'v.code', 'v.name'])
        .where('v.tenant_id', '=', tenantId)
        .where('v.unit_id', 'in', ids)
        .where(inForce('v', on))
        .execute()
    : await db
        .selectFrom('org_unit')
        .select(['id', 'code', 'name'])
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? { id, code: '', name: '' });
}

// ── writing ──────────────────────────────────────────────────────────────────────────

export interface UnitInsert {
  tenantId: string;
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
  depth: number;
  now: Date;
  shortName?: string | null;
  type?: string;
  level?: string | null;
  address?: string | null;
  isPartyOrg?: boolean;
  adminArea?: string | null;
  /** First day of the unit; the tenant's root begins on 2000-01-01 so history can be entered back to then. */
  validFrom?: string;
  searchKey?: string;
  sortKey?: string;
  changeId?: string | null;
}

/** Inserts units with their first version (valid from their first day, open-ended). */
export async function insertUnits(tx: Transaction<DB>, rows: readonly UnitInsert[]) {
  if (rows.length === 0) return;
  const units = rows.map((r) => ({
    tenant_id: r.tenantId,
    id: r.id,
    code: r.code,
    name: r.name,
    parent_id: r.parentId,
    path: r.path,
    depth: r.depth,
    short_name: r.shortName ?? null,
    type: r.type ?? 'state_agency',
    level: r.level ?? null,
    address: r.address ?? null,
    is_party_org: r.isPartyOrg ?? false,
    admin_area: r.adminArea ?? null,
    valid_from: r.validFrom ?? '2000-01-01',
    search_key: r.searchKey ?? searchKey([r.name, r.shortName, r.code].filter(Boolean).join(' ')),
    sort_key: r.sortKey ?? vnSortKey(r.name),
    created_at: r.now,
    updated_at: r.now,
  }));
  for (let i = 0; i < units.length; i += 1000) {
    const chunk = units.slice(i, i + 1000);
    await tx.insertInto('org_unit').values(chunk).execute();
    await tx
      .insertInto('org_unit_version')
      .values(
        chunk.map((u, j) => ({
          tenant_id: u.tenant_id,
          unit_id: u.id,
          valid_from: u.valid_from,
          valid_to: null,
          code: u.code,
          name: u.name,
          short_name: u.short_name,
          type: u.type,
          parent_id: u.parent_id,
          path: u.path,
          depth: u.depth,
          is_party_org: u.is_party_org,
          level: u.level,
          address: u.address,
          admin_area: u.admin_area,
          search_key: u.search_key,
          sort_key: u.sort_key,
          change_id: rows[i + j]!.changeId ?? null,
        })),
      )
      .execute();
  }
}

export function insertUnit(tx: Transaction<DB>, row: UnitInsert) {
  return insertUnits(tx, [row]);
}

const VERSION_COLUMNS = sql.raw(
  'code, name, short_name, type, parent_id, path, depth, is_party_org, level, address, admin_area, search_key, sort_key',
);

/**
 * Writes a new dated version of each unit from its current row, in force from `on`: the open
 * version is closed the day before (valid_to = on) or, when it began on that very day, rewritten.
 * Callers have checked that no open version begins after `on`.
 */
export async function writeVersions(
  tx: Transaction<DB>,
  tenantId: string,
  ids: readonly string[],
  on: string,
  changeId: string,
) {
  if (ids.length === 0) return;
  const list = [...ids];
  await sql`UPDATE org_unit_version v
       SET code = u.code, name = u.name, short_name = u.short_name, type = u.type, parent_id = u.parent_id, path = u.path,
           depth = u.depth, is_party_org = u.is_party_org, level = u.level, address = u.address, admin_area = u.admin_area,
           search_key = u.search_key, sort_key = u.sort_key, change_id = ${changeId}
      FROM org_unit u
     WHERE u.tenant_id = ${tenantId} AND u.id = ANY(${list}::uuid[])
       AND v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL AND v.valid_from = ${on}`.execute(
    tx,
  );
  await sql`UPDATE org_unit_version SET valid_to = ${on}
     WHERE tenant_id = ${tenantId} AND unit_id = ANY(${list}::uuid[]) AND valid_to IS NULL AND valid_from < ${on}`.execute(
    tx,
  );
  await sql`INSERT INTO org_unit_version (tenant_id, unit_id, valid_from, valid_to, change_id, ${VERSION_COLUMNS})
    SELECT u.tenant_id, u.id, ${on}::date, NULL, ${changeId}::uuid, ${VERSION_COLUMNS}
      FROM org_unit u
     WHERE u.tenant_id = ${tenantId} AND u.id = ANY(${list}::uuid[])
       AND NOT EXISTS (SELECT 1 FROM org_unit_version v WHERE v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_from = ${on})`.execute(
    tx,
  );
}

/** Units among `ids` whose open version begins after `on` (a change cannot be entered before them). */
export async function versionsAfter(db: Db, tenantId: string, ids: readonly string[], on: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'v.tenant_id').onRef('u.id', '=', 'v.unit_id'),
    )
    .select(['u.id', 'u.code', 'u.name', 'v.valid_from'])
    .where('v.tenant_id', '=', tenantId)
    .where('v.unit_id', 'in', [...ids])
    .where('v.valid_to', 'is', null)
    .where('v.valid_from', '>', on)
    .limit(20)
    .execute();
}
