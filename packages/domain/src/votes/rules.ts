import type { RuleRef, Text } from '../evaluation/types';

/**
 * Confidence votes (lấy phiếu tín nhiệm) as rule sets kept as data. Fractions are written as
 * integer numerator/denominator pairs so that every comparison is exact: "at least 2/3" is
 * `3 × part ≥ 2 × whole`, never a comparison of rounded percentages.
 */

export const VOTE_LEVELS = ['high', 'confidence', 'low'] as const;
export type VoteLevel = (typeof VOTE_LEVELS)[number];

export const VOTE_RULE_SET_IDS = ['qd-96-2023'] as const;
export type VoteRuleSetId = (typeof VOTE_RULE_SET_IDS)[number];

/** What a person's low-confidence share leads to, from the mildest to the most severe. */
export const VOTE_FLAGS = ['none', 'removeFromPlanning', 'dismissal'] as const;
export type VoteFlag = (typeof VOTE_FLAGS)[number];

export interface Fraction {
  numerator: number;
  denominator: number;
}

export interface VoteRuleSet {
  id: VoteRuleSetId;
  title: Text;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  levels: readonly VoteLevel[];
  /** The session is held only when at least this share of those summoned take part. */
  quorum: Fraction;
  /** Percentages are taken over the ballots collected, not over those summoned nor the valid ballots. */
  denominator: 'collected';
  /** Strictly more than this share of low confidence: out of planning for higher posts, consider relief. */
  removeFromPlanning: Fraction;
  /** At least this share of low confidence: dismissal. */
  dismissal: Fraction;
  /** A person holding several posts is voted on in at most this many places in one round (a calendar year here). */
  maxPlaces: number;
  refs: {
    quorum: RuleRef;
    denominator: RuleRef;
    removeFromPlanning: RuleRef;
    dismissal: RuleRef;
    maxPlaces: RuleRef;
  };
}

const R = 'qd-96-2023';
const ref = (code: string, article: string, vi: string, en: string): RuleRef => ({
  code: `${R}/${code}`,
  article,
  text: { vi, en },
});

export const QD_96_2023: VoteRuleSet = {
  id: 'qd-96-2023',
  title: {
    vi: 'Quy định 96-QĐ/TW ngày 02/02/2023 về lấy phiếu tín nhiệm',
    en: 'Regulation 96-QĐ/TW of 2 February 2023 on confidence votes',
  },
  source: 'Quy định 96-QĐ/TW (2023) — docs/VOTES.md, "Rules and sources"',
  effectiveFrom: '2023-02-02',
  effectiveTo: null,
  levels: VOTE_LEVELS,
  quorum: { numerator: 2, denominator: 3 },
  denominator: 'collected',
  removeFromPlanning: { numerator: 1, denominator: 2 },
  dismissal: { numerator: 2, denominator: 3 },
  maxPlaces: 2,
  refs: {
    quorum: ref(
      'quorum',
      'Quy định 96-QĐ/TW, hội nghị lấy phiếu',
      'Chỉ tiến hành khi có mặt ít nhất 2/3 số người được triệu tập.',
      'Held only when at least two thirds of those summoned take part.',
    ),
    denominator: ref(
      'denominator',
      'Quy định 96-QĐ/TW, Điều 6 (kiểm phiếu)',
      'Tỉ lệ từng mức tính trên tổng số phiếu thu về.',
      'Each level is a share of the ballots collected.',
    ),
    removeFromPlanning: ref(
      'low.half',
      'Quy định 96-QĐ/TW, sử dụng kết quả',
      'Trên 1/2 phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn, xem xét cho thôi giữ chức vụ.',
      'Over half low: out of planning for higher posts; relief to be considered.',
    ),
    dismissal: ref(
      'low.twoThirds',
      'Quy định 96-QĐ/TW, sử dụng kết quả',
      'Từ 2/3 phiếu tín nhiệm thấp trở lên: miễn nhiệm.',
      'Two thirds or more low: dismissal.',
    ),
    maxPlaces: ref(
      'places',
      'Quy định 96-QĐ/TW, nguyên tắc',
      'Người giữ nhiều chức vụ được lấy phiếu tối đa ở 2 nơi.',
      'Someone with several posts is voted on in at most two places.',
    ),
  },
};

export const VOTE_RULE_SETS: readonly VoteRuleSet[] = [QD_96_2023];

/** The rule set in force on `date` (YYYY-MM-DD), or null before the first one. */
export function voteRuleSetFor(date: string): VoteRuleSet | null {
  return (
    VOTE_RULE_SETS.find((r) => r.effectiveFrom <= date && (r.effectiveTo === null || date < r.effectiveTo)) ??
    null
  );
}

/** part/whole ≥ fraction, in integers. */
export function atLeast(part: number, whole: number, f: Fraction): boolean {
  return part * f.denominator >= whole * f.numerator;
}

/** part/whole > fraction, in integers. */
export function moreThan(part: number, whole: number, f: Fraction): boolean {
  return part * f.denominator > whole * f.numerator;
}

/** Whether one more session for a person would go over the places limit (sessions already held in the round). */
export function exceedsPlaces(rules: VoteRuleSet, sessionsAlready: number): boolean {
  return sessionsAlready + 1 > rules.maxPlaces;
}
