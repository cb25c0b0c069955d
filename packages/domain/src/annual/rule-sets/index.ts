import { InvalidRuleParameter, type ParameterValue } from '../../evaluation/rule-sets';
import type { RuleParameter } from '../../evaluation/types';
import type { AnnualRuleSet, ReviewTrack } from '../types';
import { ND_90_2020 } from './nd-90-2020';
import { ANNUAL_ND_335_2025 } from './nd-335-2025';
import { QD_124_2023 } from './qd-124-2023';
import { ANNUAL_QD_366_2025 } from './qd-366-2025';

export { ANNUAL_ND_335_2025, ANNUAL_QD_366_2025, ND_90_2020, QD_124_2023 };

/** Oldest first. A stored review keeps its rule set's id; a new rule set is added here, never edited in. */
export const ANNUAL_RULE_SETS: readonly AnnualRuleSet[] = [
  ND_90_2020,
  QD_124_2023,
  ANNUAL_QD_366_2025,
  ANNUAL_ND_335_2025,
];

export function annualRuleSetById(id: string): AnnualRuleSet | undefined {
  return ANNUAL_RULE_SETS.find((ruleSet) => ruleSet.id === id);
}

/**
 * Who the state track classifies: cadres, civil servants and public employees (Decree 90, then 335
 * for civil servants). Contract workers and commune non-professional staff are not classified under
 * either decree.
 */
export const STATE_TRACK_CATEGORIES = ['cadre', 'civil_servant', 'public_employee'] as const;

/** Who the party track enrols: members, probationary or full; suspended members are enrolled as notReviewed. */
export const PARTY_TRACK_STATUSES = ['probationary', 'full', 'suspended'] as const;

const ND_335_FROM = '2026-01-01';
const QD_366_FROM = '2025-08-30';

/**
 * The rule set that governs a review held on `onDate` (the period's end or review date):
 * - state: Decree 335 for civil servants from 2026-01-01; Decree 90 otherwise — it still governs
 *   cadres and public employees, and every year before 2026;
 * - party: Regulation 366 from 2025-08-30, Regulation 124 before.
 * Dates are 'YYYY-MM-DD' strings, compared as such.
 */
export function annualRuleSetFor(
  track: ReviewTrack,
  onDate: string,
  staffCategory?: string | null,
): AnnualRuleSet {
  if (track === 'state') {
    return onDate >= ND_335_FROM && staffCategory === 'civil_servant' ? ANNUAL_ND_335_2025 : ND_90_2020;
  }
  return onDate >= QD_366_FROM ? ANNUAL_QD_366_2025 : QD_124_2023;
}

/** The parameter's current value, or undefined when the rule set has no such parameter. */
export function annualParameterValue(
  ruleSet: Pick<AnnualRuleSet, 'parameters'>,
  key: string,
): ParameterValue | undefined {
  return ruleSet.parameters.find((parameter) => parameter.key === key)?.value;
}

/** A numeric parameter, or the fallback when the rule set does not have it. */
export function annualNumberParameter(
  ruleSet: Pick<AnnualRuleSet, 'parameters'>,
  key: string,
  fallback: number,
): number {
  const value = annualParameterValue(ruleSet, key);
  return typeof value === 'number' ? value : fallback;
}

/** A boolean parameter, or the fallback when the rule set does not have it. */
export function annualFlag(
  ruleSet: Pick<AnnualRuleSet, 'parameters'>,
  key: string,
  fallback: boolean,
): boolean {
  const value = annualParameterValue(ruleSet, key);
  return typeof value === 'boolean' ? value : fallback;
}

function check(ruleSetId: string, parameter: RuleParameter | undefined, key: string, value: unknown): void {
  const fail = (vi: string, en: string): never => {
    throw new InvalidRuleParameter(key, { vi: `Tham số ${key}: ${vi}`, en: `Parameter ${key}: ${en}` });
  };
  if (!parameter) {
    throw new InvalidRuleParameter(key, {
      vi: `Bộ quy tắc ${ruleSetId} không có tham số ${key}`,
      en: `Rule set ${ruleSetId} has no parameter ${key}`,
    });
  }
  if (typeof value !== typeof parameter.value) {
    fail(`phải có kiểu ${typeof parameter.value}`, `must be a ${typeof parameter.value}`);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('phải là số hữu hạn', 'must be a finite number');
    if (parameter.min !== undefined && value < parameter.min) {
      fail(`không được nhỏ hơn ${parameter.min}`, `must be at least ${parameter.min}`);
    }
    if (parameter.max !== undefined && value > parameter.max) {
      fail(`không được lớn hơn ${parameter.max}`, `must be at most ${parameter.max}`);
    }
  }
  if (typeof value === 'string' && parameter.options && !parameter.options.includes(value)) {
    fail(`chỉ nhận ${parameter.options.join(', ')}`, `must be one of ${parameter.options.join(', ')}`);
  }
}

/**
 * A copy of the annual rule set with some parameter values replaced (an organisation's settings), like
 * evaluation's withParameters: unknown keys and values of the wrong type or range throw. The quota
 * fields are re-derived from `quota.percent`, `quota.outstandingPercent` and `quota.collectivePercent`.
 */
export function withAnnualParameters(
  ruleSet: AnnualRuleSet,
  overrides: Readonly<Record<string, ParameterValue>>,
): AnnualRuleSet {
  const known = new Map(ruleSet.parameters.map((parameter) => [parameter.key, parameter]));
  for (const [key, value] of Object.entries(overrides)) check(ruleSet.id, known.get(key), key, value);
  const parameters = ruleSet.parameters.map((parameter) =>
    Object.hasOwn(overrides, parameter.key)
      ? { ...parameter, value: overrides[parameter.key] as ParameterValue }
      : parameter,
  );
  const next: AnnualRuleSet = { ...ruleSet, parameters };
  const outstanding = annualParameterValue(next, 'quota.outstandingPercent');
  return {
    ...next,
    quota: {
      ...ruleSet.quota,
      percent: annualNumberParameter(next, 'quota.percent', ruleSet.quota.percent),
      outstandingPercent: typeof outstanding === 'number' ? outstanding : ruleSet.quota.outstandingPercent,
    },
    collectiveQuota: {
      ...ruleSet.collectiveQuota,
      percent: annualNumberParameter(next, 'quota.collectivePercent', ruleSet.collectiveQuota.percent),
    },
  };
}
