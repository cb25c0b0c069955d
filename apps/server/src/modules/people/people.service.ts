import {
  type CreatePersonInput,
  type PartyStatus,
  type PersonListQuery,
  type PersonProfile,
  personSortKey,
  searchKey,
  type UpdatePersonInput,
} from '@canbo/domain';
import type { Transaction } from 'kysely';
import { type Actor, assertCan, covers } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import {
  accessOf,
  auditSensitiveRead,
  isSelf,
  maskForAudit,
  type PeopleAccess,
  seesSensitive,
} from './people.access';
import { todayInVietnam } from './people.dates';
import {
  presentAward,
  presentDiscipline,
  presentListItem,
  presentPerson,
  presentPosition,
  presentTraining,
} from './people.presenter';
import * as repo from './people.repository';
import { checkPerson, ruleDetail } from './people.rules';
import { matchingTitles, searchPeople, type UnitFilter } from './people.search';
import { buildTimeline } from './people.timeline';
import {
  diff,
  newProfile,
  partyOf,
  partyValues,
  profileChanges,
  profileOf,
  tidy,
  toColumns,
  type Values,
} from './person.fields';
import { currentPositionsOf, recordsOf } from './records.repository';
import { createRecordsService } from './records.service';

const invalid = (details: ReturnType<typeof checkPerson>) =>
  new RuleViolation('INVALID_PERSON', 'Hồ sơ chưa hợp lệ.', 'The record is not valid.', details);

/** A CCCD or code already used by another record of the tenant: 422 naming the field. */
function taken(field: 'cccd' | 'code') {
  const [vi, en] =
    field === 'cccd'
      ? ['Số CCCD này đã có trong hồ sơ khác.', 'This citizen ID number is already on another record.']
      : ['Số hiệu cán bộ này đã được dùng.', 'This record code is already used.'];
  return new RuleViolation(field === 'cccd' ? 'CCCD_TAKEN' : 'CODE_TAKEN', vi, en, [
    ruleDetail(field, vi, en),
  ]);
}

/** A race lost to another insert of the same CCCD or code still answers 422, not a bare duplicate. */
function uniqueViolation(error: unknown): RuleViolation | null {
  const e = error as { code?: string; constraint?: string; detail?: string };
  if (e?.code !== '23505') return null;
  const text = `${e.constraint ?? ''} ${e.detail ?? ''}`;
  return text.includes('cccd') ? taken('cccd') : text.includes('code') ? taken('code') : null;
}

/** "CB" + 10 characters of a fresh id: readable, and unique in practice (the constraint decides). */
function generatedCode(id: string): string {
  return `CB${id.replace(/-/g, '').slice(-10).toUpperCase()}`;
}

function factsOf(profile: Values, party: Values) {
  return {
    sex: profile.sex as 'male' | 'female',
    birthDate: profile.birthDate as string,
    cccd: (profile.cccd as string | null) ?? null,
    salaryDate: (profile.salaryDate as string | null) ?? null,
    partyStatus: party.status as PartyStatus,
    partyAdmittedDate: (party.admittedDate as string | null) ?? null,
    partyFullDate: (party.fullDate as string | null) ?? null,
    partyCardNumber: (party.cardNumber as string | null) ?? null,
  };
}

