import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DATE } from './format';

dayjs.extend(customParseFormat);

/** Formats a DatePicker accepts as typed: the first one is also how dates are shown (dd/mm/yyyy). */
export const DATE_INPUT_FORMATS = [DATE, 'D/M/YYYY', 'DDMMYYYY', 'YYYY-MM-DD'];

/** Today's calendar date in Việt Nam (UTC+7), the day the server calls "today". */
export function todayInVietnam(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' for the API, or undefined for an empty picker. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value?.isValid() ? value.format('YYYY-MM-DD') : undefined;
}

/** A picker value from an API date; undefined for none. */
export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value, 'YYYY-MM-DD', true);
  return d.isValid() ? d : undefined;
}

/** True for a 'YYYY-MM-DD' string naming a real day. */
export function isIsoDate(value: string | null | undefined): value is string {
  return Boolean(value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid());
}

/** DatePicker `disabledDate` for dates that may not lie after today (Việt Nam time). */
export function afterToday(current: Dayjs): boolean {
  return current.format('YYYY-MM-DD') > todayInVietnam();
}
