import { round2 } from '../evaluation/points';
import { dateOfDay, dayNumber } from './dates';

export interface ServiceInterval {
  start: string;
  /** Last day held (inclusive); null = still held. */
  end: string | null;
}

function monthLength(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Months in the days `from`…`to` (inclusive day numbers): each day is 1/(length of its month). */
function stretchMonths(from: number, to: number): number {
  let months = 0;
  let day = from;
  while (day <= to) {
    const [year, month, dayOfMonth] = dateOfDay(day).split('-').map(Number) as [number, number, number];
    const length = monthLength(year, month);
    const lastOfMonth = day + (length - dayOfMonth);
    const until = Math.min(lastOfMonth, to);
    const days = until - day + 1;
    months += days === length ? 1 : days / length;
    day = until + 1;
  }
  return months;
}

/**
 * Months of service inside [periodStart, periodEnd] (both inclusive), two decimals: the union of the
 * days the intervals cover there — overlapping or concurrent posts count once — where each day counts
 * as a share of its own calendar month (a day of February is 1/28). A whole calendar month is exactly
 * 1, so 1/1–30/6 is 6 and a full year 12 whatever its length, and 15/1–14/7 is 6 as well (17/31 + 4 +
 * 14/31 … = 6). Adding a post never lowers the result. Intervals ending before they start are ignored.
 */
export function serviceMonths(
  intervals: readonly ServiceInterval[],
  periodStart: string,
  periodEnd: string,
): number {
  const first = dayNumber(periodStart);
  const last = dayNumber(periodEnd);
  const clipped: [number, number][] = intervals
    .map(({ start, end }): [number, number] => [
      Math.max(dayNumber(start), first),
      Math.min(end === null ? last : dayNumber(end), last),
    ])
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  const stretches: [number, number][] = [];
  for (const [from, to] of clipped) {
    const previous = stretches[stretches.length - 1];
    if (previous && from <= previous[1] + 1) previous[1] = Math.max(previous[1], to);
    else stretches.push([from, to]);
  }
  return round2(stretches.reduce((sum, [from, to]) => sum + stretchMonths(from, to), 0));
}
