/**
 * The vocabulary of periodic evaluation, shared by the rule sets, the server and the web.
 * Everything here is data or a pure function's shape; rule sets live beside it, one file each.
 */

/** HTXSNV · HTTNV · HTNV · KHTNV. Hanoi 3814 calls them A · B · C · D. */
export const GRADES = ['excellent', 'good', 'completed', 'notCompleted'] as const;
export type Grade = (typeof GRADES)[number];

export const RULE_SET_IDS = ['hn-3814-2018', 'nd-335-2025', 'qd-366-2025'] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Text {
  vi: string;
  en: string;
}

/** Which rule decided a grade (or capped it): stored with every computed result. */
export interface RuleRef {
  /** Stable code, e.g. 'nd-335-2025/grade.good' or 'nd-335-2025/disqualifier.discipline'. */
  code: string;
  /** Where it comes from, e.g. 'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c'. */
  article: string;
  text: Text;
}

/**
 * A node of a criteria framework. Top-level nodes are the rule set's groups (same code, same
 * maximum). A node with children scores as the sum of its children, capped at its maximum.
 */
export interface CriterionNode {
  code: string;
  title: Text;
  maxPoints: number;
  guidance?: Text;
  /** 'kpi': computed from the KPI record (Decree 335) instead of typed in. */
  source?: 'manual' | 'kpi';
  children?: CriterionNode[];
}

export interface Framework {
  ruleSetId: RuleSetId;
  groups: CriterionNode[];
}

export interface CriterionGroupSpec {
  code: string;
  title: Text;
  maxPoints: number;
  /** Bonus points count toward the total, which never exceeds 100. */
  kind: 'base' | 'bonus' | 'kpi';
}

export type QuotaBasis = 'graded' | 'good';

/** A cap on the top grade: excellent ≤ percent% of the basis (all graded, or those graded good). */
export interface QuotaRule {
  basis: QuotaBasis;
  percent: number;
  /** Higher cap when the unit is marked outstanding for the period; null when the rule set has none. */
  outstandingPercent: number | null;
  /** Also applied within each group of similar posts (position.title_group). */
  perGroup: boolean;
  rule: RuleRef;
}

export const DISQUALIFIERS = ['lowScore', 'discipline', 'degradation', 'corruptionInManagedUnit'] as const;
export type Disqualifier = (typeof DISQUALIFIERS)[number];

/** A parameter whose value the reference leaves uncertain: it has a documented default. */
export interface RuleParameter {
  key: string;
  value: number | string | boolean;
  label: Text;
  /** Why it is a parameter: the gap in the sources. */
  note: Text;
  /** Bounds of a numeric value, inclusive (withParameters refuses values outside them). */
  min?: number;
  max?: number;
  /** The values a string parameter may take. */
  options?: readonly string[];
}

/** qd-366-2025 conditions on the task record that a grade needs besides its points. */
export const TASK_CONDITIONS = [
  'onTime',
  'exceeding',
  'shortcomingsRemedied',
  'allDone',
  'lateShare',
] as const;
export type TaskCondition = (typeof TASK_CONDITIONS)[number];

/** The reference behind every outcome a rule set can produce, so a result names the rule that set it. */
export interface RuleSetRules {
  grades: Record<Grade, RuleRef>;
  /** One entry for each disqualifier the rule set lists. */
  disqualifiers: Partial<Record<Disqualifier, RuleRef>>;
  /** One entry for each task condition, when the rule set has them. */
  conditions: Partial<Record<TaskCondition, RuleRef>>;
}

export interface RuleSet {
  id: RuleSetId;
  title: Text;
  /** Short citation, e.g. 'Quyết định 3814-QĐ/TU ngày 16/5/2018 của Thành ủy Hà Nội'. */
  source: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  periods: readonly PeriodKind[];
  groups: readonly CriterionGroupSpec[];
  /** Lowest total for excellent, good, completed. */
  thresholds: { excellent: number; good: number; completed: number };
  gradeLabels: Record<Grade, Text>;
  /** Short forms for messages and tables ("xếp loại A", "xếp loại HTXSNV"): 'A'…'D' (3814), 'HTXSNV'…'KHTNV'. */
  gradeCodes: Record<Grade, string>;
  quota: QuotaRule;
  disqualifiers: readonly Disqualifier[];
  /** qd-366-2025: grades also need task conditions (on time, exceeding, shortcomings remedied). */
  taskConditions: boolean;
  /** nd-335-2025: the KPI group is computed from products. */
  kpi: boolean;
  parameters: readonly RuleParameter[];
  rules: RuleSetRules;
}

