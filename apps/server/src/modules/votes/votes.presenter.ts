import type { PersonTallyView, VoteResultView, VoteSessionView, VoteTally } from '@canbo/domain';
import type * as repo from './votes.repository';

/** Rows → API shapes of the confidence votes. */

type Candidate = Awaited<ReturnType<typeof repo.candidatesOf>>[number];
type Voter = Awaited<ReturnType<typeof repo.votersOf>>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(row: repo.SessionRow & { candidates?: string | number | null }) {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    title: row.title,
    voteDate: row.vote_date,
    state: row.state as VoteSessionView['state'],
    void: row.is_void,
    summoned: row.summoned,
    voted: row.collected,
    candidates: Number(row.candidates ?? 0),
    version: row.version,
  };
}

export function presentSession(
  row: repo.SessionRow,
  candidates: Candidate[],
  voters: Voter[],
): VoteSessionView {
  const { candidates: _count, ...summary } = presentSummary(row);
  return {
    ...summary,
    ruleSetId: row.rule_set_id as VoteSessionView['ruleSetId'],
    place: row.place,
    documentNumber: row.document_number,
    issued: voters.filter((v) => v.token_issued).length,
    candidates: candidates.map(presentCandidate),
    voters: voters.map((v) => ({
      id: v.id,
      personId: v.person_id,
      fullName: v.full_name,
      tokenIssued: v.token_issued,
      voted: v.voted,
    })),
    openedAt: iso(row.opened_at),
    closedAt: iso(row.closed_at),
  };
}

export function presentCandidate(c: Candidate) {
  return { personId: c.person_id, fullName: c.full_name, post: c.post, ordinal: c.ordinal };
}

export function presentResult(row: repo.SessionRow, candidates: Candidate[]): VoteResultView {
  const tally = row.result as VoteTally;
  const byId = new Map(tally.people.map((p) => [p.personId, p]));
  const people: PersonTallyView[] = candidates.map((c) => {
    const p = byId.get(c.person_id);
    if (!p) throw new Error(`no tally for ${c.person_id}`);
    return {
      personId: c.person_id,
      fullName: c.full_name,
      post: c.post,
      high: p.high,
      confidence: p.confidence,
      low: p.low,
      valid: p.valid,
      invalid: p.invalid,
      highPercent: p.highPercent,
      confidencePercent: p.confidencePercent,
      lowPercent: p.lowPercent,
      flag: p.flag,
    };
  });
  return {
    sessionId: row.id,
    title: row.title,
    unitName: row.unit_name,
    voteDate: row.vote_date,
    ruleSetId: row.rule_set_id as VoteResultView['ruleSetId'],
    summoned: tally.summoned,
    issued: tally.issued,
    collected: tally.collected,
    quorumMet: tally.quorumMet,
    void: tally.void,
    closedAt: iso(row.closed_at) ?? '',
    people,
  };
}

export function presentPersonVote(r: Awaited<ReturnType<typeof repo.resultsOfPerson>>[number]) {
  const pct = (v: number | null) => (v === null ? null : Number(v));
  return {
    sessionId: r.session_id,
    personId: r.person_id,
    title: r.title,
    unitName: r.unit_name,
    voteDate: r.vote_date,
    post: r.post,
    ruleSetId: r.rule_set_id as VoteResultView['ruleSetId'],
    collected: r.collected,
    high: r.high,
    confidence: r.confidence,
    low: r.low,
    valid: r.high + r.confidence + r.low,
    invalid: r.invalid,
    highPercent: pct(r.high_percent),
    confidencePercent: pct(r.confidence_percent),
    lowPercent: pct(r.low_percent),
    flag: r.flag as PersonTallyView['flag'],
    void: r.is_void,
  };
}
