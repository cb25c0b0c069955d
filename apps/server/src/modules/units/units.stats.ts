import type { UnitPositionView, UnitSummary } from '@canbo/domain';
import { sql } from 'kysely';
import { subtreeEnd } from '../../access/scope-sql';
import type { Db } from './restructure.repository';
import type { UnitRecord } from './units.repository';

/** Counts of a unit on a date; the subtree is the one of that date (from the versions). */
export async function summaryOf(
  db: Db,
  tenantId: string,
  unit: UnitRecord,
  on: string,
): Promise<UnitSummary> {
  const { rows } = await sql<Record<string, string>>`
    WITH sub AS (
      SELECT v.unit_id, v.parent_id FROM org_unit_version v
       WHERE v.tenant_id = ${tenantId} AND v.valid_from <= ${on} AND (v.valid_to IS NULL OR v.valid_to > ${on})
         AND v.path >= ${unit.path} AND v.path < ${subtreeEnd(unit.path)}
    ), held AS (
      SELECT ps.unit_id, ps.person_id, ps.is_leader, ps.is_concurrent
        FROM position ps JOIN sub ON sub.unit_id = ps.unit_id
       WHERE ps.tenant_id = ${tenantId} AND ps.start_date <= ${on} AND (ps.end_date IS NULL OR ps.end_date > ${on})
    )
    SELECT (SELECT count(*) FROM sub WHERE parent_id = ${unit.id}) AS child_units,
           (SELECT count(*) FROM sub WHERE unit_id <> ${unit.id}) AS subtree_units,
           (SELECT count(*) FROM held WHERE unit_id = ${unit.id}) AS positions,
           (SELECT count(*) FROM held WHERE unit_id = ${unit.id} AND is_leader) AS leaders,
           (SELECT count(*) FROM held WHERE unit_id = ${unit.id} AND is_concurrent) AS concurrent,
           (SELECT count(DISTINCT person_id) FROM held WHERE unit_id = ${unit.id}) AS people,
           (SELECT count(*) FROM held) AS positions_in_subtree,
           (SELECT count(DISTINCT person_id) FROM held) AS people_in_subtree,
           (SELECT count(*) FROM person WHERE tenant_id = ${tenantId} AND unit_id = ${unit.id}) AS records_kept`.execute(
    db,
  );
  const r = rows[0]!;
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    unitId: unit.id,
    asOf: on,
    childUnits: n('child_units'),
    subtreeUnits: n('subtree_units'),
    positions: n('positions'),
    leaders: n('leaders'),
    concurrent: n('concurrent'),
    people: n('people'),
    positionsInSubtree: n('positions_in_subtree'),
    peopleInSubtree: n('people_in_subtree'),
    recordsKept: n('records_kept'),
  };
}

/** Posts in the unit not ended by the date (held on it, or beginning later), in name order. */
export async function positionsOf(
  db: Db,
  tenantId: string,
  unitId: string,
  on: string,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('position as ps')
    .innerJoin('person as p', (j) =>
      j.onRef('p.tenant_id', '=', 'ps.tenant_id').onRef('p.id', '=', 'ps.person_id'),
    )
    .where('ps.tenant_id', '=', tenantId)
    .where('ps.unit_id', '=', unitId)
    .where((eb) => eb.or([eb('ps.end_date', 'is', null), eb('ps.end_date', '>', on)]));
  const [rows, count] = await Promise.all([
    base
      .select([
        'ps.id',
        'ps.person_id',
        'p.code',
        'p.full_name',
        'ps.title',
        'ps.title_group',
        'ps.is_leader',
        'ps.is_concurrent',
        'ps.start_date',
        'ps.end_date',
        'p.unit_id as person_unit_id',
        'ps.version',
      ])
      .orderBy('p.sort_key')
      .orderBy('p.id')
      .orderBy('ps.start_date')
      .orderBy('ps.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: UnitPositionView[] = rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    personCode: r.code,
    fullName: r.full_name,
    title: r.title,
    titleGroup: r.title_group,
    isLeader: r.is_leader,
    isConcurrent: r.is_concurrent,
    startDate: r.start_date,
    endDate: r.end_date,
    recordKeptHere: r.person_unit_id === unitId,
    version: r.version,
  }));
  return { items, total: Number(count.n) };
}
