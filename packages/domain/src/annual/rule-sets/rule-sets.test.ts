import { describe, expect, it } from 'vitest';
import { InvalidRuleParameter } from '../../evaluation/rule-sets';
import { ANNUAL_RULE_SET_IDS, type AnnualRuleSet } from '../types';
import {
  ANNUAL_ND_335_2025,
  ANNUAL_QD_366_2025,
  ANNUAL_RULE_SETS,
  annualParameterValue,
  annualRuleSetById,
  annualRuleSetFor,
  ND_90_2020,
  PARTY_TRACK_STATUSES,
  QD_124_2023,
  STATE_TRACK_CATEGORIES,
  withAnnualParameters,
} from '.';

function allRefs(ruleSet: AnnualRuleSet) {
  const { rules } = ruleSet;
  return [
    ...Object.values(rules.grades),
    ...ruleSet.disqualifiers.map((name) => rules.disqualifiers[name]),
    ...Object.values(rules.eligibility),
    ...Object.values(rules.linkage),
    ...Object.values(rules.collective),
    ...Object.values(rules.rollup),
    ruleSet.quota.rule,
    ruleSet.collectiveQuota.rule,
  ];
}

const defaults = (ruleSet: AnnualRuleSet) =>
  Object.fromEntries(ruleSet.parameters.map((parameter) => [parameter.key, parameter.value]));

describe('the annual rule set registry', () => {
  it('holds one rule set per id, found by id', () => {
    expect(ANNUAL_RULE_SETS.map((ruleSet) => ruleSet.id).sort()).toEqual([...ANNUAL_RULE_SET_IDS].sort());
    expect(annualRuleSetById('nd-90-2020')).toBe(ND_90_2020);
    expect(annualRuleSetById('hn-3814-2018')).toBeUndefined();
  });

  it('dates, tracks and subjects each rule set as its text says', () => {
    expect(
      ANNUAL_RULE_SETS.map(({ id, track, effectiveFrom, effectiveTo, subjects }) => [
        id,
        track,
        effectiveFrom,
        effectiveTo,
        subjects.join(','),
      ]),
    ).toEqual([
      ['nd-90-2020', 'state', '2020-08-20', null, 'person'],
      ['qd-124-2023', 'party', '2023-10-04', '2025-08-29', 'person,organisation,leadership'],
      ['qd-366-2025', 'party', '2025-08-30', null, 'person,organisation,leadership'],
      ['nd-335-2025', 'state', '2026-01-01', null, 'person'],
    ]);
  });

  it.each(ANNUAL_RULE_SETS)('cites an article and both languages for every rule of $id', (ruleSet) => {
    for (const ref of allRefs(ruleSet)) {
      expect(ref?.code.startsWith(`${ruleSet.id}/`)).toBe(true);
      expect(ref?.article.length).toBeGreaterThan(0);
      expect(ref?.text.vi && ref.text.en).toBeTruthy();
    }
  });

  it.each(ANNUAL_RULE_SETS)(
    'documents every parameter of $id with a label and the gap behind it',
    (ruleSet) => {
      for (const parameter of ruleSet.parameters) {
        expect(parameter.label.vi && parameter.label.en).toBeTruthy();
        expect(parameter.note.vi && parameter.note.en).toBeTruthy();
      }
      expect(new Set(ruleSet.parameters.map((parameter) => parameter.key)).size).toBe(
        ruleSet.parameters.length,
      );
    },
  );

  it.each(ANNUAL_RULE_SETS)('keeps the quota fields of $id equal to their parameters', (ruleSet) => {
    expect(ruleSet.quota.percent).toBe(annualParameterValue(ruleSet, 'quota.percent'));
    const collective = annualParameterValue(ruleSet, 'quota.collectivePercent');
    if (collective !== undefined) expect(ruleSet.collectiveQuota.percent).toBe(collective);
    expect(ruleSet.thresholds).toEqual({ excellent: 90, good: 70, completed: 50 });
  });

  it('lists the state categories and party statuses that are enrolled', () => {
    expect(STATE_TRACK_CATEGORIES).toEqual(['cadre', 'civil_servant', 'public_employee']);
    expect(PARTY_TRACK_STATUSES).toEqual(['probationary', 'full', 'suspended']);
  });
});

describe('annualRuleSetFor: the rule set in force for the review', () => {
  it.each([
    ['2025-12-31', 'civil_servant', 'nd-90-2020'],
    ['2026-01-01', 'civil_servant', 'nd-335-2025'],
    ['2026-12-15', 'cadre', 'nd-90-2020'],
    ['2026-12-15', 'public_employee', 'nd-90-2020'],
    ['2026-12-15', undefined, 'nd-90-2020'],
    ['2021-12-15', 'civil_servant', 'nd-90-2020'],
  ])('state track on %s for %s: %s (Decree 335 for civil servants only)', (date, category, id) => {
    expect(annualRuleSetFor('state', date, category).id).toBe(id);
  });

  it.each([
    ['2024-12-31', 'qd-124-2023'],
    ['2025-08-29', 'qd-124-2023'],
    ['2025-08-30', 'qd-366-2025'],
    ['2025-12-31', 'qd-366-2025'],
  ])('party track on %s: %s', (date, id) => {
    expect(annualRuleSetFor('party', date).id).toBe(id);
  });
});

