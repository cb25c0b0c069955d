import type { OrgChangeInput, OrgChangeInputOf } from '@canbo/domain';
import type { Actor, Scope } from '../../access/actor';
import {
  emptyPlan,
  listNames,
  type Plan,
  Planner,
  participant,
  planGrants,
  receiver,
  refuse,
  transfer,
  unitKeys,
} from './plan';
import { planSplit } from './plan.split';
import type { PlanUnit } from './restructure.repository';
import * as repo from './restructure.repository';
import { todayInVietnam } from './units.dates';

/** A rename through PATCH /api/units/:id may also correct the other dated attributes. */
export type EditInput = OrgChangeInputOf<'rename'> & {
  type?: string;
  level?: string | null;
  address?: string | null;
  isPartyOrg?: boolean;
  adminArea?: string | null;
};
export type ChangeInput = Exclude<OrgChangeInput, { kind: 'rename' }> | EditInput;

/** Every unit id an input names, to lock before planning. */
export function namedUnitIds(input: ChangeInput): string[] {
  switch (input.kind) {
    case 'rename':
      return [input.unit.id];
    case 'move':
      return [input.unit.id, input.newParentId];
    case 'dissolve':
      return [input.unit.id, input.childrenTo, input.peopleTo].filter((x): x is string => Boolean(x));
    case 'merge':
      return [
        ...input.sources.map((s) => s.id),
        input.into.kind === 'existing' ? input.into.unit.id : input.into.unit.parentId,
      ].filter((x): x is string => Boolean(x));
    case 'split':
      return [input.unit.id, ...input.parts.map((p) => p.parentId)].filter((x): x is string => Boolean(x));
  }
}

export async function buildPlan(
  db: repo.Db,
  actor: Actor,
  tenantId: string,
  input: ChangeInput,
  readScope?: Scope,
  lock = false,
): Promise<Plan> {
  if (input.effectiveDate > todayInVietnam()) {
    refuse(
      'DATE_IN_FUTURE',
      'effectiveDate',
      'Ngày hiệu lực không được sau ngày hôm nay.',
      'The effective date must not be after today.',
    );
  }
  const planner = new Planner(db, actor, tenantId, input.effectiveDate, readScope, lock);
  await planner.load(namedUnitIds(input));
  const plan = await PLANNERS[input.kind](planner, input as never);
  plan.units = planner.units;
  return plan;
}

const PLANNERS: {
  [K in ChangeInput['kind']]: (p: Planner, input: Extract<ChangeInput, { kind: K }>) => Promise<Plan>;
} = {
  rename: planEdit,
  move: planMove,
  dissolve: planDissolve,
  merge: planMerge,
  split: planSplit,
};

async function planEdit(p: Planner, input: EditInput): Promise<Plan> {
  const unit = p.need(input.unit.id, 'unit.id', 'units.manage', input.unit.version);
  p.notChangedAfter(unit, 'unit.id');
  const wanted: Record<string, unknown> = {
    code: input.code,
    name: input.name,
    short_name: input.shortName,
    type: input.type,
    level: input.level,
    address: input.address,
    is_party_org: input.isPartyOrg,
    admin_area: input.adminArea,
  };
  const set: Record<string, unknown> = {};
  const before: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(wanted)) {
    if (value === undefined) continue;
    const current = unit[column as keyof PlanUnit];
    if ((value ?? null) !== current) {
      set[column] = value ?? null;
      before[column] = current;
    }
  }
  if (Object.keys(set).length === 0) {
    refuse('NOTHING_TO_CHANGE', 'name', 'Không có thông tin nào thay đổi.', 'Nothing would change.');
  }
  if (set.code !== undefined) await p.codesFree([{ code: set.code as string, field: 'code' }]);
  const renamed = 'code' in set || 'name' in set || 'short_name' in set;
  if (renamed) {
    const keys = unitKeys(
      (set.name as string) ?? unit.name,
      ('short_name' in set ? set.short_name : unit.short_name) as string | null,
      (set.code as string) ?? unit.code,
    );
    set.search_key = keys.searchKey;
    set.sort_key = keys.sortKey;
  }
  const plan = emptyPlan(renamed ? 'rename' : 'update', input);
  plan.edit = { unitId: unit.id, set, before };
  plan.participants.push(
    participant(
      { id: unit.id, code: (set.code as string) ?? unit.code, name: (set.name as string) ?? unit.name },
      'subject',
    ),
  );
  return plan;
}

