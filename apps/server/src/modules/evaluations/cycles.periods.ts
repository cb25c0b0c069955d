import { daysInMonth } from '@canbo/domain';

/** Calendar arithmetic of evaluation periods on 'YYYY-MM-DD' strings (no time zones involved). */

export type PeriodKind = 'month' | 'quarter';

const pad = (n: number) => String(n).padStart(2, '0');
const ROMAN = ['I', 'II', 'III', 'IV'] as const;

function parts(date: string) {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** A month starts on its 1st; a quarter on 1 January, April, July or October. */
export function isPeriodStart(kind: PeriodKind, date: string): boolean {
  const { month, day } = parts(date);
  return day === 1 && (kind === 'month' || (month - 1) % 3 === 0);
}

export function periodEnd(kind: PeriodKind, start: string): string {
  const { year, month } = parts(start);
  const last = kind === 'month' ? month : month + 2;
  return `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`;
}

/** "Tháng 11/2026", "Quý IV/2026": the label is Vietnamese data, shown as is. */
export function periodLabel(kind: PeriodKind, start: string): string {
  const { year, month } = parts(start);
  return kind === 'month' ? `Tháng ${month}/${year}` : `Quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Defaults counted from the period's last day (docs/EVALUATIONS.md): +3, +6, +9 days; 5 days to complain. */
export function defaultDeadlines(end: string) {
  return {
    selfDue: addDays(end, 3),
    reviewDue: addDays(end, 6),
    decisionDue: addDays(end, 9),
    complaintDays: 5,
  };
}
