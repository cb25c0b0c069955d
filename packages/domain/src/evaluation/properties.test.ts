import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFramework, leafCriteria } from './frameworks';
import { computeKpi } from './kpi';
import { quotaLimit } from './quota';
import { RULE_SETS } from './rule-sets';
import { gradeByPoints, scoreEvaluation } from './scoring';
import { CLEAN, kpiWithPoints } from './test-fixtures';
import { GRADES, type KpiLine } from './types';

const rank = (grade: (typeof GRADES)[number]) => GRADES.indexOf(grade); // 0 = excellent

/** Any number a form or an import could send, including the bad ones. */
const anyScore = fc.oneof(
  fc.double({ min: -50, max: 150, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0, 89.99),
);
const twoDecimals = fc.integer({ min: 0, max: 10_000 }).map((units) => units / 100);

describe.each(RULE_SETS)('scoring properties of $id', (ruleSet) => {
  const framework = defaultFramework(ruleSet);
  const codes = leafCriteria(framework).map((leaf) => leaf.node.code);
  const sheet = fc
    .tuple(...codes.map(() => anyScore))
    .map((values) => Object.fromEntries(codes.map((code, i) => [code, values[i] ?? 0])));
  const kpi = fc.option(fc.double({ min: -10, max: 200, noNaN: true }).map(kpiWithPoints), {
    nil: undefined,
  });

  it('keeps the total within [0, 100] with two decimals, whatever the inputs', () => {
    fc.assert(
      fc.property(sheet, kpi, (scores, kpiResult) => {
        const { total } = scoreEvaluation(ruleSet, framework, { scores, facts: CLEAN, kpi: kpiResult });
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        expect(Math.round(total * 100) / 100).toBe(total);
      }),
    );
  });

  it('never lowers the total when one criterion gets more points', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom(...codes), twoDecimals, (scores, code, extra) => {
        const before = scoreEvaluation(ruleSet, framework, { scores, facts: CLEAN });
        const current = scores[code];
        const raised = {
          ...scores,
          [code]: (current === undefined || Number.isNaN(current) || current <= 0 ? 0 : current) + extra,
        };
        const after = scoreEvaluation(ruleSet, framework, { scores: raised, facts: CLEAN });
        expect(after.total).toBeGreaterThanOrEqual(before.total);
      }),
    );
  });

  it('never gives a lower grade to a higher total when nothing disqualifies', () => {
    fc.assert(
      fc.property(twoDecimals, twoDecimals, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(rank(gradeByPoints(ruleSet, high))).toBeLessThanOrEqual(rank(gradeByPoints(ruleSet, low)));
      }),
    );
  });

  it('grades by points alone when there is no disqualifier and no task record', () => {
    fc.assert(
      fc.property(sheet, (scores) => {
        const result = scoreEvaluation(ruleSet, framework, { scores, facts: CLEAN });
        expect(result.grade).toBe(gradeByPoints(ruleSet, result.total));
      }),
    );
  });

  it('never lets the quota limit fall when the basis grows', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(1000), fc.boolean(), (n, more, outstanding) => {
        expect(quotaLimit(ruleSet, n + more, { outstanding })).toBeGreaterThanOrEqual(
          quotaLimit(ruleSet, n, { outstanding }),
        );
        expect(quotaLimit(ruleSet, n, { outstanding })).toBeLessThanOrEqual(n);
      }),
    );
  });
});

describe('KPI properties (Decree 335)', () => {
  const count = fc.oneof(fc.double({ min: -5, max: 1000, noNaN: true }), fc.constant(Number.NaN));
  const failures = fc.integer({ min: 0, max: 8 });
  const kpiLine: fc.Arbitrary<KpiLine> = fc.record({
    coefficient: fc.oneof(fc.double({ min: -1, max: 20, noNaN: true }), fc.constant(Number.NaN)),
    assigned: count,
    completed: count,
    qualityFailures: failures,
    objectiveQualityFailures: failures,
    delays: failures,
    objectiveDelays: failures,
  });
  const options = fc.record({
    isLeader: fc.boolean(),
    unitComponent: fc.option(fc.double({ min: -50, max: 200, noNaN: true }), { nil: undefined }),
    organisingCapacity: fc.option(fc.double({ min: -50, max: 200, noNaN: true }), { nil: undefined }),
  });

  it('keeps points within [0, 70] and every percentage within [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(kpiLine, { maxLength: 8 }), options, (lines, opts) => {
        const result = computeKpi(lines, opts);
        expect(result.points).toBeGreaterThanOrEqual(0);
        expect(result.points).toBeLessThanOrEqual(70);
        for (const percent of [result.quantityPercent, result.qualityPercent, result.schedulePercent]) {
          expect(percent).toBeGreaterThanOrEqual(0);
          expect(percent).toBeLessThanOrEqual(100);
        }
        expect(result.qualityPercent).toBeLessThanOrEqual(result.quantityPercent);
      }),
    );
  });

  it('never raises the points when an unexcused failure is added', () => {
    fc.assert(
      fc.property(fc.array(kpiLine, { minLength: 1, maxLength: 5 }), (lines) => {
        const [first, ...rest] = lines;
        if (!first) return;
        const worse = [{ ...first, qualityFailures: first.qualityFailures + 1 }, ...rest];
        expect(computeKpi(worse, { isLeader: false }).points).toBeLessThanOrEqual(
          computeKpi(lines, { isLeader: false }).points,
        );
      }),
    );
  });
});
