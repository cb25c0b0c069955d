/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings for ages and "held today" flags. Today is the date in
 * Việt Nam (UTC+7), whatever the server's time zone.
 */
const VN_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function todayInVietnam(now = new Date()): string {
  return VN_DATE.format(now);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The same day `years` earlier; 29 February becomes 28 February in a common year. */
export function yearsBefore(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) - years;
  let monthDay = date.slice(4);
  if (monthDay === '-02-29' && !isLeap(year)) monthDay = '-02-28';
  return `${String(year).padStart(4, '0')}${monthDay}`;
}

/** Completed years on `on`: someone born on 29 February turns a year older on 1 March in a common year. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Birth dates of the people aged `from`–`to` (inclusive, completed years) on `on`, as a half-open
 * range: `after < birth_date <= onOrBefore`. Either end may be open.
 */
export function birthDateRange(
  on: string,
  from?: number,
  to?: number,
): { onOrBefore?: string; after?: string } {
  return {
    ...(from !== undefined ? { onOrBefore: yearsBefore(on, from) } : {}),
    ...(to !== undefined ? { after: yearsBefore(on, to + 1) } : {}),
  };
}

/** A date-time as the calendar date it was in Việt Nam. */
export function vietnamDateOf(at: Date): string {
  return VN_DATE.format(at);
}
