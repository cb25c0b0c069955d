import { describe, expect, it } from 'vitest';
import { RULE_SET_IDS } from '../types';
import {
  HN_3814_2018,
  InvalidRuleParameter,
  ND_335_2025,
  parameterValue,
  QD_366_2025,
  RULE_SETS,
  ruleSetById,
  withParameters,
} from '.';

describe('the rule set registry', () => {
  it('holds one rule set per id, found by id', () => {
    expect(RULE_SETS.map((ruleSet) => ruleSet.id).sort()).toEqual([...RULE_SET_IDS].sort());
    expect(ruleSetById('nd-335-2025')).toBe(ND_335_2025);
    expect(ruleSetById('nd-90-2020')).toBeUndefined();
  });

  it('dates each rule set from when it took effect', () => {
    expect([HN_3814_2018, QD_366_2025, ND_335_2025].map((ruleSet) => ruleSet.effectiveFrom)).toEqual([
      '2018-05-16',
      '2025-08-30',
      '2026-01-01',
    ]);
    expect(HN_3814_2018.periods).toEqual(['month']);
    expect(ND_335_2025.periods).toEqual(['month', 'quarter']);
    expect(QD_366_2025.periods).toEqual(['quarter', 'year']);
  });

  it.each(RULE_SETS)('adds the groups of $id up to the 100-point scale', (ruleSet) => {
    expect(ruleSet.groups.reduce((sum, group) => sum + group.maxPoints, 0)).toBe(100);
    expect(ruleSet.thresholds).toEqual({ excellent: 90, good: 70, completed: 50 });
  });

  it.each(RULE_SETS)('cites a rule for every grade, disqualifier and condition of $id', (ruleSet) => {
    const refs = [
      ...Object.values(ruleSet.rules.grades),
      ...ruleSet.disqualifiers.map((name) => ruleSet.rules.disqualifiers[name]),
      ruleSet.quota.rule,
    ];
    if (ruleSet.taskConditions) refs.push(...Object.values(ruleSet.rules.conditions));
    for (const ref of refs) {
      expect(ref?.code.startsWith(`${ruleSet.id}/`)).toBe(true);
      expect(ref?.article.length).toBeGreaterThan(0);
      expect(ref?.text.vi && ref.text.en).toBeTruthy();
    }
    if (ruleSet.taskConditions) expect(Object.keys(ruleSet.rules.conditions)).toHaveLength(5);
  });

  it.each(RULE_SETS)('keeps the quota fields of $id equal to their parameters', (ruleSet) => {
    const percent = parameterValue(ruleSet, 'quota.percent');
    if (percent !== undefined) expect(ruleSet.quota.percent).toBe(percent);
    const outstanding = parameterValue(ruleSet, 'quota.outstandingPercent');
    if (outstanding !== undefined) expect(ruleSet.quota.outstandingPercent).toBe(outstanding);
  });

  it('cites Decree 335 Art. 20 cl. 4 point c for the discipline ground', () => {
    expect(ND_335_2025.rules.disqualifiers.discipline?.article).toBe(
      'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c',
    );
  });

  it('sets the quota of each rule set as the sources say', () => {
    expect(HN_3814_2018.quota).toMatchObject({
      basis: 'graded',
      percent: 30,
      outstandingPercent: 40,
      perGroup: false,
    });
    expect(ND_335_2025.quota).toMatchObject({
      basis: 'good',
      percent: 20,
      outstandingPercent: 25,
      perGroup: true,
    });
    expect(QD_366_2025.quota).toMatchObject({
      basis: 'good',
      percent: 20,
      outstandingPercent: null,
      perGroup: true,
    });
  });
});

describe('withParameters: an agency sets the uncertain values', () => {
  it('returns a copy with the value replaced and leaves the original alone', () => {
    const custom = withParameters(HN_3814_2018, { 'quota.percent': 25 });
    expect(parameterValue(custom, 'quota.percent')).toBe(25);
    expect(custom.quota.percent).toBe(25);
    expect(parameterValue(HN_3814_2018, 'quota.percent')).toBe(30);
    expect(HN_3814_2018.quota.percent).toBe(30);
  });

  it('can be applied again on top of a copy, back to the default', () => {
    const twice = withParameters(withParameters(QD_366_2025, { 'quota.percent': 10 }), {
      'quota.percent': 20,
    });
    expect(twice.quota.percent).toBe(20);
  });

  it('refuses a key the rule set does not have', () => {
    expect(() => withParameters(QD_366_2025, { 'quota.outstandingPercent': 30 })).toThrow(
      InvalidRuleParameter,
    );
  });

  it('refuses a value of the wrong type', () => {
    expect(() => withParameters(ND_335_2025, { 'kpi.deductionPercent': '25' })).toThrow(InvalidRuleParameter);
    expect(() => withParameters(QD_366_2025, { 'disqualifiers.discipline': 1 })).toThrow(/must be a boolean/);
  });

  it('refuses a number out of range or not finite, and a string not among the options', () => {
    expect(() => withParameters(ND_335_2025, { 'kpi.deductionPercent': 101 })).toThrow(/at most 100/);
    expect(() => withParameters(ND_335_2025, { 'kpi.deductionPercent': Number.NaN })).toThrow(
      InvalidRuleParameter,
    );
    expect(() => withParameters(HN_3814_2018, { 'quota.rounding': 'ceil' })).toThrow(/floor, halfUp/);
  });

  it('answers undefined for a parameter the rule set does not have', () => {
    expect(parameterValue(ND_335_2025, 'quota.rounding')).toBeUndefined();
  });
});
