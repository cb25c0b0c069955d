import type { SuccessionLink, UnitDetail, UnitLink, UnitStatus, UnitType, UnitView } from '@canbo/domain';
import type { UnitRecord } from './units.repository';

export function presentUnit(row: UnitRecord): UnitView {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    hasChildren: Boolean(row.has_children),
    version: row.version,
    shortName: row.short_name,
    type: row.type as UnitType,
    isPartyOrg: row.is_party_org,
    status: row.status as UnitStatus,
    depth: row.depth,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

export function presentDetail(
  row: UnitRecord,
  extra: {
    ancestors: UnitLink[];
    predecessors: SuccessionLink[];
    successors: SuccessionLink[];
    asOf: string | null;
  },
): UnitDetail {
  return {
    ...presentUnit(row),
    level: row.level,
    address: row.address,
    adminArea: row.admin_area,
    ...extra,
  };
}
