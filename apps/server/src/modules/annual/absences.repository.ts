import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { DB } from '../../db/schema';

/** SQL of a person's leave periods (person_absence). The person is always found within a scope first. */

export type Db = Kysely<DB> | Transaction<DB>;

/** The person linked to an account, who may always read their own leave. */
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

/** The person and their unit's path, when in `scope` (or the caller's own record); locked for a change. */
export function findPerson(
  db: Db,
  scope: Scope,
  id: string,
  options: { selfId?: string | null; lock?: boolean } = {},
) {
  const self = options.selfId === id;
  let q = db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.full_name', 'u.path as unit_path'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.id', '=', id)
    .where((eb) =>
      self ? eb.or([inScope(scope, 'u.path'), eb('p.id', '=', id)]) : inScope(scope, 'u.path'),
    );
  if (options.lock) q = q.forUpdate('p');
  return q.executeTakeFirst();
}

const COLUMNS = ['id', 'person_id', 'kind', 'start_date', 'end_date', 'note'] as const;

export function absencesOf(db: Db, tenantId: string, personId: string) {
  return db
    .selectFrom('person_absence')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
}
export type AbsenceRow = Awaited<ReturnType<typeof absencesOf>>[number];

export function findAbsence(db: Db, tenantId: string, personId: string, id: string) {
  return db
    .selectFrom('person_absence')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The first leave of the person that shares a day with [start, end], if any. */
export function overlapping(db: Db, tenantId: string, personId: string, start: string, end: string) {
  return db
    .selectFrom('person_absence')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('start_date', '<=', end)
    .where('end_date', '>=', start)
    .orderBy('start_date')
    .executeTakeFirst();
}

export async function insertAbsence(
  tx: Transaction<DB>,
  row: {
    tenantId: string;
    id: string;
    personId: string;
    kind: string;
    startDate: string;
    endDate: string;
    note: string | null;
    createdBy: string | null;
  },
): Promise<void> {
  await tx
    .insertInto('person_absence')
    .values({
      tenant_id: row.tenantId,
      id: row.id,
      person_id: row.personId,
      kind: row.kind,
      start_date: row.startDate,
      end_date: row.endDate,
      note: row.note,
      created_by: row.createdBy,
      created_at: new Date(),
    })
    .execute();
}

export async function deleteAbsence(tx: Transaction<DB>, tenantId: string, personId: string, id: string) {
  const res = await tx
    .deleteFrom('person_absence')
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return res.numDeletedRows === 1n;
}
