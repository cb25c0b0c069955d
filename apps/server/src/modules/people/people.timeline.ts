import { maskCccd, type PersonChangeView, type TimelineEvent } from '@canbo/domain';
import { vietnamDateOf } from './people.dates';
import { presentAward, presentDiscipline, presentPosition, presentTraining } from './people.presenter';
import type { PersonRow } from './people.repository';
import { unbundle } from './person.history';
import type { AwardRow, DisciplineRow, PositionRow, TrainingRow } from './records.repository';

export interface ChangeRow {
  id: string;
  changed_at: Date;
  changed_by: string | null;
  changed_by_name: string | null;
  source: string;
  section: string;
  before: unknown;
  after: unknown;
}

/** Order of kinds on the same day: career facts first, then the record's own changes. */
const ORDER: Record<TimelineEvent['type'], number> = {
  partyAdmitted: 0,
  partyFull: 1,
  position: 2,
  training: 3,
  award: 4,
  discipline: 5,
  change: 6,
};

type Json = Record<string, unknown> | null;

function asObject(value: unknown): Json {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
}

/** Masks what the caller may not read: party sections entirely, CCCD values as in the record. */
export function presentChange(row: ChangeRow, sensitive: boolean): PersonChangeView {
  let before = asObject(row.before);
  let after = asObject(row.after);
  const masked =
    !sensitive && (row.section === 'party' || 'cccd' in (before ?? {}) || 'cccd' in (after ?? {}));
  if (!sensitive && row.section === 'party') {
    before = null;
    after = null;
  } else if (!sensitive) {
    const mask = (o: Json) => (o && typeof o.cccd === 'string' ? { ...o, cccd: maskCccd(o.cccd) } : o);
    before = mask(before);
    after = mask(after);
  }
  const itemId = (after?.id ?? before?.id ?? null) as string | null;
  return {
    id: row.id,
    at: row.changed_at.toISOString(),
    changedBy: row.changed_by ? { id: row.changed_by, name: row.changed_by_name ?? '' } : null,
    source: row.source as PersonChangeView['source'],
    section: row.section,
    action: row.before === null ? 'created' : row.after === null ? 'deleted' : 'updated',
    itemId: typeof itemId === 'string' ? itemId : null,
    before,
    after,
    masked,
  };
}

/** The résumé as dated events, oldest first. */
export function buildTimeline(
  person: PersonRow,
  records: {
    positions: PositionRow[];
    disciplines: DisciplineRow[];
    awards: AwardRow[];
    trainings: TrainingRow[];
  },
  changes: ChangeRow[],
  sensitive: boolean,
  today: string,
): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  if (sensitive && person.party_admitted_date) {
    events.push({ type: 'partyAdmitted', date: person.party_admitted_date, endDate: null });
  }
  if (sensitive && person.party_full_date)
    events.push({ type: 'partyFull', date: person.party_full_date, endDate: null });
  for (const p of records.positions) {
    events.push({
      type: 'position',
      date: p.start_date,
      endDate: p.end_date,
      position: presentPosition(p, today),
    });
  }
  for (const d of records.disciplines) {
    events.push({
      type: 'discipline',
      date: d.decision_date,
      endDate: d.expiry_date,
      discipline: presentDiscipline(d, today),
    });
  }
  for (const a of records.awards)
    events.push({ type: 'award', date: a.decision_date, endDate: null, award: presentAward(a) });
  for (const t of records.trainings) {
    events.push({ type: 'training', date: t.start_date, endDate: t.end_date, training: presentTraining(t) });
  }
  for (const c of unbundle(changes)) {
    events.push({
      type: 'change',
      date: vietnamDateOf(c.changed_at),
      endDate: null,
      change: presentChange(c, sensitive),
    });
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((x, y) =>
      x.e.date < y.e.date ? -1 : x.e.date > y.e.date ? 1 : ORDER[x.e.type] - ORDER[y.e.type] || x.i - y.i,
    )
    .map(({ e }) => e);
}
