import type { Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { DB } from '../../db/schema';
import { Conflict } from '../../errors';
import { newId } from '../../ids';
import * as changes from './changes.repository';
import { countsOf, type Plan, summaryOf } from './plan';
import * as repo from './restructure.repository';
import { insertUnits, writeVersions } from './units.repository';

/** The operation's own numbers must come out as planned; otherwise the data changed under it. */
function expectCount(what: string, planned: number, done: number) {
  if (planned !== done) {
    throw new Conflict(
      'Dữ liệu đã thay đổi trong khi thực hiện thao tác. Hãy xem trước lại rồi thử lại.',
      `The data changed while the operation ran (${what}: planned ${planned}, done ${done}). Preview again and retry.`,
    );
  }
}

/** Longest path shared by all (ends with '/'): the audit entry is visible to whoever covers every unit. */
function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let prefix = paths[0]!;
  for (const p of paths.slice(1)) {
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  }
  return prefix === '' ? null : prefix;
}

const UNIT_ACTION: Record<string, string> = {
  rename: 'unit.renamed',
  update: 'unit.updated',
  move: 'unit.moved',
  dissolve: 'unit.dissolved',
  merge: 'unit.merged',
  split: 'unit.split',
};

/** Writes a planned operation inside the caller's transaction. */
export async function executePlan(
  tx: Transaction<DB>,
  actor: Actor,
  tenantId: string,
  plan: Plan,
  payload: unknown,
) {
  const now = new Date();
  const on = plan.effectiveDate;
  const w: repo.WriteContext = {
    tenantId,
    changeId: plan.changeId,
    kind: plan.kind,
    on,
    actorId: actor.userId,
    now,
    decisionNumber: plan.decisionNumber,
  };
  const counts = countsOf(plan);
  await changes.insertChange(tx, {
    tenantId,
    id: plan.changeId,
    kind: plan.kind,
    effectiveDate: on,
    payload,
    summary: summaryOf(plan),
    createdBy: actor.userId,
    now,
  });

  await insertUnits(
    tx,
    plan.created.map((c) => ({ tenantId, ...c, validFrom: on, now, changeId: plan.changeId })),
  );

  if (plan.edit) {
    const result = await tx
      .updateTable('org_unit')
      .set({ ...plan.edit.set, version: sql`version + 1`, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', plan.edit.unitId)
      .executeTakeFirst();
    expectCount('units edited', 1, Number(result.numUpdatedRows));
    await writeVersions(tx, tenantId, [plan.edit.unitId], on, plan.changeId);
  }

  const transfers = await repo.transferPositions(
    tx,
    w,
    plan.transfers.map((t) => ({
      positionId: t.id,
      toUnitId: t.toUnitId,
      endAndRecreate: t.action === 'end-and-recreate',
      newId: newId(),
      historyIds: [newId(), newId()],
    })),
  );
  expectCount('posts ended', counts.positionsEnded, transfers.ended);
  expectCount('posts re-created', counts.positionsCreated, transfers.created);
  expectCount('posts moved', counts.positionsMoved, transfers.moved);

  const people = await repo.movePeople(
    tx,
    w,
    plan.peopleMoves.map((m) => ({ ...m, historyId: newId() })),
  );
  expectCount('records moved', counts.peopleMoved, people);
  const accounts = await repo.moveAccounts(tx, w, plan.accountMoves);
  expectCount('accounts moved', counts.accountsMoved, accounts);

  const repathed = await repo.moveSubtrees(tx, tenantId, plan.reparent, now);
  expectCount('units re-pathed', counts.unitsRepathed, repathed.length);
  await writeVersions(tx, tenantId, repathed, on, plan.changeId);

  if (plan.close) {
    const closed = await repo.closeUnits(tx, w, plan.close.ids, plan.close.status);
    expectCount('units closed', plan.close.ids.length, closed);
  }
  await repo.touchUnits(tx, w, plan.touched);
  if (plan.successions.length > 0) {
    await changes.insertSuccessions(
      tx,
      tenantId,
      plan.changeId,
      on,
      plan.kind as 'merge' | 'split',
      plan.successions,
    );
  }
  const moving = plan.grants.filter((g) => g.action === 'moved');
  const grantsMoved = await repo.moveGrants(
    tx,
    w,
    moving.map((g) => ({ grantId: g.grantId, newId: newId(), toUnitId: g.toUnitId! })),
  );
  expectCount('grants moved', moving.length, grantsMoved);
  await changes.insertParticipants(tx, tenantId, plan.changeId, plan.participants);

  if (plan.close) {
    const left = await repo.leftInClosedUnits(tx, tenantId, plan.close.ids, on);
    expectCount('posts left in closed units', 0, left.positions);
    expectCount('records left in closed units', 0, left.people);
    expectCount('sub-units left in closed units', 0, left.children);
  }

  await audit(tx, actor, plan, counts);
}

async function audit(tx: Transaction<DB>, actor: Actor, plan: Plan, counts: ReturnType<typeof countsOf>) {
  const pathOf = (id: string) =>
    plan.units.get(id)?.path ?? plan.created.find((c) => c.id === id)?.path ?? null;
  const paths = plan.participants.map((p) => pathOf(p.unitId)).filter((p): p is string => p !== null);
  await recordAudit(tx, actor, {
    action: `org.${plan.kind}`,
    entityType: 'org_change',
    entityId: plan.changeId,
    unitPath: commonPath(paths),
    after: {
      effectiveDate: plan.effectiveDate,
      decisionNumber: plan.decisionNumber,
      counts,
      participants: plan.participants,
    },
  });
  // One entry per unit the operation is about, under that unit's own path (as it was).
  for (const p of plan.participants) {
    const unit = plan.units.get(p.unitId);
    if (p.role === 'created') {
      const c = plan.created.find((x) => x.id === p.unitId)!;
      await recordAudit(tx, actor, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: c.id,
        unitPath: c.path,
        after: {
          code: c.code,
          name: c.name,
          parentId: c.parentId,
          validFrom: plan.effectiveDate,
          changeId: plan.changeId,
        },
      });
    } else if ((p.role === 'subject' || p.role === 'source') && unit) {
      await recordAudit(tx, actor, {
        action: UNIT_ACTION[plan.kind] ?? 'unit.changed',
        entityType: 'unit',
        entityId: unit.id,
        unitPath: unit.path,
        before: plan.edit
          ? plan.edit.before
          : { name: unit.name, parentId: unit.parent_id, status: unit.status },
        after: plan.edit
          ? Object.fromEntries(Object.entries(plan.edit.set).filter(([k]) => !k.endsWith('_key')))
          : { changeId: plan.changeId, effectiveDate: plan.effectiveDate },
      });
    }
  }
  for (const g of plan.grants.filter((x) => x.action === 'moved')) {
    await recordAudit(tx, actor, {
      action: 'grant.moved',
      entityType: 'grant',
      entityId: g.grantId,
      unitPath: pathOf(g.toUnitId!),
      before: { userId: g.userId, role: g.role, unitId: g.unitId },
      after: { userId: g.userId, role: g.role, unitId: g.toUnitId, changeId: plan.changeId },
    });
  }
}
