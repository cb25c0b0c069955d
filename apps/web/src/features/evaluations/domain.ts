import {
  ACTION_LABELS,
  type CriterionInput,
  compareScores,
  computeKpi,
  type EvaluationStateSchema,
  type GradeSchema,
  gradeLabel,
  kpiParameters,
  leafCriteria,
  type RuleSetIdSchema,
  ruleSetById,
  STATE_LABELS,
  scoreEvaluation,
} from '@canbo/domain';
import type { EvaluationDetail, KpiEntry, TaskView } from '../../api/evaluations';
import type { Output } from '../../api/types';

/**
 * The web's one door to the evaluation rules of @canbo/domain: the live preview computes with the
 * same functions the server uses when a step is taken.
 */

export type Grade = Output<typeof GradeSchema>;
export type EvaluationState = Output<typeof EvaluationStateSchema>;
export type RuleSetId = Output<typeof RuleSetIdSchema>;
export type Scores = Record<string, number>;
type ScoreArgs = Parameters<typeof scoreEvaluation>;
type Facts = ScoreArgs[2]['facts'];
type KpiArgs = Parameters<typeof computeKpi>;
export type ScoreOutcome = ReturnType<typeof scoreEvaluation>;
export type KpiOutcome = ReturnType<typeof computeKpi>;

export function frameworkOf(ruleSetId: RuleSetId, criteria: CriterionInput[]): ScoreArgs[1] {
  return { ruleSetId, groups: criteria } as ScoreArgs[1];
}

/** The leaves to score, grouped by their top-level group, in framework order. */
export function leavesByGroup(ruleSetId: RuleSetId, criteria: CriterionInput[]) {
  const leaves = leafCriteria(frameworkOf(ruleSetId, criteria));
  return criteria.map((group) => ({ group, leaves: leaves.filter((l) => l.groupCode === group.code) }));
}

export type Leaf = ReturnType<typeof leafCriteria>[number];

/** Facts for the rules besides points: disciplines, findings and the period's task record. */
export function factsOf(ev: EvaluationDetail, tasks: TaskView[], shortcomingsRemedied?: boolean): Facts {
  const counted = tasks.filter((t) => t.status !== 'dropped');
  const done = counted.filter((t) => t.status === 'done');
  return {
    isLeader: ev.isLeader,
    disciplinesInYear: ev.facts.disciplinesInYear as Facts['disciplinesInYear'],
    degradationConcluded: ev.facts.degradationConcluded,
    corruptionInManagedUnit: ev.facts.corruptionInManagedUnit,
    tasks: {
      total: counted.length,
      done: done.length,
      onTime: done.filter((t) => t.onTime === true).length,
      late: counted.filter((t) => t.onTime === false).length,
      exceeding: done.filter((t) => t.exceeded).length,
    },
    shortcomingsRemedied: shortcomingsRemedied ?? ev.facts.shortcomingsRemedied ?? undefined,
  } as Facts;
}

/** KPI lines the person typed (not yet saved) as the domain reads them. */
export interface KpiDraftLine {
  productId: string;
  coefficient: number;
  assigned: number;
  completed: number;
  qualityFailures: number;
  delays: number;
  objectiveQualityFailures?: number;
  objectiveDelays?: number;
}

export function kpiOf(ev: EvaluationDetail, lines: KpiDraftLine[]): KpiOutcome | undefined {
  if (!ev.kpi) return undefined;
  const kpiLines = lines.map((l) => ({
    coefficient: l.coefficient,
    assigned: l.assigned,
    completed: l.completed,
    qualityFailures: l.qualityFailures,
    objectiveQualityFailures: Math.min(l.objectiveQualityFailures ?? 0, l.qualityFailures),
    delays: l.delays,
    objectiveDelays: Math.min(l.objectiveDelays ?? 0, l.delays),
  })) as KpiArgs[0];
  const ruleSet = ruleSetById(ev.ruleSetId);
  const options = {
    ...(ruleSet ? kpiParameters(ruleSet) : {}),
    isLeader: ev.isLeader,
    unitComponent: ev.kpi.result?.unitComponent ?? undefined,
    organisingCapacity: ev.kpi.organisingCapacity ?? undefined,
  } as KpiArgs[1];
  return computeKpi(kpiLines, options);
}

export function linesFromEntries(entries: KpiEntry[]): KpiDraftLine[] {
  return entries.map((e) => ({
    productId: e.productId,
    coefficient: e.coefficient,
    assigned: e.assigned,
    completed: e.completed,
    qualityFailures: e.qualityFailures,
    delays: e.delays,
    objectiveQualityFailures: e.objectiveQualityFailures,
    objectiveDelays: e.objectiveDelays,
  }));
}

/** Score, grade and the deciding rule, exactly as the server will compute them. */
export function preview(
  ev: EvaluationDetail,
  scores: Scores,
  tasks: TaskView[],
  kpi?: KpiOutcome,
  shortcomingsRemedied?: boolean,
): ScoreOutcome | null {
  const ruleSet = ruleSetById(ev.ruleSetId);
  if (!ruleSet) return null;
  try {
    return scoreEvaluation(ruleSet, frameworkOf(ev.ruleSetId, ev.framework.criteria), {
      scores,
      facts: factsOf(ev, tasks, shortcomingsRemedied),
      ...(kpi ? { kpi } : {}),
    } as ScoreArgs[2]);
  } catch {
    return null;
  }
}

/** Self-assessment against the latest scores, every leaf criterion; `delta` 0 where unchanged. */
export function compare(ev: EvaluationDetail, before: Scores, after: Scores) {
  const framework = frameworkOf(ev.ruleSetId, ev.framework.criteria);
  const changes = new Map(compareScores(before, after, framework).map((c) => [c.code, c]));
  return leafCriteria(framework).map(({ node }) => {
    const value = before[node.code] ?? 0;
    return changes.get(node.code) ?? { code: node.code, before: value, after: value, delta: 0 };
  });
}

/** The grade in the rule set's own words ("Hoàn thành tốt nhiệm vụ", "Loại A"). */
export function gradeText(ruleSetId: RuleSetId, grade: Grade, lang: string): string {
  const ruleSet = ruleSetById(ruleSetId);
  return ruleSet ? gradeLabel(ruleSet, grade, lang.startsWith('en') ? 'en' : 'vi') : grade;
}

/** The scores of the last self-assessment (the submit step), or null before one. */
export function stateText(state: EvaluationState, lang: string): string {
  return STATE_LABELS[state][lang.startsWith('en') ? 'en' : 'vi'];
}

export function actionText(action: keyof typeof ACTION_LABELS, lang: string): string {
  return ACTION_LABELS[action][lang.startsWith('en') ? 'en' : 'vi'];
}

export function selfScoresOf(ev: EvaluationDetail): Scores | null {
  const step = [...ev.steps].reverse().find((s) => s.action === 'submitSelf' && s.scores);
  return step?.scores ?? null;
}

export function sameScores(a: Scores, b: Scores): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? 0) !== (b[k] ?? 0)) return false;
  return true;
}
