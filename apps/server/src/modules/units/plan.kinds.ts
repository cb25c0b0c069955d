import type { OrgChangeInput, OrgChangeInputOf } from '@canbo/domain';
import type { Actor, Scope } from '../../access/actor';
import {
  emptyPlan,
  participant,
  type Plan,
  Planner,
  planGrants,
  refuse,
  transfer,
  unitKeys,
} from './plan';
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
      return [...input.sources.map((s) => s.id), input.into.kind === 'existing' ? input.into.unit.id : input.into.unit.parentId].filter(
        (x): x is string => Boolean(x),
      );
    case 'split':
      return [input.unit.id, ...input.parts.map((p) => p.parentId)].filter((x): x is string => Boolean(x));
  }
}

export async function buildPlan(db: repo.Db, actor: Actor, tenantId: string, input: ChangeInput, readScope?: Scope): Promise<Plan> {
  if (input.effectiveDate > todayInVietnam()) {
    refuse('DATE_IN_FUTURE', 'effectiveDate', 'Ngày hiệu lực không được sau ngày hôm nay.', 'The effective date must not be after today.');
  }
  const planner = new Planner(db, actor, tenantId, input.effectiveDate, readScope);
  await planner.load(namedUnitIds(input));
  const plan = await PLANNERS[input.kind](planner, input as never);
  plan.units = planner.units;
  return plan;
}

const PLANNERS: { [K in ChangeInput['kind']]: (p: Planner, input: Extract<ChangeInput, { kind: K }>) => Promise<Plan> } = {
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
    const keys = unitKeys((set.name as string) ?? unit.name, ('short_name' in set ? set.short_name : unit.short_name) as string | null, (set.code as string) ?? unit.code);
    set.search_key = keys.searchKey;
    set.sort_key = keys.sortKey;
  }
  const plan = emptyPlan(renamed ? 'rename' : 'update', input);
  plan.edit = { unitId: unit.id, set, before };
  plan.participants.push(participant({ id: unit.id, code: (set.code as string) ?? unit.code, name: (set.name as string) ?? unit.name }, 'subject'));
  return plan;
}

