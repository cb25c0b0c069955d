import { toHundredths } from '../evaluation/points';
import type { Disqualifier, Grade, RuleRef } from '../evaluation/types';
import { addMonthsToDay, dayNumber } from './dates';
import { lowerGrade } from './grades';
import { annualNumberParameter, annualParameterValue } from './rule-sets';
import { ABSENCE_KINDS, type AnnualRuleSet, type Eligibility, type EligibilityInput } from './types';

function months(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? toHundredths(value) : 0;
}

function notReviewed(reason: RuleRef): Eligibility {
  return { status: 'notReviewed', cap: null, forced: null, selfReviewRequired: false, reasons: [reason] };
}

/** The grounds the rule set lists that the facts show, in the rule set's order (switched-off ones skipped). */
function forcingDisqualifiers(ruleSet: AnnualRuleSet, facts: readonly Disqualifier[]): Disqualifier[] {
  return ruleSet.disqualifiers.filter(
    (name) => facts.includes(name) && annualParameterValue(ruleSet, `disqualifiers.${name}`) !== false,
  );
}

/**
 * Whether and how a person is classified this year. Months are compared in hundredths.
 *
 * Party track (the rule set's track), first: a member suspended from party activities, someone who is
 * not (or no longer) a member, or a member admitted less than `eligibility.minMembershipMonths` (6)
 * calendar months before the review date (admitted on 15/6 is reviewed on 15/12, not on 14/12) is not
 * reviewed at all.
 *
 * Then, on both tracks (Decree 90, Art. 20; mirrored where the later texts are silent):
 * - worked = months in post − every month of leave. worked < `eligibility.minMonths` (6): no grade
 *   (notGraded); the self-review is still due, unless the months missing are made up by maternity
 *   leave (worked + maternity ≥ 6);
 * - leave other than maternity of `eligibility.absenceCapMonths` (3) up to under the minimum caps
 *   the grade at completed;
 * - a ground the rule set lists (discipline, degradation, corruption in a managed unit) forces not
 *   completed. A low score is not a fact here: the roll-up's score grades it.
 * Every cap or refusal carries its RuleRef in `reasons`.
 */
export function checkEligibility(ruleSet: AnnualRuleSet, input: EligibilityInput): Eligibility {
  const { rules } = ruleSet;
  if (ruleSet.track === 'party') {
    const status = input.partyStatus;
    if (status === 'suspended')
      return notReviewed(rules.eligibility.suspended ?? rules.eligibility.shortService);
    if (status === 'none' || status === 'removed') {
      return notReviewed(rules.eligibility.notMember ?? rules.eligibility.shortService);
    }
    const minMembership = annualNumberParameter(ruleSet, 'eligibility.minMembershipMonths', 6);
    if (input.partyAdmittedDate && minMembership > 0) {
      const dueDay = addMonthsToDay(input.partyAdmittedDate, Math.ceil(minMembership));
      if (dayNumber(input.reviewDate) < dueDay) {
        return notReviewed(rules.eligibility.newMember ?? rules.eligibility.shortService);
      }
    }
  }

  const reasons: RuleRef[] = [];
  const minUnits = toHundredths(annualNumberParameter(ruleSet, 'eligibility.minMonths', 6));
  const capUnits = toHundredths(annualNumberParameter(ruleSet, 'eligibility.absenceCapMonths', 3));
  const maternity = months(input.absenceMonths.maternity);
  const otherAbsence = ABSENCE_KINDS.filter((kind) => kind !== 'maternity').reduce(
    (sum, kind) => sum + months(input.absenceMonths[kind]),
    0,
  );
  const worked = months(input.monthsInPost) - maternity - otherAbsence;

  let status: Eligibility['status'] = 'graded';
  let selfReviewRequired = true;
  let cap: Grade | null = null;
  if (worked < minUnits) {
    status = 'notGraded';
    const maternityShortfall = maternity > 0 && worked + maternity >= minUnits;
    selfReviewRequired = !maternityShortfall;
    reasons.push(rules.eligibility.shortService);
    if (maternityShortfall) reasons.push(rules.eligibility.maternity);
  } else if (otherAbsence >= capUnits && otherAbsence < minUnits) {
    cap = 'completed';
    reasons.push(rules.eligibility.absenceCap);
  }

  const grounds = forcingDisqualifiers(ruleSet, input.disqualifiers);
  for (const name of grounds) reasons.push(rules.disqualifiers[name] ?? rules.grades.notCompleted);
  const forced: Grade | null = grounds.length > 0 ? 'notCompleted' : null;
  return { status, cap, forced, selfReviewRequired, reasons };
}

/**
 * The grade after eligibility: none unless graded; a forced grade (not completed) replaces it; a cap
 * lowers it. It never raises a grade.
 */
export function boundGrade(grade: Grade | null, eligibility: Eligibility): Grade | null {
  if (grade === null || eligibility.status !== 'graded') return null;
  let bounded = grade;
  if (eligibility.forced) bounded = lowerGrade(bounded, eligibility.forced);
  if (eligibility.cap) bounded = lowerGrade(bounded, eligibility.cap);
  return bounded;
}
