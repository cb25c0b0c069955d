/**
 * Calendar dates (birth, admission to the Party, decisions) as 'YYYY-MM-DD' strings: no time of day
 * and no time zone, so a date typed in Hà Nội never turns into the previous day in UTC. Day counts
 * use integer arithmetic (days from 1970-01-01, proleptic Gregorian), never `Date`.
 */
import { z } from 'zod';

export const MIN_DATE_YEAR = 1900;
export const MAX_DATE_YEAR = 2100;

export interface DateFailure {
  rule:
    | 'empty'
    | 'invalid_type'
    | 'format'
    | 'two_digit_year'
    | 'invalid_date'
    | 'year_range'
    | 'excel_serial';
  vi: string;
  en: string;
}

export type DateParseResult = { ok: true; date: string } | { ok: false; failure: DateFailure };

export interface DateParseOptions {
  minYear?: number;
  maxYear?: number;
  /** The workbook's date system: 1900 (Windows Excel, the default) or 1904 (old Mac workbooks). */
  excelDateSystem?: 1900 | 1904;
  /**
   * Which calendar day a `Date` stands for. ExcelJS reads date cells as midnight UTC, hence the
   * default; use 'local' only for a Date built from local components on the same machine.
   */
  dateZone?: 'utc' | 'local';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function fail(rule: DateFailure['rule'], vi: string, en: string): DateParseResult {
  return { ok: false, failure: { rule, vi, en } };
}

function fromParts(year: number, month: number, day: number, options: DateParseOptions): DateParseResult {
  const minYear = options.minYear ?? MIN_DATE_YEAR;
  const maxYear = options.maxYear ?? MAX_DATE_YEAR;
  if (year < minYear || year > maxYear) {
    return fail(
      'year_range',
      `Năm ${year} nằm ngoài khoảng ${minYear}–${maxYear}.`,
      `The year ${year} is outside ${minYear}–${maxYear}.`,
    );
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(
      'invalid_date',
      `Ngày ${pad(day)}/${pad(month)}/${year} không tồn tại.`,
      `The date ${pad(day)}/${pad(month)}/${year} does not exist.`,
    );
  }
  return { ok: true, date: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

// The serial of 1899-12-30 and 1904-01-01 in days since 1970: Excel's day zero in each system.
const EXCEL_1900_EPOCH = daysFromCivil(1899, 12, 30);
const EXCEL_1904_EPOCH = daysFromCivil(1904, 1, 1);

/**
 * Excel's 1900 date system counts 1900-01-01 as serial 1 and, copying Lotus 1-2-3, has a
 * 1900-02-29 that never existed at serial 60; from serial 61 (1900-03-01) on, serial n is
 * 1899-12-30 plus n days. A fraction is a time of day and is dropped.
 */
function fromExcelSerial(serial: number, options: DateParseOptions): DateParseResult {
  const whole = Math.floor(serial);
  const system = options.excelDateSystem ?? 1900;
  if (system === 1900 && whole === 60) {
    return fail(
      'excel_serial',
      'Số ngày Excel 60 là ngày 29/02/1900, một ngày không có thật.',
      'Excel serial 60 is 29/02/1900, a day that never existed.',
    );
  }
  if (whole < (system === 1900 ? 1 : 0)) {
    return fail(
      'excel_serial',
      `Số ${serial} không phải là ngày Excel hợp lệ.`,
      `${serial} is not a valid Excel date serial.`,
    );
  }
  const days = system === 1904 ? EXCEL_1904_EPOCH + whole : EXCEL_1900_EPOCH + whole + (whole < 60 ? 1 : 0);
  const [year, month, day] = civilFromDays(days);
  return fromParts(year, month, day, options);
}

/** The serial Excel stores for a date, for writing cells; throws for days Excel cannot hold. */
export function toExcelSerial(date: string, system: 1900 | 1904 = 1900): number {
  const { year, month, day } = calendarDateParts(date);
  const days = daysFromCivil(year, month, day);
  const serial = system === 1904 ? days - EXCEL_1904_EPOCH : days - EXCEL_1900_EPOCH;
  const result = system === 1900 && serial < 61 ? serial - 1 : serial;
  if (result < (system === 1900 ? 1 : 0))
    throw new RangeError(`Excel (${system} system) cannot hold ${date}`);
  return result;
}

const DAY_MONTH_YEAR = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function fromText(text: string, options: DateParseOptions): DateParseResult {
  const iso = ISO.exec(text);
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), options);
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy && dmy[4]!.length === 2) {
    return fail(
      'two_digit_year',
      `Năm "${dmy[4]}" phải ghi đủ 4 chữ số.`,
      `The year "${dmy[4]}" must be written with 4 digits.`,
    );
  }
  if (dmy && dmy[4]!.length === 4) return fromParts(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]), options);
  return fail(
    'format',
    `"${text}" không phải là ngày dạng dd/mm/yyyy.`,
    `"${text}" is not a date in the form dd/mm/yyyy.`,
  );
}