describe('the parameters of each annual rule set', () => {
  it('Decree 90: monthly grades, 6 and 3 months, 50% targets, 70% of units, 20% quota, switches', () => {
    expect(defaults(ND_90_2020)).toEqual({
      'rollup.formula': 'monthlyGrades',
      'rollup.excellentMonthsPercent': 50,
      'rollup.notCompletedMonthBlocksExcellent': true,
      'eligibility.minMonths': 6,
      'eligibility.absenceCapMonths': 3,
      'linkage.excellentTargetsPercent': 50,
      'linkage.managedGoodShare': 70,
      'linkage.notAboveCollective': true,
      'quota.percent': 20,
      'disqualifiers.discipline': true,
      'disqualifiers.degradation': true,
    });
    expect(ND_90_2020.disqualifiers).toEqual(['discipline', 'degradation']);
  });

  it('Regulation 124: monthly grades, 6 months of membership, 30% targets, collective quota', () => {
    expect(defaults(QD_124_2023)).toMatchObject({
      'rollup.formula': 'monthlyGrades',
      'eligibility.minMonths': 6,
      'eligibility.absenceCapMonths': 3,
      'eligibility.minMembershipMonths': 6,
      'linkage.excellentTargetsPercent': 30,
      'linkage.managedGoodShare': 70,
      'linkage.notAboveCollective': true,
      'quota.percent': 20,
      'quota.collectivePercent': 20,
      'collective.exceedingPercent': 30,
    });
    expect(QD_124_2023.disqualifiers).toEqual(['discipline', 'degradation']);
  });

  it('Regulation 366: the average of the periods, and the grounds mirrored from Decree 335 as switches', () => {
    expect(defaults(ANNUAL_QD_366_2025)).toMatchObject({
      'rollup.formula': 'average',
      'eligibility.minMembershipMonths': 6,
      'linkage.excellentTargetsPercent': 30,
      'quota.collectivePercent': 20,
      'disqualifiers.discipline': true,
      'disqualifiers.degradation': true,
      'disqualifiers.corruptionInManagedUnit': true,
    });
    expect(ANNUAL_QD_366_2025.disqualifiers).toEqual([
      'discipline',
      'degradation',
      'corruptionInManagedUnit',
    ]);
  });

  it('Decree 335: the average of the periods (Art. 21 cl. 1), 50% targets, the 25% outstanding cap', () => {
    expect(defaults(ANNUAL_ND_335_2025)).toMatchObject({
      'rollup.formula': 'average',
      'eligibility.minMonths': 6,
      'linkage.excellentTargetsPercent': 50,
      'quota.percent': 20,
      'quota.outstandingPercent': 25,
    });
    expect(ANNUAL_ND_335_2025.disqualifiers).toEqual([
      'discipline',
      'degradation',
      'corruptionInManagedUnit',
    ]);
    expect(ANNUAL_ND_335_2025.rules.disqualifiers.discipline?.article).toBe(
      'Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm c',
    );
    expect(annualParameterValue(ANNUAL_ND_335_2025, 'disqualifiers.discipline')).toBeUndefined();
  });

  it('lists no low-score ground: a low year is graded by its score', () => {
    for (const ruleSet of ANNUAL_RULE_SETS) expect(ruleSet.disqualifiers).not.toContain('lowScore');
  });
});

describe('withAnnualParameters: an organisation sets the uncertain values', () => {
  it('returns a copy with the value replaced, quotas re-derived, the original untouched', () => {
    const custom = withAnnualParameters(QD_124_2023, { 'quota.percent': 25, 'quota.collectivePercent': 10 });
    expect(custom.quota.percent).toBe(25);
    expect(custom.collectiveQuota.percent).toBe(10);
    expect(QD_124_2023.quota.percent).toBe(20);
    expect(QD_124_2023.collectiveQuota.percent).toBe(20);
    expect(annualParameterValue(custom, 'quota.percent')).toBe(25);
  });

  it('switches the roll-up formula among its options only', () => {
    expect(
      annualParameterValue(
        withAnnualParameters(ND_90_2020, { 'rollup.formula': 'average' }),
        'rollup.formula',
      ),
    ).toBe('average');
    expect(() => withAnnualParameters(ND_90_2020, { 'rollup.formula': 'weighted' })).toThrow(
      /monthlyGrades, average/,
    );
  });

  it('refuses unknown keys, wrong types and values out of range', () => {
    expect(() => withAnnualParameters(ND_90_2020, { 'eligibility.minMembershipMonths': 6 })).toThrow(
      InvalidRuleParameter,
    );
    expect(() => withAnnualParameters(ND_90_2020, { 'eligibility.minMonths': '6' })).toThrow(
      /must be a number/,
    );
    expect(() => withAnnualParameters(ND_90_2020, { 'eligibility.minMonths': 13 })).toThrow(/at most 12/);
    expect(() => withAnnualParameters(ND_90_2020, { 'linkage.managedGoodShare': Number.NaN })).toThrow(
      /finite/,
    );
    expect(() => withAnnualParameters(ANNUAL_QD_366_2025, { 'disqualifiers.discipline': 0 })).toThrow(
      /must be a boolean/,
    );
  });
});