async function planMove(p: Planner, input: OrgChangeInputOf<'move'>): Promise<Plan> {
  const unit = p.need(input.unit.id, 'unit.id', 'units.restructure', input.unit.version);
  const parent = p.need(input.newParentId, 'newParentId', 'units.restructure');
  p.notRoot(unit, 'unit.id');
  if (Planner.within(parent, unit)) {
    refuse('MOVE_INTO_OWN_SUBTREE', 'newParentId', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', 'A unit cannot be moved under itself or one of its sub-units.');
  }
  if (parent.id === unit.parent_id) {
    refuse('ALREADY_UNDER_PARENT', 'newParentId', 'Đơn vị đã trực thuộc đơn vị này.', 'The unit is already under this parent.');
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

/** A unit that takes over people or sub-units: in scope, active, existing on the date, outside `closing`. */
function receiver(p: Planner, id: string, field: string, closing: PlanUnit[]) {
  const unit = p.need(id, field, 'units.restructure');
  if (closing.some((c) => Planner.within(unit, c))) {
    refuse('RECEIVER_INSIDE_CLOSED_UNIT', field, `Đơn vị "${unit.name}" nằm trong đơn vị bị đóng.`, `The unit "${unit.name}" lies inside a unit being closed.`);
  }
  p.existsOn(unit, field);
  return unit;
}

function listNames(items: { name: string }[], max = 10) {
  const shown = items.slice(0, max).map((i) => i.name).join(', ');
  return items.length > max ? `${shown}, …` : shown;
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
    plan.repathed = await p.subtreesMovable(children.map((c) => c.id), 'childrenTo');
    plan.participants.push(participant(to, 'receiver'), ...children.map((c) => participant(c, 'child')));
  }
  if (input.peopleTo && (positions.length > 0 || kept.length > 0 || accounts.length > 0)) {
    const to = receiver(p, input.peopleTo, 'peopleTo', [unit]);
    plan.transfers = positions.map((ps) => transfer(ps, to.id, on));
    plan.peopleMoves = kept.map((k) => ({ personId: k.id, personCode: k.code, fullName: k.full_name, fromUnitId: unit.id, toUnitId: to.id }));
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
    if (seen.has(ref.id)) refuse('DUPLICATE_UNIT', `sources.${i}.id`, 'Đơn vị bị chọn hai lần.', 'The unit is listed twice.');
    seen.add(ref.id);
    const unit = p.need(ref.id, `sources.${i}.id`, 'units.restructure', ref.version);
    p.notRoot(unit, `sources.${i}.id`);
    p.notChangedAfter(unit, `sources.${i}.id`);
    return unit;
  });
  sources.forEach((s, i) => {
    if (sources.some((o) => o !== s && Planner.within(s, o))) {
      refuse('SOURCES_NESTED', `sources.${i}.id`, `Đơn vị "${s.name}" nằm trong một đơn vị khác được sáp nhập.`, `The unit "${s.name}" lies inside another unit being merged.`);
    }
  });
  const plan = emptyPlan('merge', input);
  let result: { id: string; code: string; name: string };
  if (input.into.kind === 'existing') {
    const ref = input.into.unit;
    if (seen.has(ref.id)) refuse('TARGET_IS_SOURCE', 'into.unit.id', 'Đơn vị nhận không được là đơn vị bị sáp nhập.', 'The receiving unit cannot be one of the merged units.');
    const target = p.need(ref.id, 'into.unit.id', 'units.restructure', ref.version);
    result = receiver(p, target.id, 'into.unit.id', sources);
    plan.touched.push(target.id);
    plan.participants.push(participant(target, 'target'));
  } else {
    const spec = input.into.unit;
    if (!spec.parentId) refuse('PARENT_REQUIRED', 'into.unit.parentId', 'Chưa chọn đơn vị cấp trên của đơn vị mới.', 'Choose the parent of the new unit.');
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
  plan.repathed = await p.subtreesMovable(children.map((c) => c.id), 'sources');
  plan.participants.push(...children.map((c) => participant(c, 'child')));
  plan.transfers = positions.map((ps) => transfer(ps, result.id, on));
  plan.peopleMoves = kept.map((k) => ({ personId: k.id, personCode: k.code, fullName: k.full_name, fromUnitId: k.unit_id, toUnitId: result.id }));
  plan.accountMoves = accounts.map((a) => ({ userId: a.id, toUnitId: result.id }));
  plan.successions = ids.map((id) => ({ predecessorId: id, successorId: result.id }));
  plan.close = { ids, status: 'merged' };
  await planGrants(p, plan, ids, input.grants === 'moveToSuccessor' ? result.id : null);
  return plan;
}

async function planSplit(p: Planner, input: OrgChangeInputOf<'split'>): Promise<Plan> {
  const on = input.effectiveDate;
  const unit = p.need(input.unit.id, 'unit.id', 'units.restructure', input.unit.version);
  p.notRoot(unit, 'unit.id');
  p.notChangedAfter(unit, 'unit.id');
  const plan = emptyPlan('split', input);
  await p.load([unit.parent_id]);

  const parts = new Map<string, { id: string; code: string; name: string }>();
  await p.codesFree(input.parts.map((part, i) => ({ code: part.code, field: `parts.${i}.code` })));
  input.parts.forEach((part, i) => {
    if (parts.has(part.key)) refuse('DUPLICATE_PART', `parts.${i}.key`, `Khóa "${part.key}" bị trùng.`, `The key "${part.key}" is repeated.`);
    const parent = receiver(p, part.parentId ?? unit.parent_id!, `parts.${i}.parentId`, [unit]);
    const created = p.newUnit(part, parent);
    plan.created.push(created);
    parts.set(part.key, created);
    plan.participants.push(participant(created, 'created', part.key));
  });
  const partOf = (key: string, field: string) => {
    const part = parts.get(key);
    if (!part) refuse('UNKNOWN_PART', field, `Không có đơn vị mới với khóa "${key}".`, `No new unit has the key "${key}".`);
    return part;
  };
  const fallback = input.defaultPart === undefined ? null : partOf(input.defaultPart, 'defaultPart');
  plan.participants.push(participant(unit, 'subject'));

  const [children, positions, kept, accounts] = await Promise.all([
    repo.activeChildren(p.db, p.tenantId, [unit.id]),
    repo.currentPositions(p.db, p.tenantId, [unit.id], on),
    repo.peopleKept(p.db, p.tenantId, [unit.id]),
    repo.accountsHomed(p.db, p.tenantId, [unit.id]),
  ]);

  // Every post held in the unit goes to a part, chosen one by one.
  const byPosition = new Map(positions.map((ps) => [ps.id, ps]));
  const chosen = new Map<string, string>();
  input.positions.forEach((a, i) => {
    if (!byPosition.has(a.positionId)) {
      refuse('NOT_A_POSITION_OF_UNIT', `positions.${i}.positionId`, 'Chức vụ này không thuộc đơn vị bị chia tách (hoặc đã kết thúc).', 'This post is not held in the unit being split (or has ended).');
    }
    if (chosen.has(a.positionId)) refuse('DUPLICATE_POSITION', `positions.${i}.positionId`, 'Chức vụ được chọn hai lần.', 'The post is listed twice.');
    chosen.set(a.positionId, partOf(a.part, `positions.${i}.part`).id);
  });
  const missing = positions.filter((ps) => !chosen.has(ps.id));
  if (missing.length > 0) {
    const named = missing.slice(0, 10).map((m) => `${m.full_name} (${m.title})`).join(', ');
    refuse(
      'POSITIONS_UNASSIGNED',
      'positions',
      `Còn ${missing.length} chức vụ chưa chọn đơn vị mới: ${named}${missing.length > 10 ? ', …' : ''}.`,
      `${missing.length} post(s) have no new unit: ${named}${missing.length > 10 ? ', …' : ''}.`,
      missing.slice(0, 50).map((m) => ({ path: `positions[${m.id}]`, message: `${m.full_name} – ${m.title}`, messageEn: `${m.full_name} – ${m.title}` })),
    );
  }
  plan.transfers = positions.map((ps) => transfer(ps, chosen.get(ps.id)!, on));

  // Sub-units: listed one by one or to the default part.
  const childIds = new Map(children.map((c) => [c.id, c]));
  const childTo = new Map<string, string>();
  input.children.forEach((c, i) => {
    if (!childIds.has(c.unitId)) refuse('NOT_A_CHILD', `children.${i}.unitId`, 'Đơn vị này không trực thuộc đơn vị bị chia tách.', 'This unit is not an active sub-unit of the unit being split.');
    childTo.set(c.unitId, partOf(c.part, `children.${i}.part`).id);
  });
  const orphans = children.filter((c) => !childTo.has(c.id));
  if (orphans.length > 0 && !fallback) {
    refuse('CHILDREN_UNASSIGNED', 'children', `Còn ${orphans.length} đơn vị trực thuộc chưa chọn đơn vị mới: ${listNames(orphans)}.`, `${orphans.length} sub-unit(s) have no new unit: ${listNames(orphans)}.`);
  }
  plan.reparent = children.map((c) => ({ unitId: c.id, code: c.code, name: c.name, newParentId: childTo.get(c.id) ?? fallback!.id }));
  plan.repathed = await p.subtreesMovable(children.map((c) => c.id), 'children');
  plan.participants.push(...children.map((c) => participant(c, 'child')));

  // Records kept by the unit follow the person's main post here, unless listed.
  const explicit = new Map<string, string>();
  const keptIds = new Set(kept.map((k) => k.id));
  input.people.forEach((a, i) => {
    if (!keptIds.has(a.personId)) refuse('NOT_KEPT_BY_UNIT', `people.${i}.personId`, 'Hồ sơ này không do đơn vị bị chia tách quản lý.', 'This record is not kept by the unit being split.');
    explicit.set(a.personId, partOf(a.part, `people.${i}.part`).id);
  });
  const mainPost = new Map<string, string>();
  for (const t of [...plan.transfers].sort((a, b) => Number(a.is_concurrent) - Number(b.is_concurrent))) {
    if (!mainPost.has(t.person_id)) mainPost.set(t.person_id, t.toUnitId);
  }
  const unplaced = kept.filter((k) => !explicit.has(k.id) && !mainPost.has(k.id) && !fallback);
  if (unplaced.length > 0) {
    refuse(
      'PEOPLE_UNASSIGNED',
      'people',
      `Còn ${unplaced.length} hồ sơ cán bộ không có chức vụ tại đơn vị, chưa chọn đơn vị mới: ${listNames(unplaced.map((u) => ({ name: u.full_name })))}.`,
      `${unplaced.length} record(s) of people without a post in the unit have no new unit: ${listNames(unplaced.map((u) => ({ name: u.full_name })))}.`,
    );
  }
  const destination = new Map<string, string>();
  plan.peopleMoves = kept.map((k) => {
    const to = explicit.get(k.id) ?? mainPost.get(k.id) ?? fallback!.id;
    destination.set(k.id, to);
    return { personId: k.id, personCode: k.code, fullName: k.full_name, fromUnitId: unit.id, toUnitId: to };
  });

  // Accounts follow their person, else the default part; otherwise they stay (and the preview says so).
  let left = 0;
  for (const a of accounts) {
    const to = (a.person_id && destination.get(a.person_id)) || fallback?.id;
    if (to) plan.accountMoves.push({ userId: a.id, toUnitId: to });
    else left++;
  }
  if (left > 0) {
    plan.warnings.push({
      code: 'ACCOUNTS_LEFT',
      message: `${left} tài khoản vẫn thuộc đơn vị bị chia tách (không gắn với hồ sơ nào được chuyển).`,
      messageEn: `${left} account(s) stay homed in the split unit (not linked to a moved record).`,
    });
  }
  plan.successions = [...parts.values()].map((part) => ({ predecessorId: unit.id, successorId: part.id }));
  plan.close = { ids: [unit.id], status: 'split' };
  await planGrants(p, plan, [unit.id], null);
  return plan;
}
