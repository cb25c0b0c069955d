import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotaLimit } from '../evaluation/quota';
import { DISQUALIFIERS, GRADES, type Grade } from '../evaluation/types';
import { boundGrade, checkEligibility } from './eligibility';
import { gradeRank } from './grades';
import { checkLinkage } from './linkage';
import { annualQuotaSubject } from './quota';
import { rollUp } from './rollup';
import { ANNUAL_RULE_SETS } from './rule-sets';
import { serviceMonths } from './service-months';
import { ABSENCE_KINDS, type EligibilityInput, type PeriodResult } from './types';

const grade = fc.constantFrom<Grade>(...GRADES);
const total = fc.option(
  fc.integer({ min: 0, max: 10_000 }).map((units) => units / 100),
  { nil: null, freq: 5 },
);
const period: fc.Arbitrary<PeriodResult> = fc
  .record({ month: fc.integer({ min: 1, max: 12 }), total, grade: fc.option(grade, { nil: null }) })
  .map(({ month, total: value, grade: decided }) => ({
    periodStart: `2025-${String(month).padStart(2, '0')}-01`,
    periodEnd: `2025-${String(month).padStart(2, '0')}-28`,
    ruleSetId: 'hn-3814-2018',
    total: value,
    grade: value === null ? null : decided,
  }));
const months = fc.double({ min: 0, max: 12, noNaN: true });
const eligibilityInput: fc.Arbitrary<EligibilityInput> = fc.record({
  track: fc.constantFrom('state' as const, 'party' as const),
  monthsInPost: months,
  absenceMonths: fc.dictionary(fc.constantFrom(...ABSENCE_KINDS), fc.double({ min: 0, max: 6, noNaN: true })),
  partyStatus: fc.constantFrom(
    'none' as const,
    'probationary' as const,
    'full' as const,
    'suspended' as const,
  ),
  partyAdmittedDate: fc.option(fc.constantFrom('2010-01-01', '2025-06-15', '2025-06-16', '2025-11-30'), {
    nil: null,
  }),
  reviewDate: fc.constant('2025-12-15'),
  disqualifiers: fc.subarray([...DISQUALIFIERS]),
});

describe.each(ANNUAL_RULE_SETS)('annual properties of $id', (ruleSet) => {
  it('keeps the roll-up score within the least and the greatest counted total', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 14 }), (periods) => {
        const result = rollUp(ruleSet, periods);
        const totals = periods.flatMap((p) => (p.total === null ? [] : [p.total]));
        expect(result.counted).toBe(totals.length);
        expect(result.listed).toBe(periods.length);
        if (totals.length === 0) {
          expect(result.score).toBeNull();
          expect(result.grade).toBeNull();
          return;
        }
        expect(result.score).toBeGreaterThanOrEqual(Math.min(...totals));
        expect(result.score).toBeLessThanOrEqual(Math.max(...totals));
        expect(Math.round((result.score ?? 0) * 100) / 100).toBe(result.score);
      }),
    );
  });

  it('never lets boundGrade raise a grade', () => {
    fc.assert(
      fc.property(fc.option(grade, { nil: null }), eligibilityInput, (proposed, facts) => {
        const bounded = boundGrade(proposed, checkEligibility(ruleSet, facts));
        if (bounded !== null && proposed !== null)
          expect(gradeRank(bounded)).toBeGreaterThanOrEqual(gradeRank(proposed));
        if (proposed === null) expect(bounded).toBeNull();
      }),
    );
  });

  it('keeps the quota limit within 20% of good and never lets it fall as good grows', () => {
    for (const subject of ['person', 'collective'] as const) {
      const quota = annualQuotaSubject(ruleSet, subject);
      fc.assert(
        fc.property(fc.nat(100_000), fc.nat(1000), (good, more) => {
          const limit = quotaLimit(quota, good, { outstanding: false });
          expect(limit * 5).toBeLessThanOrEqual(good);
          expect(quotaLimit(quota, good + more, { outstanding: false })).toBeGreaterThanOrEqual(limit);
        }),
      );
    }
  });

  it('allows at most the proposal when the link fails, and fails exactly when the proposal is above', () => {
    fc.assert(
      fc.property(
        grade,
        fc.boolean(),
        fc.option(grade, { nil: null }),
        fc.array(grade, { maxLength: 12 }),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }),
        (proposed, isLeader, collectiveGrade, managedUnitGrades, targetsOverfulfilledPercent) => {
          const check = checkLinkage(ruleSet, {
            proposed,
            isLeader,
            collectiveGrade,
            managedUnitGrades,
            targetsOverfulfilledPercent,
          });
          if (!check.ok) {
            expect(gradeRank(check.highestAllowed)).toBeGreaterThan(gradeRank(proposed));
            expect(check.violations.length).toBeGreaterThan(0);
          } else {
            expect(gradeRank(check.highestAllowed)).toBeLessThanOrEqual(gradeRank(proposed));
          }
          if (!isLeader) expect(check.ok).toBe(true);
        },
      ),
    );
  });
});

describe('serviceMonths properties', () => {
  const day = fc.integer({ min: 0, max: 500 }).map((offset) => {
    const date = new Date(Date.UTC(2024, 10, 1) + offset * 86_400_000);
    return date.toISOString().slice(0, 10);
  });
  const interval = fc.record({ start: day, end: fc.option(day, { nil: null }) });

  it('stays within [0, 12] for a year and never falls when a post is added', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 5 }), interval, (intervals, extra) => {
        const before = serviceMonths(intervals, '2025-01-01', '2025-12-31');
        const after = serviceMonths([...intervals, extra], '2025-01-01', '2025-12-31');
        expect(before).toBeGreaterThanOrEqual(0);
        expect(after).toBeLessThanOrEqual(12);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });
});
