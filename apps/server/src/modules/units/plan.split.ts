import type { OrgChangeInputOf } from '@canbo/domain';
import {
  emptyPlan,
  listNames,
  type Plan,
  type Planner,
  participant,
  planGrants,
  receiver,
  refuse,
  transfer,
} from './plan';
import * as repo from './restructure.repository';

/**
 * Split (chia tách): the unit closes and its parts begin on the date. Every post held in it is
 * placed in a part one by one; sub-units and records are placed explicitly or by `defaultPart`;
 * a record without a post in the unit follows nothing, so it must be placed too.
 */
export async function planSplit(p: Planner, input: OrgChangeInputOf<'split'>): Promise<Plan> {
  const on = input.effectiveDate;
  const unit = p.need(input.unit.id, 'unit.id', 'units.restructure', input.unit.version);
  p.notRoot(unit, 'unit.id');
  p.notChangedAfter(unit, 'unit.id');
  const plan = emptyPlan('split', input);
  await p.load([unit.parent_id]);

  const parts = new Map<string, { id: string; code: string; name: string }>();
  await p.codesFree(input.parts.map((part, i) => ({ code: part.code, field: `parts.${i}.code` })));
  input.parts.forEach((part, i) => {
    if (parts.has(part.key))
      refuse(
        'DUPLICATE_PART',
        `parts.${i}.key`,
        `Khóa "${part.key}" bị trùng.`,
        `The key "${part.key}" is repeated.`,
      );
    const parent = receiver(p, part.parentId ?? unit.parent_id!, `parts.${i}.parentId`, [unit]);
    const created = p.newUnit(part, parent);
    plan.created.push(created);
    parts.set(part.key, created);
    plan.participants.push(participant(created, 'created', part.key));
  });
  const partOf = (key: string, field: string) => {
    const part = parts.get(key);
    if (!part)
      refuse(
        'UNKNOWN_PART',
        field,
        `Không có đơn vị mới với khóa "${key}".`,
        `No new unit has the key "${key}".`,
      );
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
      refuse(
        'NOT_A_POSITION_OF_UNIT',
        `positions.${i}.positionId`,
        'Chức vụ này không thuộc đơn vị bị chia tách (hoặc đã kết thúc).',
        'This post is not held in the unit being split (or has ended).',
      );
    }
    if (chosen.has(a.positionId))
      refuse(
        'DUPLICATE_POSITION',
        `positions.${i}.positionId`,
        'Chức vụ được chọn hai lần.',
        'The post is listed twice.',
      );
    chosen.set(a.positionId, partOf(a.part, `positions.${i}.part`).id);
  });
  const missing = positions.filter((ps) => !chosen.has(ps.id));
  if (missing.length > 0) {
    const named = missing
      .slice(0, 10)
      .map((m) => `${m.full_name} (${m.title})`)
      .join(', ');
    refuse(
      'POSITIONS_UNASSIGNED',
      'positions',
      `Còn ${missing.length} chức vụ chưa chọn đơn vị mới: ${named}${missing.length > 10 ? ', …' : ''}.`,
      `${missing.length} post(s) have no new unit: ${named}${missing.length > 10 ? ', …' : ''}.`,
      missing.slice(0, 50).map((m) => ({
        path: `positions[${m.id}]`,
        message: `${m.full_name} – ${m.title}`,
        messageEn: `${m.full_name} – ${m.title}`,
      })),
    );
  }
  plan.transfers = positions.map((ps) => transfer(ps, chosen.get(ps.id)!, on));

  // Sub-units: listed one by one or to the default part.
  const childIds = new Map(children.map((c) => [c.id, c]));
  const childTo = new Map<string, string>();
  input.children.forEach((c, i) => {
    if (!childIds.has(c.unitId))
      refuse(
        'NOT_A_CHILD',
        `children.${i}.unitId`,
        'Đơn vị này không trực thuộc đơn vị bị chia tách.',
        'This unit is not an active sub-unit of the unit being split.',
      );
    childTo.set(c.unitId, partOf(c.part, `children.${i}.part`).id);
  });
  const orphans = children.filter((c) => !childTo.has(c.id));
  if (orphans.length > 0 && !fallback) {
    refuse(
      'CHILDREN_UNASSIGNED',
      'children',
      `Còn ${orphans.length} đơn vị trực thuộc chưa chọn đơn vị mới: ${listNames(orphans)}.`,
      `${orphans.length} sub-unit(s) have no new unit: ${listNames(orphans)}.`,
    );
  }
  plan.reparent = children.map((c) => ({
    unitId: c.id,
    code: c.code,
    name: c.name,
    newParentId: childTo.get(c.id) ?? fallback!.id,
  }));
  plan.repathed = await p.subtreesMovable(
    children.map((c) => c.id),
    'children',
  );
  plan.participants.push(...children.map((c) => participant(c, 'child')));

  // Records kept by the unit follow the person's main post here, unless listed.
  const explicit = new Map<string, string>();
  const keptIds = new Set(kept.map((k) => k.id));
  input.people.forEach((a, i) => {
    if (!keptIds.has(a.personId))
      refuse(
        'NOT_KEPT_BY_UNIT',
        `people.${i}.personId`,
        'Hồ sơ này không do đơn vị bị chia tách quản lý.',
        'This record is not kept by the unit being split.',
      );
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
