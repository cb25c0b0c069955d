import {
  formatDate,
  type OrgChangeCounts,
  type OrgChangeKind,
  type OrgChangePreview,
  type OrgChangeSummary,
  type Permission,
  PREVIEW_LIST_LIMIT,
  searchKey,
  vnSortKey,
} from '@canbo/domain';
import { type Actor, assertCan, covers, type Scope, scopeOf } from '../../access/actor';
import type { ErrorDetail } from '../../errors';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import type { Db, PlanUnit, PositionRow } from './restructure.repository';
import * as repo from './restructure.repository';

/**
 * A restructuring operation worked out in full before anything is written: the preview shows it,
 * the operation executes it. Both run the same planning code on the same data (the operation
 * after locking the units), so the preview is what the operation then does.
 */
export interface Plan {
  changeId: string;
  kind: OrgChangeKind;
  effectiveDate: string;
  decisionNumber: string | null;
  note: string | null;
  created: CreatedUnit[];
  edit: { unitId: string; set: Record<string, unknown>; before: Record<string, unknown> } | null;
  reparent: { unitId: string; code: string; name: string; newParentId: string }[];
  repathed: number;
  close: { ids: string[]; status: 'dissolved' | 'merged' | 'split' } | null;
  /** Units whose version is bumped because they receive a merge (an existing merge target). */
  touched: string[];
  transfers: Transfer[];
  peopleMoves: PersonMove[];
  accountMoves: { userId: string; toUnitId: string }[];
  successions: { predecessorId: string; successorId: string }[];
  grants: GrantEffect[];
  participants: Participant[];
  warnings: { code: string; message: string; messageEn: string }[];
  /** The units as they were before, by id (for audit entries and paths). */
  units: Map<string, PlanUnit>;
}

export interface CreatedUnit {
  id: string;
  key: string | null;
  code: string;
  name: string;
  shortName: string | null;
  type: string;
  level: string | null;
  address: string | null;
  isPartyOrg: boolean;
  adminArea: string | null;
  parentId: string;
  path: string;
  depth: number;
  searchKey: string;
  sortKey: string;
}

export interface Transfer extends PositionRow {
  toUnitId: string;
  action: 'end-and-recreate' | 'move';
}

export interface PersonMove {
  personId: string;
  personCode: string;
  fullName: string;
  fromUnitId: string;
  toUnitId: string;
}

export interface GrantEffect {
  grantId: string;
  userId: string;
  displayName: string;
  role: string;
  unitId: string;
  action: 'kept' | 'moved';
  toUnitId: string | null;
}

export interface Participant {
  unitId: string;
  code: string;
  name: string;
  role: 'subject' | 'source' | 'target' | 'created' | 'parent' | 'child' | 'receiver';
  key: string | null;
}

export function emptyPlan(
  kind: OrgChangeKind,
  input: { effectiveDate: string; decisionNumber?: string | null; note?: string | null },
): Plan {
  return {
    changeId: newId(),
    kind,
    effectiveDate: input.effectiveDate,
    decisionNumber: input.decisionNumber ?? null,
    note: input.note ?? null,
    created: [],
    edit: null,
    reparent: [],
    repathed: 0,
    close: null,
    touched: [],
    transfers: [],
    peopleMoves: [],
    accountMoves: [],
    successions: [],
    grants: [],
    participants: [],
    warnings: [],
    units: new Map(),
  };
}

export const unitKeys = (name: string, shortName: string | null, code: string) => ({
  searchKey: searchKey([name, shortName, code].filter(Boolean).join(' ')),
  sortKey: vnSortKey(name),
});

const detail = (path: string, vi: string, en: string): ErrorDetail => ({ path, message: vi, messageEn: en });

/** A refusal that names the field at fault, in both languages. */
export function refuse(code: string, path: string, vi: string, en: string, more: ErrorDetail[] = []): never {
  throw new RuleViolation(code, vi, en, [detail(path, vi, en), ...more]);
}

const STATUS_VI: Record<string, string> = {
  dissolved: 'đã giải thể',
  merged: 'đã sáp nhập',
  split: 'đã chia tách',
};

/** Loads the units an operation names and checks scope, permission, version, status and dates. */
export class Planner {
  readonly units = new Map<string, PlanUnit>();

  /** `readScope`: where the actor may see units (404 outside it); permissions are checked on top. */
  constructor(
    readonly db: Db,
    readonly actor: Actor,
    readonly tenantId: string,
    readonly effectiveDate: string,
    private readonly readScope: Scope = scopeOf(actor, 'units.read'),
    /** Inside the writing transaction: lock what is loaded (see `load`). */
    private readonly lock = false,
  ) {}

