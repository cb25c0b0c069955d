import { todayInVietnam } from '../units/units.dates';
import type { Db } from './annual.types';
import type { DocumentHeader } from './document-header';

/**
 * The heading of an annual-review document, as the vote record builds it: the unit issuing it as the
 * committee, the committee above it (none for the tenant's root), the unit's place (its
 * administrative area or address) and today's date.
 */
export async function documentHeader(
  db: Db,
  tenantId: string,
  rootPath: string,
  unitId: string,
): Promise<DocumentHeader> {
  const unit = await db
    .selectFrom('org_unit as u')
    .leftJoin('org_unit as p', (j) =>
      j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.parent_id'),
    )
    .select(['u.name', 'u.path', 'u.admin_area', 'u.address', 'p.name as parent_name'])
    .where('u.tenant_id', '=', tenantId)
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  return {
    committee: unit.name,
    superior: unit.path === rootPath ? null : (unit.parent_name ?? null),
    place: unit.admin_area ?? unit.address ?? '',
    date: todayInVietnam(),
  };
}
