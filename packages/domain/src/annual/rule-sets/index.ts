import {
  numberParameter,
  overrideParameters,
  type ParameterValue,
  parameterValue,
} from '../../evaluation/rule-sets';
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
export const annualParameterValue = parameterValue;

/** A numeric parameter, or the fallback when the rule set does not have it. */
export const annualNumberParameter = numberParameter;

/** A boolean parameter, or the fallback when the rule set does not have it. */
export function annualFlag(
  ruleSet: Pick<AnnualRuleSet, 'parameters'>,
  key: string,
  fallback: boolean,
): boolean {
  const value = parameterValue(ruleSet, key);
  return typeof value === 'boolean' ? value : fallback;
}

/**
 * A copy of the annual rule set with some parameter values replaced (an organisation's settings), like
 * evaluation's withParameters (overrideParameters: unknown keys and values of the wrong type or range throw). The quota
 * fields are re-derived from `quota.percent`, `quota.outstandingPercent` and `quota.collectivePercent`.
 */
export function withAnnualParameters(
  ruleSet: AnnualRuleSet,
  overrides: Readonly<Record<string, ParameterValue>>,
): AnnualRuleSet {
  const parameters = overrideParameters(ruleSet.id, ruleSet.parameters, overrides);
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