export function createPeopleService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function readable(dbx: repo.Db, access: PeopleAccess, id: string, lock = false) {
    const row = await repo.findPerson(dbx, access.read, id, { selfId: access.selfId, lock });
    if (!row) throw new NotFound('person');
    return row;
  }

  /** A unit the actor can see, active, on which they hold people.manage. */
  async function manageableUnit(dbx: repo.Db, access: PeopleAccess, unitId: string) {
    const unit = await repo.findUnit(dbx, access.units, unitId);
    if (!unit) throw new NotFound('unit');
    assertCan(access.actor, 'people.manage', unit.path);
    if (unit.status !== 'active') {
      const [vi, en] = ['Đơn vị không còn hoạt động.', 'The unit is no longer active.'];
      throw new RuleViolation('UNIT_INACTIVE', vi, en, [ruleDetail('unitId', vi, en)]);
    }
    return unit;
  }

  async function profile(dbx: repo.Db, access: PeopleAccess, row: repo.PersonRow): Promise<PersonProfile> {
    const today = todayInVietnam();
    const sensitive = seesSensitive(access, row);
    const records = await recordsOf(dbx, tenantId, row.id);
    return {
      ...presentPerson(row, today, sensitive),
      positions: records.positions.map((p) => presentPosition(p, today)),
      disciplines: records.disciplines.map((d) => presentDiscipline(d, today)),
      awards: records.awards.map(presentAward),
      trainings: records.trainings.map(presentTraining),
      abilities: {
        manage: covers(access.manage, row.unit_path),
        readSensitive: sensitive,
        isSelf: isSelf(access, row),
      },
    };
  }

  async function get(actor: Actor, id: string): Promise<PersonProfile> {
    const access = await accessOf(db, actor);
    const row = await readable(db, access, id);
    const result = await profile(db, access, row);
    await auditSensitiveRead(db, access, 'profile', [row]);
    return result;
  }

  /** The record linked to the caller's account. */
  async function me(actor: Actor): Promise<PersonProfile> {
    const access = await accessOf(db, actor);
    if (!access.selfId) throw new NotFound('person');
    return get(actor, access.selfId);
  }

  async function list(actor: Actor, query: PersonListQuery) {
    const access = await accessOf(db, actor);
    if (query.partyStatus && access.sensitive.paths?.length === 0 && !access.selfId) {
      throw new Forbidden(
        'Bạn không được lọc theo dữ liệu đảng viên.',
        'You may not filter on party membership data.',
      );
    }
    const today = todayInVietnam();
    const on = query.asOf ?? today;
    let unit: UnitFilter | null = null;
    if (query.unitId) {
      const found = await repo.findUnit(db, access.units, query.unitId);
      if (!found) throw new NotFound('unit');
      unit = query.asOf
        ? { kind: 'asOf', path: await repo.unitPathOn(db, tenantId, found.id, query.asOf) }
        : { kind: 'current', path: found.path };
    }
    const { rows, total } = await searchPeople(db, {
      tenantId,
      read: access.read,
      sensitive: access.sensitive,
      selfId: access.selfId,
      rootPath: ctx.rootPath,
      on,
      unit,
      titles: query.position ? await matchingTitles(db, tenantId, query.position) : null,
      query,
    });
    const positions = await currentPositionsOf(
      db,
      tenantId,
      rows.map((r) => r.id),
      on,
    );
    const items = rows.map((r) =>
      presentListItem(
        r,
        positions.filter((p) => p.person_id === r.id),
        today,
        seesSensitive(access, r),
      ),
    );
    await auditSensitiveRead(db, access, 'list', rows);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  async function create(actor: Actor, input: CreatePersonInput): Promise<PersonProfile> {
    const access = await accessOf(db, actor);
    const clean = tidy(input);
    const party = partyValues(clean.party ? tidy(clean.party) : undefined);
    const unit = await manageableUnit(db, access, clean.unitId);
    if (clean.cccd || party.status !== 'none') assertCan(actor, 'people.readSensitive', unit.path);
    const id = newId();
    const profileValues = newProfile(clean, clean.code ?? generatedCode(id));
    const errors = checkPerson(factsOf(profileValues, party), todayInVietnam());
    if (errors.length) throw invalid(errors);
    try {
      return await db.transaction().execute(async (tx) => {
        if (
          profileValues.cccd &&
          (await repo.takenBy(tx, tenantId, 'cccd', profileValues.cccd as string, null))
        ) {
          throw taken('cccd');
        }
        if (await repo.takenBy(tx, tenantId, 'code', profileValues.code as string, null)) throw taken('code');
        const now = new Date();
        const fullName = profileValues.fullName as string;
        await repo.insertPerson(
          tx,
          tenantId,
          id,
          {
            ...(toColumns(profileValues, party) as repo.PersonColumns),
            unit_id: unit.id,
            search_key: searchKey(fullName),
            sort_key: personSortKey(fullName),
          },
          now,
        );
        const after = { ...profileValues, unitId: unit.id, unitName: unit.name };
        const sections: repo.HistoryEntry[] = [{ personId: id, section: 'profile', before: null, after }];
        if (party.status !== 'none')
          sections.push({ personId: id, section: 'party', before: null, after: party });
        await repo.insertHistory(
          tx,
          tenantId,
          actor.userId,
          now,
          sections.map((s) => ({ ...s, id: newId() })),
        );
        await recordAudit(tx, actor, {
          action: 'person.created',
          entityType: 'person',
          entityId: id,
          unitPath: unit.path,
          after: { ...maskForAudit(after), party: maskForAudit(party) },
        });
        return respondAfterWrite(tx, access, id);
      });
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  async function respondAfterWrite(tx: Transaction<DB>, access: PeopleAccess, id: string) {
    const row = await readable(tx, access, id);
    const result = await profile(tx, access, row);
    await auditSensitiveRead(tx, access, 'write', [row]);
    return result;
  }

  async function update(actor: Actor, id: string, input: UpdatePersonInput): Promise<PersonProfile> {
    const access = await accessOf(db, actor);
    const clean = tidy(input);
    try {
      return await db.transaction().execute(async (tx) => {
        const row = await readable(tx, access, id, true);
        assertCan(actor, 'people.manage', row.unit_path);
        if (row.version !== clean.version) throw new Conflict();
        if (clean.cccd !== undefined || clean.party !== undefined)
          assertCan(actor, 'people.readSensitive', row.unit_path);
        const unit =
          clean.unitId && clean.unitId !== row.unit_id
            ? await manageableUnit(tx, access, clean.unitId)
            : null;

        const beforeProfile = profileOf(row);
        const afterProfile = { ...beforeProfile, ...profileChanges(clean) };
        const beforeParty = partyOf(row);
        const afterParty = clean.party === undefined ? beforeParty : partyValues(tidy(clean.party));
        const errors = checkPerson(factsOf(afterProfile, afterParty), todayInVietnam());
        if (errors.length) throw invalid(errors);

        const profileDiff = diff(beforeProfile, afterProfile);
        const partyDiff = diff(beforeParty, afterParty);
        if (!profileDiff && !partyDiff && !unit) return respondAfterWrite(tx, access, id);

        if (
          profileDiff?.after.cccd &&
          (await repo.takenBy(tx, tenantId, 'cccd', profileDiff.after.cccd as string, id))
        ) {
          throw taken('cccd');
        }
        if (
          profileDiff?.after.code &&
          (await repo.takenBy(tx, tenantId, 'code', profileDiff.after.code as string, id))
        ) {
          throw taken('code');
        }
        const columns = toColumns(profileDiff?.after ?? {}, partyDiff?.after ?? null);
        if (unit) columns.unit_id = unit.id;
        if (profileDiff && 'fullName' in profileDiff.after) {
          columns.search_key = searchKey(afterProfile.fullName as string);
          columns.sort_key = personSortKey(afterProfile.fullName as string);
        }
        const now = new Date();
        if (!(await repo.updatePerson(tx, tenantId, id, clean.version, columns, now))) throw new Conflict();

        const entries: repo.HistoryEntry[] = [];
        if (profileDiff) entries.push({ personId: id, section: 'profile', ...profileDiff });
        if (partyDiff) entries.push({ personId: id, section: 'party', ...partyDiff });
        if (unit) {
          entries.push({
            personId: id,
            section: 'unit',
            before: { unitId: row.unit_id, unitName: row.unit_name },
            after: { unitId: unit.id, unitName: unit.name },
          });
        }
        await repo.insertHistory(
          tx,
          tenantId,
          actor.userId,
          now,
          entries.map((e) => ({ ...e, id: newId() })),
        );
        await recordAudit(tx, actor, {
          action: 'person.updated',
          entityType: 'person',
          entityId: id,
          unitPath: unit?.path ?? row.unit_path,
          before: Object.fromEntries(entries.map((e) => [e.section, maskForAudit(e.before)])),
          after: Object.fromEntries(entries.map((e) => [e.section, maskForAudit(e.after)])),
        });
        return respondAfterWrite(tx, access, id);
      });
    } catch (error) {
      throw uniqueViolation(error) ?? error;
    }
  }

  async function history(actor: Actor, id: string) {
    const access = await accessOf(db, actor);
    const row = await readable(db, access, id);
    const sensitive = seesSensitive(access, row);
    const [records, changes] = await Promise.all([
      recordsOf(db, tenantId, id),
      repo.historyOf(db, tenantId, id),
    ]);
    const events = buildTimeline(row, records, changes, sensitive, todayInVietnam());
    await auditSensitiveRead(db, access, 'history', [row]);
    return { personId: row.id, fullName: row.full_name, events };
  }

  return { get, me, list, create, update, history, records: createRecordsService(ctx) };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
