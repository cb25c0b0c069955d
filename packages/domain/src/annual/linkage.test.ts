import { describe, expect, it } from 'vitest';
import { checkLinkage } from './linkage';
import {
  ANNUAL_ND_335_2025,
  ANNUAL_QD_366_2025,
  ND_90_2020,
  QD_124_2023,
  withAnnualParameters,
} from './rule-sets';
import type { LinkageInput } from './types';

function leader(overrides: Partial<LinkageInput> = {}): LinkageInput {
  return {
    proposed: 'excellent',
    isLeader: true,
    collectiveGrade: null,
    managedUnitGrades: [],
    targetsOverfulfilledPercent: 60,
    ...overrides,
  };
}

const ruleCodes = (check: ReturnType<typeof checkLinkage>) => check.violations.map((v) => v.rule.code);

describe('non-leaders are not linked', () => {
  it('passes whatever the facts', () => {
    const check = checkLinkage(ND_90_2020, {
      ...leader({ isLeader: false, targetsOverfulfilledPercent: null, managedUnitGrades: ['notCompleted'] }),
      collectiveGrade: 'completed',
    });
    expect(check).toEqual({ ok: true, violations: [], highestAllowed: 'excellent' });
  });
});

describe('Decree 90, Art. 4 point c: a leader at excellent needs ≥ 50% of targets over-fulfilled', () => {
  it.each([
    [50, true],
    [49.99, false],
  ])('%d%% over-fulfilled: ok %s', (percent, ok) => {
    const check = checkLinkage(ND_90_2020, leader({ targetsOverfulfilledPercent: percent }));
    expect(check.ok).toBe(ok);
    expect(check.highestAllowed).toBe(ok ? 'excellent' : 'good');
    if (!ok) {
      expect(ruleCodes(check)).toEqual(['nd-90-2020/linkage.excellentTargets']);
      expect(check.violations[0]?.message.vi).toBe(
        'Chỉ tiêu, nhiệm vụ hoàn thành vượt mức 49,99%, HTXSNV cần ≥ 50%',
      );
    }
  });

  it('asks for the share when it is not recorded', () => {
    const check = checkLinkage(ND_90_2020, leader({ targetsOverfulfilledPercent: null }));
    expect(check.ok).toBe(false);
    expect(check.violations[0]?.message.en).toBe(
      'The share of targets over-fulfilled is not recorded; HTXSNV needs ≥ 50%',
    );
  });

  it('does not ask for it below excellent', () => {
    expect(checkLinkage(ND_90_2020, leader({ proposed: 'good', targetsOverfulfilledPercent: null })).ok).toBe(
      true,
    );
  });

  it('uses 30% under the party rule sets (366 Art. 11 cl. 1) and 50% under Decree 335', () => {
    expect(checkLinkage(ANNUAL_QD_366_2025, leader({ targetsOverfulfilledPercent: 30 })).ok).toBe(true);
    expect(checkLinkage(QD_124_2023, leader({ targetsOverfulfilledPercent: 29.99 })).ok).toBe(false);
    expect(checkLinkage(ANNUAL_ND_335_2025, leader({ targetsOverfulfilledPercent: 30 })).ok).toBe(false);
  });
});

describe('Decree 90, Art. 4 point d: managed units all at least completed, ≥ 70% good or above', () => {
  it('blocks good and excellent when one managed unit is not completed', () => {
    const check = checkLinkage(
      ND_90_2020,
      leader({ proposed: 'good', managedUnitGrades: ['excellent', 'good', 'good', 'notCompleted'] }),
    );
    expect(check.ok).toBe(false);
    expect(check.highestAllowed).toBe('completed');
    expect(check.violations.map((v) => v.message.vi)).toEqual([
      '1/4 đơn vị trực thuộc xếp loại KHTNV; HTTNV trở lên cần 100% đơn vị đạt HTNV trở lên',
    ]);
    expect(
      checkLinkage(ND_90_2020, leader({ proposed: 'completed', managedUnitGrades: ['notCompleted'] })).ok,
    ).toBe(true);
  });

  it('blocks excellent and good with 2/3 units good (66.67% < 70%), names the numbers', () => {
    for (const proposed of ['excellent', 'good'] as const) {
      const check = checkLinkage(
        ND_90_2020,
        leader({ proposed, managedUnitGrades: ['good', 'excellent', 'completed'] }),
      );
      expect(check.ok).toBe(false);
      expect(check.highestAllowed).toBe('completed');
      expect(check.violations.at(-1)?.message).toEqual({
        vi: '2/3 đơn vị trực thuộc đạt HTTNV trở lên (66,67%), cần ≥ 70%',
        en: '2/3 managed units graded HTTNV or above (66,67%), needs ≥ 70%',
      });
    }
  });

  it('passes 7 of 10 units good (exactly 70%)', () => {
    const grades = [...Array(7).fill('good'), ...Array(3).fill('completed')];
    expect(checkLinkage(ND_90_2020, leader({ managedUnitGrades: grades })).ok).toBe(true);
  });

  it('holds vacuously with no managed unit', () => {
    expect(checkLinkage(ND_90_2020, leader({ managedUnitGrades: [] }))).toMatchObject({
      ok: true,
      highestAllowed: 'excellent',
    });
  });

  it('follows the share parameter', () => {
    const custom = withAnnualParameters(ND_90_2020, { 'linkage.managedGoodShare': 60 });
    expect(checkLinkage(custom, leader({ managedUnitGrades: ['good', 'good', 'completed'] })).ok).toBe(true);
  });
});

describe('Decree 48/2023: a head is not graded above the collective they lead', () => {
  it('caps at the collective grade when it is known', () => {
    const check = checkLinkage(
      ANNUAL_QD_366_2025,
      leader({ proposed: 'excellent', collectiveGrade: 'good' }),
    );
    expect(check).toMatchObject({ ok: false, highestAllowed: 'good' });
    expect(ruleCodes(check)).toEqual(['qd-366-2025/linkage.notAboveCollective']);
    expect(checkLinkage(ANNUAL_QD_366_2025, leader({ proposed: 'good', collectiveGrade: 'good' })).ok).toBe(
      true,
    );
    expect(checkLinkage(ANNUAL_QD_366_2025, leader({ collectiveGrade: null })).ok).toBe(true);
  });

  it('can be switched off', () => {
    const off = withAnnualParameters(ND_90_2020, { 'linkage.notAboveCollective': false });
    expect(checkLinkage(off, leader({ collectiveGrade: 'completed' })).ok).toBe(true);
  });

  it('reports every broken link and the lowest cap', () => {
    const check = checkLinkage(
      ANNUAL_ND_335_2025,
      leader({
        targetsOverfulfilledPercent: 10,
        managedUnitGrades: ['good', 'notCompleted'],
        collectiveGrade: 'notCompleted',
      }),
    );
    expect(check.highestAllowed).toBe('notCompleted');
    expect(ruleCodes(check)).toEqual([
      'nd-335-2025/linkage.excellentTargets',
      'nd-335-2025/linkage.managedUnits',
      'nd-335-2025/linkage.managedUnits',
      'nd-335-2025/linkage.notAboveCollective',
    ]);
  });
});
