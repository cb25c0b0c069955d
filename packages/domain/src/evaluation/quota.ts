import { formatDecimal } from '../formats/numbers';
import { round2, toHundredths } from './points';
import type { QuotaCheck, QuotaCounts, RuleSet, Text } from './types';

/**
 * The cap on the top grade (tỷ lệ khống chế). Every text says the excellent count "must not exceed"
 * (không vượt quá) a percentage of a basis, so the limit is that percentage of the basis rounded DOWN:
 * rounding up would let a unit exceed the stated share. A consequence worth knowing: under Hanoi 3814
 * (30% of those graded) a unit of 1–3 people can give no grade A at all (1 → 0, 3 → 0, 4 → 1, 7 → 2,
 * 10 → 3). 3814 has a `quota.rounding` parameter ('halfUp') for an agency whose guidance says otherwise.
 * The check runs when the head decides, per unit and, where the rule set says so, per group of similar
 * posts; self-assessment is never capped.
 */

/**
 * What a quota check needs from a rule set: its cap, its grade codes for messages and its parameters
 * (`quota.rounding`). A periodic RuleSet is one; the annual review passes its people's or its
 * collectives' cap through the same functions (annualQuotaSubject).
 */
export type QuotaSubject = Pick<RuleSet, 'quota' | 'gradeCodes' | 'parameters'> & {
  /** What is counted, for messages; people when absent. */
  counted?: QuotaNoun;
};

/** The counted noun: Vietnamese (no plural), English singular and plural. */
export interface QuotaNoun {
  vi: string;
  en: { one: string; many: string };
}

const PEOPLE: QuotaNoun = { vi: 'người', en: { one: 'person', many: 'people' } };

function subjectParameter(subject: QuotaSubject, key: string): unknown {
  return subject.parameters.find((parameter) => parameter.key === key)?.value;
}

export interface QuotaOptions {
  /** The unit is marked outstanding for the period (higher cap where the rule set has one). */
  outstanding: boolean;
}

/** The percentage that applies: the outstanding cap when marked and the rule set has one. */
export function quotaPercent(ruleSet: QuotaSubject, options: QuotaOptions): number {
  const { percent, outstandingPercent } = ruleSet.quota;
  return options.outstanding && outstandingPercent !== null ? outstandingPercent : percent;
}

function wholeCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Largest number of excellent grades allowed for a basis of `basisCount` people, in integers. */
export function quotaLimit(ruleSet: QuotaSubject, basisCount: number, options: QuotaOptions): number {
  const people = wholeCount(basisCount);
  const percentUnits = toHundredths(quotaPercent(ruleSet, options)); // 30% → 3000
  const scaled = people * percentUnits; // limit × 10 000
  if (subjectParameter(ruleSet, 'quota.rounding') === 'halfUp')
    return Math.floor((2 * scaled + 10_000) / 20_000);
  return Math.floor(scaled / 10_000);
}

function countedEn(count: number, noun: QuotaNoun): string {
  return `${count} ${count === 1 ? noun.en.one : noun.en.many}`;
}

export function checkQuota(ruleSet: QuotaSubject, counts: QuotaCounts, options: QuotaOptions): QuotaCheck {
  const { basis } = ruleSet.quota;
  const basisCount = wholeCount(basis === 'graded' ? counts.graded : counts.good);
  const used = wholeCount(counts.excellent);
  const percent = quotaPercent(ruleSet, options);
  const limit = quotaLimit(ruleSet, basisCount, options);
  const ok = used <= limit;
  const top = ruleSet.gradeCodes.excellent;
  const good = ruleSet.gradeCodes.good;
  const noun = ruleSet.counted ?? PEOPLE;
  const ofVi = `${formatDecimal(percent, 2, { trimZeros: true })}% của ${basisCount} ${noun.vi} ${basis === 'graded' ? 'được xếp loại' : `xếp loại ${good}`}`;
  const ofEn = `${round2(percent)}% of the ${countedEn(basisCount, noun)} ${basis === 'graded' ? 'graded' : `graded ${good}`}`;
  const message: Text = ok
    ? {
        vi: `Số ${noun.vi} xếp loại ${top} (${used}) trong mức tối đa ${limit} (${ofVi})`,
        en: `${top} grades (${used}) are within the maximum of ${limit} (${ofEn})`,
      }
    : {
        vi: `Số ${noun.vi} xếp loại ${top} (${used}) vượt quá mức tối đa ${limit} (${ofVi})`,
        en: `${top} grades (${used}) exceed the maximum of ${limit} (${ofEn})`,
      };
  return { ok, limit, used, basis, basisCount, percent, rule: ruleSet.quota.rule, message };
}

export interface QuotaGroupCheck {
  /** null: the whole unit; otherwise the group of similar posts (position.title_group). */
  group: string | null;
  check: QuotaCheck;
}

/**
 * The unit's check, then one per group of similar posts when the rule set caps per group (Decree
 * 335, 366). A unit can pass as a whole and still break the cap inside one group.
 */
export function checkUnitQuotas(
  ruleSet: QuotaSubject,
  unit: QuotaCounts,
  groups: Readonly<Record<string, QuotaCounts>>,
  options: QuotaOptions,
): QuotaGroupCheck[] {
  const checks: QuotaGroupCheck[] = [{ group: null, check: checkQuota(ruleSet, unit, options) }];
  if (!ruleSet.quota.perGroup) return checks;
  for (const [group, counts] of Object.entries(groups)) {
    checks.push({ group, check: checkQuota(ruleSet, counts, options) });
  }
  return checks;
}
