import { addYears, DEMO_AS_OF, dateOf, dayBetween, dayOf } from './dates';
import type { Sex } from './names';
import type { PersonFactory, PersonRecord } from './person-factory';
import { PROFILES, type Profile, type TitleGroup } from './profiles';
import { type SeedIds, WeightedTable } from './random';
import type { PartyPost, PlannedUnit } from './tree';

/** A position as written to the position table (tenant_id is added by the writer). */
export interface PositionRecord {
  id: string;
  person_id: string;
  unit_id: string;
  title: string;
  title_group: TitleGroup;
  is_leader: boolean;
  is_concurrent: boolean;
  start_date: string;
  decision_number: string | null;
}

/** A person with a fixed name in a fixed post, e.g. the person behind a demo account. */
export interface Pin {
  unitCode: string;
  group: TitleGroup;
  index: number;
  fullName: string;
  sex: Sex;
  key: string;
}

export interface PeopleBatch {
  persons: PersonRecord[];
  positions: PositionRecord[];
  pinned: { key: string; personId: string }[];
}

/** Scales specialists and support staff so that the whole organisation has about `target` people. */
export function scaleStaffing(units: readonly PlannedUnit[], target: number): void {
  let fixed = 0;
  let flexible = 0;
  for (const u of units) {
    if (!u.staffing) continue;
    fixed += u.staffing.heads.length;
    flexible += u.staffing.specialists + u.staffing.staff;
  }
  if (flexible === 0) return;
  const factor = Math.max(0, (target - fixed) / flexible);
  for (const u of units) {
    if (!u.staffing) continue;
    u.staffing.specialists = Math.round(u.staffing.specialists * factor);
    u.staffing.staff = Math.round(u.staffing.staff * factor);
  }
}

interface Hired {
  person: PersonRecord;
  group: TitleGroup;
  start: number;
}

const UNION_MIN_PEOPLE = 15;
const RECENT = '2025-01-01';

/**
 * Staffs every unit in tree order: each person gets one current main position in the unit that
 * keeps their record; party organisations' posts, and trade-union chairs, are concurrent posts
 * held by people of the host unit. Yields one batch per staffed unit.
 */