/**
 * Reads a date from an import cell or a form: "03/04/2018", "3/4/2018", "03-04-2018", "03.04.2018",
 * ISO "2018-04-03", an Excel serial number, or a `Date`. Refuses impossible days (31/02/2024),
 * two-digit years (is "18" 1918 or 2018?) and years outside 1900–2100 unless options widen them.
 */
export function parseDate(input: unknown, options: DateParseOptions = {}): DateParseResult {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    return fail('empty', 'Chưa nhập ngày.', 'The date is missing.');
  }
  if (typeof input === 'string') return fromText(input.trim(), options);
  if (typeof input === 'number' && Number.isFinite(input)) return fromExcelSerial(input, options);
  if (input instanceof Date && !Number.isNaN(input.getTime())) {
    return options.dateZone === 'local'
      ? fromParts(input.getFullYear(), input.getMonth() + 1, input.getDate(), options)
      : fromParts(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate(), options);
  }
  return fail('invalid_type', 'Giá trị này không phải là ngày.', 'This value is not a date.');
}

/** A valid 'YYYY-MM-DD' date (any year 0000–9999; year ranges are an input rule, see parseDate). */
export function isCalendarDate(value: string): boolean {
  const match = ISO.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** 'YYYY-MM-DD' in API bodies, with the same year range and messages as parseDate. */
export const CalendarDate = z.string().superRefine((value, ctx) => {
  const result = ISO.test(value)
    ? parseDate(value)
    : fail('format', 'Ngày phải có dạng yyyy-mm-dd.', 'The date must be in the form yyyy-mm-dd.');
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.failure.vi, params: result.failure });
});
export type CalendarDate = z.infer<typeof CalendarDate>;

export function calendarDateParts(date: string): { year: number; month: number; day: number } {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** "03/04/2018": day and month always on two digits, for tables and forms. */
export function formatDate(date: string): string {
  const { year, month, day } = calendarDateParts(date);
  return `${pad(day)}/${pad(month)}/${pad(year, 4)}`;
}

/**
 * Day and month as official documents write them. Rule chosen: the one of Decree 30/2020/NĐ-CP,
 * Appendix I, which the examples of Party documents under 36-HD/VPTW follow too ("ngày 03 tháng 4
 * năm 2018", "ngày 20 tháng 02 năm 2018"): a day below 10 and the months 1 and 2 take a leading zero;
 * months 3–12 do not (the zero keeps "1" and "2" from being turned into "11" or "12" by hand).
 */
function officialDayMonth(date: string): { day: string; month: string; year: string } {
  const { year, month, day } = calendarDateParts(date);
  return { day: pad(day), month: month <= 2 ? pad(month) : String(month), year: pad(year, 4) };
}

/** "ngày 03 tháng 4 năm 2018". */
export function formatDocumentDate(date: string): string {
  const { day, month, year } = officialDayMonth(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** The place-and-date line of a document header: "Hà Nội, ngày 03 tháng 4 năm 2018". */
export function formatPlaceAndDate(place: string, date: string): string {
  return `${place.trim()}, ${formatDocumentDate(date)}`;
}

/**
 * A date cited in running text, with the same zero rule: "08/3/2018" ("Quy định số 132-QĐ/TW,
 * ngày 08/3/2018"); older Party texts use hyphens, "01-10-1997".
 */
export function formatCitationDate(date: string, separator: '/' | '-' = '/'): string {
  const { day, month, year } = officialDayMonth(date);
  return [day, month, year].join(separator);
}
