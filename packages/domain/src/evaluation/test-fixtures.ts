import { defaultFramework, leafCriteria } from './frameworks';
import { fromHundredths, toHundredths } from './points';
import type { EvaluationFacts, KpiResult, RuleSet, ScoreInput } from './types';

/** Shared by the tests of this folder; not exported from the package. */

export const CLEAN: EvaluationFacts = {
  isLeader: false,
  disciplinesInYear: [],
  degradationConcluded: false,
  corruptionInManagedUnit: false,
};

export function facts(overrides: Partial<EvaluationFacts> = {}): EvaluationFacts {
  return { ...CLEAN, ...overrides };
}

export function kpiWithPoints(points: number): KpiResult {
  return {
    assignedConverted: 10,
    completedConverted: 10,
    quantityPercent: 100,
    qualityPercent: 100,
    schedulePercent: 100,
    unitComponent: null,
    organisingCapacity: null,
    points,
  };
}

/**
 * Scores that add up to `total` on the rule set's default framework: typed criteria of the base groups
 * first, then the KPI group, then bonus, each filled up to its maximum.
 */
export function inputForTotal(
  ruleSet: RuleSet,
  total: number,
  extra: Partial<EvaluationFacts> = {},
): ScoreInput {
  let remaining = toHundredths(total);
  const take = (max: number) => {
    const units = Math.min(remaining, toHundredths(max));
    remaining -= units;
    return fromHundredths(units);
  };
  const kindOf = (code: string) => ruleSet.groups.find((group) => group.code === code)?.kind;
  const leaves = leafCriteria(defaultFramework(ruleSet));
  const scores: Record<string, number> = {};
  for (const leaf of leaves) {
    if (kindOf(leaf.groupCode) === 'base') scores[leaf.node.code] = take(leaf.node.maxPoints);
  }
  const kpiGroup = ruleSet.groups.find((group) => group.kind === 'kpi');
  const kpi = kpiGroup ? kpiWithPoints(take(kpiGroup.maxPoints)) : undefined;
  const bonus = ruleSet.groups.find((group) => group.kind === 'bonus');
  let bonusLeft = bonus ? toHundredths(bonus.maxPoints) : 0;
  for (const leaf of leaves) {
    if (kindOf(leaf.groupCode) !== 'bonus') continue;
    const units = Math.min(remaining, bonusLeft, toHundredths(leaf.node.maxPoints));
    remaining -= units;
    bonusLeft -= units;
    scores[leaf.node.code] = fromHundredths(units);
  }
  if (remaining > 0) throw new Error(`${ruleSet.id}: cannot reach ${total}`);
  return kpi ? { scores, facts: facts(extra), kpi } : { scores, facts: facts(extra) };
}
