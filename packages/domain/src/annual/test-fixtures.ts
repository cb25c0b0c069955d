import type { Grade } from '../evaluation/types';
import type { PeriodResult } from './types';

/** Shared by the tests of this folder; not exported from the package. */

/** A month of 2025 (1–12) with a total and its grade (by points unless given). */
export function month(index: number, total: number | null, grade?: Grade | null): PeriodResult {
  const mm = String(index).padStart(2, '0');
  const byPoints: Grade | null =
    total === null
      ? null
      : total >= 90
        ? 'excellent'
        : total >= 70
          ? 'good'
          : total >= 50
            ? 'completed'
            : 'notCompleted';
  return {
    periodStart: `2025-${mm}-01`,
    periodEnd: `2025-${mm}-28`,
    ruleSetId: 'hn-3814-2018',
    total,
    grade: grade === undefined ? byPoints : grade,
  };
}

/** A quarter of 2026 (1–4) under Decree 335. */
export function quarter(index: number, total: number | null): PeriodResult {
  const mm = String(index * 3 - 2).padStart(2, '0');
  return {
    periodStart: `2026-${mm}-01`,
    periodEnd: `2026-${mm}-28`,
    ruleSetId: 'nd-335-2025',
    total,
    grade: null,
  };
}

/** Twelve months of 2025 with the given totals. */
export function months(totals: readonly (number | null)[]): PeriodResult[] {
  return totals.map((total, i) => month(i + 1, total));
}
