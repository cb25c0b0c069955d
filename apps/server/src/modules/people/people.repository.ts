import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB, PersonTable } from '../../db/schema';

export type Db = Kysely<DB> | Transaction<DB>;

/** A person with the unit that keeps the record (its name for display, its path for scope). */
export function personRows(db: Db, tenantId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('p.tenant_id', '=', tenantId);
}

export type PersonRow = Selectable<PersonTable> & { unit_name: string; unit_path: string };

/** The person, if their record's unit lies in `scope` or the record is `selfId`'s. */
export function findPerson(
  db: Db,
  scope: Scope,
  id: string,
  options: { selfId?: string | null; lock?: boolean } = {},
) {
  const selfId = options.selfId ?? null;
  let q = personRows(db, scope.tenantId)
    .where('p.id', '=', id)
    .where((eb) =>
      selfId === id ? eb.or([inScope(scope, 'u.path'), eb('p.id', '=', selfId)]) : inScope(scope, 'u.path'),
    );
  if (options.lock) q = q.forUpdate('p');
  return q.executeTakeFirst() as Promise<PersonRow | undefined>;
}

/** The person linked to an account (app_user.person_id), or null. */
export async function linkedPersonId(
  db: Db,
  tenantId: string,
  userId: string | null,
): Promise<string | null> {
  if (!userId) return null;
  const row = await db
    .selectFrom('app_user')
    .select('person_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

/** A unit by id within `scope`, with its path; null when missing or out of scope. */
export function findUnit(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('org_unit as u')
    .select(['u.id', 'u.name', 'u.path', 'u.status'])
    .where('u.tenant_id', '=', scope.tenantId)
    .where('u.id', '=', id)
    .where(inScope(scope, 'u.path'))
    .executeTakeFirst();
}

/** Who else holds this CCCD or code in the tenant (uniqueness is per tenant, whatever the scope). */
export async function takenBy(
  db: Db,
  tenantId: string,
  column: 'cccd' | 'code',
  value: string,
  exceptId: string | null,
) {
  let q = db.selectFrom('person').select('id').where('tenant_id', '=', tenantId).where(column, '=', value);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export type PersonColumns = Omit<
  Insertable<PersonTable>,
  'tenant_id' | 'id' | 'version' | 'created_at' | 'updated_at'
>;

export function insertPerson(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  values: PersonColumns,
  now: Date,
) {
  return tx
    .insertInto('person')
    .values({ ...values, tenant_id: tenantId, id, created_at: now, updated_at: now })
    .execute();
}

/** Optimistic concurrency: false when the version is no longer `version`. */
export async function updatePerson(
  tx: Transaction<DB>,
  tenantId: string,
  id: string,
  version: number,
  changes: Partial<PersonColumns>,
  now: Date,
): Promise<boolean> {
  const result = await tx
    .updateTable('person')
    .set({ ...changes, updated_at: now, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface HistoryEntry {
  personId: string;
  section: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export function insertHistory(
  tx: Transaction<DB>,
  tenantId: string,
  changedBy: string | null,
  at: Date,
  entries: (HistoryEntry & { id: string })[],
) {
  if (entries.length === 0) return Promise.resolve();
  return tx
    .insertInto('person_history')
    .values(
      entries.map((e) => ({
        tenant_id: tenantId,
        id: e.id,
        person_id: e.personId,
        changed_at: at,
        changed_by: changedBy,
        source: 'form',
        section: e.section,
        before: e.before === null ? null : JSON.stringify(e.before),
        after: e.after === null ? null : JSON.stringify(e.after),
      })),
    )
    .execute()
    .then(() => {});
}

/** The record's changes with the name of who made them, oldest first. */
export function historyOf(db: Db, tenantId: string, personId: string) {
  return db
    .selectFrom('person_history as h')
    .leftJoin('app_user as a', (j) =>
      j.onRef('a.tenant_id', '=', 'h.tenant_id').onRef('a.id', '=', 'h.changed_by'),
    )
    .select([
      'h.id',
      'h.changed_at',
      'h.changed_by',
      'a.display_name as changed_by_name',
      'h.source',
      'h.section',
      'h.before',
      'h.after',
    ])
    .where('h.tenant_id', '=', tenantId)
    .where('h.person_id', '=', personId)
    .orderBy('h.changed_at')
    .orderBy('h.id')
    .limit(2000)
    .execute();
}

/** The unit's path on `on`, from its dated version then (org_unit_version); null when it did not exist then. */
export async function unitPathOn(
  db: Db,
  tenantId: string,
  unitId: string,
  on: string,
): Promise<string | null> {
  const version = await db
    .selectFrom('org_unit_version')
    .select('path')
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', unitId)
    .where('valid_from', '<=', on)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', on)]))
    .executeTakeFirst();
  return version?.path ?? null;
}
