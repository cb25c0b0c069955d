import type { OrgChangeListQuery } from '@canbo/domain';
import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

type Db = Kysely<DB> | Transaction<DB>;

export interface ChangeRecord {
  tenantId: string;
  id: string;
  kind: string;
  effectiveDate: string;
  payload: unknown;
  summary: unknown;
  createdBy: string | null;
  now: Date;
}

export function insertChange(tx: Transaction<DB>, c: ChangeRecord) {
  return tx
    .insertInto('org_change')
    .values({
      tenant_id: c.tenantId,
      id: c.id,
      kind: c.kind,
      effective_date: c.effectiveDate,
      payload: JSON.stringify(c.payload),
      summary: JSON.stringify(c.summary),
      created_by: c.createdBy,
      created_at: c.now,
    })
    .execute();
}

export async function insertParticipants(
  tx: Transaction<DB>,
  tenantId: string,
  changeId: string,
  participants: readonly { unitId: string; role: string }[],
) {
  const unique = new Map(participants.map((p) => [`${p.unitId}:${p.role}`, p]));
  if (unique.size === 0) return;
  await tx
    .insertInto('org_change_unit')
    .values(
      [...unique.values()].map((p) => ({
        tenant_id: tenantId,
        change_id: changeId,
        unit_id: p.unitId,
        role: p.role,
      })),
    )
    .execute();
}

export async function insertSuccessions(
  tx: Transaction<DB>,
  tenantId: string,
  changeId: string,
  effectiveDate: string,
  kind: 'merge' | 'split',
  links: readonly { predecessorId: string; successorId: string }[],
) {
  if (links.length === 0) return;
  await tx
    .insertInto('unit_succession')
    .values(
      links.map((l) => ({
        tenant_id: tenantId,
        predecessor_id: l.predecessorId,
        successor_id: l.successorId,
        change_id: changeId,
        effective_date: effectiveDate,
        kind,
      })),
    )
    .execute();
}

function changeRows(db: Db, tenantId: string) {
  return db
    .selectFrom('org_change as c')
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.created_by'),
    )
    .select([
      'c.id',
      'c.kind',
      'c.effective_date',
      'c.payload',
      'c.summary',
      'c.created_at',
      'c.created_by',
      'a.display_name as created_by_name',
    ])
    .where('c.tenant_id', '=', tenantId);
}

export type ChangeRow = Awaited<ReturnType<ReturnType<typeof changeRows>['executeTakeFirstOrThrow']>>;

/**
 * The change touched the unit: as a participant, or by writing one of its versions (a moved
 * ancestor). Creating a sub-unit is the sub-unit's event, not its parent's.
 */
function touches(unitId: string) {
  return sql<SqlBool>`(EXISTS (SELECT 1 FROM org_change_unit cu WHERE cu.tenant_id = c.tenant_id AND cu.change_id = c.id AND cu.unit_id = ${unitId}
      AND NOT (c.kind = 'create' AND cu.role = 'parent'))
    OR EXISTS (SELECT 1 FROM org_unit_version v WHERE v.tenant_id = c.tenant_id AND v.change_id = c.id AND v.unit_id = ${unitId}))`;
}

