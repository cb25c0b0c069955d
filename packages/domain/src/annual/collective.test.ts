import { describe, expect, it } from 'vitest';
import { proposeCollective } from './collective';
import { ANNUAL_QD_366_2025, QD_124_2023, withAnnualParameters } from './rule-sets';
import type { CollectiveInput } from './types';

function collective(overrides: Partial<CollectiveInput> = {}): CollectiveInput {
  return {
    score: 93,
    tasks: { total: 10, done: 10, onTime: 10, late: 0, exceeding: 3 },
    disciplineInside: false,
    shortcomingsRemedied: true,
    memberGrades: {},
    subordinateGrades: {},
    ...overrides,
  };
}

describe('Regulation 366, Art. 11 cl. 1: a collective at excellent', () => {
  it('is excellent with 90 points, every task on time and 30% exceeding', () => {
    const proposal = proposeCollective(ANNUAL_QD_366_2025, collective());
    expect(proposal).toMatchObject({ grade: 'excellent', gradeByScore: 'excellent', reasons: [] });
    expect(proposal.rule?.code).toBe('qd-366-2025/grade.excellent');
  });

  it.each([
    [
      'a late task',
      { tasks: { total: 10, done: 10, onTime: 9, late: 1, exceeding: 3 } },
      /9\/10 tasks on time/,
    ],
    [
      '29% exceeding',
      { tasks: { total: 100, done: 100, onTime: 100, late: 0, exceeding: 29 } },
      /29\/100 tasks exceeding/,
    ],
    ['a discipline inside', { disciplineInside: true }, /leadership member was disciplined/],
    ['shortcomings left', { shortcomingsRemedied: false }, /shortcomings not all remedied/],
  ])('falls to good with %s', (_, overrides, message) => {
    const proposal = proposeCollective(ANNUAL_QD_366_2025, collective(overrides));
    expect(proposal.grade).toBe('good');
    expect(proposal.gradeByScore).toBe('excellent');
    expect(proposal.reasons.map((r) => r.code)).toEqual(['qd-366-2025/collective.excellentConditions']);
    expect(proposal.explanation.en).toMatch(message);
  });

  it('holds the task conditions vacuously without a task record, and shortcomings unless recorded', () => {
    expect(
      proposeCollective(ANNUAL_QD_366_2025, collective({ tasks: undefined, shortcomingsRemedied: undefined }))
        .grade,
    ).toBe('excellent');
  });

  it('follows the exceeding parameter', () => {
    const custom = withAnnualParameters(QD_124_2023, { 'collective.exceedingPercent': 40 });
    expect(proposeCollective(custom, collective()).grade).toBe('good');
  });
});

describe('a collective below excellent, or without a score', () => {
  it.each([
    [89.99, 'good'],
    [70, 'good'],
    [69.99, 'completed'],
    [50, 'completed'],
    [49.99, 'notCompleted'],
  ] as const)('%d points: %s, the conditions not consulted', (score, grade) => {
    const proposal = proposeCollective(QD_124_2023, collective({ score, disciplineInside: true }));
    expect(proposal).toMatchObject({ grade, gradeByScore: grade, reasons: [] });
  });

  it('proposes nothing without a score', () => {
    const proposal = proposeCollective(QD_124_2023, collective({ score: null }));
    expect(proposal).toMatchObject({ grade: null, gradeByScore: null, rule: null });
    expect(proposal.explanation.vi).toMatch(/chưa có điểm/);
  });
});
