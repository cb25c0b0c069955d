import type { Selectable } from 'kysely';
import type { Scope } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import type { PersonFindingTable } from '../../db/schema';
import type { Db } from './evaluations.access';

/** The person with their record's unit path, when in `scope` or the caller's own record. */
export function findPersonIn(db: Db, scope: Scope, selfId: string | null, id: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.id', 'p.full_name', 'u.path as unit_path'])
    .where('p.tenant_id', '=', scope.tenantId)
    .where('p.id', '=', id)
    .where((eb) =>
      selfId === id ? eb.or([inScope(scope, 'u.path'), eb('p.id', '=', selfId)]) : inScope(scope, 'u.path'),
    )
    .executeTakeFirst();
}

export function findingsOf(db: Db, tenantId: string, personId: string) {
  return db
    .selectFrom('person_finding')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .orderBy('decision_date', 'desc')
    .orderBy('id')
    .execute();
}

export function presentFinding(row: Selectable<PersonFindingTable>) {
  return {
    id: row.id,
    kind: row.kind as 'degradation' | 'corruptionInManagedUnit',
    decisionNumber: row.decision_number,
    decisionDate: row.decision_date,
    issuer: row.issuer,
    note: row.note,
    version: row.version,
  };
}

/**
 * The kinds of disqualifying finding decided in the calendar year (Decree 335 Art. 20 cl. 4 b, d):
 * the scoring of an evaluation of that year reads them as facts.
 */
export async function findingsInYear(
  db: Db,
  tenantId: string,
  personId: string,
  year: number,
): Promise<Array<'degradation' | 'corruptionInManagedUnit'>> {
  const rows = await db
    .selectFrom('person_finding')
    .select('kind')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .where('decision_date', '>=', `${year}-01-01`)
    .where('decision_date', '<=', `${year}-12-31`)
    .execute();
  return rows.map((r) => r.kind as 'degradation' | 'corruptionInManagedUnit').sort();
}
