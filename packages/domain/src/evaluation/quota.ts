import { formatDecimal } from '../formats/numbers';
import { round2, toHundredths } from './points';
import { parameterValue } from './rule-sets';
import type { QuotaCheck, QuotaCounts, RuleSet } from './types';

/**
 * The cap on the top grade (tỷ lệ khống chế). Every text says the excellent count "must not exceed"
 * (không vượt quá) a percentage of a basis, so the limit is that percentage of the basis rounded DOWN:
 * rounding up would let a unit exceed the stated share. A consequence worth knowing: under Hanoi 3814
 * (30% of those graded) a unit of 1–3 people can give no grade A at all (1 → 0, 3 → 0, 4 → 1, 7 → 2,
 * 10 → 3). 3814 has a `quota.rounding` parameter ('halfUp') for an agency whose guidance says otherwise.
 * The check runs when the head decides, per unit and, where the rule set says so, per group of similar
 * posts; self-assessment is never capped.
 */

export interface QuotaOptions {
  /** The unit is marked outstanding for the period (higher cap where the rule set has one). */
  outstanding: boolean;
}

/** The percentage that applies: the outstanding cap when marked and the rule set has one. */
export function quotaPercent(ruleSet: RuleSet, options: QuotaOptions): number {
  const { percent, outstandingPercent } = ruleSet.quota;
  return options.outstanding && outstandingPercent !== null ? outstandingPercent : percent;
}

function wholeCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Largest number of excellent grades allowed for a basis of `basisCount` people, in integers. */
export function quotaLimit(ruleSet: RuleSet, basisCount: number, options: QuotaOptions): number {
  const people = wholeCount(basisCount);
  const percentUnits = toHundredths(quotaPercent(ruleSet, options)); // 30% → 3000
  const scaled = people * percentUnits; // limit × 10 000
  if (parameterValue(ruleSet, 'quota.rounding') === 'halfUp')
    return Math.floor((2 * scaled + 10_000) / 20_000);
  return Math.floor(scaled / 10_000);
}

function peopleEn(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

export function checkQuota(ruleSet: RuleSet, counts: QuotaCounts, options: QuotaOptions): QuotaCheck {
  const { basis } = ruleSet.quota;
  const basisCount = wholeCount(basis === 'graded' ? counts.graded : counts.good);
  const used = wholeCount(counts.excellent);
  const percent = quotaPercent(ruleSet, options);
  const limit = quotaLimit(ruleSet, basisCount, options);
  const ok = used <= limit;
  const top = ruleSet.gradeCodes.excellent;
  const good = ruleSet.gradeCodes.good;
  const ofVi = `${formatDecimal(percent, 2, { trimZeros: true })}% của ${basisCount} người ${basis === 'graded' ? 'được xếp loại' : `xếp loại ${good}`}`;
  const ofEn = `${round2(percent)}% of the ${peopleEn(basisCount)} ${basis === 'graded' ? 'graded' : `graded ${good}`}`;
  const message = ok
    ? {
        vi: `Số người xếp loại ${top} (${used}) trong mức tối đa ${limit} (${ofVi})`,
        en: `${top} grades (${used}) are within the maximum of ${limit} (${ofEn})`,
      }
    : {
        vi: `Số người xếp loại ${top} (${used}) vượt quá mức tối đa ${limit} (${ofVi})`,
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
  ruleSet: RuleSet,
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
