import { personSortKey, searchKey } from '@canbo/domain';
import { type Actor, covers, scopeOf } from '../../access/actor';
import { newId } from '../../ids';
import type { PersonRow } from '../people/people.repository';
import { checkPerson } from '../people/people.rules';
import { diff, PROFILE_COLUMNS, partyOf, profileOf, toColumns, type Values } from '../people/person.fields';
import { bundle, type SectionChange } from '../people/person.history';
import { PEOPLE_COLUMNS } from './columns';
import { changed, planPosts, positionFields } from './people.posts';
import type { PeoplePlanner, PeopleWrites } from './people.types';
import { firstSeen, type Issues, type ParsedRow, requireForNew } from './rows';
import { type Db, openPositions, peopleByKeys, type UnitRef, unitsByCode } from './snapshot';

/**
 * People rows → what to write: which records to create, which to change (only the fields the file
 * fills in), which posts to open, update or end, and the person_history rows of it all. Nothing is
 * planned for a row with an issue; the caller writes nothing at all when there is any issue.
 */

const PROFILE_KEYS = Object.keys(PROFILE_COLUMNS);

/** checkPerson's paths ("party.fullDate") → the import's column keys. */
const RULE_COLUMNS: Record<string, string> = {
  birthDate: 'birthDate',
  cccd: 'cccd',
  salaryDate: 'salaryDate',
  'party.status': 'partyStatus',
  'party.admittedDate': 'partyAdmittedDate',
  'party.fullDate': 'partyFullDate',
  'party.cardNumber': 'partyCardNumber',
};
const FACT_COLUMNS = [
  'sex',
  'birthDate',
  'cccd',
  'salaryDate',
  'partyStatus',
  'partyAdmittedDate',
  'partyFullDate',
  'partyCardNumber',
];
const PARTY_KEYS = ['partyStatus', 'partyAdmittedDate', 'partyFullDate', 'partyCardNumber'];

/**
 * Reads what the rows name in the database (units, the records they match, their open posts) and
 * returns the planner of the rows: `plan` takes them slice by slice, in file order.
 */
