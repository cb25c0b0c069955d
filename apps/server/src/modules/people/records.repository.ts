import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AwardTable, DB, DisciplineTable, PositionTable, TrainingTable } from '../../db/schema';
import type { Db } from './people.repository';

/** The sub-records of a person's résumé, one table each. */
export type RecordKind = 'position' | 'discipline' | 'award' | 'training';

export type PositionRow = Selectable<PositionTable> & { unit_name: string };
export type DisciplineRow = Selectable<DisciplineTable>;
export type AwardRow = Selectable<AwardTable>;
export type TrainingRow = Selectable<TrainingTable>;
export interface RecordRows {
  position: PositionRow;
  discipline: DisciplineRow;
  award: AwardRow;
  training: TrainingRow;
}

type Row = Record<string, unknown>;
/** The four tables share tenant_id, id, person_id and version; the columns in between differ. */
type Loose = Kysely<Record<RecordKind, Row>> | Transaction<Record<RecordKind, Row>>;
const loose = (db: Db) => db as unknown as Loose;

function positionsQuery(db: Db, tenantId: string) {
  return db
    .selectFrom('position as ps')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'ps.tenant_id').onRef('u.id', '=', 'ps.unit_id'),
    )
    .selectAll('ps')
    .select('u.name as unit_name')
    .where('ps.tenant_id', '=', tenantId);
}

/** One sub-record of the person, or undefined. */
export async function findRecord<K extends RecordKind>(
  db: Db,
  kind: K,
  tenantId: string,
  personId: string,
  id: string,
  lock = false,
) {
  if (kind === 'position') {
    let q = positionsQuery(db, tenantId).where('ps.person_id', '=', personId).where('ps.id', '=', id);
    if (lock) q = q.forUpdate('ps');
    return (await q.executeTakeFirst()) as RecordRows[K] | undefined;
  }
  let q = loose(db)
    .selectFrom(kind as 'discipline')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('id', '=', id);
  if (lock) q = q.forUpdate();
  return (await q.executeTakeFirst()) as RecordRows[K] | undefined;
}

/** Every sub-record of the person, all four kinds, in their résumé order (newest first). */
export async function recordsOf(db: Db, tenantId: string, personId: string) {
  const [positions, disciplines, awards, trainings] = await Promise.all([
    positionsQuery(db, tenantId)
      .where('ps.person_id', '=', personId)
      .orderBy('ps.start_date', 'desc')
      .orderBy('ps.id')
      .execute(),
    db
      .selectFrom('discipline')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .orderBy('decision_date', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('award')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .orderBy('decision_date', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('training')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .orderBy('start_date', 'desc')
      .orderBy('id')
      .execute(),
  ]);
  return { positions: positions as PositionRow[], disciplines, awards, trainings };
}

/** Posts held on `on` by each of the people (list pages): leaders' posts first, then main before concurrent. */
export function currentPositionsOf(db: Db, tenantId: string, personIds: string[], on: string) {
  if (personIds.length === 0) return Promise.resolve([] as PositionRow[]);
  return positionsQuery(db, tenantId)
    .where('ps.person_id', 'in', personIds)
    .where('ps.start_date', '<=', on)
    .where((eb) => eb.or([eb('ps.end_date', 'is', null), eb('ps.end_date', '>', on)]))
    .orderBy('ps.is_leader', 'desc')
    .orderBy('ps.is_concurrent')
    .orderBy('ps.start_date')
    .execute() as Promise<PositionRow[]>;
}

export function insertRecord(tx: Transaction<DB>, kind: RecordKind, values: Row) {
  return loose(tx)
    .insertInto(kind as 'discipline')
    .values(values)
    .execute();
}

/** Optimistic concurrency: false when the row's version is no longer `version`. */
export async function updateRecord(
  tx: Transaction<DB>,
  kind: RecordKind,
  tenantId: string,
  id: string,
  version: number,
  changes: Row,
) {
  const result = await loose(tx)
    .updateTable(kind as 'discipline')
    .set({ ...changes, version: sql`version + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteRecord(
  tx: Transaction<DB>,
  kind: RecordKind,
  tenantId: string,
  id: string,
  version: number,
) {
  const result = await loose(tx)
    .deleteFrom(kind as 'discipline')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