/** Discipline forms, from the people module. Reprimand and everything above it count. */
export type DisciplineFormName =
  | 'reprimand'
  | 'warning'
  | 'removal_from_post'
  | 'dismissal'
  | 'expulsion'
  | 'demotion'
  | 'forced_resignation';

/** The task record of the period (Hanoi practice; qd-366-2025 conditions). */
export interface TaskStats {
  total: number;
  done: number;
  onTime: number;
  late: number;
  exceeding: number;
}

/** Facts about the person in the period that rules other than points depend on. */
export interface EvaluationFacts {
  isLeader: boolean;
  /** Forms of disciplines decided in the calendar year of the period. */
  disciplinesInYear: readonly DisciplineFormName[];
  /** A recorded conclusion of political/ethical degradation in the period's year. */
  degradationConcluded: boolean;
  /** A leader's directly managed unit handled for corruption, embezzlement or waste in the year. */
  corruptionInManagedUnit: boolean;
  tasks?: TaskStats;
  /** qd-366-2025: every shortcoming identified earlier has been remedied. */
  shortcomingsRemedied?: boolean;
}

/** One product line of a person's KPI record for the period (Decree 335). */
export interface KpiLine {
  /** Conversion coefficient to standard products (> 0). */
  coefficient: number;
  assigned: number;
  completed: number;
  /** Major quality errors, and how many of them the reviewer attributed to an objective cause. */
  qualityFailures: number;
  objectiveQualityFailures: number;
  delays: number;
  objectiveDelays: number;
}

export interface KpiOptions {
  isLeader: boolean;
  /** Leader: 100 when every managed person is at least completed, else 50 (see leaderUnitComponent). */
  unitComponent?: number;
  /** Leader: capacity to organise implementation, 0–100 (typed in by the reviewer). */
  organisingCapacity?: number;
  /** Share of a product's quality or schedule points lost per unexcused failure; default 25. */
  deductionPercent?: number;
  /** Leader: weights of the unit and capacity components against 1 for each of the other three. */
  leaderWeights?: { unit: number; organising: number };
}

export interface KpiResult {
  assignedConverted: number;
  completedConverted: number;
  quantityPercent: number;
  qualityPercent: number;
  schedulePercent: number;
  /** Leaders only. */
  unitComponent: number | null;
  organisingCapacity: number | null;
  /** Points out of the KPI group's maximum (70), two decimals. */
  points: number;
}

export interface ScoreInput {
  /** Points per leaf criterion code; missing leaves count as 0. KPI-sourced leaves are ignored. */
  scores: Readonly<Record<string, number>>;
  facts: EvaluationFacts;
  /** nd-335-2025: the KPI group's points come from here when given. */
  kpi?: KpiResult;
}

export interface GroupScore {
  code: string;
  points: number;
  maxPoints: number;
}

export interface ScoreResult {
  /** 0–100, two decimals (bonus included, capped at 100). */
  total: number;
  groups: GroupScore[];
  grade: Grade;
  /** The rule that set the grade: a threshold, a disqualifier or a task condition. */
  rule: RuleRef;
  /** The grade by points alone, when a disqualifier or condition lowered it. */
  gradeByPoints: Grade;
  disqualifiers: Disqualifier[];
}

export interface QuotaCounts {
  graded: number;
  excellent: number;
  good: number;
}

export interface QuotaCheck {
  ok: boolean;
  /** Largest number of excellent grades allowed. */
  limit: number;
  used: number;
  basis: QuotaBasis;
  basisCount: number;
  percent: number;
  rule: RuleRef;
  /** "Tỷ lệ HTXSNV vượt mức: 3 người, tối đa 2 (20% của 12 người HTTNV)". */
  message: Text;
}

// ── Workflow ─────────────────────────────────────────────────────────────────────────────

export const EVALUATION_STATES = [
  'draft',
  'selfAssessed',
  'inReview',
  'reviewed',
  'decided',
  'published',
  'complained',
  'final',
  'returned',
  /** The cycle closed before a decision was taken: no grade for the period. */
  'notEvaluated',
] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];

export const EVALUATION_ACTIONS = [
  'submitSelf',
  'review',
  'return',
  'decide',
  'publish',
  'complain',
  'finalise',
  'reopen',
  /** At the cycle's close, anything not yet decided lapses to notEvaluated. */
  'lapse',
] as const;
export type EvaluationAction = (typeof EVALUATION_ACTIONS)[number];

export interface WorkflowPosition {
  state: EvaluationState;
  /** Review levels done so far (0 before the first review). */
  reviewLevel: number;
  /** Review levels configured for the person's unit (≥ 1). */
  reviewLevels: number;
}
