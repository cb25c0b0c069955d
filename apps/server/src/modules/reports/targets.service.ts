import type {
  AddProgressInput,
  CreateTargetInput,
  TargetListQuery,
  TargetView,
  UpdateTargetInput,
} from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import * as repo from './reports.repository';
import { presentTarget } from './targets.presenter';

export const refuse = (code: string, path: string, vi: string, en: string) =>
  new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }]);

const under = (path: string, root: string) => path.startsWith(root);

/**
 * Targets of a year and subtree (docs/REPORTS.md, "Targets"): read with reports.read over the
 * target's unit, set and progressed with units.manage over it — the organisation officer's grant,
 * the one that builds the unit tree these targets are about (founding organisations, admitting
 * members). Every change is one transaction, version-guarded and audited.
 */
export function createTargetsService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const read = (actor: Actor) => scopeOf(actor, 'reports.read');

  async function view(d: repo.Db, row: repo.TargetRow): Promise<TargetView> {
    return presentTarget(row, await repo.entriesOf(d, tenantId, [row.id]));
  }

  async function codeFree(d: repo.Db, unitId: string, year: number, code: string, exceptId?: string) {
    if (await repo.targetCodeTaken(d, tenantId, unitId, year, code, exceptId))
      throw refuse(
        'TARGET_CODE_TAKEN',
        'code',
        `Mã chỉ tiêu "${code}" đã có trong năm ${year} của đơn vị.`,
        `The unit already has a target coded "${code}" in ${year}.`,
      );
  }

  return {
    async list(actor: Actor, query: z.infer<typeof TargetListQuery>) {
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await repo.unitInScope(db, read(actor), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const rows = await repo.listTargets(db, read(actor), { unitPath, year: query.year });
      const entries = await repo.entriesOf(
        db,
        tenantId,
        rows.map((r) => r.id),
      );
      return { items: rows.map((r) => presentTarget(r, entries)) };
    },

    async get(actor: Actor, id: string) {
      const row = await repo.getTarget(db, read(actor), id);
      if (!row) throw new NotFound('target');
      return view(db, row);
    },

    async create(actor: Actor, input: CreateTargetInput) {
      const unit = await repo.unitInScope(db, read(actor), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'units.manage', unit.path);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        await codeFree(tx, unit.id, input.year, input.code);
        const now = new Date();
        await tx
          .insertInto('report_target')
          .values({
            tenant_id: tenantId,
            id,
            unit_id: unit.id,
            year: input.year,
            code: input.code,
            title: input.title,
            kind: input.kind,
            measure: input.measure,
            target: input.target,
            note: input.note ?? null,
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const row = await repo.getTarget(tx, read(actor), id);
        if (!row) throw new NotFound('target');
        const after = await view(tx, row);
        await recordAudit(tx, actor, {
          action: 'report.targetCreated',
          entityType: 'report_target',
          entityId: id,
          unitPath: unit.path,
          after: { ...after, entries: undefined },
        });
        return after;
      });
    },

    async update(actor: Actor, id: string, input: UpdateTargetInput) {
      return db.transaction().execute(async (tx) => {
        const row = await repo.getTarget(tx, read(actor), id, true);
        if (!row) throw new NotFound('target');
        assertCan(actor, 'units.manage', row.unit_path);
        if (row.version !== input.version) throw new Conflict();
        if (input.code !== undefined && input.code !== row.code)
          await codeFree(tx, row.unit_id, row.year, input.code, id);
        const changes = {
          ...(input.code !== undefined ? { code: input.code } : {}),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.measure !== undefined ? { measure: input.measure } : {}),
          ...(input.target !== undefined ? { target: input.target } : {}),
          ...(input.note !== undefined ? { note: input.note } : {}),
        };
        if (!(await repo.saveTarget(tx, tenantId, id, input.version, changes))) throw new Conflict();
        const next = await repo.getTarget(tx, read(actor), id);
        const after = await view(tx, next!);
        await recordAudit(tx, actor, {
          action: 'report.targetUpdated',
          entityType: 'report_target',
          entityId: id,
          unitPath: row.unit_path,
          before: {
            code: row.code,
            title: row.title,
            measure: row.measure,
            target: row.target,
            note: row.note,
          },
          after: changes,
        });
        return after;
      });
    },

    async addProgress(actor: Actor, id: string, input: AddProgressInput) {
      return db.transaction().execute(async (tx) => {
        const row = await repo.getTarget(tx, read(actor), id, true);
        if (!row) throw new NotFound('target');
        assertCan(actor, 'units.manage', row.unit_path);
        if (row.version !== input.version) throw new Conflict();
        if (Number(input.entryDate.slice(0, 4)) !== row.year)
          throw refuse(
            'ENTRY_OUTSIDE_YEAR',
            'entryDate',
            `Ngày ghi nhận phải thuộc năm ${row.year} của chỉ tiêu.`,
            `The entry date must fall in the target's year ${row.year}.`,
          );
        const achieved = row.achieved + input.amount;
        if (achieved < 0)
          throw refuse(
            'ACHIEVED_NEGATIVE',
            'amount',
            'Số điều chỉnh lớn hơn kết quả đã ghi nhận.',
            'The correction is larger than what was recorded.',
          );
        if (input.linkedUnitId) {
          if (row.kind !== 'foundOrganisations')
            throw refuse(
              'LINK_NOT_ALLOWED',
              'linkedUnitId',
              'Chỉ gắn tổ chức đảng với chỉ tiêu thành lập tổ chức đảng.',
              'Only a founding target links to a unit.',
            );
          const unit = await repo.unitInScope(tx, scopeOf(actor, 'units.read'), input.linkedUnitId);
          if (!unit || !under(unit.path, row.unit_path))
            throw refuse(
              'LINKED_UNIT_OUTSIDE',
              'linkedUnitId',
              'Không tìm thấy tổ chức trong đơn vị của chỉ tiêu.',
              "The unit is not found in the target's subtree.",
            );
        }
        if (input.linkedPersonId) {
          if (row.kind !== 'admitMembers')
            throw refuse(
              'LINK_NOT_ALLOWED',
              'linkedPersonId',
              'Chỉ gắn đảng viên với chỉ tiêu kết nạp đảng viên.',
              'Only an admission target links to a person.',
            );
          const scope = { tenantId, paths: [row.unit_path] };
          const inTarget = await repo.personInScope(tx, scope, input.linkedPersonId);
          const readable = await repo.personInScope(tx, scopeOf(actor, 'people.read'), input.linkedPersonId);
          if (!inTarget || !readable)
            throw refuse(
              'LINKED_PERSON_OUTSIDE',
              'linkedPersonId',
              'Không tìm thấy người trong đơn vị của chỉ tiêu.',
              "The person is not found in the target's subtree.",
            );
        }
        const entryId = newId();
        await tx
          .insertInto('report_target_progress')
          .values({
            tenant_id: tenantId,
            id: entryId,
            target_id: id,
            entry_date: input.entryDate,
            amount: input.amount,
            note: input.note ?? null,
            linked_unit_id: input.linkedUnitId ?? null,
            linked_person_id: input.linkedPersonId ?? null,
            created_by: actor.userId,
            created_at: new Date(),
          })
          .execute();
        if (!(await repo.saveTarget(tx, tenantId, id, input.version, { achieved }))) throw new Conflict();
        const next = await repo.getTarget(tx, read(actor), id);
        const after = await view(tx, next!);
        await recordAudit(tx, actor, {
          action: 'report.targetProgressed',
          entityType: 'report_target',
          entityId: id,
          unitPath: row.unit_path,
          before: { achieved: row.achieved },
          after: { achieved, entryId, entryDate: input.entryDate, amount: input.amount },
        });
        return after;
      });
    },
  };
}
