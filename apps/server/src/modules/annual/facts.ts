import type { AbsenceKind, Disqualifier, Grade, PeriodResult, RuleSetId } from '@canbo/domain';
import { sql } from 'kysely';
import type { Db } from './annual.types';
import { addDays } from './enrolment';

/**
 * What eligibility and the roll-up read about a batch of people, in one query per kind of fact (never
 * one per person): main posts held in the period, leave, party dates, disciplines and findings of the
 * period, and the periodic evaluation results whose cycle lies inside the period — from any unit, so
 * a transferred person's months travel with them.
 */
export interface PersonFacts {
  partyStatus: string;
  partyAdmittedDate: string | null;
  /** Main posts overlapping the period; last day held, inclusive (null = still held). */
  posts: { start: string; end: string | null }[];
  absences: { kind: AbsenceKind; start: string; end: string }[];
  disciplined: boolean;
  degradation: boolean;
  corruptionInManagedUnit: boolean;
  results: PeriodResult[];
}

/** Discipline forms that force "not completed" for the year (the periodic scoring's list). */
const YEAR_FORMS = [
  'reprimand',
  'warning',
  'removal_from_post',
  'dismissal',
  'expulsion',
  'demotion',
  'forced_resignation',
];

/** Evaluation states whose result is settled enough to roll up; notEvaluated is listed, not counted. */
export const ROLLUP_STATES = ['decided', 'published', 'complained', 'final', 'notEvaluated'];

export interface FactsWindow {
  periodStart: string;
  periodEnd: string;
}

export async function loadFacts(
  db: Db,
  tenantId: string,
  window: FactsWindow,
  personIds: readonly string[],
): Promise<Map<string, PersonFacts>> {
  const facts = new Map<string, PersonFacts>();
  if (personIds.length === 0) return facts;
  const ids = sql`${[...personIds]}::uuid[]`;
  const { periodStart: start, periodEnd: end } = window;
  const after = addDays(end, 1);
  const [people, posts, absences, disciplines, findings, results] = await Promise.all([
    sql<{ id: string; party_status: string; party_admitted_date: string | null }>`
      SELECT id, party_status, party_admitted_date FROM person
       WHERE tenant_id = ${tenantId} AND id = ANY(${ids})`.execute(db),
    sql<{ person_id: string; start_date: string; end_date: string | null }>`
      SELECT person_id, start_date, end_date FROM position
       WHERE tenant_id = ${tenantId} AND person_id = ANY(${ids}) AND NOT is_concurrent
         AND start_date < ${after}::date AND (end_date IS NULL OR end_date > ${start}::date)`.execute(db),
    sql<{ person_id: string; kind: AbsenceKind; start_date: string; end_date: string }>`
      SELECT person_id, kind, start_date, end_date FROM person_absence
       WHERE tenant_id = ${tenantId} AND person_id = ANY(${ids})
         AND start_date <= ${end}::date AND end_date >= ${start}::date`.execute(db),
    sql<{ person_id: string }>`
      SELECT DISTINCT person_id FROM discipline
       WHERE tenant_id = ${tenantId} AND person_id = ANY(${ids})
         AND decision_date >= ${start}::date AND decision_date <= ${end}::date
         AND form IN (${sql.join(YEAR_FORMS)})`.execute(db),
    sql<{ person_id: string; kind: string }>`
      SELECT DISTINCT person_id, kind FROM person_finding
       WHERE tenant_id = ${tenantId} AND person_id = ANY(${ids})
         AND decision_date >= ${start}::date AND decision_date <= ${end}::date`.execute(db),
    sql<{
      person_id: string;
      period_start: string;
      period_end: string;
      rule_set_id: string;
      state: string;
      total: number | null;
      grade: string | null;
      unit_name: string;
    }>`
      SELECT e.person_id, c.period_start, c.period_end, e.rule_set_id, e.state, e.total, e.grade,
             u.name AS unit_name
        FROM evaluation e
        JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
        JOIN org_unit u ON u.tenant_id = e.tenant_id AND u.id = e.unit_id
       WHERE e.tenant_id = ${tenantId} AND e.person_id = ANY(${ids})
         AND e.state IN (${sql.join(ROLLUP_STATES)})
         AND c.period_start >= ${start}::date AND c.period_end <= ${end}::date
       ORDER BY e.person_id, c.period_start, c.period_end`.execute(db),
  ]);
  for (const p of people.rows) {
    facts.set(p.id, {
      partyStatus: p.party_status,
      partyAdmittedDate: p.party_admitted_date,
      posts: [],
      absences: [],
      disciplined: false,
      degradation: false,
      corruptionInManagedUnit: false,
      results: [],
    });
  }
  // position.end_date is the first day no longer held; the domain counts inclusive last days.
  for (const r of posts.rows) {
    facts
      .get(r.person_id)
      ?.posts.push({ start: r.start_date, end: r.end_date === null ? null : addDays(r.end_date, -1) });
  }
  for (const r of absences.rows) {
    facts.get(r.person_id)?.absences.push({ kind: r.kind, start: r.start_date, end: r.end_date });
  }
  for (const r of disciplines.rows) {
    const f = facts.get(r.person_id);
    if (f) f.disciplined = true;
  }
  for (const r of findings.rows) {
    const f = facts.get(r.person_id);
    if (!f) continue;
    if (r.kind === 'degradation') f.degradation = true;
    if (r.kind === 'corruptionInManagedUnit') f.corruptionInManagedUnit = true;
  }
  for (const r of results.rows) {
    const settled = r.state !== 'notEvaluated';
    facts.get(r.person_id)?.results.push({
      periodStart: r.period_start,
      periodEnd: r.period_end,
      ruleSetId: r.rule_set_id as RuleSetId,
      total: settled && r.total !== null ? Number(r.total) : null,
      grade: settled ? (r.grade as Grade | null) : null,
      unitName: r.unit_name,
    });
  }
  return facts;
}

/** The disqualifiers a person's facts carry for the period. */
export function disqualifiersOf(f: PersonFacts, isLeader: boolean): Disqualifier[] {
  const out: Disqualifier[] = [];
  if (f.disciplined) out.push('discipline');
  if (f.degradation) out.push('degradation');
  if (isLeader && f.corruptionInManagedUnit) out.push('corruptionInManagedUnit');
  return out;
}