export async function peoplePlanner(
  db: Db,
  actor: Actor,
  tenantId: string,
  rows: readonly ParsedRow[],
  issues: Issues,
  today: string,
): Promise<PeoplePlanner> {
  const scope = scopeOf(actor, 'imports.run');
  const sensitive = scopeOf(actor, 'people.readSensitive');
  const text = (r: ParsedRow, key: string) => r.values[key] as string | undefined;

  const unitCodes = rows.flatMap((r) =>
    [text(r, 'unitCode'), text(r, 'concurrentUnitCode')].filter((c): c is string => !!c),
  );
  const units = await unitsByCode(db, tenantId, unitCodes);
  const { byCccd, byCode } = await peopleByKeys(
    db,
    tenantId,
    rows.flatMap((r) => (text(r, 'cccd') ? [text(r, 'cccd')!] : [])),
    rows.flatMap((r) => (text(r, 'code') ? [text(r, 'code')!] : [])),
  );
  const positions = await openPositions(db, tenantId, [
    ...new Set([...byCccd.values(), ...byCode.values()].map((p) => p.id)),
  ]);

  const counts = { created: 0, updated: 0, unchanged: 0 };
  const unitPaths = new Set<string>();
  const cccdSeen = firstSeen<string>();
  const codeSeen = firstSeen<string>();
  const targetSeen = firstSeen<string>();

  /** A unit named by a row: it must exist, be active and lie in the caller's import scope. */
  function unitOf(r: ParsedRow, key: string): UnitRef | null {
    const code = text(r, key);
    if (!code) return null;
    const unit = units.get(code);
    // Missing and out of scope read the same: the file learns nothing of units beyond the caller's reach.
    if (!unit || !covers(scope, unit.path)) {
      issues.add(r.number, key, {
        vi: `Không có đơn vị mã "${code}" trong phạm vi bạn được nhập dữ liệu.`,
        en: `There is no unit with the code "${code}" among the units you may import into.`,
      });
    } else if (unit.status !== 'active') {
      issues.add(r.number, key, {
        vi: `Đơn vị "${unit.name}" không còn hoạt động.`,
        en: `The unit "${unit.name}" is no longer active.`,
      });
    } else return unit;
    return null;
  }

  function identify(r: ParsedRow): PersonRow | null | 'invalid' {
    const cccd = text(r, 'cccd');
    const code = text(r, 'code');
    if (r.failed.has('cccd') || r.failed.has('code')) return 'invalid';
    if (!cccd && !code) {
      issues.add(r.number, 'cccd', {
        vi: 'Cần có số CCCD hoặc mã cán bộ để nhận ra hồ sơ khi nhập lại.',
        en: 'A citizen ID number or a record code is needed to recognise the record on a later import.',
      });
      return 'invalid';
    }
    let bad = false;
    const firstCccd = cccd ? cccdSeen.seen(cccd, r.number) : null;
    if (firstCccd !== null) {
      issues.add(r.number, 'cccd', {
        vi: `Số CCCD trùng với dòng ${firstCccd}.`,
        en: `The same citizen ID number is on row ${firstCccd}.`,
      });
      bad = true;
    }
    const firstCode = code ? codeSeen.seen(code, r.number) : null;
    if (firstCode !== null) {
      issues.add(r.number, 'code', {
        vi: `Mã cán bộ trùng với dòng ${firstCode}.`,
        en: `The same record code is on row ${firstCode}.`,
      });
      bad = true;
    }
    let target = cccd ? (byCccd.get(cccd) ?? null) : null;
    if (target && code && code !== target.code) {
      const other = byCode.get(code);
      if (other && other.id !== target.id) {
        issues.add(r.number, 'code', {
          vi: `Mã cán bộ "${code}" đã thuộc hồ sơ khác, không phải của người có số CCCD này.`,
          en: `The record code "${code}" belongs to another record than the one with this citizen ID number.`,
        });
        bad = true;
      }
    }
    if (!target && code) {
      const other = byCode.get(code) ?? null;
      if (other && cccd && other.cccd && other.cccd !== cccd) {
        issues.add(r.number, 'code', {
          vi: `Mã cán bộ "${code}" đã gắn với hồ sơ có số CCCD khác.`,
          en: `The record code "${code}" belongs to a record with another citizen ID number.`,
        });
        bad = true;
      } else target = other;
    }
    if (target) {
      const first = targetSeen.seen(target.id, r.number);
      if (first !== null && firstCccd === null && firstCode === null) {
        issues.add(r.number, cccd ? 'cccd' : 'code', {
          vi: `Dòng này và dòng ${first} cùng chỉ một hồ sơ.`,
          en: `This row and row ${first} name the same record.`,
        });
        bad = true;
      }
      if (!covers(scope, target.unit_path)) {
        issues.add(r.number, cccd ? 'cccd' : 'code', {
          vi: `Hồ sơ có ${cccd ? 'số CCCD' : 'mã'} này thuộc đơn vị ngoài phạm vi bạn được nhập dữ liệu.`,
          en: `The record with this ${cccd ? 'citizen ID number' : 'code'} is kept by a unit outside the units you may import into.`,
        });
        bad = true;
      }
    }
    return bad ? 'invalid' : target;
  }

  /** One row: its checks, and what to write for it into `out`. */
  function planRow(r: ParsedRow, out: PeopleWrites): void {
    const found = identify(r);
    const target = found === 'invalid' ? null : found;
    const unit = unitOf(r, 'unitCode');
    if (
      unit &&
      (text(r, 'cccd') || PARTY_KEYS.some((k) => r.values[k] !== undefined)) &&
      !covers(sensitive, unit.path)
    ) {
      issues.add(r.number, text(r, 'cccd') ? 'cccd' : 'partyStatus', {
        vi: 'Bạn không được nhập số CCCD và dữ liệu đảng viên của đơn vị này.',
        en: 'You may not import citizen ID numbers or party data for this unit.',
      });
    }
    if (found !== 'invalid' && !target) requireForNew(issues, r, PEOPLE_COLUMNS);

    // The record after the import: the file's non-empty cells over what is stored (or the defaults).
    const id = target?.id ?? newId();
    const before = target ? profileOf(target) : null;
    const after: Values = before ? { ...before } : Object.fromEntries(PROFILE_KEYS.map((k) => [k, null]));
    if (!before)
      Object.assign(after, {
        ethnicity: 'Kinh',
        status: 'active',
        code: `CB${id.replace(/-/g, '').slice(-10).toUpperCase()}`,
      });
    for (const key of PROFILE_KEYS)
      if (r.values[key] !== undefined) after[key] = r.values[key] as string | number;
    const partyBefore: Values = target
      ? partyOf(target)
      : { status: 'none', admittedDate: null, fullDate: null, cardNumber: null };
    const partyAfter: Values =
      r.values.partyStatus !== undefined
        ? { status: r.values.partyStatus as string, admittedDate: null, fullDate: null, cardNumber: null }
        : { ...partyBefore };
    for (const [field, key] of [
      ['admittedDate', 'partyAdmittedDate'],
      ['fullDate', 'partyFullDate'],
      ['cardNumber', 'partyCardNumber'],
    ] as const) {
      if (r.values[key] !== undefined) partyAfter[field] = r.values[key] as string;
    }

    if (!FACT_COLUMNS.some((k) => r.failed.has(k)) && after.sex && after.birthDate) {
      const facts = {
        sex: after.sex as 'male' | 'female',
        birthDate: after.birthDate as string,
        cccd: (after.cccd as string | null) ?? null,
        salaryDate: (after.salaryDate as string | null) ?? null,
        partyStatus: partyAfter.status as 'none',
        partyAdmittedDate: (partyAfter.admittedDate as string | null) ?? null,
        partyFullDate: (partyAfter.fullDate as string | null) ?? null,
        partyCardNumber: (partyAfter.cardNumber as string | null) ?? null,
      };
      for (const d of checkPerson(facts, today)) {
        const key = RULE_COLUMNS[d.path] ?? d.path;
        const strip = (m: string | undefined) => (m ?? '').replace(/^[\w.]+: /, '');
        issues.add(r.number, key, { vi: strip(d.message), en: strip(d.messageEn) });
      }
    }

    const open = target ? (positions.get(target.id) ?? []) : [];
    const posts = planPosts({ issues, unitOf }, r, unit, open, after.birthDate as string | null);
    if (issues.rows.has(r.number) || !unit) return;

    // What changes.
    const history: SectionChange[] = [];
    const entry = (section: string, b: Record<string, unknown> | null, a: Record<string, unknown> | null) =>
      history.push({ id: newId(), section, before: b, after: a });
    const unitChanged = !!target && target.unit_id !== unit.id;
    if (!target) {
      // A new record's snapshot lists the fields it has; empty ones are left out.
      const filled = Object.fromEntries(Object.entries(after).filter(([, v]) => v !== null));
      entry('profile', null, { ...filled, unitId: unit.id, unitName: unit.name });
      if (partyAfter.status !== 'none') entry('party', null, partyAfter);
    } else {
      const profileDiff = diff(before!, after);
      const partyDiff = diff(partyBefore, partyAfter);
      if (profileDiff) entry('profile', profileDiff.before, profileDiff.after);
      if (partyDiff) entry('party', partyDiff.before, partyDiff.after);
      if (unitChanged)
        entry(
          'unit',
          { unitId: target.unit_id, unitName: target.unit_name },
          { unitId: unit.id, unitName: unit.name },
        );
    }
    for (const p of posts.inserts) {
      entry('position', null, {
        id: p.id,
        unitId: p.unitId,
        title: p.title,
        titleGroup: null,
        isLeader: p.isLeader,
        isConcurrent: p.isConcurrent,
        startDate: p.startDate,
        endDate: null,
        decisionNumber: p.decisionNumber,
        endReason: null,
      });
    }
    for (const c of posts.changes) {
      const old = open.find((p) => p.id === c.id)!;
      const delta = changed(positionFields(old), {
        ...positionFields(old),
        startDate: c.startDate,
        endDate: c.endDate,
        isLeader: c.isLeader,
        decisionNumber: c.decisionNumber,
        endReason: c.endReason,
      });
      if (delta) entry('position', delta.before, delta.after);
    }

    if (history.length === 0) {
      counts.unchanged++;
      return;
    }
    const columns = {
      ...toColumns(after, partyAfter),
      unit_id: unit.id,
      search_key: searchKey(after.fullName as string),
      sort_key: personSortKey(after.fullName as string),
    };
    if (target) {
      out.updates.push({ id, version: target.version, columns });
      counts.updated++;
      unitPaths.add(target.unit_path);
    } else {
      out.inserts.push({ id, version: 1, columns });
      counts.created++;
    }
    unitPaths.add(unit.path);
    for (const path of posts.paths) unitPaths.add(path);
    for (const p of posts.inserts) out.positionInserts.push({ ...p, personId: id });
    out.positionChanges.push(...posts.changes);
    // One history row per record: a single change as it is, several bundled.
    const stored = history.length === 1 ? history[0]! : { id: newId(), ...bundle(history) };
    out.history.push({ ...stored, personId: id });
  }

  return {
    counts,
    unitPaths,
    plan(slice) {
      const out: PeopleWrites = {
        inserts: [],
        updates: [],
        positionInserts: [],
        positionChanges: [],
        history: [],
      };
      for (const r of slice) planRow(r, out);
      return out;
    },
  };
}
