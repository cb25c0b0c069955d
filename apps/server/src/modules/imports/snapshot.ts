import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB, PositionTable } from '../../db/schema';
import type { PersonRow } from '../people/people.repository';

/**
 * What an import needs to know of the database, read in bulk (one query per 10,000 keys) by the
 * codes and CCCD numbers the file names: units, the people those rows may update, their open posts.
 * Read once to validate and again inside the writing transaction, so the writes rest on what the
 * transaction sees.
 */

export type Db = Kysely<DB> | Transaction<DB>;

export interface UnitRef {
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
  path: string;
  depth: number;
  status: string;
  valid_from: string;
  version: number;
  /** First day of the unit's latest dated version: an import cannot write a version before it. */
  last_change: string;
}

export type OpenPosition = Selectable<PositionTable>;

const CHUNK = 10_000;

async function inChunks<K, R>(keys: readonly K[], load: (chunk: K[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await load(unique.slice(i, i + CHUNK))));
  return out;
}

export async function unitsByCode(
  db: Db,
  tenantId: string,
  codes: readonly string[],
): Promise<Map<string, UnitRef>> {
  const rows = await inChunks(codes, (chunk) =>
    db
      .selectFrom('org_unit')
      .select([
        'id',
        'code',
        'name',
        'short_name',
        'type',
        'level',
        'address',
        'is_party_org',
        'admin_area',
        'parent_id',
        'path',
        'depth',
        'status',
        'valid_from',
        'version',
      ])
      .select(
        sql<string>`(SELECT coalesce(max(v.valid_from), org_unit.valid_from) FROM org_unit_version v WHERE v.tenant_id = org_unit.tenant_id AND v.unit_id = org_unit.id)`.as(
          'last_change',
        ),
      )
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`code = ANY(${chunk}::text[])`)
      .execute(),
  );
  return new Map(rows.map((r) => [r.code, r as UnitRef]));
}

function peopleWhere(db: Db, tenantId: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .selectAll('p')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('p.tenant_id', '=', tenantId);
}

/** People holding any of the CCCD numbers or codes (whatever the caller's scope: uniqueness is tenant-wide). */
export async function peopleByKeys(
  db: Db,
  tenantId: string,
  cccds: readonly string[],
  codes: readonly string[],
) {
  const byCccd = await inChunks(
    cccds,
    (chunk) =>
      peopleWhere(db, tenantId).where(sql<boolean>`p.cccd = ANY(${chunk}::text[])`).execute() as Promise<
        PersonRow[]
      >,
  );
  const byCode = await inChunks(
    codes,
    (chunk) =>
      peopleWhere(db, tenantId).where(sql<boolean>`p.code = ANY(${chunk}::text[])`).execute() as Promise<
        PersonRow[]
      >,
  );
  return {
    byCccd: new Map(byCccd.filter((p) => p.cccd !== null).map((p) => [p.cccd!, p])),
    byCode: new Map(byCode.map((p) => [p.code, p])),
  };
}

/** Posts not ended (end_date NULL) of the people, by person. */
export async function openPositions(
  db: Db,
  tenantId: string,
  personIds: readonly string[],
): Promise<Map<string, OpenPosition[]>> {
  const rows = await inChunks(personIds, (chunk) =>
    db
      .selectFrom('position')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`person_id = ANY(${chunk}::uuid[])`)
      .where('end_date', 'is', null)
      .orderBy('start_date')
      .execute(),
  );
  const map = new Map<string, OpenPosition[]>();
  for (const r of rows) {
    const list = map.get(r.person_id) ?? [];
    list.push(r);
    map.set(r.person_id, list);
  }
  return map;
}