async function planMove(p: Planner, input: OrgChangeInputOf<'move'>): Promise<Plan> {
  const unit = p.need(input.unit.id, 'unit.id', 'units.restructure', input.unit.version);
  const parent = p.need(input.newParentId, 'newParentId', 'units.restructure');
  p.notRoot(unit, 'unit.id');
  if (Planner.within(parent, unit)) {
    refuse(
      'MOVE_INTO_OWN_SUBTREE',
      'newParentId',
      'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.',
      'A unit cannot be moved under itself or one of its sub-units.',
    );
  }
  if (parent.id === unit.parent_id) {
    refuse(
      'ALREADY_UNDER_PARENT',
      'newParentId',
      'Đơn vị đã trực thuộc đơn vị này.',
      'The unit is already under this parent.',
    );
  }
  p.existsOn(parent, 'newParentId');
  const plan = emptyPlan('move', input);
  plan.repathed = await p.subtreesMovable([unit.id], 'unit.id');
  plan.reparent.push({ unitId: unit.id, code: unit.code, name: unit.name, newParentId: parent.id });
  plan.participants.push(participant(unit, 'subject'), participant(parent, 'target'));
  await p.load([unit.parent_id]);
  const oldParent = p.units.get(unit.parent_id!);
  if (oldParent) plan.participants.push(participant(oldParent, 'parent'));
  return plan;
}

async function planDissolve(p: Planner, input: OrgChangeInputOf<'dissolve'>): Promise<Plan> {
  const unit = p.need(input.unit.id, 'unit.id', 'units.restructure', input.unit.version);
  p.notRoot(unit, 'unit.id');
  p.notChangedAfter(unit, 'unit.id');
  const on = input.effectiveDate;
  const [children, positions, kept, accounts] = await Promise.all([
    repo.activeChildren(p.db, p.tenantId, [unit.id]),
    repo.currentPositions(p.db, p.tenantId, [unit.id], on),
    repo.peopleKept(p.db, p.tenantId, [unit.id]),
    repo.accountsHomed(p.db, p.tenantId, [unit.id]),
  ]);
  if (children.length > 0 && !input.childrenTo) {
    refuse(
      'HAS_CHILDREN',
      'childrenTo',
      `Đơn vị còn ${children.length} đơn vị trực thuộc (${listNames(children)}); hãy chọn đơn vị tiếp nhận.`,
      `The unit still has ${children.length} active sub-unit(s) (${listNames(children)}); choose where they go.`,
    );
  }
  if ((positions.length > 0 || kept.length > 0) && !input.peopleTo) {
    refuse(
      'HAS_PEOPLE',
      'peopleTo',
      `Đơn vị còn ${positions.length} chức vụ đang giữ và ${kept.length} hồ sơ cán bộ; hãy chọn đơn vị tiếp nhận.`,
      `The unit still has ${positions.length} current post(s) and keeps ${kept.length} record(s); choose the unit that takes them over.`,
    );
  }
  const plan = emptyPlan('dissolve', input);
  plan.participants.push(participant(unit, 'subject'));
  if (input.childrenTo && children.length > 0) {
    const to = receiver(p, input.childrenTo, 'childrenTo', [unit]);
    plan.reparent = children.map((c) => ({ unitId: c.id, code: c.code, name: c.name, newParentId: to.id }));
    plan.repathed = await p.subtreesMovable(
      children.map((c) => c.id),
      'childrenTo',
    );
    plan.participants.push(participant(to, 'receiver'), ...children.map((c) => participant(c, 'child')));
  }
  if (input.peopleTo && (positions.length > 0 || kept.length > 0 || accounts.length > 0)) {
    const to = receiver(p, input.peopleTo, 'peopleTo', [unit]);
    plan.transfers = positions.map((ps) => transfer(ps, to.id, on));
    plan.peopleMoves = kept.map((k) => ({
      personId: k.id,
      personCode: k.code,
      fullName: k.full_name,
      fromUnitId: unit.id,
      toUnitId: to.id,
    }));
    plan.accountMoves = accounts.map((a) => ({ userId: a.id, toUnitId: to.id }));
    plan.participants.push(participant(to, 'receiver'));
  } else if (accounts.length > 0) {
    plan.warnings.push({
      code: 'ACCOUNTS_LEFT',
      message: `${accounts.length} tài khoản vẫn thuộc đơn vị bị giải thể.`,
      messageEn: `${accounts.length} account(s) stay homed in the dissolved unit.`,
    });
  }
  plan.close = { ids: [unit.id], status: 'dissolved' };
  await planGrants(p, plan, [unit.id], null);
  return plan;
}

