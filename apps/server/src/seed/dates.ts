import type { Random } from './random';

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings through day numbers (UTC, no time zones).
 * The demo data is computed as of a fixed date, so the same seed gives the same data on any day.
 */
/** People are 22 to 59 years old on this date, so 22 to 60 for the year after it. */
export const DEMO_AS_OF = '2026-10-01';

const DAY = 86_400_000;

export function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
}

/** Day number → 'YYYY-MM-DD' (the civil-from-days algorithm; much faster than Date for millions of dates). */
export function dateOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** The same calendar day `years` later (29 February → 28 February). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  return `${String(y).padStart(4, '0')}-${md === '02-29' ? '02-28' : md}`;
}

export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** A day in [from, to], both included; `from` wins when the range is empty. */
export function dayBetween(rng: Random, from: number, to: number): number {
  return to <= from ? from : rng.int(from, to);
}

/** Whole years between two dates (age on a date). */
export function yearsBetween(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) years -= 1;
  return years;
}

/** A birth date that makes the person exactly `age` on `asOf`. */
export function birthDateForAge(rng: Random, age: number, asOf: string): string {
  const latest = dayOf(addYears(asOf, -age));
  const earliest = dayOf(addYears(asOf, -age - 1)) + 1;
  return dateOf(dayBetween(rng, earliest, latest));
}