export function* generatePeople(
  units: readonly PlannedUnit[],
  factory: PersonFactory,
  ids: SeedIds,
  pins: readonly Pin[] = [],
): Generator<PeopleBatch> {
  const rng = factory.random;
  const asOf = dayOf(DEMO_AS_OF) - 30;
  const hostedBy = new Map<string, PlannedUnit[]>();
  for (const u of units) if (u.hostCode) hostedBy.set(u.hostCode, [...(hostedBy.get(u.hostCode) ?? []), u]);
  const pinsAt = new Map<string, Pin[]>();
  for (const p of pins) pinsAt.set(p.unitCode, [...(pinsAt.get(p.unitCode) ?? []), p]);
  const titleTables = new Map<Profile, { specialist: WeightedTable<string>; staff: WeightedTable<string> }>();
  const titles = (profile: Profile) => {
    let t = titleTables.get(profile);
    if (!t) {
      t = {
        specialist: new WeightedTable(profile.specialistTitles),
        staff: new WeightedTable(profile.staffTitles),
      };
      titleTables.set(profile, t);
    }
    return t;
  };

  for (const unit of units) {
    if (!unit.staffing) continue;
    const profile = PROFILES[unit.staffing.profile];
    const batch: PeopleBatch = { persons: [], positions: [], pinned: [] };
    const hired: Hired[] = [];
    const counters: Record<TitleGroup, number> = { leader: 0, deputy: 0, specialist: 0, staff: 0 };
    const unitPins = pinsAt.get(unit.code) ?? [];
    const hire = (group: TitleGroup, title: string) => {
      const index = counters[group]++;
      const pin = unitPins.find((p) => p.group === group && p.index === index);
      const person = factory.make({
        unitId: unit.id,
        profile,
        group,
        minorityArea: unit.minority,
        ...(pin ? { pinned: { fullName: pin.fullName, sex: pin.sex } } : {}),
      });
      if (pin) batch.pinned.push({ key: pin.key, personId: person.id });
      const lead = group === 'leader' || group === 'deputy';
      let from = Math.max(dayOf(unit.valid_from), dayOf(addYears(person.birth_date, lead ? 28 : 22)));
      if (lead) from = Math.max(from, asOf - 6 * 365);
      // Most people of a unit founded by the 2025 reforms moved in on its first day.
      const founded = unit.valid_from >= RECENT && dayOf(unit.valid_from) >= from && rng.chance(0.8);
      const start = founded ? dayOf(unit.valid_from) : dayBetween(rng, from, asOf);
      batch.persons.push(person);
      batch.positions.push({
        id: ids.next(),
        person_id: person.id,
        unit_id: unit.id,
        title,
        title_group: group,
        is_leader: lead,
        is_concurrent: false,
        start_date: dateOf(start),
        decision_number: lead ? decision(rng.int(100, 9999), unit, profile) : null,
      });
      hired.push({ person, group, start });
    };
    for (const [title, group] of unit.staffing.heads) hire(group, title);
    const t = titles(profile);
    for (let i = 0; i < unit.staffing.specialists; i++) hire('specialist', t.specialist.draw(rng.float()));
    for (let i = 0; i < unit.staffing.staff; i++) hire('staff', t.staff.draw(rng.float()));

    const concurrent = (who: Hired, at: PlannedUnit, title: string, group: TitleGroup) => {
      const start = dayBetween(rng, Math.max(who.start, dayOf(at.valid_from)), asOf);
      batch.positions.push({
        id: ids.next(),
        person_id: who.person.id,
        unit_id: at.id,
        title,
        title_group: group,
        is_leader: group === 'leader' || group === 'deputy',
        is_concurrent: true,
        start_date: dateOf(start),
        decision_number: at.is_party_org ? `${rng.int(100, 9999)}-QĐ/ĐU` : null,
      });
    };
    for (const org of hostedBy.get(unit.code) ?? []) {
      const taken = new Set<string>();
      for (const post of org.partyPosts) {
        const who = holder(post, hired, taken, rng.float());
        if (!who) continue;
        taken.add(who.person.id);
        factory.admitToParty(who.person);
        concurrent(who, org, post.title, post.group);
      }
    }
    if (hired.length >= UNION_MIN_PEOPLE && profile !== PROFILES.enterprise) {
      const pool = hired.filter((h) => h.group === 'specialist');
      if (pool.length)
        concurrent(
          pool[Math.floor(rng.float() * pool.length)]!,
          unit,
          'Chủ tịch Công đoàn cơ sở',
          'specialist',
        );
    }
    yield batch;
  }
}

/** Who holds a party post: the host's first leader or deputy, or a party member picked at random. */
function holder(
  post: PartyPost,
  hired: readonly Hired[],
  taken: ReadonlySet<string>,
  u: number,
): Hired | undefined {
  const free = hired.filter((h) => !taken.has(h.person.id));
  if (post.from === 'leader')
    return free.find((h) => h.group === 'leader') ?? free.find((h) => h.group === 'deputy');
  if (post.from === 'deputy') return free.find((h) => h.group === 'deputy') ?? free[0];
  const members = free.filter((h) => h.person.party_status !== 'none' && h.group !== 'staff');
  const pool = members.length ? members : free;
  return pool.length ? pool[Math.floor(u * pool.length)] : undefined;
}

function decision(n: number, unit: PlannedUnit, profile: Profile): string {
  if (unit.is_party_org || profile.field === 'party')
    return unit.level === 'province' ? `${n}-QĐ/TU` : `${n}-QĐ/ĐU`;
  return `${n}/QĐ-UBND`;
}