async function planMerge(p: Planner, input: OrgChangeInputOf<'merge'>): Promise<Plan> {
  const on = input.effectiveDate;
  const seen = new Set<string>();
  const sources = input.sources.map((ref, i) => {
    if (seen.has(ref.id))
      refuse('DUPLICATE_UNIT', `sources.${i}.id`, 'Đơn vị bị chọn hai lần.', 'The unit is listed twice.');
    seen.add(ref.id);
    const unit = p.need(ref.id, `sources.${i}.id`, 'units.restructure', ref.version);
    p.notRoot(unit, `sources.${i}.id`);
    p.notChangedAfter(unit, `sources.${i}.id`);
    return unit;
  });
  sources.forEach((s, i) => {
    if (sources.some((o) => o !== s && Planner.within(s, o))) {
      refuse(
        'SOURCES_NESTED',
        `sources.${i}.id`,
        `Đơn vị "${s.name}" nằm trong một đơn vị khác được sáp nhập.`,
        `The unit "${s.name}" lies inside another unit being merged.`,
      );
    }
  });
  const plan = emptyPlan('merge', input);
  let result: { id: string; code: string; name: string };
  if (input.into.kind === 'existing') {
    const ref = input.into.unit;
    if (seen.has(ref.id))
      refuse(
        'TARGET_IS_SOURCE',
        'into.unit.id',
        'Đơn vị nhận không được là đơn vị bị sáp nhập.',
        'The receiving unit cannot be one of the merged units.',
      );
    const target = p.need(ref.id, 'into.unit.id', 'units.restructure', ref.version);
    result = receiver(p, target.id, 'into.unit.id', sources);
    plan.touched.push(target.id);
    plan.participants.push(participant(target, 'target'));
  } else {
    const spec = input.into.unit;
    if (!spec.parentId)
      refuse(
        'PARENT_REQUIRED',
        'into.unit.parentId',
        'Chưa chọn đơn vị cấp trên của đơn vị mới.',
        'Choose the parent of the new unit.',
      );
    const parent = receiver(p, spec.parentId, 'into.unit.parentId', sources);
    await p.codesFree([{ code: spec.code, field: 'into.unit.code' }]);
    const created = p.newUnit(spec, parent);
    plan.created.push(created);
    result = created;
    plan.participants.push(participant(created, 'created'), participant(parent, 'parent'));
  }
  plan.participants.push(...sources.map((s) => participant(s, 'source')));
  const ids = sources.map((s) => s.id);
  const [children, positions, kept, accounts] = await Promise.all([
    repo.activeChildren(p.db, p.tenantId, ids),
    repo.currentPositions(p.db, p.tenantId, ids, on),
    repo.peopleKept(p.db, p.tenantId, ids),
    repo.accountsHomed(p.db, p.tenantId, ids),
  ]);
  plan.reparent = children.map((c) => ({ unitId: c.id, code: c.code, name: c.name, newParentId: result.id }));
  plan.repathed = await p.subtreesMovable(
    children.map((c) => c.id),
    'sources',
  );
  plan.participants.push(...children.map((c) => participant(c, 'child')));
  plan.transfers = positions.map((ps) => transfer(ps, result.id, on));
  plan.peopleMoves = kept.map((k) => ({
    personId: k.id,
    personCode: k.code,
    fullName: k.full_name,
    fromUnitId: k.unit_id,
    toUnitId: result.id,
  }));
  plan.accountMoves = accounts.map((a) => ({ userId: a.id, toUnitId: result.id }));
  plan.successions = ids.map((id) => ({ predecessorId: id, successorId: result.id }));
  plan.close = { ids, status: 'merged' };
  await planGrants(p, plan, ids, input.grants === 'moveToSuccessor' ? result.id : null);
  return plan;
}
