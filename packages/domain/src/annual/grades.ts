import { toHundredths } from '../evaluation/points';
import { GRADES, type Grade } from '../evaluation/types';
import type { AnnualRuleSet } from './types';

/** 0 for excellent … 3 for not completed: a lower rank is a better grade. */
export function gradeRank(grade: Grade): number {
  return GRADES.indexOf(grade);
}

/** The worse of two grades (the one further from excellent). */
export function lowerGrade(a: Grade, b: Grade): Grade {
  return gradeRank(a) >= gradeRank(b) ? a : b;
}

/** Whether `a` is a better grade than `b`. */
export function isAbove(a: Grade, b: Grade): boolean {
  return gradeRank(a) < gradeRank(b);
}

/**
 * The grade a score earns under the annual rule set's thresholds, inclusive lower bounds compared in
 * hundredths: 89.99 is good, 90 is excellent.
 */
export function annualGradeByScore(ruleSet: Pick<AnnualRuleSet, 'thresholds'>, score: number): Grade {
  const units = toHundredths(score);
  const { excellent, good, completed } = ruleSet.thresholds;
  if (units >= toHundredths(excellent)) return 'excellent';
  if (units >= toHundredths(good)) return 'good';
  if (units >= toHundredths(completed)) return 'completed';
  return 'notCompleted';
}
