import type { QuotaSubject } from '../evaluation/quota';
import type { AnnualRuleSet } from './types';

const COLLECTIVES = { vi: 'tập thể', en: { one: 'collective', many: 'collectives' } };

/**
 * What to pass to checkQuota / quotaLimit / checkUnitQuotas for the annual review: people's cap
 * (excellent ≤ 20% of good per unit and per group of similar posts) or collectives' (≤ 20% of good
 * within a group of similar collectives — the quota group is the unit type).
 */
export function annualQuotaSubject(ruleSet: AnnualRuleSet, subject: 'person' | 'collective'): QuotaSubject {
  if (subject === 'person') {
    return { quota: ruleSet.quota, gradeCodes: ruleSet.gradeCodes, parameters: ruleSet.parameters };
  }
  return {
    quota: ruleSet.collectiveQuota,
    gradeCodes: ruleSet.gradeCodes,
    parameters: ruleSet.parameters,
    counted: COLLECTIVES,
  };
}
