import { describe, expect, it } from 'vitest';
import { checkQuota, checkUnitQuotas, quotaLimit } from './quota';
import { HN_3814_2018, ND_335_2025, QD_366_2025, withParameters } from './rule-sets';

const NORMAL = { outstanding: false };
const OUTSTANDING = { outstanding: true };

describe('Decision 3814: grade A for at most 30% of those graded, rounded down', () => {
  it.each([
    [1, 0],
    [3, 0],
    [4, 1],
    [7, 2],
    [10, 3],
  ])('allows %i people graded at most %i grade A', (graded, limit) => {
    expect(quotaLimit(HN_3814_2018, graded, NORMAL)).toBe(limit);
  });

  it.each([
    [1, 0],
    [3, 1],
    [7, 2],
    [10, 4],
  ])('allows an outstanding unit of %i people at most %i grade A (40%)', (graded, limit) => {
    expect(quotaLimit(HN_3814_2018, graded, OUTSTANDING)).toBe(limit);
  });

  it('counts against everyone graded, not against the good grades', () => {
    const check = checkQuota(HN_3814_2018, { graded: 10, excellent: 3, good: 0 }, NORMAL);
    expect(check).toMatchObject({
      ok: true,
      limit: 3,
      used: 3,
      basis: 'graded',
      basisCount: 10,
      percent: 30,
    });
    expect(check.rule.code).toBe('hn-3814-2018/quota');
  });

  it('rounds half up instead when the agency sets the rounding parameter', () => {
    const halfUp = withParameters(HN_3814_2018, { 'quota.rounding': 'halfUp' });
    expect([1, 3, 5, 10].map((n) => quotaLimit(halfUp, n, NORMAL))).toEqual([0, 1, 2, 3]);
  });

  it('names the numbers in both languages when the cap is broken', () => {
    const check = checkQuota(HN_3814_2018, { graded: 7, excellent: 3, good: 2 }, NORMAL);
    expect(check.ok).toBe(false);
    expect(check.message).toEqual({
      vi: 'Số người xếp loại A (3) vượt quá mức tối đa 2 (30% của 7 người được xếp loại)',
      en: 'A grades (3) exceed the maximum of 2 (30% of the 7 people graded)',
    });
  });
});

describe('Decree 335, Art. 20 cl. 5: excellent for at most 20% of those graded good', () => {
  it.each([
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [12, 2],
  ])('allows %i good grades at most %i excellent', (good, limit) => {
    expect(quotaLimit(ND_335_2025, good, NORMAL)).toBe(limit);
  });

  it('uses the good grades as the basis and names them in the message', () => {
    const check = checkQuota(ND_335_2025, { graded: 20, excellent: 3, good: 12 }, NORMAL);
    expect(check).toMatchObject({ ok: false, limit: 2, used: 3, basis: 'good', basisCount: 12, percent: 20 });
    expect(check.message.vi).toBe(
      'Số người xếp loại HTXSNV (3) vượt quá mức tối đa 2 (20% của 12 người xếp loại HTTNV)',
    );
    expect(check.message.en).toBe(
      'HTXSNV grades (3) exceed the maximum of 2 (20% of the 12 people graded HTTNV)',
    );
  });

  it('accepts a count at the limit', () => {
    expect(checkQuota(ND_335_2025, { graded: 20, excellent: 2, good: 12 }, NORMAL).ok).toBe(true);
  });

  it('raises the cap to the outstanding parameter (default 25%) for an outstanding organisation', () => {
    expect(quotaLimit(ND_335_2025, 4, OUTSTANDING)).toBe(1);
    expect(quotaLimit(ND_335_2025, 12, OUTSTANDING)).toBe(3);
    const custom = withParameters(ND_335_2025, { 'quota.outstandingPercent': 30 });
    expect(quotaLimit(custom, 12, OUTSTANDING)).toBe(3);
    expect(custom.quota.outstandingPercent).toBe(30);
  });
});

describe('Regulation 366: 20% of good by default, no outstanding exception', () => {
  it('ignores the outstanding mark', () => {
    expect(quotaLimit(QD_366_2025, 12, OUTSTANDING)).toBe(2);
    expect(quotaLimit(QD_366_2025, 5, NORMAL)).toBe(1);
  });

  it('follows its quota parameter', () => {
    expect(quotaLimit(withParameters(QD_366_2025, { 'quota.percent': 25 }), 12, NORMAL)).toBe(3);
  });
});

describe('per-group quotas (groups of similar posts)', () => {
  it('caps per group under Decree 335 and Regulation 366 but not under 3814', () => {
    expect(ND_335_2025.quota.perGroup).toBe(true);
    expect(QD_366_2025.quota.perGroup).toBe(true);
    expect(HN_3814_2018.quota.perGroup).toBe(false);
  });

  it('fails a group over its cap even when the unit as a whole is within it', () => {
    const checks = checkUnitQuotas(
      ND_335_2025,
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

  it('checks only the unit when the rule set has no per-group cap', () => {
    const checks = checkUnitQuotas(
      HN_3814_2018,
      { graded: 10, excellent: 3, good: 5 },
      { x: { graded: 1, excellent: 1, good: 0 } },
      NORMAL,
    );
    expect(checks).toHaveLength(1);
  });
});

describe('counts that are not whole', () => {
  it('treats negative or non-numeric counts as 0', () => {
    expect(quotaLimit(HN_3814_2018, -5, NORMAL)).toBe(0);
    expect(quotaLimit(HN_3814_2018, Number.NaN, NORMAL)).toBe(0);
    expect(checkQuota(ND_335_2025, { graded: 0, excellent: 0, good: 0 }, NORMAL).ok).toBe(true);
  });
});

describe('any quota subject, not only a periodic rule set', () => {
  it('takes just the cap, the grade codes and the parameters, and names what it counts', () => {
    const subject = {
      quota: ND_335_2025.quota,
      gradeCodes: ND_335_2025.gradeCodes,
      parameters: [],
      counted: { vi: 'tập thể', en: { one: 'collective', many: 'collectives' } },
    };
    expect(quotaLimit(subject, 10, NORMAL)).toBe(2);
    const check = checkQuota(subject, { graded: 6, excellent: 1, good: 1 }, NORMAL);
    expect(check.message.vi).toBe(
      'Số tập thể xếp loại HTXSNV (1) vượt quá mức tối đa 0 (20% của 1 tập thể xếp loại HTTNV)',
    );
    expect(check.message.en).toBe(
      'HTXSNV grades (1) exceed the maximum of 0 (20% of the 1 collective graded HTTNV)',
    );
  });
});
