import { describe, expect, it } from 'vitest';
import { defaultFramework } from './frameworks';
import { ND_335_2025, QD_366_2025, withParameters } from './rule-sets';
import { scoreEvaluation } from './scoring';
import { inputForTotal } from './test-fixtures';
import type { EvaluationFacts, RuleSet, TaskStats } from './types';

function tasks(overrides: Partial<TaskStats>): TaskStats {
  return { total: 10, done: 10, onTime: 10, late: 0, exceeding: 3, ...overrides };
}

function score(total: number, extra: Partial<EvaluationFacts>, ruleSet: RuleSet = QD_366_2025) {
  return scoreEvaluation(ruleSet, defaultFramework(ruleSet), inputForTotal(ruleSet, total, extra));
}

describe('Regulation 366, Art. 11 cl. 1: excellent needs 90 points and the task record', () => {
  it('grades excellent with every task on time and exactly 30% exceeding', () => {
    const result = score(95, { tasks: tasks({}) });
    expect(result.grade).toBe('excellent');
    expect(result.rule.code).toBe('qd-366-2025/grade.excellent');
  });

  it('lowers to good when fewer than 30% of tasks exceed the requirement', () => {
    const result = score(95, { tasks: tasks({ exceeding: 2 }) });
    expect(result.grade).toBe('good');
    expect(result.gradeByPoints).toBe('excellent');
    expect(result.rule.code).toBe('qd-366-2025/condition.exceeding');
  });

  it('lowers to good when earlier shortcomings are recorded as not remedied', () => {
    const result = score(95, { tasks: tasks({}), shortcomingsRemedied: false });
    expect(result.grade).toBe('good');
    expect(result.rule.code).toBe('qd-366-2025/condition.shortcomingsRemedied');
  });

  it('treats shortcomings as remedied unless recorded otherwise', () => {
    expect(score(95, { tasks: tasks({}), shortcomingsRemedied: undefined }).grade).toBe('excellent');
    expect(score(95, { tasks: tasks({}), shortcomingsRemedied: true }).grade).toBe('excellent');
  });

  it('follows the exceeding-share parameter', () => {
    const strict = withParameters(QD_366_2025, { 'conditions.exceedingPercent': 50 });
    expect(score(95, { tasks: tasks({ exceeding: 4 }) }, strict).grade).toBe('good');
    expect(score(95, { tasks: tasks({ exceeding: 5 }) }, strict).grade).toBe('excellent');
  });
});

describe('Regulation 366, Art. 11 cl. 2: good needs every task on time', () => {
  it('grades good with every task on time and none exceeding', () => {
    expect(score(75, { tasks: tasks({ exceeding: 0 }) }).grade).toBe('good');
  });

  it('lowers excellent points with one late task to completed (10% late is within 20%)', () => {
    const result = score(95, { tasks: tasks({ onTime: 9, late: 1 }) });
    expect(result.grade).toBe('completed');
    expect(result.rule.code).toBe('qd-366-2025/condition.onTime');
  });
});

describe('Regulation 366, Art. 11 cl. 3: completed needs every task done, at most 20% late', () => {
  it('grades completed with exactly 20% of tasks late', () => {
    expect(score(75, { tasks: tasks({ onTime: 8, late: 2 }) }).grade).toBe('completed');
  });

  it('drops to not completed with 30% of tasks late', () => {
    const result = score(75, { tasks: tasks({ onTime: 7, late: 3 }) });
    expect(result.grade).toBe('notCompleted');
    expect(result.rule.code).toBe('qd-366-2025/condition.lateShare');
  });

  it('drops to not completed when a task is not done', () => {
    const result = score(60, { tasks: tasks({ done: 9, onTime: 9 }) });
    expect(result.grade).toBe('notCompleted');
    expect(result.rule.code).toBe('qd-366-2025/condition.allDone');
  });

  it('follows the late-share parameter', () => {
    const lenient = withParameters(QD_366_2025, { 'conditions.latePercent': 30 });
    expect(score(75, { tasks: tasks({ onTime: 7, late: 3 }) }, lenient).grade).toBe('completed');
  });
});

describe('task conditions with no task record', () => {
  it('hold vacuously when there is no task record or no task in the period', () => {
    expect(score(95, {}).grade).toBe('excellent');
    expect(score(95, { tasks: { total: 0, done: 0, onTime: 0, late: 0, exceeding: 0 } }).grade).toBe(
      'excellent',
    );
  });

  it('never raise a grade above the grade by points', () => {
    expect(score(65, { tasks: tasks({ exceeding: 10 }) }).grade).toBe('completed');
  });

  it('are not applied under Decree 335, which grades by points and disqualifiers only', () => {
    expect(score(95, { tasks: tasks({ done: 5, onTime: 0, late: 5 }) }, ND_335_2025).grade).toBe('excellent');
  });

  it('come after disqualifiers: a discipline wins over the task record', () => {
    const result = score(95, { tasks: tasks({}), disciplinesInYear: ['reprimand'] });
    expect(result.rule.code).toBe('qd-366-2025/disqualifier.discipline');
  });
});
