import { leafCriteria } from './frameworks';
import { clampHundredths, fromHundredths, toHundredths } from './points';
import { numberParameter, parameterValue } from './rule-sets';
import { type TaskVerdict, taskConditionVerdict } from './task-conditions';
import type {
  CriterionNode,
  Disqualifier,
  EvaluationFacts,
  Framework,
  Grade,
  GroupScore,
  RuleRef,
  RuleSet,
  ScoreInput,
  ScoreResult,
} from './types';

const FULL_SCALE = 10_000; // 100 points in hundredths

/**
 * The grade a total earns by points alone. Thresholds are inclusive lower bounds ("từ 90 điểm trở
 * lên"), compared in hundredths: 89.99 is good, 90 is excellent, 49.99 is not completed.
 */
export function gradeByPoints(ruleSet: RuleSet, total: number): Grade {
  const units = toHundredths(total);
  const { excellent, good, completed } = ruleSet.thresholds;
  if (units >= toHundredths(excellent)) return 'excellent';
  if (units >= toHundredths(good)) return 'good';
  if (units >= toHundredths(completed)) return 'completed';
  return 'notCompleted';
}

export function gradeLabel(ruleSet: RuleSet, grade: Grade, lang: 'vi' | 'en'): string {
  return ruleSet.gradeLabels[grade][lang];
}

/** A node's points in hundredths: a leaf's typed score clamped to its maximum, or its children summed and capped. */
function nodeUnits(node: CriterionNode, scores: ScoreInput['scores']): number {
  const max = toHundredths(node.maxPoints);
  if (node.children && node.children.length > 0) {
    const sum = node.children.reduce((total, child) => total + nodeUnits(child, scores), 0);
    return Math.min(sum, max);
  }
  // KPI leaves are never typed in: their points come from the KPI record, at group level.
  if (node.source === 'kpi') return 0;
  return clampHundredths(scores[node.code], max);
}

/**
 * The disqualifiers that apply, in the rule set's order. Any discipline form counts, because the
 * lightest form, a reprimand, already triggers the rule ("từ khiển trách trở lên"). Corruption in a
 * managed unit concerns leaders only. A boolean parameter `disqualifiers.<name>` set to false turns a
 * ground off (qd-366-2025, whose own list is unverified).
 */
function applicableDisqualifiers(
  ruleSet: RuleSet,
  totalUnits: number,
  facts: EvaluationFacts,
): Disqualifier[] {
  const applies: Record<Disqualifier, boolean> = {
    lowScore: totalUnits < toHundredths(ruleSet.thresholds.completed),
    discipline: facts.disciplinesInYear.length > 0,
    degradation: facts.degradationConcluded,
    corruptionInManagedUnit: facts.isLeader && facts.corruptionInManagedUnit,
  };
  return ruleSet.disqualifiers.filter(
    (name) => applies[name] && parameterValue(ruleSet, `disqualifiers.${name}`) !== false,
  );
}

function disqualifierRule(ruleSet: RuleSet, name: Disqualifier): RuleRef {
  return ruleSet.rules.disqualifiers[name] ?? ruleSet.rules.grades.notCompleted;
}

/**
 * Scores one evaluation under its rule set and framework.
 *
 * 1. Each leaf is clamped to [0, its maximum] (NaN and negatives count as 0) and kept in hundredths.
 * 2. A group is the sum of its leaves, capped at the group's maximum; the KPI group of a KPI rule set
 *    takes the points of `input.kpi` when given (0 otherwise: nothing measured, nothing earned).
 * 3. The total is the sum of the groups, bonus included, capped at 100.
 * 4. The grade by points, then disqualifiers force not completed, then (qd-366-2025) task conditions
 *    lower the grade to the highest one whose conditions hold.
 */
export function scoreEvaluation(ruleSet: RuleSet, framework: Framework, input: ScoreInput): ScoreResult {
  const groups: GroupScore[] = ruleSet.groups.map((spec) => {
    const max = toHundredths(spec.maxPoints);
    const node = framework.groups.find((candidate) => candidate.code === spec.code);
    let units = node ? nodeUnits(node, input.scores) : 0;
    if (spec.kind === 'kpi' && ruleSet.kpi && input.kpi) units = clampHundredths(input.kpi.points, max);
    return { code: spec.code, points: fromHundredths(Math.min(units, max)), maxPoints: spec.maxPoints };
  });
  const totalUnits = Math.min(
    FULL_SCALE,
    groups.reduce((sum, group) => sum + toHundredths(group.points), 0),
  );
  const total = fromHundredths(totalUnits);
  const byPoints = gradeByPoints(ruleSet, total);
  const disqualifiers = applicableDisqualifiers(ruleSet, totalUnits, input.facts);
  const base = { total, groups, gradeByPoints: byPoints, disqualifiers };

  if (byPoints === 'notCompleted')
    return { ...base, grade: 'notCompleted', rule: ruleSet.rules.grades.notCompleted };
  const forcing = disqualifiers.find((name) => name !== 'lowScore');
  if (forcing) return { ...base, grade: 'notCompleted', rule: disqualifierRule(ruleSet, forcing) };
  if (ruleSet.taskConditions) {
    const verdict: TaskVerdict = taskConditionVerdict(byPoints, input.facts, {
      exceedingPercent: numberParameter(ruleSet, 'conditions.exceedingPercent', 30),
      latePercent: numberParameter(ruleSet, 'conditions.latePercent', 20),
    });
    if (verdict.failed) {
      const rule = ruleSet.rules.conditions[verdict.failed] ?? ruleSet.rules.grades[verdict.grade];
      return { ...base, grade: verdict.grade, rule };
    }
  }
  return { ...base, grade: byPoints, rule: ruleSet.rules.grades[byPoints] };
}

/** A missing or non-numeric score reads as 0, as it does when scoring. */
function finiteUnits(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? toHundredths(value) : 0;
}

export interface ScoreChange {
  code: string;
  before: number;
  after: number;
  delta: number;
}

/** The leaves whose points changed between two score sheets (a reviewer's adjustments), in framework order. */
export function compareScores(
  before: Readonly<Record<string, number>>,
  after: Readonly<Record<string, number>>,
  framework: Framework,
): ScoreChange[] {
  const changes: ScoreChange[] = [];
  for (const { node } of leafCriteria(framework)) {
    const from = finiteUnits(before[node.code]);
    const to = finiteUnits(after[node.code]);
    if (from !== to) {
      changes.push({
        code: node.code,
        before: fromHundredths(from),
        after: fromHundredths(to),
        delta: fromHundredths(to - from),
      });
    }
  }
  return changes;
}
