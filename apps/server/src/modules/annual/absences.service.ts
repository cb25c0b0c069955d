import type { AbsenceInput, AbsenceKind, AbsenceView as AbsenceViewSchema } from '@canbo/domain';
import { formatDate } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import * as repo from './absences.repository';

type AbsenceView = z.infer<typeof AbsenceViewSchema>;

const KIND_VI: Record<AbsenceKind, string> = {
  maternity: 'nghỉ thai sản',
  sick: 'nghỉ ốm',
  study: 'đi học',
  unpaid: 'nghỉ không hưởng lương',
  other: 'nghỉ khác',
};

function present(row: repo.AbsenceRow): AbsenceView {
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind as AbsenceKind,
    startDate: row.start_date,
    endDate: row.end_date,
    note: row.note,
  };
}

/**
 * Leave periods of a person (maternity, sickness, study, unpaid, other), which the annual review's
 * eligibility counts against the months worked (docs/ANNUAL.md). Read with people.read over the
 * person's unit (or one's own record), recorded and removed with people.manage; two leave periods
 * of the same person never share a day. Every change is audited in its transaction.
 */
export function createAbsencesService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function person(actor: Actor, personId: string, tx: repo.Db = db, lock = false) {
    const selfId = await repo.linkedPersonId(tx, tenantId, actor.userId);
    const row = await repo.findPerson(tx, scopeOf(actor, 'people.read'), personId, { selfId, lock });
    if (!row) throw new NotFound('person');
    return row;
  }

  return {
    async list(actor: Actor, personId: string) {
      await person(actor, personId);
      return { items: (await repo.absencesOf(db, tenantId, personId)).map(present) };
    },

    async add(actor: Actor, personId: string, input: z.infer<typeof AbsenceInput>): Promise<AbsenceView> {
      return db.transaction().execute(async (tx) => {
        // The person's row is locked: two overlapping leave periods recorded at once wait on each other.
        const p = await person(actor, personId, tx, true);
        assertCan(actor, 'people.manage', p.unit_path);
        const clash = await repo.overlapping(tx, tenantId, personId, input.startDate, input.endDate);
        if (clash) {
          const [from, to] = [formatDate(clash.start_date), formatDate(clash.end_date)];
          const vi = `Trùng với thời gian ${KIND_VI[clash.kind as AbsenceKind] ?? 'nghỉ'} đã ghi từ ${from} đến ${to}.`;
          const en = `Overlaps the ${clash.kind} leave already recorded from ${from} to ${to}.`;
          throw new RuleViolation('ABSENCE_OVERLAP', vi, en, [
            { path: 'startDate', message: vi, messageEn: en },
          ]);
        }
        const id = newId();
        const note = input.note?.trim() ? input.note.trim() : null;
        await repo.insertAbsence(tx, {
          tenantId,
          id,
          personId,
          kind: input.kind,
          startDate: input.startDate,
          endDate: input.endDate,
          note,
          createdBy: actor.userId,
        });
        const view: AbsenceView = {
          id,
          personId,
          kind: input.kind,
          startDate: input.startDate,
          endDate: input.endDate,
          note,
        };
        await recordAudit(tx, actor, {
          action: 'person.absenceAdded',
          entityType: 'person',
          entityId: personId,
          unitPath: p.unit_path,
          after: view,
        });
        return view;
      });
    },

    async remove(actor: Actor, personId: string, absenceId: string): Promise<void> {
      await db.transaction().execute(async (tx) => {
        const p = await person(actor, personId, tx, true);
        assertCan(actor, 'people.manage', p.unit_path);
        const row = await repo.findAbsence(tx, tenantId, personId, absenceId);
        if (!row) throw new NotFound('absence');
        await repo.deleteAbsence(tx, tenantId, personId, absenceId);
        await recordAudit(tx, actor, {
          action: 'person.absenceRemoved',
          entityType: 'person',
          entityId: personId,
          unitPath: p.unit_path,
          before: present(row),
        });
      });
    },
  };
}

export type AbsencesService = ReturnType<typeof createAbsencesService>;