/** A change is visible when one of the units it touched lies in scope (today's path). */
function visible(scope: Scope) {
  if (scope.paths === null) return sql<SqlBool>`true`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM org_change_unit cu JOIN org_unit o ON o.tenant_id = cu.tenant_id AND o.id = cu.unit_id
    WHERE cu.tenant_id = c.tenant_id AND cu.change_id = c.id AND ${inScope(scope, 'o.path')})`;
}

export async function listChanges(db: Db, scope: Scope, query: OrgChangeListQuery) {
  let q = changeRows(db, scope.tenantId).where(visible(scope));
  if (query.unitId) q = q.where(touches(query.unitId));
  if (query.kind) q = q.where('c.kind', '=', query.kind);
  if (query.from) q = q.where('c.effective_date', '>=', query.from);
  if (query.to) q = q.where('c.effective_date', '<=', query.to);
  const [items, count] = await Promise.all([
    q
      .orderBy('c.effective_date', 'desc')
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function findChange(db: Db, scope: Scope, id: string) {
  return changeRows(db, scope.tenantId).where('c.id', '=', id).where(visible(scope)).executeTakeFirst();
}

/** Every change that touched the unit, oldest first. */
export function changesOfUnit(db: Db, tenantId: string, unitId: string) {
  return changeRows(db, tenantId)
    .where(touches(unitId))
    .orderBy('c.effective_date')
    .orderBy('c.created_at')
    .limit(1000)
    .execute();
}

export function versionsOfUnit(db: Db, tenantId: string, unitId: string) {
  return db
    .selectFrom('org_unit_version as v')
    .leftJoin('org_unit_version as p', (j) =>
      j
        .onRef('p.tenant_id', '=', 'v.tenant_id')
        .onRef('p.unit_id', '=', 'v.parent_id')
        .on((eb) =>
          eb.and([
            eb('p.valid_from', '<=', eb.ref('v.valid_from')),
            eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', eb.ref('v.valid_from'))]),
          ]),
        ),
    )
    .select([
      'v.valid_from',
      'v.valid_to',
      'v.code',
      'v.name',
      'v.short_name',
      'v.type',
      'v.level',
      'v.address',
      'v.admin_area',
      'v.is_party_org',
      'v.parent_id',
      'p.name as parent_name',
      'v.path',
      'v.depth',
      'v.change_id',
    ])
    .where('v.tenant_id', '=', tenantId)
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from')
    .execute();
}

/** The names of many units on given dates, for paths of history rows: one query. */
export async function namesAt(db: Db, tenantId: string, wanted: readonly { id: string; on: string }[]) {
  if (wanted.length === 0) return new Map<string, string>();
  const ids = wanted.map((w) => w.id);
  const dates = wanted.map((w) => w.on);
  const { rows } = await sql<{ id: string; day: string; name: string }>`
    SELECT w.id, w.day::text AS day, v.name
      FROM unnest(${ids}::uuid[], ${dates}::date[]) AS w(id, day)
      JOIN org_unit_version v ON v.tenant_id = ${tenantId} AND v.unit_id = w.id
       AND v.valid_from <= w.day AND (v.valid_to IS NULL OR v.valid_to > w.day)`.execute(db);
  return new Map(rows.map((r) => [`${r.id}@${r.day}`, r.name]));
}

export interface SuccessionRow {
  id: string;
  code: string;
  name: string;
  kind: 'merge' | 'split';
  effective_date: string;
  change_id: string;
  /** 1 for a direct link, 2 for the link before that… */
  generation: number;
}

/**
 * The units that became `unitId` through merges and splits, directly or through earlier ones
 * (recursive over unit_succession). `direction` 'back' gives predecessors, 'forward' successors.
 */
export async function succession(
  db: Db,
  tenantId: string,
  unitId: string,
  direction: 'back' | 'forward',
  maxGeneration = 50,
) {
  const [from, to] =
    direction === 'back' ? ['successor_id', 'predecessor_id'] : ['predecessor_id', 'successor_id'];
  const { rows } = await sql<SuccessionRow>`
    WITH RECURSIVE chain(id, kind, effective_date, change_id, generation) AS (
      SELECT s.${sql.raw(to)}, s.kind, s.effective_date, s.change_id, 1
        FROM unit_succession s WHERE s.tenant_id = ${tenantId} AND s.${sql.raw(from)} = ${unitId}
      UNION
      SELECT s.${sql.raw(to)}, s.kind, s.effective_date, s.change_id, c.generation + 1
        FROM unit_succession s JOIN chain c ON s.${sql.raw(from)} = c.id
       WHERE s.tenant_id = ${tenantId} AND c.generation < ${maxGeneration}
    )
    SELECT DISTINCT ON (c.id) c.id, u.code, u.name, c.kind, c.effective_date::text AS effective_date, c.change_id, c.generation
      FROM chain c JOIN org_unit u ON u.tenant_id = ${tenantId} AND u.id = c.id
     ORDER BY c.id, c.generation`.execute(db);
  return rows.sort(
    (a, b) =>
      a.generation - b.generation ||
      a.effective_date.localeCompare(b.effective_date) ||
      a.code.localeCompare(b.code),
  );
}

/** Paths of the units that became a unit in scope through merges and splits (transitively). */
export async function predecessorPaths(db: Db, scope: Scope): Promise<string[]> {
  const { rows } = await sql<{ path: string }>`
    WITH RECURSIVE pred(id, generation) AS (
      SELECT s.predecessor_id, 1
        FROM unit_succession s JOIN org_unit o ON o.tenant_id = s.tenant_id AND o.id = s.successor_id
       WHERE s.tenant_id = ${scope.tenantId} AND ${inScope(scope, 'o.path')}
      UNION
      SELECT s.predecessor_id, p.generation + 1
        FROM unit_succession s JOIN pred p ON s.successor_id = p.id
       WHERE s.tenant_id = ${scope.tenantId} AND p.generation < 50
    )
    SELECT DISTINCT u.path FROM pred JOIN org_unit u ON u.tenant_id = ${scope.tenantId} AND u.id = pred.id`.execute(
    db,
  );
  return rows.map((r) => r.path);
}
