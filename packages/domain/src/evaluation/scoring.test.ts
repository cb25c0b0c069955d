import { describe, expect, it } from 'vitest';
import { defaultFramework } from './frameworks';
import { HN_3814_2018, ND_335_2025, QD_366_2025, RULE_SETS } from './rule-sets';
import { compareScores, gradeByPoints, gradeLabel, scoreEvaluation } from './scoring';
import { CLEAN, inputForTotal, kpiWithPoints } from './test-fixtures';
import type { Grade } from './types';

const EDGES: [number, Grade][] = [
  [49.99, 'notCompleted'],
  [50, 'completed'],
  [69.99, 'completed'],
  [70, 'good'],
  [89.99, 'good'],
  [90, 'excellent'],
];

const CITED: Record<string, string> = {
  'hn-3814-2018': 'Decision 3814-QĐ/TU, grading levels',
  'nd-335-2025': 'Decree 335, Art. 20 cl. 1–4',
  'qd-366-2025': 'Regulation 366, Art. 11',
};

describe.each(RULE_SETS)('grading thresholds of $id', (ruleSet) => {
  it.each(EDGES)(
    `grades %s as %s, thresholds inclusive at 90/70/50 (${CITED[ruleSet.id]})`,
    (total, grade) => {
      expect(gradeByPoints(ruleSet, total)).toBe(grade);
      const result = scoreEvaluation(ruleSet, defaultFramework(ruleSet), inputForTotal(ruleSet, total));
      expect(result.total).toBe(total);
      expect(result.grade).toBe(grade);
      expect(result.gradeByPoints).toBe(grade);
      expect(result.rule.code).toBe(`${ruleSet.id}/grade.${grade}`);
    },
  );

  it('gives 0 and 100 the bottom and top grades', () => {
    expect(gradeByPoints(ruleSet, 0)).toBe('notCompleted');
    expect(gradeByPoints(ruleSet, 100)).toBe('excellent');
  });
});

describe('adding up points without drift', () => {
  it('keeps 89.99 at 89.99, so it stays good (integer hundredths)', () => {
    const scores = {
      'discipline.policy': 4,
      'discipline.rules': 4,
      'discipline.ethics': 4,
      'discipline.service': 4,
      'discipline.unity': 3.99,
      'results.volume': 25,
      'results.quality': 20,
      'results.schedule': 15,
      'results.responsibility': 10,
    };
    const result = scoreEvaluation(HN_3814_2018, defaultFramework(HN_3814_2018), { scores, facts: CLEAN });
    expect(result.total).toBe(89.99);
    expect(result.grade).toBe('good');
  });

  it('adds 0.1 and 0.2 to exactly 0.3', () => {
    const scores = { 'discipline.policy': 0.1, 'discipline.rules': 0.2 };
    const result = scoreEvaluation(HN_3814_2018, defaultFramework(HN_3814_2018), { scores, facts: CLEAN });
    expect(result.total).toBe(0.3);
    expect(result.groups[0]?.points).toBe(0.3);
  });
});

