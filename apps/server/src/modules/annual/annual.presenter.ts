import type { AnnualReviewSummary, Eligibility, ReviewPeriodView } from '@canbo/domain';
import type { MeetingRow, PeriodRow, ReviewRow } from './annual.repository';

/** Rows → API shapes of the annual review. */

type Counts = ReviewPeriodView['counts'];

export function emptyPeriodCounts(): Counts {
  return {
    people: 0,
    collectives: 0,
    notReviewed: 0,
    selfReviewed: 0,
    proposed: 0,
    decided: 0,
    published: 0,
  };
}

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString();

export function presentPeriod(row: Omit<PeriodRow, 'tenant_id'>, counts: Counts): ReviewPeriodView {
  return {
    id: row.id,
    kind: row.kind as ReviewPeriodView['kind'],
    label: row.label,
    unitId: row.unit_id,
    unitName: row.unit_name,
    year: row.year,
    termLabel: row.term_label,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    selfDue: row.self_due,
    meetingDue: row.meeting_due,
    decisionDue: row.decision_due,
    state: row.state as ReviewPeriodView['state'],
    stateRuleSetId: row.state_rule_set_id as ReviewPeriodView['stateRuleSetId'],
    partyRuleSetId: row.party_rule_set_id as ReviewPeriodView['partyRuleSetId'],
    jobId: row.job_id,
    preparation: null,
    counts,
    createdAt: iso(row.created_at)!,
    closedAt: iso(row.closed_at),
    version: row.version,
  };
}

export function addCount(counts: Counts, person: boolean, state: string, n: number): void {
  if (person) counts.people += n;
  else counts.collectives += n;
  if (state in counts && state !== 'people' && state !== 'collectives') counts[state as keyof Counts] += n;
}

export function eligibilityOf(row: Pick<ReviewRow, 'eligibility'>): Eligibility {
  return row.eligibility as Eligibility;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function presentSummary(row: ReviewRow, linkageOk: boolean | null = null): AnnualReviewSummary {
  const e = eligibilityOf(row);
  return {
    id: row.id,
    periodId: row.period_id,
    periodLabel: row.period_label,
    subject: row.subject as AnnualReviewSummary['subject'],
    track: row.track as AnnualReviewSummary['track'],
    ruleSetId: row.rule_set_id as AnnualReviewSummary['ruleSetId'],
    personId: row.person_id,
    personName: row.full_name ?? null,
    personCode: row.person_code ?? null,
    unitId: row.unit_id,
    unitName: row.unit_name,
    positionTitle: row.position_title,
    quotaGroup: row.quota_group,
    isLeader: row.is_leader,
    state: row.state as AnnualReviewSummary['state'],
    eligibility: {
      status: e.status,
      cap: e.cap,
      forced: e.forced,
      selfReviewRequired: e.selfReviewRequired,
      reasons: e.reasons.map((r) => ({ code: r.code, article: r.article, text: r.text })),
    },
    proposedScore: num(row.proposed_score),
    proposedGrade: row.proposed_grade as AnnualReviewSummary['proposedGrade'],
    selfGrade: row.self_grade as AnnualReviewSummary['selfGrade'],
    managerGrade: row.manager_grade as AnnualReviewSummary['managerGrade'],
    decidedGrade: row.decided_grade as AnnualReviewSummary['decidedGrade'],
    linkageOk,
    decidedAbove: row.decision_unit_id !== row.unit_id,
    version: row.version,
  };
}

export function presentMeeting(row: MeetingRow) {
  return {
    unitId: row.unit_id,
    meetingDate: row.meeting_date,
    present: row.present,
    summoned: row.summoned,
    minutes: row.minutes,
    chairedBy: row.chaired_by,
    version: row.version,
  };
}

export { iso, num };
