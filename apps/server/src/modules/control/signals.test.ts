import {
  type ControlSignal,
  DEFAULT_CONTROL_THRESHOLDS,
  percentValue,
  type SignalResult,
} from '@canbo/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyFigures, evaluateSignals, flagsOf, shareOf, type UnitFigures } from './signals';
import { parseThresholds, resolver } from './thresholds.service';

const by = (results: SignalResult[]) =>
  Object.fromEntries(results.map((r) => [r.signal, r])) as Record<ControlSignal, SignalResult>;
const figures = (patch: Partial<UnitFigures>): UnitFigures => ({ ...emptyFigures('u'), ...patch });

describe('control signals (docs/CONTROL.md)', () => {
  it('computes every share exactly as percentValue does (half up at two decimals)', () => {
    for (const [part, whole] of [
      [1, 8],
      [1, 6],
      [5, 9],
      [29, 70],
      [0, 0],
      [3, 0],
      [2, 3],
      [7, 7],
    ] as const)
      expect(shareOf(part, whole), `${part}/${whole}`).toBe(percentValue(part, whole));
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000 }), fc.integer({ min: 1, max: 2_000_000 }), (whole, part) => {
        const p = part % (whole + 1);
        expect(shareOf(p, whole)).toBe(percentValue(p, whole));
      }),
      { numRuns: 5_000 },
    );
  });

  it('fires a share only from the minimum sample up, at or over the threshold', () => {
    const t = DEFAULT_CONTROL_THRESHOLDS;
    const small = by(
      evaluateSignals(figures({ selfAssessed: 4, selfMax: 4 }), t, { graded: 0, excellent: 0 }),
    );
    expect(small.selfMax).toMatchObject({ value: 100, fired: false });
    const edge = by(
      evaluateSignals(figures({ selfAssessed: 10, selfMax: 3 }), t, { graded: 0, excellent: 0 }),
    );
    expect(edge.selfMax).toMatchObject({ value: 30, fired: true });
    const under = by(
      evaluateSignals(figures({ selfAssessed: 1000, selfMax: 299 }), t, { graded: 0, excellent: 0 }),
    );
    expect(under.selfMax).toMatchObject({ value: 29.9, fired: false });
  });

  it('fires review time below the threshold only, and counts clusters from the unit’s cluster size', () => {
    const t = DEFAULT_CONTROL_THRESHOLDS;
    const r = by(
      evaluateSignals(
        figures({
          timedSteps: 8,
          medianSeconds: 29.96,
          scored: 10,
          clusters: new Map([
            [2, 3],
            [4, 1],
          ]),
        }),
        t,
        { graded: 0, excellent: 0 },
      ),
    );
    expect(r.reviewTime).toMatchObject({ value: 30, fired: true });
    // Clusters of 2 are under the default size 3: only the cluster of 4 counts (4 of 10 = 40%).
    expect(r.identicalScores).toMatchObject({ value: 40, fired: true, numbers: { clusters: 1, largest: 4 } });
    const slow = by(
      evaluateSignals(figures({ timedSteps: 8, medianSeconds: 30 }), t, { graded: 0, excellent: 0 }),
    );
    expect(slow.reviewTime.fired).toBe(false);
  });

  it('compares the top grade with the subtree in points and with a weak collective grade', () => {
    const t = DEFAULT_CONTROL_THRESHOLDS;
    const unit = figures({ graded: 10, excellent: 4 });
    expect(by(evaluateSignals(unit, t, { graded: 100, excellent: 25 })).topGrade).toMatchObject({
      value: 15,
      fired: true,
    });
    expect(by(evaluateSignals(unit, t, { graded: 100, excellent: 26 })).topGrade).toMatchObject({
      value: 14,
      fired: false,
    });
    const weak = figures({ graded: 2, excellent: 1, collectiveGrade: 'notCompleted' });
    expect(by(evaluateSignals(weak, t, { graded: 100, excellent: 60 })).topGrade).toMatchObject({
      fired: true,
      numbers: { reason: 'collective' },
    });
  });

  it('never fires a switched-off signal, and weighs the fired ones', () => {
    const t = structuredClone(DEFAULT_CONTROL_THRESHOLDS);
    t.signals.reopened.enabled = false;
    const results = evaluateSignals(figures({ enrolled: 10, late: 5, reopened: 3 }), t, {
      graded: 0,
      excellent: 0,
    });
    expect(by(results).reopened).toMatchObject({ value: 3, fired: false });
    expect(flagsOf(results)).toEqual({ flags: 1, weight: t.signals.late.weight });
  });

  it('applies the nearest override above a unit, else the tenant’s setting, and reads old settings leniently', () => {
    const row = (id: string, path: string | null, minSample: number) => ({
      id,
      unit_id: path ? id : null,
      unit_path: path,
      unit_name: null,
      thresholds: { minSample, clusterSize: minSample + 1 },
      version: 1,
      updated_at: new Date(),
      updated_by_name: null,
    });
    const r = resolver([row('t', null, 7), row('a', '/r/a/', 3), row('b', '/r/a/b/', 9)]);
    expect(r.forPath('/r/a/b/c/').thresholds.minSample).toBe(9);
    expect(r.forPath('/r/a/x/').thresholds.minSample).toBe(3);
    expect(r.forPath('/r/z/').thresholds.minSample).toBe(7);
    expect(r.minClusterSize).toBe(4);
    expect(parseThresholds({ minSample: 7 }).signals.late).toEqual(DEFAULT_CONTROL_THRESHOLDS.signals.late);
    expect(parseThresholds({ minSample: -1 })).toEqual(DEFAULT_CONTROL_THRESHOLDS);
  });
});
