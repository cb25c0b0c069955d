import { describe, expect, it } from 'vitest';
import { annualGradeByScore, gradeRank, isAbove, lowerGrade } from './grades';
import { rollUp } from './rollup';
import {
  ANNUAL_ND_335_2025,
  ANNUAL_QD_366_2025,
  ANNUAL_RULE_SETS,
  ND_90_2020,
  QD_124_2023,
  withAnnualParameters,
} from './rule-sets';
import { month, months, quarter } from './test-fixtures';

describe('grade order helpers', () => {
  it('ranks excellent first and not completed last', () => {
    expect(['excellent', 'good', 'completed', 'notCompleted'].map((g) => gradeRank(g as never))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(lowerGrade('excellent', 'completed')).toBe('completed');
    expect(lowerGrade('notCompleted', 'good')).toBe('notCompleted');
    expect(lowerGrade('good', 'good')).toBe('good');
    expect(isAbove('excellent', 'good')).toBe(true);
    expect(isAbove('good', 'good')).toBe(false);
  });

  it.each(ANNUAL_RULE_SETS)(
    'grades 90/89.99, 70/69.99, 50/49.99 at the inclusive thresholds of $id',
    (ruleSet) => {
      expect(
        [90, 89.99, 70, 69.99, 50, 49.99, 100, 0].map((score) => annualGradeByScore(ruleSet, score)),
      ).toEqual([
        'excellent',
        'good',
        'good',
        'completed',
        'completed',
        'notCompleted',
        'excellent',
        'notCompleted',
      ]);
    },
  );
});

describe('rollUp, average (Decree 335, Art. 21 cl. 1: "điểm trung bình")', () => {
  it('is the default for Decree 335 and Regulation 366, the monthly grades for Decree 90 and 124', () => {
    expect(rollUp(ANNUAL_ND_335_2025, []).formula).toBe('average');
    expect(rollUp(ANNUAL_QD_366_2025, []).formula).toBe('average');
    expect(rollUp(ND_90_2020, []).formula).toBe('monthlyGrades');
    expect(rollUp(QD_124_2023, []).formula).toBe('monthlyGrades');
  });

  it.each([
    [[90, 90, 90, 90], 90, 'excellent'],
    [[90, 89.98, 90, 89.98], 89.99, 'good'],
    [[70, 70, 70, 70], 70, 'good'],
    [[69.98, 70, 69.98, 70], 69.99, 'completed'],
    [[50, 50, 50, 50], 50, 'completed'],
    [[49.99, 50, 49.99, 49.99], 49.99, 'notCompleted'],
  ] as const)('averages %j to %d: %s', (totals, score, grade) => {
    const result = rollUp(
      ANNUAL_ND_335_2025,
      totals.map((total, i) => quarter(i + 1, total)),
    );
    expect(result).toMatchObject({ score, grade, counted: 4, listed: 4 });
    expect(result.rule?.code).toBe(`nd-335-2025/grade.${grade}`);
  });

  it('rounds the average half up on the hundredths (89.995 → 90)', () => {
    // (90 + 89.99) / 2 = 89.995
    expect(rollUp(ANNUAL_ND_335_2025, [quarter(1, 90), quarter(2, 89.99)]).score).toBe(90);
    // (80 + 80 + 80.01) / 3 = 80.00333…
    expect(rollUp(ANNUAL_ND_335_2025, [quarter(1, 80), quarter(2, 80), quarter(3, 80.01)]).score).toBe(80);
    // (70.01 + 70.02) / 2 = 70.015
    expect(rollUp(ANNUAL_ND_335_2025, [quarter(1, 70.01), quarter(2, 70.02)]).score).toBe(70.02);
  });

  it('lists lapsed periods without counting them', () => {
    const result = rollUp(ANNUAL_ND_335_2025, [
      quarter(1, 95),
      quarter(2, null),
      quarter(3, 85),
      quarter(4, null),
    ]);
    expect(result).toMatchObject({ counted: 2, listed: 4, score: 90, grade: 'excellent' });
    expect(result.inputs).toHaveLength(4);
    expect(result.explanation.vi).toBe(
      'Điểm bình quân 2 kỳ: 90,00, xếp loại HTXSNV; 2 kỳ không có kết quả, không tính.',
    );
    expect(result.explanation.en).toBe(
      'Average of 2 periods: 90, graded HTXSNV; 2 periods without a result not counted.',
    );
  });

  it('proposes nothing when no period was graded, and says so', () => {
    const result = rollUp(ANNUAL_QD_366_2025, [quarter(1, null)]);
    expect(result).toMatchObject({ score: null, grade: null, rule: null, counted: 0, listed: 1 });
    expect(result.explanation.en).toMatch(/No period of the year was evaluated/);
    expect(rollUp(ANNUAL_QD_366_2025, []).explanation.vi).toMatch(/^Không có kỳ nào/);
  });

  it('does not apply the monthly-grades condition under the average', () => {
    // 95 three times and one D month still average to excellent.
    const result = rollUp(ANNUAL_ND_335_2025, [
      quarter(1, 100),
      quarter(2, 100),
      quarter(3, 100),
      quarter(4, 60),
    ]);
    expect(result).toMatchObject({ score: 90, grade: 'excellent' });
  });

  it('lists the inputs oldest first and counts their grades', () => {
    const result = rollUp(ANNUAL_ND_335_2025, [quarter(3, 72), quarter(1, 95)]);
    expect(result.inputs.map((p) => p.periodStart)).toEqual(['2026-01-01', '2026-07-01']);
    expect(result.gradeCounts).toEqual({ excellent: 1, good: 1, completed: 0, notCompleted: 0 });
  });
});

describe('rollUp, monthly grades (Hanoi 3814 months under Decree 90 and Regulation 124)', () => {
  it('proposes excellent with more than half the months A and no D', () => {
    const result = rollUp(ND_90_2020, months([95, 95, 95, 95, 95, 95, 95, 88, 88, 88, 88, 88]));
    expect(result).toMatchObject({ score: 92.08, grade: 'excellent', counted: 12 });
    expect(result.gradeCounts.excellent).toBe(7);
    expect(result.explanation.vi).toBe(
      'Điểm bình quân 12 tháng: 92,08; 7/12 tháng loại A, không có tháng loại D, xếp loại HTXSNV.',
    );
  });

  it('caps at good when only 6 of 12 months are A: half is not a majority', () => {
    const result = rollUp(ND_90_2020, months([100, 100, 100, 100, 100, 100, 85, 85, 85, 85, 85, 85]));
    expect(result.score).toBe(92.5);
    expect(result.grade).toBe('good');
    expect(result.rule?.code).toBe('nd-90-2020/rollup.monthlyGrades');
    expect(result.explanation.en).toBe(
      'Average of 12 months: 92.5; 6/12 months graded A, none graded D: not enough for HTXSNV, proposed at most HTTNV.',
    );
  });

  it('caps at good when 7 of 12 months are A but one is D', () => {
    const result = rollUp(QD_124_2023, months([100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 40]));
    expect(result).toMatchObject({ score: 95, grade: 'good' });
    expect(result.gradeCounts.notCompleted).toBe(1);
    expect(result.rule?.code).toBe('qd-124-2023/rollup.monthlyGrades');
    expect(result.explanation.vi).toMatch(/11\/12 tháng loại A, 1 tháng loại D: chưa đủ điều kiện HTXSNV/);
  });

  it('reads a month disqualified despite its points as the grade decided for it (D)', () => {
    const periods = months([95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95, 95]);
    periods[4] = month(5, 95, 'notCompleted');
    expect(rollUp(ND_90_2020, periods).grade).toBe('good');
  });

  it('lists lapsed months without counting them: 7 A of 11 graded is a majority', () => {
    const totals = [95, 95, 95, 95, 95, 95, 95, 85, 85, 85, 85, null];
    const result = rollUp(ND_90_2020, months(totals));
    expect(result).toMatchObject({ counted: 11, listed: 12, grade: 'excellent' });
    expect(result.explanation.vi).toMatch(/7\/11 tháng loại A.*; 1 tháng không có kết quả, không tính\.$/);
  });

  it('proposes nothing with no graded month', () => {
    const result = rollUp(ND_90_2020, months([null, null]));
    expect(result).toMatchObject({ score: null, grade: null, counted: 0, listed: 2 });
    expect(result.explanation.vi).toMatch(/^Không có tháng nào/);
  });

  it('never touches grades below excellent', () => {
    expect(rollUp(ND_90_2020, months([80, 40, 80])).grade).toBe('completed');
  });

  it('follows its parameters: the share of A months and the D-month switch', () => {
    const lenient = withAnnualParameters(ND_90_2020, {
      'rollup.excellentMonthsPercent': 40,
      'rollup.notCompletedMonthBlocksExcellent': false,
    });
    const periods = months([100, 100, 100, 100, 100, 100, 100, 100, 100, 85, 85, 40]);
    expect(rollUp(ND_90_2020, periods).grade).toBe('good');
    expect(rollUp(lenient, periods).grade).toBe('excellent');
    const average = withAnnualParameters(ND_90_2020, { 'rollup.formula': 'average' });
    expect(rollUp(average, periods)).toMatchObject({ formula: 'average', grade: 'excellent' });
  });
});
