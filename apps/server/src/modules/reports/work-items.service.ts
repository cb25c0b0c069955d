import type { CreateWorkItemInput, UpdateWorkItemInput, WorkItemListQuery } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, NotFound } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import * as repo from './reports.repository';
import { presentItem } from './targets.presenter';
import { refuse } from './targets.service';

/**
 * The work programme (docs/REPORTS.md, "Work programme"): items of a year and subtree, each with its
 * scheme (đề án), responsible unit (in the subtree), deadline and status. Same permissions as targets.
 */
export function createWorkItemsService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const read = (actor: Actor) => scopeOf(actor, 'reports.read');

  async function responsible(d: repo.Db, actor: Actor, unitPath: string, id: string) {
    const unit = await repo.unitInScope(d, scopeOf(actor, 'units.read'), id);
    if (!unit?.path.startsWith(unitPath))
      throw refuse(
        'RESPONSIBLE_UNIT_OUTSIDE',
        'responsibleUnitId',
        'Đơn vị chủ trì phải thuộc đơn vị của chương trình công tác.',
        "The responsible unit must lie in the programme's subtree.",
      );
  }

  function checkCompletion(status: string, completedOn: string | null) {
    if (status === 'done' && !completedOn)
      throw refuse(
        'COMPLETION_DATE_REQUIRED',
        'completedOn',
        'Cần nhập ngày hoàn thành.',
        'Enter the completion date.',
      );
    if (status !== 'done' && completedOn)
      throw refuse(
        'COMPLETION_DATE_NOT_DONE',
        'completedOn',
        'Chỉ nhập ngày hoàn thành khi nhiệm vụ đã hoàn thành.',
        'A completion date goes with the status done only.',
      );
  }

  return {
    async list(actor: Actor, query: z.infer<typeof WorkItemListQuery>) {
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.unitInScope(db, read(actor), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const today = todayInVietnam();
      const rows = await repo.listItems(db, read(actor), {
        unitPath,
        year: query.year,
        status: query.status,
        ...(query.overdue === 'true' ? { overdueOn: today } : {}),
      });
      return { items: rows.map((r) => presentItem(r, today)) };
    },

    async create(actor: Actor, input: CreateWorkItemInput) {
      const unit = await repo.unitInScope(db, read(actor), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'units.manage', unit.path);
      await responsible(db, actor, unit.path, input.responsibleUnitId);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        const now = new Date();
        await tx
          .insertInto('work_item')
          .values({
            tenant_id: tenantId,
            id,
            unit_id: unit.id,
            year: input.year,
            content: input.content,
            scheme: input.scheme ?? null,
            responsible_unit_id: input.responsibleUnitId,
            deadline: input.deadline,
            note: input.note ?? null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const row = await repo.getItem(tx, read(actor), id);
        const after = presentItem(row!, todayInVietnam());
        await recordAudit(tx, actor, {
          action: 'report.workItemCreated',
          entityType: 'work_item',
          entityId: id,
          unitPath: unit.path,
          after,
        });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: UpdateWorkItemInput) {
      return db.transaction().execute(async (tx) => {
        const row = await repo.getItem(tx, read(actor), id, true);
        if (!row) throw new NotFound('work item');
        assertCan(actor, 'units.manage', row.unit_path);
        if (row.version !== input.version) throw new Conflict();
        if (input.responsibleUnitId !== undefined && input.responsibleUnitId !== row.responsible_unit_id)
          await responsible(tx, actor, row.unit_path, input.responsibleUnitId);
        const status = input.status ?? row.status;
        const completedOn =
          input.completedOn !== undefined ? input.completedOn : status === 'done' ? row.completed_on : null;
        checkCompletion(status, completedOn);
        const changes = {
          ...(input.content !== undefined ? { content: input.content } : {}),
          ...(input.scheme !== undefined ? { scheme: input.scheme } : {}),
          ...(input.responsibleUnitId !== undefined ? { responsible_unit_id: input.responsibleUnitId } : {}),
          ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
          status,
          completed_on: completedOn,
        };
        if (!(await repo.saveItem(tx, tenantId, id, input.version, changes))) throw new Conflict();
        const next = await repo.getItem(tx, read(actor), id);
        const after = presentItem(next!, todayInVietnam());
        await recordAudit(tx, actor, {
          action: 'report.workItemUpdated',
          entityType: 'work_item',
          entityId: id,
          unitPath: row.unit_path,
          before: presentItem(row, todayInVietnam()),
          after,
        });
        return after;
      });
    },
  };
}
