import { fromHundredths, toHundredths } from '../evaluation/points';
import type { Grade, RuleRef, Text } from '../evaluation/types';
import { formatDecimal } from '../formats/numbers';
import { annualGradeByScore } from './grades';
import { annualFlag, annualNumberParameter, annualParameterValue } from './rule-sets';
import type { AnnualRuleSet, PeriodResult, RollupFormula, RollupProposal } from './types';

/** Hanoi 3814's letters, used when the year is read month by month. */
const LETTERS: Record<Grade, string> = { excellent: 'A', good: 'B', completed: 'C', notCompleted: 'D' };

export function rollupFormulaOf(ruleSet: AnnualRuleSet): RollupFormula {
  return annualParameterValue(ruleSet, 'rollup.formula') === 'monthlyGrades' ? 'monthlyGrades' : 'average';
}

function emptyCounts(): Record<Grade, number> {
  return { excellent: 0, good: 0, completed: 0, notCompleted: 0 };
}

/** Mean of whole hundredths, rounded half up on the hundredths (totals are never negative). */
function meanHundredths(units: readonly number[]): number {
  const sum = units.reduce((total, value) => total + value, 0);
  const n = units.length;
  return Math.floor((2 * sum + n) / (2 * n));
}

function score2(value: number): string {
  return formatDecimal(value, 2);
}

/**
 * The year's proposal from its period results (months under 3814 or 335, quarters under 366).
 *
 * - Periods without a total (lapsed, notEvaluated) are listed in `inputs` but not counted.
 * - score = the average of the counted totals, two decimals, rounded half up on the hundredths;
 *   grade by the thresholds 90 / 70 / 50, each inclusive.
 * - 'monthlyGrades' (the default for years graded monthly under Hanoi 3814): excellent also needs more
 *   than `rollup.excellentMonthsPercent` (50) % of the counted months graded excellent (A) and, while
 *   `rollup.notCompletedMonthBlocksExcellent` holds, no month graded not completed (D); otherwise the
 *   proposal is capped at good. A period's grade is its decided grade, or its total's grade when none.
 * - Nothing counted: score and grade null, and the explanation says why.
 * The proposal is only a proposal: eligibility, linkage and the quota apply on top of it.
 */
export function rollUp(ruleSet: AnnualRuleSet, periods: readonly PeriodResult[]): RollupProposal {
  const formula = rollupFormulaOf(ruleSet);
  const inputs = [...periods].sort((a, b) => a.periodStart.localeCompare(b.periodStart));
  const counted = inputs.filter(
    (period): period is PeriodResult & { total: number } =>
      period.total !== null && Number.isFinite(period.total),
  );
  const lapsed = inputs.length - counted.length;
  const gradeCounts = emptyCounts();
  for (const period of counted) {
    gradeCounts[period.grade ?? annualGradeByScore(ruleSet, period.total)] += 1;
  }
  const unit = formula === 'monthlyGrades' ? { vi: 'tháng', en: 'month' } : { vi: 'kỳ', en: 'period' };
  const lapsedText: Text =
    lapsed > 0
      ? {
          vi: `; ${lapsed} ${unit.vi} không có kết quả, không tính`,
          en: `; ${lapsed} ${unit.en}${lapsed === 1 ? '' : 's'} without a result not counted`,
        }
      : { vi: '', en: '' };

  if (counted.length === 0) {
    return {
      formula,
      counted: 0,
      listed: inputs.length,
      score: null,
      grade: null,
      gradeCounts,
      rule: null,
      explanation: {
        vi: `Không có ${unit.vi} nào được đánh giá trong năm nên không đề xuất được điểm và mức xếp loại${lapsedText.vi}.`,
        en: `No ${unit.en} of the year was evaluated, so no score or grade can be proposed${lapsedText.en}.`,
      },
      inputs,
    };
  }

  const score = fromHundredths(meanHundredths(counted.map((period) => toHundredths(period.total))));
  const byScore = annualGradeByScore(ruleSet, score);
  let grade: Grade = byScore;
  let rule: RuleRef = ruleSet.rules.grades[byScore];
  const n = counted.length;
  const averageVi = `Điểm bình quân ${n} ${unit.vi}: ${score2(score)}`;
  const averageEn = `Average of ${n} ${unit.en}${n === 1 ? '' : 's'}: ${score}`;
  let detail: Text = {
    vi: `, xếp loại ${ruleSet.gradeCodes[byScore]}`,
    en: `, graded ${ruleSet.gradeCodes[byScore]}`,
  };

  if (formula === 'monthlyGrades') {
    const a = gradeCounts.excellent;
    const d = gradeCounts.notCompleted;
    const sharePercent = annualNumberParameter(ruleSet, 'rollup.excellentMonthsPercent', 50);
    const majority = a * 10_000 > toHundredths(sharePercent) * n;
    const blocked = d > 0 && annualFlag(ruleSet, 'rollup.notCompletedMonthBlocksExcellent', true);
    const monthsVi = `${a}/${n} tháng loại A, ${d > 0 ? `${d} tháng loại D` : 'không có tháng loại D'}`;
    const monthsEn = `${a}/${n} months graded A, ${d > 0 ? `${d} graded D` : 'none graded D'}`;
    if (byScore === 'excellent' && (!majority || blocked)) {
      grade = 'good';
      rule = ruleSet.rules.rollup.monthlyGrades;
      detail = {
        vi: `; ${monthsVi}: chưa đủ điều kiện ${ruleSet.gradeCodes.excellent}, đề xuất tối đa ${ruleSet.gradeCodes.good}`,
        en: `; ${monthsEn}: not enough for ${ruleSet.gradeCodes.excellent}, proposed at most ${ruleSet.gradeCodes.good}`,
      };
    } else {
      detail = {
        vi: `; ${monthsVi}${detail.vi}`,
        en: `; ${monthsEn}${detail.en}`,
      };
    }
  }

  return {
    formula,
    counted: n,
    listed: inputs.length,
    score,
    grade,
    gradeCounts,
    rule,
    explanation: {
      vi: `${averageVi}${detail.vi}${lapsedText.vi}.`,
      en: `${averageEn}${detail.en}${lapsedText.en}.`,
    },
    inputs,
  };
}

/** Letters for a month's grade in Hanoi's 3814 terms (A–D), for tables of the months. */
export function monthLetter(grade: Grade): string {
  return LETTERS[grade];
}
