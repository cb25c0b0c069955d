import {
  defaultFramework,
  type Framework,
  type Grade,
  HN_3814_2018,
  leafCriteria,
  type ScoreResult,
  scoreEvaluation,
} from '@canbo/domain';
import type { Random } from './random';

/**
 * Demo score sheets for the Hanoi 3814 default framework: a target grade is chosen first (so that no
 * unit breaks the 30 % cap on grade A), then points for every criterion that land in that grade's band,
 * then the domain scores the sheet. Bands: every base criterion gets about the same share of its
 * maximum (± 2 %, in quarter points), bonus points only for A and B.
 */
export const DEMO_RULE_SET = HN_3814_2018;
export const DEMO_FRAMEWORK: Framework = defaultFramework(HN_3814_2018);

/** Share of the base points and bonus points by target grade: [low, high) of each. */
const BANDS: Record<Grade, { share: [number, number]; bonus: [number, number] }> = {
  excellent: { share: [0.97, 1], bonus: [7, 10] },
  good: { share: [0.83, 0.9], bonus: [0, 1.5] },
  completed: { share: [0.62, 0.72], bonus: [0, 0] },
  notCompleted: { share: [0.35, 0.5], bonus: [0, 0] },
};

const quarter = (value: number) => Math.floor(value * 4) / 4;

export function demoScores(rng: Random, target: Grade): Record<string, number> {
  const band = BANDS[target];
  const share = band.share[0] + rng.float() * (band.share[1] - band.share[0]);
  let bonus = quarter(band.bonus[0] + rng.float() * (band.bonus[1] - band.bonus[0]));
  const scores: Record<string, number> = {};
  for (const { node, groupCode } of leafCriteria(DEMO_FRAMEWORK)) {
    if (groupCode === 'bonus') {
      const points = Math.min(node.maxPoints, bonus);
      scores[node.code] = points;
      bonus -= points;
      continue;
    }
    const f = share + (rng.float() - 0.5) * 0.04;
    scores[node.code] = Math.min(node.maxPoints, Math.max(0, quarter(node.maxPoints * f)));
  }
  return scores;
}

/** A reviewer's adjustment: one point less for keeping deadlines (with a comment, as the rules require). */
export function adjusted(scores: Record<string, number>): Record<string, number> {
  const schedule = scores['results.schedule'] ?? 0;
  return { ...scores, 'results.schedule': Math.max(0, schedule - 1) };
}

export function demoScore(scores: Record<string, number>, isLeader: boolean): ScoreResult {
  return scoreEvaluation(DEMO_RULE_SET, DEMO_FRAMEWORK, {
    scores,
    facts: { isLeader, disciplinesInYear: [], degradationConcluded: false, corruptionInManagedUnit: false },
  });
}

/**
 * Target grades for the people of one unit (in a stable order): A for at most 25 % (under 3814's 30 %
 * cap, rounded down), then mostly B, some C and a few D.
 */
export function targetGrades(rng: Random, count: number): Grade[] {
  const excellent = Math.floor(count * 0.25);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const grades: Grade[] = new Array(count);
  order.forEach((person, rank) => {
    if (rank < excellent) grades[person] = 'excellent';
    else {
      const r = rng.float();
      grades[person] = r < 0.7 ? 'good' : r < 0.93 ? 'completed' : 'notCompleted';
    }
  });
  return grades;
}
