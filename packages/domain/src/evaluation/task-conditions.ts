import { toHundredths } from './points';
import type { EvaluationFacts, Grade, TaskCondition, TaskStats } from './types';

/** Share thresholds of qd-366-2025, Art. 11 (parameters of the rule set). */
export interface TaskLimits {
  /** Excellent needs at least this share of tasks done beyond the requirement (default 30). */
  exceedingPercent: number;
  /** Completed tolerates at most this share of late tasks (default 20). */
  latePercent: number;
}

export interface TaskVerdict {
  /** The highest grade, not above the grade by points, whose conditions hold. */
  grade: Grade;
  /** The condition that kept the grade from the level just above it; null when nothing was lowered. */
  failed: TaskCondition | null;
}

const CONDITIONS: Record<Exclude<Grade, 'notCompleted'>, readonly TaskCondition[]> = {
  excellent: ['onTime', 'exceeding', 'shortcomingsRemedied'],
  good: ['onTime'],
  completed: ['allDone', 'lateShare'],
};

const LADDER = ['excellent', 'good', 'completed'] as const;

/** part / total ≥ percent%, in integers: part × 100 × 100 against percent in hundredths × total. */
function shareAtLeast(part: number, total: number, percent: number): boolean {
  return part * 10_000 >= toHundredths(percent) * total;
}

/**
 * Whether one condition holds. With no task record (tasks undefined) or no tasks in the period
 * (total 0) the task conditions hold vacuously: "every task on time" is true of an empty list, and a
 * person must not lose a grade because nothing was assigned; the reviewer's points still decide.
 * Remedying shortcomings fails only when explicitly recorded as false.
 */
function holds(
  condition: TaskCondition,
  tasks: TaskStats | undefined,
  facts: EvaluationFacts,
  limits: TaskLimits,
) {
  if (condition === 'shortcomingsRemedied') return facts.shortcomingsRemedied !== false;
  if (!tasks || tasks.total <= 0) return true;
  switch (condition) {
    case 'onTime':
      return tasks.done >= tasks.total && tasks.onTime >= tasks.total;
    case 'exceeding':
      return shareAtLeast(tasks.exceeding, tasks.total, limits.exceedingPercent);
    case 'allDone':
      return tasks.done >= tasks.total;
    case 'lateShare':
      return tasks.late * 10_000 <= toHundredths(limits.latePercent) * tasks.total;
  }
}

/**
 * qd-366-2025, Art. 11: a grade needs its points and its task conditions. Starting from the grade by
 * points, step down until a grade's conditions all hold; not completed has none, so it is the floor.
 */
export function taskConditionVerdict(
  byPoints: Grade,
  facts: EvaluationFacts,
  limits: TaskLimits,
): TaskVerdict {
  if (byPoints === 'notCompleted') return { grade: byPoints, failed: null };
  let failed: TaskCondition | null = null;
  for (const grade of LADDER.slice(LADDER.indexOf(byPoints))) {
    const failing = CONDITIONS[grade].find((condition) => !holds(condition, facts.tasks, facts, limits));
    if (failing === undefined) return { grade, failed };
    failed = failing;
  }
  return { grade: 'notCompleted', failed };
}
