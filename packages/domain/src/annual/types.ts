import type {
  Disqualifier,
  Grade,
  QuotaRule,
  RuleParameter,
  RuleRef,
  RuleSetId,
  TaskStats,
  Text,
} from '../evaluation/types';

/**
 * The vocabulary of the annual (and mid-term) review: every person and every collective reviewed
 * once a year, or once in the middle of a term, on two tracks — the state one (civil servants and
 * public employees: Decree 90/2020 as amended by 48/2023, then Decree 335/2025) and the party one
 * (party members and party organisations: Regulation 124-QĐ/TW, then 366-QĐ/TW). See docs/ANNUAL.md.
 */

export const ANNUAL_RULE_SET_IDS = ['nd-90-2020', 'qd-124-2023', 'qd-366-2025', 'nd-335-2025'] as const;
export type AnnualRuleSetId = (typeof ANNUAL_RULE_SET_IDS)[number];

/** state: the civil-service classification; party: the party member's / organisation's review. */
export const REVIEW_TRACKS = ['state', 'party'] as const;
export type ReviewTrack = (typeof REVIEW_TRACKS)[number];

export const REVIEW_PERIOD_KINDS = ['annual', 'midterm'] as const;
export type ReviewPeriodKind = (typeof REVIEW_PERIOD_KINDS)[number];

/** person: an individual; organisation: a unit or party organisation; leadership: its leadership collective. */
export const REVIEW_SUBJECTS = ['person', 'organisation', 'leadership'] as const;
export type ReviewSubject = (typeof REVIEW_SUBJECTS)[number];

/** How period results become the annual proposal. */
export const ROLLUP_FORMULAS = ['monthlyGrades', 'average'] as const;
export type RollupFormula = (typeof ROLLUP_FORMULAS)[number];

export interface AnnualRuleSet {
  id: AnnualRuleSetId;
  track: ReviewTrack;
  title: Text;
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** Who it reviews: individuals, collectives or both. */
  subjects: readonly ReviewSubject[];
  gradeLabels: Record<Grade, Text>;
  gradeCodes: Record<Grade, string>;
  /** Lowest total for excellent, good, completed when a score is given (90/70/50). */
  thresholds: { excellent: number; good: number; completed: number };
  /** Excellent ≤ 20% of those graded good, per agency and per group of similar posts. */
  quota: QuotaRule;
  /** The same cap for collectives, within a group of similar collectives. */
  collectiveQuota: QuotaRule;
  disqualifiers: readonly Disqualifier[];
  /** Parameters (documented defaults) — eligibility months, linkage shares, roll-up formula. */
  parameters: readonly RuleParameter[];
  rules: AnnualRules;
}

/** References for every outcome, so a refusal or a cap names its rule. */
export interface AnnualRules {
  grades: Record<Grade, RuleRef>;
  disqualifiers: Partial<Record<Disqualifier, RuleRef>>;
  eligibility: {
    shortService: RuleRef;
    maternity: RuleRef;
    absenceCap: RuleRef;
    newMember?: RuleRef;
    suspended?: RuleRef;
    /** Party track: not (or no longer) a party member. */
    notMember?: RuleRef;
  };
  /** How the year's periods give the proposal: the average, and the monthly-grades condition. */
  rollup: {
    average: RuleRef;
    monthlyGrades: RuleRef;
  };
  linkage: {
    notAboveCollective: RuleRef;
    excellentTargets: RuleRef;
    managedUnits: RuleRef;
  };
  collective: {
    excellentConditions: RuleRef;
  };
}

// ── Roll-up ─────────────────────────────────────────────────────────────────────────────

/** One month's or quarter's result of the person (a decided, published or final evaluation). */
export interface PeriodResult {
  periodStart: string;
  periodEnd: string;
  ruleSetId: RuleSetId;
  /** null when the period lapsed (notEvaluated): listed as an input, not counted. */
  total: number | null;
  grade: Grade | null;
  /** nd-335-2025: the KPI group's points (of 70) and the general group's (of 30), when known. */
  kpiPoints?: number | null;
  generalPoints?: number | null;
  /** The unit it was evaluated in (a transferred person's old unit hands its months over). */
  unitName?: string;
}

