import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceedsPlaces, QD_96_2023, voteRuleSetFor } from './rules';
import { countBallots, flagFor, quorumMet, tallyVote } from './tally';

const rules = QD_96_2023;
const one = (summoned: number, collected: number, high: number, confidence: number, low: number) =>
  tallyVote(rules, { summoned, issued: summoned, collected, counts: { p: { high, confidence, low } } });

describe('qd-96-2023: the rule set as data', () => {
  it('is in force from 2 February 2023 and not before', () => {
    expect(voteRuleSetFor('2023-02-02')?.id).toBe('qd-96-2023');
    expect(voteRuleSetFor('2026-05-01')?.id).toBe('qd-96-2023');
    expect(voteRuleSetFor('2023-02-01')).toBeNull();
  });

  it('votes on a person in at most 2 places (QĐ 96, principles)', () => {
    expect(exceedsPlaces(rules, 0)).toBe(false);
    expect(exceedsPlaces(rules, 1)).toBe(false);
    expect(exceedsPlaces(rules, 2)).toBe(true);
  });
});

describe('qd-96-2023: quorum of 2/3 of those summoned', () => {
  it('holds with 6 of 9 summoned and is void with 5 of 9', () => {
    expect(quorumMet(rules, 6, 9)).toBe(true);
    expect(quorumMet(rules, 5, 9)).toBe(false);
    expect(one(9, 6, 6, 0, 0).void).toBe(false);
    expect(one(9, 5, 5, 0, 0).void).toBe(true);
  });

  it('holds with 2 of 3, 20 of 30, and not with 19 of 30 or an empty roster', () => {
    expect(quorumMet(rules, 2, 3)).toBe(true);
    expect(quorumMet(rules, 20, 30)).toBe(true);
    expect(quorumMet(rules, 19, 30)).toBe(false);
    expect(quorumMet(rules, 0, 0)).toBe(false);
  });

  it('raises no flag in a void session, whatever the low count', () => {
    const t = one(9, 5, 0, 0, 5);
    expect(t.void).toBe(true);
    expect(t.people[0]?.flag).toBe('none');
    expect(t.people[0]?.lowPercent).toBe(100);
  });
});

describe('qd-96-2023: percentages over ballots collected (Art. 6)', () => {
  it('divides by the ballots collected, not by those summoned nor by the valid ballots', () => {
    // 10 summoned, 8 collected, one of them left this person blank.
    const t = tallyVote(rules, {
      summoned: 10,
      issued: 10,
      collected: 8,
      counts: { p: { high: 4, confidence: 2, low: 1 } },
    });
    const p = t.people[0]!;
    expect(p.valid).toBe(7);
    expect(p.invalid).toBe(1);
    expect(p.highPercent).toBe(50);
    expect(p.confidencePercent).toBe(25);
    expect(p.lowPercent).toBe(12.5);
  });

  it('rounds half up to two decimals from the integer counts (1/3 → 33.33, 2/3 → 66.67, 1/8 → 12.5)', () => {
    expect(one(3, 3, 1, 2, 0).people[0]).toMatchObject({ highPercent: 33.33, confidencePercent: 66.67 });
    expect(one(8, 8, 1, 7, 0).people[0]?.highPercent).toBe(12.5);
    // 1/16 = 6.25 exactly; 1/200 = 0.5; 1/400 = 0.25; 1/800 = 0.125 → 0.13 (half up).
    expect(one(800, 800, 1, 799, 0).people[0]?.highPercent).toBe(0.13);
  });
});

describe('qd-96-2023: consequences of low confidence', () => {
  it('raises nothing at exactly half low, and "remove from planning" just over half (50.01%)', () => {
    expect(flagFor(rules, 5, 10)).toBe('none');
    expect(flagFor(rules, 5000, 10000)).toBe('none');
    expect(flagFor(rules, 5001, 10000)).toBe('removeFromPlanning');
    expect(one(10000, 10000, 0, 4999, 5001).people[0]).toMatchObject({
      lowPercent: 50.01,
      flag: 'removeFromPlanning',
    });
  });

  it('asks for dismissal at exactly 2/3 low (6 of 9), and not just under it (5 of 9 is only over half)', () => {
    expect(flagFor(rules, 6, 9)).toBe('dismissal');
    expect(flagFor(rules, 5, 9)).toBe('removeFromPlanning');
    expect(flagFor(rules, 1999, 3000)).toBe('removeFromPlanning');
    expect(flagFor(rules, 2000, 3000)).toBe('dismissal');
    const p = one(9, 9, 0, 3, 6).people[0]!;
    expect(p.lowPercent).toBe(66.67);
    expect(p.flag).toBe('dismissal');
    expect(p.flagRule?.code).toBe('qd-96-2023/low.twoThirds');
  });

  it('counts low over the ballots collected: 5 low of 9 collected flags even with 12 summoned', () => {
    expect(one(12, 9, 4, 0, 5).people[0]?.flag).toBe('removeFromPlanning');
  });

  it('refuses impossible counts', () => {
    expect(() => one(5, 6, 0, 0, 0)).toThrow(RangeError);
    expect(() => one(9, 3, 2, 2, 0)).toThrow(RangeError);
    expect(() => one(9, 9, -1, 0, 0)).toThrow(RangeError);
  });
});

describe('qd-96-2023: properties', () => {
  const level = fc.constantFrom('high', 'confidence', 'low' as const);
  const ballots = fc.array(fc.record({ a: level, b: fc.option(level, { nil: null }) }), {
    minLength: 1,
    maxLength: 400,
  });

  it('adds the three percentages of a person with only valid ballots up to 100 (± rounding)', () => {
    fc.assert(
      fc.property(ballots, (list) => {
        const counts = countBallots(['a', 'b'], list);
        const t = tallyVote(rules, {
          summoned: list.length,
          issued: list.length,
          collected: list.length,
          counts,
        });
        const a = t.people.find((p) => p.personId === 'a')!;
        const sum = (a.highPercent ?? 0) + (a.confidencePercent ?? 0) + (a.lowPercent ?? 0);
        expect(a.invalid).toBe(0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.015 + 1e-9);
        const b = t.people.find((p) => p.personId === 'b')!;
        expect(b.valid + b.invalid).toBe(list.length);
      }),
    );
  });

  it('never lowers the flag when the low count grows', () => {
    const rank = (f: string) => ['none', 'removeFromPlanning', 'dismissal'].indexOf(f);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), fc.nat(), fc.nat(), (collected, x, y) => {
        const [lo, hi] = [x % (collected + 1), y % (collected + 1)].sort((m, n) => m - n) as [number, number];
        expect(rank(flagFor(rules, hi, collected))).toBeGreaterThanOrEqual(
          rank(flagFor(rules, lo, collected)),
        );
      }),
    );
  });

  it('holds quorum exactly when 3 × collected ≥ 2 × summoned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (summoned, x) => {
        const collected = x % (summoned + 1);
        expect(quorumMet(rules, collected, summoned)).toBe(3 * collected >= 2 * summoned);
      }),
    );
  });
});
