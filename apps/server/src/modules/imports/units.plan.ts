import { formatDate, searchKey, vnSortKey } from '@canbo/domain';
import { type Actor, covers, scopeOf } from '../../access/actor';
import { newId } from '../../ids';
import { UNIT_COLUMNS } from './columns';
import type { Counts } from './people.types';
import { firstSeen, type Issues, type ParsedRow, requireForNew } from './rows';
import { type Db, type UnitRef, unitsByCode } from './snapshot';

/**
 * Unit rows → units to create (parents before children; a parent may be another row of the file)
 * and units whose attributes change from today (a new dated version). An import never moves,
 * closes or merges a unit: those are restructuring operations with their own preview.
 */

export interface UnitAttributes {
  name: string;
  short_name: string | null;
  type: string;
  level: string | null;
  address: string | null;
  is_party_org: boolean;
  admin_area: string | null;
  search_key: string;
  sort_key: string;
}

export interface UnitCreate extends UnitAttributes {
  id: string;
  code: string;
  parentId: string;
  parent: { code: string; name: string };
  path: string;
  depth: number;
  validFrom: string;
  changeId: string;
  row: number;
}

export interface UnitUpdate extends UnitAttributes {
  id: string;
  code: string;
  version: number;
  path: string;
  changeId: string;
  kind: 'rename' | 'update';
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface UnitsPlan {
  creates: UnitCreate[];
  updates: UnitUpdate[];
  counts: Counts;
  unitPaths: Set<string>;
  today: string;
}

const PARTY_TYPES = new Set([
  'city_party_committee',
  'affiliated_party_committee',
  'base_party_committee',
  'base_party_cell',
  'party_cell',
]);

/** Column key → org_unit column, for the attributes a row may set. */
const ATTRIBUTES: Record<string, keyof UnitAttributes> = {
  name: 'name',
  shortName: 'short_name',
  type: 'type',
  level: 'level',
  address: 'address',
  isPartyOrg: 'is_party_org',
  adminArea: 'admin_area',
};

function keys(name: string, shortName: string | null, code: string) {
  return {
    search_key: searchKey([name, shortName, code].filter(Boolean).join(' ')),
    sort_key: vnSortKey(name),
  };
}

interface Node {
  parentCode?: string;
  parentName?: string;
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
  depth: number;
  validFrom: string;
}

export async function planUnits(
  db: Db,
  actor: Actor,
  tenantId: string,
  rows: readonly ParsedRow[],
  issues: Issues,
  today: string,
): Promise<UnitsPlan> {
  const scope = scopeOf(actor, 'imports.run');
  const text = (r: ParsedRow, key: string) => r.values[key] as string | undefined;
  const stored = await unitsByCode(
    db,
    tenantId,
    rows.flatMap((r) => [text(r, 'code'), text(r, 'parentCode')].filter((c): c is string => !!c)),
  );
  const plan: UnitsPlan = {
    creates: [],
    updates: [],
    counts: { created: 0, updated: 0, unchanged: 0 },
    unitPaths: new Set(),
    today,
  };

  // Rows by code (the first of duplicates), so a new unit can name another row as its parent.
  const byCode = new Map<string, ParsedRow>();
  const seen = firstSeen<string>();
  for (const r of rows) {
    const code = text(r, 'code');
    if (!code) continue;
    const first = seen.seen(code, r.number);
    if (first !== null)
      issues.add(r.number, 'code', {
        vi: `Mã đơn vị trùng với dòng ${first}.`,
        en: `The same unit code is on row ${first}.`,
      });
    else byCode.set(code, r);
  }

  // Where each new unit lands; null when it cannot be placed (an issue says why).
  const placed = new Map<string, Node | null>();
  const visiting = new Set<string>();
  function place(r: ParsedRow): Node | null {
    const code = text(r, 'code')!;
    if (placed.has(code)) return placed.get(code)!;
    const parentCode = text(r, 'parentCode');
    if (!parentCode) return null;
    if (visiting.has(code)) {
      issues.add(r.number, 'parentCode', {
        vi: 'Các đơn vị trong tệp làm cấp trên của nhau (vòng lặp).',
        en: 'Units of the file are each other’s parents (a cycle).',
      });
      placed.set(code, null);
      return null;
    }
    visiting.add(code);
    let parent: Node | null = null;
    const fileParent = byCode.get(parentCode);
    const storedParent = stored.get(parentCode);
    if (storedParent) {
      if (storedParent.status !== 'active') {
        issues.add(r.number, 'parentCode', {
          vi: `Đơn vị cấp trên "${storedParent.name}" không còn hoạt động.`,
          en: `The parent unit "${storedParent.name}" is no longer active.`,
        });
      } else
        parent = {
          id: storedParent.id,
          code: storedParent.code,
          name: storedParent.name,
          parentId: storedParent.parent_id,
          path: storedParent.path,
          depth: storedParent.depth,
          validFrom: storedParent.valid_from,
        };
    } else if (fileParent) {
      parent = place(fileParent);
    } else {
      issues.add(r.number, 'parentCode', {
        vi: `Không có đơn vị cấp trên mã "${parentCode}" (trong tệp hay trong hệ thống).`,
        en: `There is no parent unit with the code "${parentCode}" (in the file or the system).`,
      });
    }
    visiting.delete(code);
    let node: Node | null = null;
    const validFrom = text(r, 'validFrom') ?? today;
    if (parent) {
      const id = newId();
      node = {
        id,
        code,
        name: text(r, 'name') ?? code,
        parentId: parent.id,
        parentCode: parent.code,
        parentName: parent.name,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        validFrom,
      };
      if (!covers(scope, node.path)) {
        issues.add(r.number, 'parentCode', {
          vi: 'Đơn vị cấp trên ngoài phạm vi bạn được nhập dữ liệu.',
          en: 'The parent unit is outside the units you may import into.',
        });
        node = null;
      } else if (validFrom < parent.validFrom) {
        issues.add(r.number, 'validFrom', {
          vi: `Ngày thành lập không được trước ngày đơn vị cấp trên bắt đầu (${formatDate(parent.validFrom)}).`,
          en: `The start date must not be before the parent unit began (${formatDate(parent.validFrom)}).`,
        });
      }
    }
    placed.set(code, node);
    return node;
  }

  for (const r of rows) {
    const code = text(r, 'code');
    if (!code || byCode.get(code) !== r) continue;
    const unit = stored.get(code);
    if (unit) planUpdate(r, unit);
    else planCreate(r, code);
  }
  plan.creates.sort((a, b) => a.depth - b.depth);
  return plan;

  function planCreate(r: ParsedRow, code: string) {
    requireForNew(issues, r, UNIT_COLUMNS, { vi: 'đơn vị mới', en: 'a new unit' });
    const validFrom = text(r, 'validFrom') ?? today;
    if (validFrom > today) {
      issues.add(r.number, 'validFrom', {
        vi: 'Ngày thành lập không được sau ngày hôm nay.',
        en: 'The start date must not be after today.',
      });
    }
    const node = place(r);
    if (!node || issues.rows.has(r.number)) return;
    const name = text(r, 'name')!;
    const shortName = text(r, 'shortName') ?? null;
    const type = text(r, 'type')!;
    plan.creates.push({
      id: node.id,
      code,
      name,
      short_name: shortName,
      type,
      level: text(r, 'level') ?? null,
      address: text(r, 'address') ?? null,
      is_party_org: (r.values.isPartyOrg as boolean | undefined) ?? PARTY_TYPES.has(type),
      admin_area: text(r, 'adminArea') ?? null,
      ...keys(name, shortName, code),
      parentId: node.parentId!,
      parent: { code: node.parentCode ?? '', name: node.parentName ?? '' },
      path: node.path,
      depth: node.depth,
      validFrom,
      changeId: newId(),
      row: r.number,
    });
    plan.counts.created++;
    plan.unitPaths.add(node.path);
  }

  function planUpdate(r: ParsedRow, unit: UnitRef) {
    if (!covers(scope, unit.path)) {
      issues.add(r.number, 'code', {
        vi: `Đơn vị "${unit.name}" ngoài phạm vi bạn được nhập dữ liệu.`,
        en: `The unit "${unit.name}" is outside the units you may import into.`,
      });
      return;
    }
    if (unit.status !== 'active') {
      issues.add(r.number, 'code', {
        vi: `Đơn vị "${unit.name}" không còn hoạt động.`,
        en: `The unit "${unit.name}" is no longer active.`,
      });
      return;
    }
    const parentCode = text(r, 'parentCode');
    if (parentCode) {
      const parentId = stored.get(parentCode)?.id ?? null;
      if (parentId !== unit.parent_id) {
        issues.add(r.number, 'parentCode', {
          vi: 'Không đổi được đơn vị cấp trên khi nhập từ tệp; hãy dùng chức năng chuyển đơn vị.',
          en: 'An import cannot change a unit’s parent; use the move operation.',
        });
      }
    }
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const next: UnitAttributes = {
      name: unit.name,
      short_name: unit.short_name,
      type: unit.type,
      level: unit.level,
      address: unit.address,
      is_party_org: unit.is_party_org,
      admin_area: unit.admin_area,
      ...keys(unit.name, unit.short_name, unit.code),
    };
    for (const [key, column] of Object.entries(ATTRIBUTES)) {
      const value = r.values[key];
      if (value === undefined || value === unit[column as keyof UnitRef]) continue;
      before[column] = unit[column as keyof UnitRef];
      after[column] = value;
      (next as unknown as Record<string, unknown>)[column] = value;
    }
    if (Object.keys(after).length === 0) {
      if (!issues.rows.has(r.number)) plan.counts.unchanged++;
      return;
    }
    if (unit.last_change > today) {
      issues.add(r.number, 'code', {
        vi: `Đơn vị có thay đổi ghi từ ngày ${formatDate(unit.last_change)}, sau hôm nay; hãy sửa trực tiếp trên đơn vị.`,
        en: `The unit has a change dated ${formatDate(unit.last_change)}, after today; edit the unit itself.`,
      });
    }
    if (issues.rows.has(r.number)) return;
    const renamed = 'name' in after || 'short_name' in after;
    Object.assign(next, keys(next.name, next.short_name, unit.code));
    plan.updates.push({
      ...next,
      id: unit.id,
      code: unit.code,
      version: unit.version,
      path: unit.path,
      changeId: newId(),
      kind: renamed ? 'rename' : 'update',
      before,
      after,
    });
    plan.counts.updated++;
    plan.unitPaths.add(unit.path);
  }
}