describe('bonus points and the 100-point cap (Decision 3814: 20 + 70 + 10 bonus)', () => {
  const framework = defaultFramework(HN_3814_2018);

  it('reaches exactly 100 with full discipline, results and bonus', () => {
    const result = scoreEvaluation(HN_3814_2018, framework, inputForTotal(HN_3814_2018, 100));
    expect(result.groups.map((group) => group.points)).toEqual([20, 70, 10]);
    expect(result.total).toBe(100);
    expect(result.grade).toBe('excellent');
  });

  it('caps the bonus group at 10 even when its items add up to 15', () => {
    const scores = { ...inputForTotal(HN_3814_2018, 80).scores };
    Object.assign(scores, { 'bonus.initiative': 5, 'bonus.exceeding': 5, 'bonus.recognition': 5 });
    const result = scoreEvaluation(HN_3814_2018, framework, { scores, facts: CLEAN });
    expect(result.groups[2]).toEqual({ code: 'bonus', points: 10, maxPoints: 10 });
    expect(result.total).toBe(90);
  });

  it('clamps overfull inputs to each criterion maximum and never passes 100', () => {
    const scores = Object.fromEntries(
      [
        'discipline.policy',
        'discipline.rules',
        'discipline.ethics',
        'discipline.service',
        'discipline.unity',
        'results.volume',
        'results.quality',
        'results.schedule',
        'results.responsibility',
        'bonus.initiative',
        'bonus.exceeding',
        'bonus.recognition',
      ].map((code) => [code, 1000]),
    );
    const result = scoreEvaluation(HN_3814_2018, framework, { scores, facts: CLEAN });
    expect(result.groups.map((group) => group.points)).toEqual([20, 70, 10]);
    expect(result.total).toBe(100);
  });

  it('counts NaN, negative and missing scores as 0 and Infinity as the maximum', () => {
    const scores = {
      'discipline.policy': Number.NaN,
      'discipline.rules': -3,
      'discipline.ethics': Number.NEGATIVE_INFINITY,
      'discipline.service': Number.POSITIVE_INFINITY,
    };
    const result = scoreEvaluation(HN_3814_2018, framework, { scores, facts: CLEAN });
    expect(result.total).toBe(4);
  });
});

describe('the KPI group (Decree 335, Arts. 13–16)', () => {
  const framework = defaultFramework(ND_335_2025);
  const general = { 'general.politics': 10, 'general.competence': 10, 'general.innovation': 10 };

  it('takes its points from the KPI result and ignores a typed score for the KPI leaf', () => {
    const result = scoreEvaluation(ND_335_2025, framework, {
      scores: { ...general, 'kpi.products': 70 },
      facts: CLEAN,
      kpi: kpiWithPoints(52.5),
    });
    expect(result.groups).toEqual([
      { code: 'general', points: 30, maxPoints: 30 },
      { code: 'kpi', points: 52.5, maxPoints: 70 },
    ]);
    expect(result.total).toBe(82.5);
    expect(result.grade).toBe('good');
  });

  it('earns nothing for the KPI group before a KPI result exists', () => {
    const result = scoreEvaluation(ND_335_2025, framework, {
      scores: { ...general, 'kpi.products': 70 },
      facts: CLEAN,
    });
    expect(result.total).toBe(30);
    expect(result.grade).toBe('notCompleted');
  });

  it('caps KPI points at the group maximum', () => {
    const result = scoreEvaluation(ND_335_2025, framework, {
      scores: general,
      facts: CLEAN,
      kpi: kpiWithPoints(99),
    });
    expect(result.total).toBe(100);
  });

  it('does not use KPI points under a rule set without KPI', () => {
    const input = { scores: {}, facts: CLEAN, kpi: kpiWithPoints(70) };
    expect(scoreEvaluation(QD_366_2025, defaultFramework(QD_366_2025), input).total).toBe(0);
  });
});

describe('labels and reviewer changes', () => {
  it('labels grades in the words of each rule set', () => {
    expect(gradeLabel(HN_3814_2018, 'excellent', 'vi')).toBe('Loại A (Hoàn thành xuất sắc nhiệm vụ)');
    expect(gradeLabel(ND_335_2025, 'good', 'vi')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(gradeLabel(QD_366_2025, 'notCompleted', 'en')).toBe('Duties not completed');
  });

  it('lists only the leaves a reviewer changed, with exact deltas', () => {
    const framework = defaultFramework(HN_3814_2018);
    const before = { 'discipline.policy': 4, 'results.volume': 20.1, 'results.quality': 18 };
    const after = { 'discipline.policy': 4, 'results.volume': 20.3, 'bonus.initiative': 2 };
    expect(compareScores(before, after, framework)).toEqual([
      { code: 'results.volume', before: 20.1, after: 20.3, delta: 0.2 },
      { code: 'results.quality', before: 18, after: 0, delta: -18 },
      { code: 'bonus.initiative', before: 0, after: 2, delta: 2 },
    ]);
    expect(compareScores(before, before, framework)).toEqual([]);
  });
});