export interface RollupProposal {
  formula: RollupFormula;
  /** Periods counted (graded) and listed (all). */
  counted: number;
  listed: number;
  /** Average of the counted totals, two decimals; null when nothing was graded. */
  score: number | null;
  grade: Grade | null;
  /** Counts of the counted periods per grade. */
  gradeCounts: Record<Grade, number>;
  /** The rule that set the grade (threshold, or the 3814 months condition that capped it). */
  rule: RuleRef | null;
  /** A sentence explaining the proposal in both languages ("8/11 tháng loại A, không có tháng loại D"). */
  explanation: Text;
  inputs: PeriodResult[];
}

// ── Eligibility ─────────────────────────────────────────────────────────────────────────

export const ABSENCE_KINDS = ['maternity', 'sick', 'study', 'unpaid', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface EligibilityInput {
  track: ReviewTrack;
  /** Whole months (fractions allowed, 1 = 30 days) the person held a post in the review period. */
  monthsInPost: number;
  /** Months of leave inside those months, by kind. */
  absenceMonths: Partial<Record<AbsenceKind, number>>;
  /** Party track only. */
  partyStatus?: 'none' | 'probationary' | 'full' | 'suspended' | 'removed';
  partyAdmittedDate?: string | null;
  /** The day the review is held (the period's end, or the review date of the period). */
  reviewDate: string;
  /** Disqualifiers recorded for the year (discipline ≥ reprimand, degradation, corruption in a managed unit). */
  disqualifiers: readonly Disqualifier[];
}

export const ELIGIBILITY_STATUSES = ['graded', 'notGraded', 'notReviewed'] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

export interface Eligibility {
  /** graded: classified normally; notGraded: writes a self-review but gets no grade; notReviewed: skipped. */
  status: EligibilityStatus;
  /** Highest grade allowed (absent 3 to < 6 months → completed); null = no cap. */
  cap: Grade | null;
  /** A disqualifier forces notCompleted. */
  forced: Grade | null;
  /** Must still write a self-review (notGraded, except maternity leave). */
  selfReviewRequired: boolean;
  reasons: RuleRef[];
}

// ── Leader–unit linkage ─────────────────────────────────────────────────────────────────

export interface LinkageInput {
  proposed: Grade;
  isLeader: boolean;
  /** The grade of the collective the leader heads (the unit or party organisation), when decided. */
  collectiveGrade: Grade | null;
  /** Grades of the units the leader directly manages (collective results), decided or proposed. */
  managedUnitGrades: readonly Grade[];
  /** Share (0–100) of the unit's targets over-fulfilled, as recorded by the reviewer; null = not recorded. */
  targetsOverfulfilledPercent: number | null;
}

export interface LinkageViolation {
  rule: RuleRef;
  /** With the numbers: "2/3 đơn vị trực thuộc đạt HTTNV trở lên (66,67%), cần ≥ 70%". */
  message: Text;
}

export interface LinkageCheck {
  ok: boolean;
  violations: LinkageViolation[];
  /** Highest grade the link allows, for a warning before the proposal. */
  highestAllowed: Grade;
}

// ── Collectives ─────────────────────────────────────────────────────────────────────────

export interface CollectiveInput {
  /** 0–100 from the collective's self-assessment (30 general + 70 results); null = not scored. */
  score: number | null;
  tasks?: TaskStats;
  /** A subordinate organisation or a member of the leadership collective was disciplined in the year. */
  disciplineInside: boolean;
  shortcomingsRemedied?: boolean;
  /** Decided (or proposed) grades of its members and of its subordinate collectives: feeds the evidence. */
  memberGrades: Partial<Record<Grade, number>>;
  subordinateGrades: Partial<Record<Grade, number>>;
}

export interface CollectiveProposal {
  grade: Grade | null;
  gradeByScore: Grade | null;
  rule: RuleRef | null;
  /** Conditions that lowered the grade. */
  reasons: RuleRef[];
  explanation: Text;
}