  /**
   * Loads units. When writing, each unit and all its ancestors are locked FOR SHARE before its
   * path is trusted, and moved subtrees' roots are locked FOR UPDATE (the named units, by the
   * service): an operation that writes paths under a unit and one that moves that unit (or an
   * ancestor) then run one after the other, and each sees the other's committed paths.
   */
  async load(ids: readonly (string | undefined | null)[]) {
    const wanted = ids.filter((id): id is string => typeof id === 'string' && !this.units.has(id));
    let rows = await repo.loadUnits(this.db, this.tenantId, wanted);
    if (this.lock && rows.length > 0) {
      await repo.lockPaths(
        this.db,
        this.tenantId,
        rows.map((r) => r.path),
      );
      const before = new Map(rows.map((r) => [r.id, r.path]));
      rows = await repo.loadUnits(this.db, this.tenantId, wanted);
      if (rows.some((r) => before.get(r.id) !== r.path)) throw new Conflict();
    }
    for (const row of rows) this.units.set(row.id, row);
  }

  /**
   * The unit named at `field`: missing or out of the actor's scope is 404 (the same answer), no
   * `permission` over it is 403, a stale `version` is 409, a closed unit is refused.
   */
  need(id: string, field: string, permission: Permission, version?: number): PlanUnit {
    const unit = this.units.get(id);
    if (!unit || !covers(this.readScope, unit.path)) throw new NotFound('unit');
    assertCan(this.actor, permission, unit.path);
    if (version !== undefined && unit.version !== version) throw new Conflict();
    if (unit.status !== 'active') {
      refuse(
        'UNIT_CLOSED',
        field,
        `Đơn vị "${unit.name}" ${STATUS_VI[unit.status] ?? 'đã đóng'}.`,
        `The unit "${unit.name}" is closed (${unit.status}).`,
      );
    }
    return unit;
  }

  /** The unit gets a new version on the date: its open version must not begin after it. */
  notChangedAfter(unit: PlanUnit, field: string) {
    if (unit.open_from !== null && unit.open_from > this.effectiveDate) {
      refuse(
        'DATE_BEFORE_LAST_CHANGE',
        'effectiveDate',
        `Đơn vị "${unit.name}" đã có thay đổi từ ngày ${formatDate(unit.open_from)}; ngày hiệu lực không được trước ngày đó.`,
        `The unit "${unit.name}" has a change from ${unit.open_from}; the effective date cannot be earlier.`,
        [detail(field, `Đơn vị "${unit.name}"`, `The unit "${unit.name}"`)],
      );
    }
  }

  /** The unit receives people or sub-units on the date: it must exist on that day. */
  existsOn(unit: PlanUnit, field: string) {
    if (unit.valid_from > this.effectiveDate) {
      refuse(
        'UNIT_NOT_YET_EXISTING',
        field,
        `Đơn vị "${unit.name}" chỉ bắt đầu từ ngày ${formatDate(unit.valid_from)}, sau ngày hiệu lực.`,
        `The unit "${unit.name}" only begins on ${unit.valid_from}, after the effective date.`,
      );
    }
  }

  notRoot(unit: PlanUnit, field: string) {
    if (unit.parent_id === null) {
      refuse(
        'ROOT_UNIT',
        field,
        'Không thể thay đổi đơn vị gốc theo cách này.',
        'The root unit cannot be changed this way.',
      );
    }
  }

  /** `inner` is `outer` or lies inside its subtree. */
  static within(inner: PlanUnit, outer: PlanUnit) {
    return inner.path.startsWith(outer.path);
  }

  /** The subtrees of `rootIds` get new paths: none of their active units may have a later change. */
  async subtreesMovable(rootIds: string[], field: string) {
    // Locked before they are counted: a unit created under them meanwhile is then counted and moved too.
    if (this.lock) await repo.lockRoots(this.db, this.tenantId, rootIds);
    const { count, later } = await repo.activeInSubtrees(this.db, this.tenantId, rootIds, this.effectiveDate);
    if (later.length > 0) {
      const first = later[0]!;
      refuse(
        'DATE_BEFORE_LAST_CHANGE',
        'effectiveDate',
        `Đơn vị "${first.name}" (trong cây được chuyển) đã có thay đổi từ ngày ${formatDate(first.valid_from)}; ngày hiệu lực không được trước ngày đó.`,
        `The unit "${first.name}" (in a moved subtree) has a change from ${first.valid_from}; the effective date cannot be earlier.`,
        later.map((u) =>
          detail(
            field,
            `${u.code} – ${u.name}: ${formatDate(u.valid_from)}`,
            `${u.code} – ${u.name}: ${u.valid_from}`,
          ),
        ),
      );
    }
    return count;
  }

  async codesFree(codes: { code: string; field: string }[]) {
    const seen = new Map<string, string>();
    for (const c of codes) {
      if (seen.has(c.code))
        refuse(
          'UNIT_CODE_TAKEN',
          c.field,
          `Mã đơn vị "${c.code}" bị trùng.`,
          `The unit code "${c.code}" is repeated.`,
        );
      seen.set(c.code, c.field);
    }
    const taken = await repo.takenCodes(
      this.db,
      this.tenantId,
      codes.map((c) => c.code),
    );
    for (const c of codes) {
      if (taken.has(c.code))
        refuse(
          'UNIT_CODE_TAKEN',
          c.field,
          `Mã đơn vị "${c.code}" đã được dùng.`,
          `The unit code "${c.code}" is already used.`,
        );
    }
  }

