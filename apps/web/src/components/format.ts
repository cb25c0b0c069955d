import dayjs from 'dayjs';

/** Vietnamese administrative formats: dd/MM/yyyy, 24-hour clock. */
export const DATE = 'DD/MM/YYYY';
export const DATE_TIME = 'DD/MM/YYYY HH:mm';
export const DATE_TIME_SECONDS = 'DD/MM/YYYY HH:mm:ss';

export function formatDate(value: string | null | undefined, format = DATE): string {
  if (!value) return '—';
  const d = dayjs(value);
  return d.isValid() ? d.format(format) : '—';
}

export const formatDateTime = (value: string | null | undefined) => formatDate(value, DATE_TIME);
export const formatDateTimeSeconds = (value: string | null | undefined) =>
  formatDate(value, DATE_TIME_SECONDS);

/** True while a lock end time lies in the future. */
export function isLocked(lockedUntil: string | null | undefined): boolean {
  return Boolean(lockedUntil && dayjs(lockedUntil).isAfter(dayjs()));
}
