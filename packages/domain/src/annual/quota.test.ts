import { describe, expect, it } from 'vitest';
import { checkQuota, checkUnitQuotas, quotaLimit } from '../evaluation/quota';
import { annualQuotaSubject } from './quota';
import {
  ANNUAL_ND_335_2025,
  ANNUAL_QD_366_2025,
  ANNUAL_RULE_SETS,
  QD_124_2023,
  withAnnualParameters,
} from './rule-sets';

const NORMAL = { outstanding: false };

describe('annual quota: excellent at most 20% of good, rounded down', () => {
  it.each(ANNUAL_RULE_SETS)(
    'gives units of 1, 4, 5, 9, 10 good grades 0, 0, 1, 1, 2 excellent ($id)',
    (ruleSet) => {
      const people = annualQuotaSubject(ruleSet, 'person');
      const collectives = annualQuotaSubject(ruleSet, 'collective');
      expect([1, 4, 5, 9, 10].map((good) => quotaLimit(people, good, NORMAL))).toEqual([0, 0, 1, 1, 2]);
      expect([1, 4, 5, 9, 10].map((good) => quotaLimit(collectives, good, NORMAL))).toEqual([0, 0, 1, 1, 2]);
    },
  );

  it('caps per unit and per group of similar posts', () => {
    const checks = checkUnitQuotas(
      annualQuotaSubject(QD_124_2023, 'person'),
      { graded: 16, excellent: 2, good: 10 },
      {
        'Chuyên viên': { graded: 6, excellent: 1, good: 4 },
        'Lãnh đạo phòng': { graded: 10, excellent: 1, good: 6 },
      },
      NORMAL,
    );
    expect(checks.map(({ group, check }) => [group, check.ok, check.limit])).toEqual([
      [null, true, 2],
      ['Chuyên viên', false, 0],
      ['Lãnh đạo phòng', true, 1],
    ]);
  });

  it('names collectives in the message for collectives, people for people', () => {
    const collectives = checkQuota(
      annualQuotaSubject(ANNUAL_QD_366_2025, 'collective'),
      { graded: 12, excellent: 2, good: 9 },
      NORMAL,
    );
    expect(collectives).toMatchObject({ ok: false, limit: 1, used: 2 });
    expect(collectives.message).toEqual({
      vi: 'Số tập thể xếp loại HTXSNV (2) vượt quá mức tối đa 1 (20% của 9 tập thể xếp loại HTTNV)',
      en: 'HTXSNV grades (2) exceed the maximum of 1 (20% of the 9 collectives graded HTTNV)',
    });
    expect(collectives.rule.code).toBe('qd-366-2025/quota.collective');
    const people = checkQuota(
      annualQuotaSubject(ANNUAL_QD_366_2025, 'person'),
      { graded: 12, excellent: 1, good: 9 },
      NORMAL,
    );
    expect(people.message.vi).toBe(
      'Số người xếp loại HTXSNV (1) trong mức tối đa 1 (20% của 9 người xếp loại HTTNV)',
    );
  });

  it('follows the people and collective parameters separately', () => {
    const custom = withAnnualParameters(QD_124_2023, { 'quota.percent': 30, 'quota.collectivePercent': 10 });
    expect(quotaLimit(annualQuotaSubject(custom, 'person'), 10, NORMAL)).toBe(3);
    expect(quotaLimit(annualQuotaSubject(custom, 'collective'), 10, NORMAL)).toBe(1);
  });

  it('keeps the outstanding-unit cap of Decree 335 for people only', () => {
    expect(quotaLimit(annualQuotaSubject(ANNUAL_ND_335_2025, 'person'), 12, { outstanding: true })).toBe(3);
    expect(quotaLimit(annualQuotaSubject(ANNUAL_ND_335_2025, 'collective'), 12, { outstanding: true })).toBe(
      2,
    );
  });
});