  newUnit(
    spec: {
      key?: string | null;
      code: string;
      name: string;
      shortName?: string | null;
      type: string;
      level?: string | null;
      address?: string | null;
      isPartyOrg?: boolean;
      adminArea?: string | null;
    },
    parent: PlanUnit,
  ): CreatedUnit {
    const id = newId();
    return {
      id,
      key: spec.key ?? null,
      code: spec.code,
      name: spec.name,
      shortName: spec.shortName ?? null,
      type: spec.type,
      level: spec.level ?? null,
      address: spec.address ?? null,
      isPartyOrg: spec.isPartyOrg ?? false,
      adminArea: spec.adminArea ?? null,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      depth: parent.depth + 1,
      ...unitKeys(spec.name, spec.shortName ?? null, spec.code),
    };
  }
}

export function participant(
  u: { id: string; code: string; name: string },
  role: Participant['role'],
  key: string | null = null,
): Participant {
  return { unitId: u.id, code: u.code, name: u.name, role, key };
}

export function transfer(p: PositionRow, toUnitId: string, on: string): Transfer {
  return { ...p, toUnitId, action: p.start_date < on ? 'end-and-recreate' : 'move' };
}

export function countsOf(plan: Plan): OrgChangeCounts {
  const ended = plan.transfers.filter((t) => t.action === 'end-and-recreate').length;
  return {
    unitsCreated: plan.created.length,
    unitsClosed: plan.close?.ids.length ?? 0,
    unitsRenamed: plan.kind === 'rename' ? 1 : 0,
    unitsReparented: plan.reparent.length,
    unitsRepathed: plan.repathed,
    positionsEnded: ended,
    positionsCreated: ended,
    positionsMoved: plan.transfers.length - ended,
    peopleMoved: plan.peopleMoves.length,
    accountsMoved: plan.accountMoves.length,
    grantsMoved: plan.grants.filter((g) => g.action === 'moved').length,
    grantsKept: plan.grants.filter((g) => g.action === 'kept').length,
  };
}

export function summaryOf(plan: Plan): OrgChangeSummary {
  return { counts: countsOf(plan), participants: plan.participants };
}

export function previewOf(plan: Plan): OrgChangePreview {
  const truncated =
    plan.transfers.length > PREVIEW_LIST_LIMIT || plan.peopleMoves.length > PREVIEW_LIST_LIMIT;
  return {
    ...summaryOf(plan),
    kind: plan.kind,
    effectiveDate: plan.effectiveDate,
    positions: plan.transfers.slice(0, PREVIEW_LIST_LIMIT).map((t) => ({
      positionId: t.id,
      personId: t.person_id,
      personCode: t.person_code,
      fullName: t.full_name,
      title: t.title,
      isLeader: t.is_leader,
      isConcurrent: t.is_concurrent,
      fromUnitId: t.unit_id,
      toUnitId: t.toUnitId,
      action: t.action,
    })),
    people: plan.peopleMoves.slice(0, PREVIEW_LIST_LIMIT),
    grants: plan.grants,
    reparented: plan.reparent,
    warnings: plan.warnings,
    truncated,
  };
}

/** Grants on closed units: listed in every case, moved to `successor` when asked. */
export async function planGrants(
  planner: Planner,
  plan: Plan,
  closedIds: string[],
  successor: string | null,
) {
  const rows = await repo.grantsOn(planner.db, planner.tenantId, closedIds);
  plan.grants = rows.map((g) => ({
    grantId: g.id,
    userId: g.user_id,
    displayName: g.display_name,
    role: g.role,
    unitId: g.unit_id,
    action: successor ? 'moved' : 'kept',
    toUnitId: successor,
  }));
  const kept = plan.grants.filter((g) => g.action === 'kept').length;
  if (kept > 0) {
    plan.warnings.push({
      code: 'GRANTS_KEPT',
      message: `${kept} quyền được cấp trên đơn vị bị đóng được giữ nguyên: chúng chỉ còn xem được đơn vị cũ và lịch sử của nó. Hãy cấp quyền trên đơn vị mới nếu cần.`,
      messageEn: `${kept} grant(s) on the closed unit(s) are kept: they now cover the old unit and its history only. Grant roles on the new unit where needed.`,
    });
  }
}

/** A unit that takes over people or sub-units: in scope, active, existing on the date, outside `closing`. */
export function receiver(p: Planner, id: string, field: string, closing: PlanUnit[]) {
  const unit = p.need(id, field, 'units.restructure');
  if (closing.some((c) => Planner.within(unit, c))) {
    refuse(
      'RECEIVER_INSIDE_CLOSED_UNIT',
      field,
      `Đơn vị "${unit.name}" nằm trong đơn vị bị đóng.`,
      `The unit "${unit.name}" lies inside a unit being closed.`,
    );
  }
  p.existsOn(unit, field);
  return unit;
}

export function listNames(items: { name: string }[], max = 10) {
  const shown = items
    .slice(0, max)
    .map((i) => i.name)
    .join(', ');
  return items.length > max ? `${shown}, …` : shown;
}
