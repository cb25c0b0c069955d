import { toHundredths } from '../evaluation/points';
import type { Grade } from '../evaluation/types';
import { formatDecimal, formatPercent } from '../formats/numbers';
import { isAbove, lowerGrade } from './grades';
import { annualFlag, annualNumberParameter } from './rule-sets';
import type { AnnualRuleSet, LinkageCheck, LinkageInput, LinkageViolation } from './types';

function percentText(value: number): string {
  return `${formatDecimal(value, 2, { trimZeros: true })}%`;
}

/**
 * The link between a leader's grade and the results of what they lead (Decree 90 Art. 4 points c–d;
 * Regulation 366 Art. 11 cl. 1; Decree 48/2023). Non-leaders are not linked.
 *
 * - excellent needs `targetsOverfulfilledPercent` ≥ `linkage.excellentTargetsPercent` (50 state, 30
 *   party); not recorded (null) is a violation, so the reviewer has to record it;
 * - excellent or good needs every directly managed unit at least completed and at least
 *   `linkage.managedGoodShare` (70) % of them good or excellent, shares compared in integers
 *   (2/3 = 66.67% < 70%); with no managed unit the condition holds vacuously;
 * - with `linkage.notAboveCollective`, the grade may not be above the collective's, when it is known.
 *
 * `highestAllowed` is what the link allows whatever was proposed; the check fails exactly when the
 * proposal is above it, and each violation names its rule and numbers.
 */
export function checkLinkage(ruleSet: AnnualRuleSet, input: LinkageInput): LinkageCheck {
  if (!input.isLeader) return { ok: true, violations: [], highestAllowed: 'excellent' };
  const { linkage } = ruleSet.rules;
  const codes = ruleSet.gradeCodes;
  const constraints: { cap: Grade; violation: LinkageViolation }[] = [];

  const targets = annualNumberParameter(ruleSet, 'linkage.excellentTargetsPercent', 50);
  const recorded = input.targetsOverfulfilledPercent;
  if (recorded === null || !Number.isFinite(recorded)) {
    constraints.push({
      cap: 'good',
      violation: {
        rule: linkage.excellentTargets,
        message: {
          vi: `Chưa ghi nhận tỷ lệ chỉ tiêu, nhiệm vụ hoàn thành vượt mức; ${codes.excellent} cần ≥ ${percentText(targets)}`,
          en: `The share of targets over-fulfilled is not recorded; ${codes.excellent} needs ≥ ${percentText(targets)}`,
        },
      },
    });
  } else if (toHundredths(recorded) < toHundredths(targets)) {
    constraints.push({
      cap: 'good',
      violation: {
        rule: linkage.excellentTargets,
        message: {
          vi: `Chỉ tiêu, nhiệm vụ hoàn thành vượt mức ${percentText(recorded)}, ${codes.excellent} cần ≥ ${percentText(targets)}`,
          en: `Targets over-fulfilled ${percentText(recorded)}; ${codes.excellent} needs ≥ ${percentText(targets)}`,
        },
      },
    });
  }

  const managed = input.managedUnitGrades;
  if (managed.length > 0) {
    const n = managed.length;
    const failing = managed.filter((grade) => grade === 'notCompleted').length;
    const goodOrBetter = managed.filter((grade) => grade === 'excellent' || grade === 'good').length;
    const share = annualNumberParameter(ruleSet, 'linkage.managedGoodShare', 70);
    if (failing > 0) {
      constraints.push({
        cap: 'completed',
        violation: {
          rule: linkage.managedUnits,
          message: {
            vi: `${failing}/${n} đơn vị trực thuộc xếp loại ${codes.notCompleted}; ${codes.good} trở lên cần 100% đơn vị đạt ${codes.completed} trở lên`,
            en: `${failing}/${n} managed units graded ${codes.notCompleted}; ${codes.good} or above needs every unit at ${codes.completed} or above`,
          },
        },
      });
    }
    if (goodOrBetter * 10_000 < toHundredths(share) * n) {
      const ratio = formatPercent(goodOrBetter, n);
      constraints.push({
        cap: 'completed',
        violation: {
          rule: linkage.managedUnits,
          message: {
            vi: `${goodOrBetter}/${n} đơn vị trực thuộc đạt ${codes.good} trở lên (${ratio}), cần ≥ ${percentText(share)}`,
            en: `${goodOrBetter}/${n} managed units graded ${codes.good} or above (${ratio}), needs ≥ ${percentText(share)}`,
          },
        },
      });
    }
  }

  const collective = input.collectiveGrade;
  if (collective !== null && annualFlag(ruleSet, 'linkage.notAboveCollective', true)) {
    constraints.push({
      cap: collective,
      violation: {
        rule: linkage.notAboveCollective,
        message: {
          vi: `Tập thể do mình lãnh đạo xếp loại ${codes[collective]}; người đứng đầu không xếp cao hơn`,
          en: `The collective led is graded ${codes[collective]}; its head may not be graded above it`,
        },
      },
    });
  }

  const highestAllowed = constraints.reduce<Grade>((grade, { cap }) => lowerGrade(grade, cap), 'excellent');
  const violations = constraints
    .filter(({ cap }) => isAbove(input.proposed, cap))
    .map(({ violation }) => violation);
  return { ok: violations.length === 0, violations, highestAllowed };
}
