import type { RuleParameter, RuleSet, Text } from '../types';
import { HN_3814_2018 } from './hn-3814-2018';
import { ND_335_2025 } from './nd-335-2025';
import { QD_366_2025 } from './qd-366-2025';

export { HN_3814_2018, ND_335_2025, QD_366_2025 };

/** Oldest first. A result stores its rule set's id; a new rule set is added here, never edited in. */
export const RULE_SETS: readonly RuleSet[] = [HN_3814_2018, QD_366_2025, ND_335_2025];

export function ruleSetById(id: string): RuleSet | undefined {
  return RULE_SETS.find((ruleSet) => ruleSet.id === id);
}

export type ParameterValue = RuleParameter['value'];

/** An override that the rule set does not have, or of the wrong type or range. */
export class InvalidRuleParameter extends Error {
  readonly key: string;
  readonly text: Text;
  constructor(key: string, text: Text) {
    super(text.en);
    this.name = 'InvalidRuleParameter';
    this.key = key;
    this.text = text;
  }
}

/** Anything that carries parameters: a periodic or an annual rule set. */
type WithParameters = { readonly parameters: readonly RuleParameter[] };

/** The parameter's current value, or undefined when the rule set has no such parameter. */
export function parameterValue(ruleSet: WithParameters, key: string): ParameterValue | undefined {
  return ruleSet.parameters.find((parameter) => parameter.key === key)?.value;
}

/** A numeric parameter, or the fallback when the rule set does not have it. */
export function numberParameter(ruleSet: WithParameters, key: string, fallback: number): number {
  const value = parameterValue(ruleSet, key);
  return typeof value === 'number' ? value : fallback;
}

function check(parameter: RuleParameter, value: unknown): void {
  const { key } = parameter;
  const fail = (vi: string, en: string) => {
    throw new InvalidRuleParameter(key, { vi: `Tham số ${key}: ${vi}`, en: `Parameter ${key}: ${en}` });
  };
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
 * The rule set's parameters with some values replaced (an agency's settings). Unknown keys and values
 * of the wrong type or range throw, so a typo never silently keeps the default.
 */
export function overrideParameters(
  ruleSetId: string,
  parameters: readonly RuleParameter[],
  overrides: Readonly<Record<string, ParameterValue>>,
): RuleParameter[] {
  const known = new Map(parameters.map((parameter) => [parameter.key, parameter]));
  for (const [key, value] of Object.entries(overrides)) {
    const parameter = known.get(key);
    if (!parameter) {
      throw new InvalidRuleParameter(key, {
        vi: `Bộ quy tắc ${ruleSetId} không có tham số ${key}`,
        en: `Rule set ${ruleSetId} has no parameter ${key}`,
      });
    }
    check(parameter, value);
  }
  return parameters.map((parameter) =>
    Object.hasOwn(overrides, parameter.key)
      ? { ...parameter, value: overrides[parameter.key] as ParameterValue }
      : parameter,
  );
}

/**
 * A copy of the rule set with some parameter values replaced (overrideParameters). The quota fields
 * are re-derived from their parameters so every reader sees the same number.
 */
export function withParameters(
  ruleSet: RuleSet,
  overrides: Readonly<Record<string, ParameterValue>>,
): RuleSet {
  const parameters = overrideParameters(ruleSet.id, ruleSet.parameters, overrides);
  const next: RuleSet = { ...ruleSet, parameters };
  const outstanding = parameterValue(next, 'quota.outstandingPercent');
  return {
    ...next,
    quota: {
      ...ruleSet.quota,
      percent: numberParameter(next, 'quota.percent', ruleSet.quota.percent),
      outstandingPercent: typeof outstanding === 'number' ? outstanding : ruleSet.quota.outstandingPercent,
    },
  };
}
