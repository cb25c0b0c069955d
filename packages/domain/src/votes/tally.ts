import type { RuleRef } from '../evaluation/types';
import { percentUnits } from '../formats/numbers';
import { atLeast, moreThan, type VoteFlag, type VoteLevel, type VoteRuleSet } from './rules';

/** Counts of one person's ballots by level; ballots collected without a valid mark for them are invalid. */
export type LevelCounts = Record<VoteLevel, number>;

export interface TallyInput {
  /** Those summoned to the session (the roster). */
  summoned: number;
  /** Ballots handed out (tokens issued). */
  issued: number;
  /** Ballots cast (collected). */
  collected: number;
  /** Per person voted on. */
  counts: ReadonlyMap<string, LevelCounts> | Record<string, LevelCounts>;
}

export interface PersonTally {
  personId: string;
  high: number;
  confidence: number;
  low: number;
  valid: number;
  invalid: number;
  /** Percentages over ballots collected, two decimals, rounded half up from the integer counts; null with no ballot. */
  highPercent: number | null;
  confidencePercent: number | null;
  lowPercent: number | null;
  flag: VoteFlag;
  /** The rule that set the flag. */
  flagRule: RuleRef | null;
}

export interface VoteTally {
  ruleSetId: string;
  summoned: number;
  issued: number;
  collected: number;
  quorumMet: boolean;
  /** No quorum: the session is void and no flag is raised. */
  void: boolean;
  quorumRule: RuleRef;
  people: PersonTally[];
}

function percent(part: number, whole: number): number | null {
  const units = percentUnits(part, whole, 2);
  return units === null ? null : Number(units) / 100;
}

function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a count, got ${value}`);
}

/** The flag a low-confidence count raises over the ballots collected (exact integer comparison). */
export function flagFor(rules: VoteRuleSet, low: number, collected: number): VoteFlag {
  if (collected === 0) return 'none';
  if (atLeast(low, collected, rules.dismissal)) return 'dismissal';
  if (moreThan(low, collected, rules.removeFromPlanning)) return 'removeFromPlanning';
  return 'none';
}

/** At least the quorum share of those summoned took part. */
export function quorumMet(rules: VoteRuleSet, present: number, summoned: number): boolean {
  return summoned > 0 && atLeast(present, summoned, rules.quorum);
}

/**
 * Tallies a closed session under `rules`: per person the counts, the percentages over ballots
 * collected and the flag; the session is void without quorum (those who cast a ballot count as
 * present). Percentages are computed once here and stored; nothing recomputes them later.
 */
export function tallyVote(rules: VoteRuleSet, input: TallyInput): VoteTally {
  checkCount('summoned', input.summoned);
  checkCount('issued', input.issued);
  checkCount('collected', input.collected);
  if (input.collected > input.summoned) throw new RangeError('more ballots collected than voters summoned');
  const entries = input.counts instanceof Map ? [...input.counts] : Object.entries(input.counts);
  const met = quorumMet(rules, input.collected, input.summoned);
  const people = entries.map(([personId, c]): PersonTally => {
    for (const level of rules.levels) checkCount(level, c[level]);
    const valid = c.high + c.confidence + c.low;
    if (valid > input.collected) throw new RangeError(`more marks than ballots for ${personId}`);
    const flag = met ? flagFor(rules, c.low, input.collected) : 'none';
    return {
      personId,
      high: c.high,
      confidence: c.confidence,
      low: c.low,
      valid,
      invalid: input.collected - valid,
      highPercent: percent(c.high, input.collected),
      confidencePercent: percent(c.confidence, input.collected),
      lowPercent: percent(c.low, input.collected),
      flag,
      flagRule:
        flag === 'dismissal'
          ? rules.refs.dismissal
          : flag === 'removeFromPlanning'
            ? rules.refs.removeFromPlanning
            : null,
    };
  });
  return {
    ruleSetId: rules.id,
    summoned: input.summoned,
    issued: input.issued,
    collected: input.collected,
    quorumMet: met,
    void: !met,
    quorumRule: rules.refs.quorum,
    people,
  };
}

/** One ballot: a level (or nothing: invalid for that person) per person voted on. */
export type Ballot = Record<string, VoteLevel | null>;

/** Adds ballots up into per-person counts (a ballot without a mark for someone is invalid for them). */
export function countBallots(
  personIds: readonly string[],
  ballots: readonly Ballot[],
): Map<string, LevelCounts> {
  const counts = new Map<string, LevelCounts>(
    personIds.map((id) => [id, { high: 0, confidence: 0, low: 0 }]),
  );
  for (const ballot of ballots) {
    for (const [id, level] of Object.entries(ballot)) {
      const c = counts.get(id);
      if (c && level) c[level] += 1;
    }
  }
  return counts;
}
