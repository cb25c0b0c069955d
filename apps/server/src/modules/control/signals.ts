import {
  CONTROL_SIGNALS,
  type ControlSignal,
  type ControlThresholds,
  percentValue,
  type SignalResult,
} from '@canbo/domain';

/**
 * What the SQL aggregates give for one unit of a cycle (control.repository.ts), and the pure step that
 * turns those counts into signals against the unit's thresholds (docs/CONTROL.md). Shares are
 * computed once from the integer counts and rounded half up at two decimals.
 */
export interface UnitFigures {
  unitId: string;
  enrolled: number;
  decided: number;
  selfAssessed: number;
  selfMax: number;
  graded: number;
  excellent: number;
  late: number;
  scored: number;
  reviewSteps: number;
  unchangedSteps: number;
  actSteps: number;
  bulkSteps: number;
  timedSteps: number;
  medianSeconds: number | null;
  reopened: number;
  /** Cluster size → how many clusters of identical score vectors of that size (sizes ≥ the smallest threshold). */
  clusters: ReadonlyMap<number, number>;
  /** The unit's collective grade of the cycle's year, when decided (annual_review, subject organisation). */
  collectiveGrade: string | null;
}

export const emptyFigures = (unitId: string): UnitFigures => ({
  unitId,
  enrolled: 0,
  decided: 0,
  selfAssessed: 0,
  selfMax: 0,
  graded: 0,
  excellent: 0,
  late: 0,
  scored: 0,
  reviewSteps: 0,
  unchangedSteps: 0,
  actSteps: 0,
  bulkSteps: 0,
  timedSteps: 0,
  medianSeconds: null,
  reopened: 0,
  clusters: new Map(),
  collectiveGrade: null,
});

/** The subtree's distribution, for the top-grade comparison. */
export interface SubtreeFigures {
  graded: number;
  excellent: number;
}

const WEAK_COLLECTIVE = ['completed', 'notCompleted'];

/** A self-assessment "at the maximum": every rule set's total is out of 100 (bonus capped). */
export const MAX_TOTAL = 100;

/**
 * percentValue(part, whole) of @canbo/domain (× 100, half up at two decimals), in plain integer
 * arithmetic while the numbers stay exact as doubles (always, for counts of people): the dashboard
 * computes eight shares for each of thousands of units, and the BigInt path costs ~10× more.
 */
export function shareOf(part: number, whole: number): number | null {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || part < 0 || whole < 0 || part > 9e11)
    return percentValue(part, whole);
  if (whole === 0) return null;
  const n = part * 10_000;
  let q = Math.floor(n / whole);
  let r = n - q * whole;
  if (r < 0) {
    q -= 1;
    r += whole;
  } else if (r >= whole) {
    q += 1;
    r -= whole;
  }
  if (2 * r >= whole) q += 1;
  return q / 100;
}

export function evaluateSignals(
  f: UnitFigures,
  t: ControlThresholds,
  subtree: SubtreeFigures,
): SignalResult[] {
  const base = (signal: ControlSignal) => ({
    signal,
    enabled: t.signals[signal].enabled,
    weight: t.signals[signal].weight,
    threshold: t.signals[signal].threshold,
  });
  const enough = (n: number) => n >= t.minSample;
  const share = (signal: ControlSignal, part: number, whole: number, numbers: SignalResult['numbers']) => {
    const value = shareOf(part, whole);
    const b = base(signal);
    return {
      ...b,
      value,
      fired: b.enabled && value !== null && enough(whole) && value >= b.threshold,
      numbers: { count: part, of: whole, ...numbers },
    };
  };

  let inClusters = 0;
  let clusterCount = 0;
  let largest = 0;
  for (const [size, count] of f.clusters) {
    if (size < t.clusterSize) continue;
    inClusters += size * count;
    clusterCount += count;
    largest = Math.max(largest, size);
  }

  const unitShare = shareOf(f.excellent, f.graded);
  const subtreeShare = shareOf(subtree.excellent, subtree.graded);
  const diff =
    unitShare === null || subtreeShare === null ? null : Math.round((unitShare - subtreeShare) * 100) / 100;
  const top = base('topGrade');
  const overSubtree = diff !== null && enough(f.graded) && diff >= top.threshold;
  const weakCollective =
    f.collectiveGrade !== null &&
    WEAK_COLLECTIVE.includes(f.collectiveGrade) &&
    unitShare !== null &&
    unitShare > t.signals.topGrade.weakCollectiveShare;

  const time = base('reviewTime');
  const reopened = base('reopened');

  const results: Record<ControlSignal, SignalResult> = {
    selfMax: share('selfMax', f.selfMax, f.selfAssessed, {}),
    unchangedReview: share('unchangedReview', f.unchangedSteps, f.reviewSteps, {}),
    reviewTime: {
      ...time,
      value: f.medianSeconds === null ? null : Math.round(f.medianSeconds * 10) / 10,
      fired:
        time.enabled && f.medianSeconds !== null && enough(f.timedSteps) && f.medianSeconds < time.threshold,
      numbers: { steps: f.timedSteps },
    },
    bulkApproval: share('bulkApproval', f.bulkSteps, f.actSteps, {}),
    identicalScores: share('identicalScores', inClusters, f.scored, {
      clusters: clusterCount,
      largest,
      clusterSize: t.clusterSize,
    }),
    topGrade: {
      ...top,
      value: diff,
      fired: top.enabled && (overSubtree || weakCollective),
      numbers: {
        excellent: f.excellent,
        graded: f.graded,
        share: unitShare,
        subtreeShare,
        collectiveGrade: f.collectiveGrade,
        weakCollectiveShare: t.signals.topGrade.weakCollectiveShare,
        reason:
          overSubtree && weakCollective
            ? 'both'
            : overSubtree
              ? 'subtree'
              : weakCollective
                ? 'collective'
                : null,
      },
    },
    late: share('late', f.late, f.enrolled, {}),
    reopened: {
      ...reopened,
      value: f.reopened,
      fired: reopened.enabled && f.reopened >= reopened.threshold,
      numbers: { count: f.reopened, of: f.enrolled },
    },
  };
  return CONTROL_SIGNALS.map((s) => results[s]);
}

/** Fired signals and their weight: the unit's place in the ranking. */
export function flagsOf(signals: readonly SignalResult[]): { flags: number; weight: number } {
  const fired = signals.filter((s) => s.fired);
  return { flags: fired.length, weight: fired.reduce((w, s) => w + s.weight, 0) };
}
