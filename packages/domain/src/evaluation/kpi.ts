import { round2 } from './points';
import { numberParameter } from './rule-sets';
import type { Grade, KpiLine, KpiOptions, KpiResult, RuleSet } from './types';

/**
 * Decree 335/2025/NĐ-CP, Arts. 13–16: task results measured on standard products. Each product line
 * is converted with its coefficient; quantity, quality and schedule are percentages of the converted
 * amount assigned; every major error or delay without a confirmed objective cause takes a share
 * (25% by default) of that product's quality or schedule points.
 */

const DEFAULT_DEDUCTION_PERCENT = 25;

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function clampPercent(value: number | undefined): number {
  return value === undefined ? 0 : Math.min(100, nonNegative(value));
}

/** Share of a product's points kept after its unexcused failures: 1, 0.75, 0.5, 0.25, then 0. */
function keptShare(failures: number, objective: number, deduction: number): number {
  const unexcused = Math.max(0, Math.floor(nonNegative(failures)) - Math.floor(nonNegative(objective)));
  return Math.max(0, 1 - deduction * unexcused);
}

/** Leader component: 100 when every directly managed person is at least completed, else 50. */
export function leaderUnitComponent(managedGrades: readonly Grade[]): 100 | 50 {
  return managedGrades.every((grade) => grade !== 'notCompleted') ? 100 : 50;
}

/** The KPI options a rule set's parameters imply (deduction, leader weights). */
export function kpiParameters(ruleSet: RuleSet): Pick<KpiOptions, 'deductionPercent' | 'leaderWeights'> {
  return {
    deductionPercent: numberParameter(ruleSet, 'kpi.deductionPercent', DEFAULT_DEDUCTION_PERCENT),
    leaderWeights: {
      unit: numberParameter(ruleSet, 'kpi.leaderUnitWeight', 1),
      organising: numberParameter(ruleSet, 'kpi.leaderCapacityWeight', 1),
    },
  };
}

/**
 * The KPI result of one person for one period, out of `maxPoints` (the KPI group, 70).
 *
 * - Completed work counts at most up to what was assigned: the decree measures completion of the
 *   assigned products, so doing more of one product cannot hide missing another, and quantity never
 *   passes 100%. Extra work is recognised elsewhere (bonus, commendation), not here.
 * - Lines with a coefficient that is not positive are ignored; negative or non-numeric amounts count
 *   as 0.
 * - With nothing assigned the KPI cannot be measured: every percentage and the points are 0. The
 *   reviewer must assign products; a blank record must not look like a perfect one.
 * - Non-leaders: the mean of quantity, quality and schedule, scaled to `maxPoints`. Leaders: the
 *   weighted mean of those three plus the unit component and organising capacity (weights 1 by
 *   default, i.e. a plain mean of five; the decree's own formula could not be read). A missing leader
 *   component counts as 0: it has not been assessed yet.
 */
export function computeKpi(lines: readonly KpiLine[], options: KpiOptions, maxPoints = 70): KpiResult {
  const deduction = clampPercent(options.deductionPercent ?? DEFAULT_DEDUCTION_PERCENT) / 100;
  let assigned = 0;
  let completed = 0;
  let quality = 0;
  let schedule = 0;
  for (const line of lines) {
    if (!Number.isFinite(line.coefficient) || line.coefficient <= 0) continue;
    const lineAssigned = nonNegative(line.assigned);
    const lineCompleted = Math.min(nonNegative(line.completed), lineAssigned) * line.coefficient;
    assigned += lineAssigned * line.coefficient;
    completed += lineCompleted;
    quality += lineCompleted * keptShare(line.qualityFailures, line.objectiveQualityFailures, deduction);
    schedule += lineCompleted * keptShare(line.delays, line.objectiveDelays, deduction);
  }
  const percentOf = (part: number) => (assigned > 0 ? Math.min(100, round2((part / assigned) * 100)) : 0);
  const quantityPercent = percentOf(completed);
  const qualityPercent = percentOf(quality);
  const schedulePercent = percentOf(schedule);

  const unitComponent = options.isLeader ? clampPercent(options.unitComponent) : null;
  const organisingCapacity = options.isLeader ? clampPercent(options.organisingCapacity) : null;
  let sum = quantityPercent + qualityPercent + schedulePercent;
  let weights = 3;
  if (unitComponent !== null && organisingCapacity !== null) {
    const unitWeight = nonNegative(options.leaderWeights?.unit ?? 1);
    const capacityWeight = nonNegative(options.leaderWeights?.organising ?? 1);
    sum += unitWeight * unitComponent + capacityWeight * organisingCapacity;
    weights += unitWeight + capacityWeight;
  }
  const scale = nonNegative(maxPoints);
  const points = assigned > 0 ? Math.min(scale, round2(((sum / weights) * scale) / 100)) : 0;
  return {
    assignedConverted: round2(assigned),
    completedConverted: round2(completed),
    quantityPercent,
    qualityPercent,
    schedulePercent,
    unitComponent,
    organisingCapacity,
    points,
  };
}
