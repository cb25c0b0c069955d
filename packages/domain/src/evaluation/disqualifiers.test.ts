import { describe, expect, it } from 'vitest';
import { defaultFramework } from './frameworks';
import { HN_3814_2018, ND_335_2025, QD_366_2025, withParameters } from './rule-sets';
import { scoreEvaluation } from './scoring';
import { inputForTotal } from './test-fixtures';
import type { DisciplineFormName, EvaluationFacts, RuleSet } from './types';

const FORMS: DisciplineFormName[] = [
  'reprimand',
  'warning',
  'removal_from_post',
  'dismissal',
  'expulsion',
  'demotion',
  'forced_resignation',
];

function score(ruleSet: RuleSet, total: number, extra: Partial<EvaluationFacts>) {
  return scoreEvaluation(ruleSet, defaultFramework(ruleSet), inputForTotal(ruleSet, total, extra));
}

describe('Decree 335, Art. 20 cl. 4: automatic not completed', () => {
  it.each(FORMS)('forces not completed after a %s in the year, whatever the score (point c)', (form) => {
    const result = score(ND_335_2025, 98, { disciplinesInYear: [form] });
    expect(result.grade).toBe('notCompleted');
    expect(result.gradeByPoints).toBe('excellent');
    expect(result.disqualifiers).toEqual(['discipline']);
    expect(result.rule.code).toBe('nd-335-2025/disqualifier.discipline');
    expect(result.rule.article).toBe('Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c');
  });

  it('keeps the grade by points with no discipline in the year', () => {
    expect(score(ND_335_2025, 98, { disciplinesInYear: [] }).grade).toBe('excellent');
  });

  it('forces not completed on a concluded degradation (point b)', () => {
    const result = score(ND_335_2025, 75, { degradationConcluded: true });
    expect(result.grade).toBe('notCompleted');
    expect(result.gradeByPoints).toBe('good');
    expect(result.rule.code).toBe('nd-335-2025/disqualifier.degradation');
  });

  it('forces not completed on corruption in a managed unit only for a leader (point d)', () => {
    const leader = score(ND_335_2025, 92, { isLeader: true, corruptionInManagedUnit: true });
    expect(leader.grade).toBe('notCompleted');
    expect(leader.rule.code).toBe('nd-335-2025/disqualifier.corruptionInManagedUnit');
    const staff = score(ND_335_2025, 92, { isLeader: false, corruptionInManagedUnit: true });
    expect(staff.grade).toBe('excellent');
    expect(staff.disqualifiers).toEqual([]);
  });

  it('records a low score as a disqualifier and lets the points rule name the grade (point a)', () => {
    const result = score(ND_335_2025, 49.99, {});
    expect(result.grade).toBe('notCompleted');
    expect(result.disqualifiers).toEqual(['lowScore']);
    expect(result.rule.code).toBe('nd-335-2025/grade.notCompleted');
  });

  it('lists every ground that applies and cites the first in the decree order', () => {
    const result = score(ND_335_2025, 95, {
      isLeader: true,
      disciplinesInYear: ['warning'],
      degradationConcluded: true,
      corruptionInManagedUnit: true,
    });
    expect(result.disqualifiers).toEqual(['discipline', 'degradation', 'corruptionInManagedUnit']);
    expect(result.rule.code).toBe('nd-335-2025/disqualifier.discipline');
  });
});

describe('Regulation 366: grounds mirrored from Decree 335 until checked', () => {
  it('forces not completed after a reprimand or a degradation conclusion', () => {
    expect(score(QD_366_2025, 80, { disciplinesInYear: ['reprimand'] }).rule.code).toBe(
      'qd-366-2025/disqualifier.discipline',
    );
    expect(score(QD_366_2025, 80, { degradationConcluded: true }).grade).toBe('notCompleted');
  });

  it('does not list corruption in a managed unit as a ground', () => {
    expect(score(QD_366_2025, 80, { isLeader: true, corruptionInManagedUnit: true }).grade).toBe('good');
  });

  it('drops a ground when its parameter is switched off', () => {
    const relaxed = withParameters(QD_366_2025, { 'disqualifiers.discipline': false });
    expect(score(relaxed, 80, { disciplinesInYear: ['reprimand'] }).grade).toBe('good');
    expect(score(relaxed, 80, { degradationConcluded: true }).grade).toBe('notCompleted');
  });
});

describe('Decision 3814: only the points decide', () => {
  it('grades D under 50 points and records the low score', () => {
    const result = score(HN_3814_2018, 49.99, {});
    expect(result.grade).toBe('notCompleted');
    expect(result.disqualifiers).toEqual(['lowScore']);
  });

  it('does not turn a discipline or degradation record into grade D by itself', () => {
    const result = score(HN_3814_2018, 91, { disciplinesInYear: ['warning'], degradationConcluded: true });
    expect(result.grade).toBe('excellent');
    expect(result.disqualifiers).toEqual([]);
  });
});
