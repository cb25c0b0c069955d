import {
  type AwardView,
  type DisciplineView,
  type EndPositionInput,
  nfc,
  type PositionView,
  type TrainingView,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import { type Actor, assertCan } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, type ErrorDetail, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { accessOf, type PeopleAccess } from './people.access';
import { todayInVietnam } from './people.dates';
import { presentAward, presentDiscipline, presentPosition, presentTraining } from './people.presenter';
import * as people from './people.repository';
import { after, notAfterToday, notBeforeBirth, ruleDetail } from './people.rules';
import { tidy } from './person.fields';
import type { RecordKind, RecordRows } from './records.repository';
import * as repo from './records.repository';

type Values = Record<string, unknown>;

interface Views {
  position: PositionView;
  discipline: DisciplineView;
  award: AwardView;
  training: TrainingView;
}

interface Spec<K extends RecordKind> {
  /** API field → column. */
  columns: Record<string, string>;
  defaults?: Values;
  /** Rules on the whole sub-record after the change (API fields), with the person's birth date. */
  check(values: Values, birthDate: string, today: string): ErrorDetail[];
  present(row: RecordRows[K], today: string): Views[K];
  /** Audit verbs: person.<noun>Added / Updated / Removed. */
  noun: string;
}

const SPECS: { [K in RecordKind]: Spec<K> } = {
  position: {
    noun: 'position',
    columns: {
      unitId: 'unit_id',
      title: 'title',
      titleGroup: 'title_group',
      isLeader: 'is_leader',
      isConcurrent: 'is_concurrent',
      startDate: 'start_date',
      endDate: 'end_date',
      decisionNumber: 'decision_number',
      endReason: 'end_reason',
    },
    defaults: { isLeader: false, isConcurrent: false },
    check: (v, birth) => [
      ...notBeforeBirth('startDate', v.startDate as string, birth),
      ...after(
        'endDate',
        v.startDate as string,
        v.endDate as string | null,
        'Ngày thôi giữ chức vụ phải sau ngày bắt đầu.',
        'The end date must be after the start date.',
      ),
    ],
    present: (row, today) => presentPosition(row, today),
  },
  discipline: {
    noun: 'discipline',
    columns: {
      form: 'form',
      decisionNumber: 'decision_number',
      decisionDate: 'decision_date',
      issuer: 'issuer',
      reason: 'reason',
      expiryDate: 'expiry_date',
    },
    check: (v, birth, today) => [
      ...notBeforeBirth('decisionDate', v.decisionDate as string, birth),
      ...notAfterToday('decisionDate', v.decisionDate as string, today),
      ...after(
        'expiryDate',
        v.decisionDate as string,
        v.expiryDate as string | null,
        'Ngày hết hiệu lực phải sau ngày quyết định.',
        'The expiry date must be after the decision date.',
      ),
    ],
    present: (row, today) => presentDiscipline(row, today),
  },
  award: {
    noun: 'award',
    columns: {
      kind: 'kind',
      title: 'title',
      decisionNumber: 'decision_number',
      decisionDate: 'decision_date',
      issuer: 'issuer',
    },
    check: (v, birth, today) => [
      ...notBeforeBirth('decisionDate', v.decisionDate as string, birth),
      ...notAfterToday('decisionDate', v.decisionDate as string, today),
    ],
    present: (row) => presentAward(row),
  },
  training: {
    noun: 'training',
    columns: {
      kind: 'kind',
      course: 'course',
      institution: 'institution',
      startDate: 'start_date',
      endDate: 'end_date',
      certificate: 'certificate',
    },
    check: (v, birth) => [
      ...notBeforeBirth('startDate', v.startDate as string, birth),
      ...(v.endDate && (v.endDate as string) < (v.startDate as string)
        ? [
            ruleDetail(
              'endDate',
              'Ngày kết thúc không được trước ngày bắt đầu.',
              'The end date must not be before the start date.',
            ),
          ]
        : []),
    ],
    present: (row) => presentTraining(row),
  },
};

/** A stored row → API fields (plus its id), for history and audit. */
function fieldsOf(kind: RecordKind, row: Values): Values {
  const out: Values = { id: row.id };
  for (const [field, column] of Object.entries(SPECS[kind].columns)) out[field] = row[column] ?? null;
  return out;
}

function columnsOf(kind: RecordKind, values: Values): Values {
  const out: Values = {};
  for (const [field, value] of Object.entries(values)) {
    const column = SPECS[kind].columns[field];
    if (column && value !== undefined) out[column] = value;
  }
  return out;
}

function changed(before: Values, afterValues: Values): { before: Values; after: Values } | null {
  const b: Values = { id: before.id };
  const a: Values = { id: before.id };
  let any = false;
  for (const key of Object.keys(afterValues)) {
    if (key !== 'id' && (before[key] ?? null) !== (afterValues[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = afterValues[key] ?? null;
      any = true;
    }
  }
  return any ? { before: b, after: a } : null;
}

/**
 * Positions, disciplines, awards and training courses of a person: add, edit, remove (and end a
 * position). Each change, in one transaction: the person must be in the caller's people.manage scope,
 * the sub-record's version must match, a person_history row and an audit entry are written.
 */
export function createRecordsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function personFor(tx: Transaction<DB>, access: PeopleAccess, personId: string) {
    const person = await people.findPerson(tx, access.read, personId, { selfId: access.selfId, lock: true });
    if (!person) throw new NotFound('person');
    assertCan(access.actor, 'people.manage', person.unit_path);
    return person;
  }

  /** A position's unit must be one the caller can see; it need not be the record's unit. */
  async function checkUnit(tx: Transaction<DB>, access: PeopleAccess, unitId: unknown) {
    if (typeof unitId !== 'string') return;
    if (!(await people.findUnit(tx, access.units, unitId))) {
      const [vi, en] = ['Không tìm thấy đơn vị.', 'The unit was not found.'];
      throw new RuleViolation('UNIT_NOT_FOUND', vi, en, [ruleDetail('unitId', vi, en)]);
    }
  }

  function validate(kind: RecordKind, values: Values, birthDate: string) {
    const errors = SPECS[kind].check(values, birthDate, todayInVietnam());
    if (errors.length)
      throw new RuleViolation('INVALID_RECORD', 'Dữ liệu chưa hợp lệ.', 'The record is not valid.', errors);
  }

  async function write<T>(
    actor: Actor,
    personId: string,
    kind: RecordKind,
    verb: 'Added' | 'Updated' | 'Ended' | 'Removed',
    change: (
      tx: Transaction<DB>,
      access: PeopleAccess,
      person: people.PersonRow,
    ) => Promise<{ before: Values | null; after: Values | null; result: T }>,
  ): Promise<T> {
    const access = await accessOf(db, actor);
    return db.transaction().execute(async (tx) => {
      const person = await personFor(tx, access, personId);
      const { before, after: afterValues, result } = await change(tx, access, person);
      if (before === null && afterValues === null) return result;
      const now = new Date();
      await people.insertHistory(tx, tenantId, actor.userId, now, [
        { id: newId(), personId, section: kind, before, after: afterValues },
      ]);
      await recordAudit(tx, actor, {
        action: `person.${SPECS[kind].noun}${verb}`,
        entityType: 'person',
        entityId: personId,
        unitPath: person.unit_path,
        before,
        after: afterValues,
      });
      return result;
    });
  }

  async function reread<K extends RecordKind>(
    tx: Transaction<DB>,
    kind: K,
    personId: string,
    id: string,
  ): Promise<Views[K]> {
    const row = await repo.findRecord(tx, kind, tenantId, personId, id);
    return (SPECS[kind] as Spec<K>).present(row!, todayInVietnam());
  }

  function add<K extends RecordKind>(actor: Actor, kind: K, personId: string, input: Values) {
    return write(actor, personId, kind, 'Added', async (tx, access, person) => {
      const values = { ...SPECS[kind].defaults, ...tidy(input) };
      validate(kind, values, person.birth_date);
      await checkUnit(tx, access, values.unitId);
      const id = newId();
      await repo.insertRecord(tx, kind, {
        ...columnsOf(kind, values),
        tenant_id: tenantId,
        id,
        person_id: personId,
        created_at: new Date(),
      });
      const row = (await repo.findRecord(tx, kind, tenantId, personId, id)) as unknown as Values;
      return { before: null, after: fieldsOf(kind, row), result: await reread(tx, kind, personId, id) };
    });
  }

  function update<K extends RecordKind>(
    actor: Actor,
    kind: K,
    personId: string,
    id: string,
    input: Values & { version: number },
    verb: 'Updated' | 'Ended' = 'Updated',
  ) {
    return write(actor, personId, kind, verb, async (tx, access, person) => {
      const row = (await repo.findRecord(tx, kind, tenantId, personId, id, true)) as unknown as
        | Values
        | undefined;
      if (!row) throw new NotFound(kind);
      if (row.version !== input.version) throw new Conflict();
      const { version, ...rest } = tidy(input);
      const beforeValues = fieldsOf(kind, row);
      const merged = {
        ...beforeValues,
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      };
      validate(kind, merged, person.birth_date);
      if (rest.unitId !== undefined && rest.unitId !== beforeValues.unitId)
        await checkUnit(tx, access, rest.unitId);
      const diff = changed(beforeValues, merged);
      if (!diff) return { before: null, after: null, result: await reread(tx, kind, personId, id) };
      const changes = columnsOf(
        kind,
        Object.fromEntries(
          Object.keys(diff.after)
            .filter((k) => k !== 'id')
            .map((k) => [k, merged[k]]),
        ),
      );
      if (!(await repo.updateRecord(tx, kind, tenantId, id, version, changes))) throw new Conflict();
      return { ...diff, result: await reread(tx, kind, personId, id) };
    });
  }

  function remove(actor: Actor, kind: RecordKind, personId: string, id: string, version: number) {
    return write(actor, personId, kind, 'Removed', async (tx) => {
      const row = (await repo.findRecord(tx, kind, tenantId, personId, id, true)) as unknown as
        | Values
        | undefined;
      if (!row) throw new NotFound(kind);
      if (row.version !== version) throw new Conflict();
      if (!(await repo.deleteRecord(tx, kind, tenantId, id, version))) throw new Conflict();
      return { before: fieldsOf(kind, row), after: null, result: undefined };
    });
  }

  /** Ends an open post; ending one already ended is refused (edit it instead). */
  function endPosition(actor: Actor, personId: string, id: string, input: EndPositionInput) {
    return write(actor, personId, 'position', 'Ended', async (tx, _access, person) => {
      const row = await repo.findRecord(tx, 'position', tenantId, personId, id, true);
      if (!row) throw new NotFound('position');
      if (row.version !== input.version) throw new Conflict();
      if (row.end_date !== null) {
        const [vi, en] = ['Chức vụ này đã kết thúc.', 'This post has already ended.'];
        throw new RuleViolation('POSITION_ENDED', vi, en, [ruleDetail('endDate', vi, en)]);
      }
      const beforeValues = fieldsOf('position', row as unknown as Values);
      const merged = {
        ...beforeValues,
        endDate: input.endDate,
        endReason: input.endReason ? nfc(input.endReason) : null,
      };
      validate('position', merged, person.birth_date);
      const changes = { end_date: input.endDate, end_reason: input.endReason ? nfc(input.endReason) : null };
      if (!(await repo.updateRecord(tx, 'position', tenantId, id, input.version, changes)))
        throw new Conflict();
      const diff = changed(beforeValues, merged)!;
      return { ...diff, result: await reread(tx, 'position', personId, id) };
    });
  }

  const typed = <K extends RecordKind>(kind: K) => ({
    add: (actor: Actor, personId: string, input: object) => add(actor, kind, personId, input as Values),
    update: (actor: Actor, personId: string, id: string, input: { version: number }) =>
      update(actor, kind, personId, id, input as Values & { version: number }),
    remove: (actor: Actor, personId: string, id: string, version: number) =>
      remove(actor, kind, personId, id, version),
  });

  return {
    positions: { ...typed('position'), end: endPosition },
    disciplines: typed('discipline'),
    awards: typed('award'),
    trainings: typed('training'),
  };
}

export type RecordsService = ReturnType<typeof createRecordsService>;
