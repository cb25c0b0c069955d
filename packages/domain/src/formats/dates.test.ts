import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDate,
  calendarDateParts,
  daysInMonth,
  formatCitationDate,
  formatDate,
  formatDocumentDate,
  formatPlaceAndDate,
  isCalendarDate,
  parseDate,
  toExcelSerial,
} from './dates';

const date = (input: unknown, options?: Parameters<typeof parseDate>[1]) => {
  const result = parseDate(input, options);
  return result.ok ? result.date : result.failure.rule;
};

/** Any day from 1900-01-01 to 2100-12-31 as 'YYYY-MM-DD', with an independent oracle (Date in UTC). */
const anyDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('parseDate: text typed by users or found in Excel cells', () => {
  it('reads dd/mm/yyyy and d/m/yyyy, with /, - or . and stray spaces', () => {
    for (const text of [
      '03/04/2018',
      '3/4/2018',
      '03-04-2018',
      '3.4.2018',
      ' 03 / 04 / 2018 ',
      '03.04.2018',
    ]) {
      expect(date(text)).toBe('2018-04-03');
    }
  });

  it('reads ISO yyyy-mm-dd', () => {
    expect(date('2018-04-03')).toBe('2018-04-03');
  });

  it('refuses mixed separators and other shapes', () => {
    for (const text of [
      '03/04-2018',
      '2018/04/03',
      '2018-4-3',
      '3 tháng 4 2018',
      '03042018',
      '3/4/018',
      '3/4/20180',
    ]) {
      expect(date(text)).toBe('format');
    }
  });

  it('refuses impossible days: 31/02/2024, 29/02/2023, 29/02/1900, day 0, month 13', () => {
    expect(date('31/02/2024')).toBe('invalid_date');
    expect(date('29/02/2023')).toBe('invalid_date');
    expect(date('29/02/1900')).toBe('invalid_date'); // 1900 is not a leap year (÷100, not ÷400)
    expect(date('00/01/2020')).toBe('invalid_date');
    expect(date('31/04/2020')).toBe('invalid_date');
    expect(date('15/13/2020')).toBe('invalid_date');
    expect(date('2020-02-30')).toBe('invalid_date');
  });

  it('accepts 29/02 in leap years, 2000 included', () => {
    expect(date('29/02/2024')).toBe('2024-02-29');
    expect(date('29/02/2000')).toBe('2000-02-29');
  });

  it('refuses two-digit years: "18" could be 1918 or 2018', () => {
    expect(date('3/4/18')).toBe('two_digit_year');
    expect(date('03-04-98')).toBe('two_digit_year');
  });

  it('refuses years before 1900 or after 2100, unless the caller widens the range', () => {
    expect(date('31/12/1899')).toBe('year_range');
    expect(date('01/01/2101')).toBe('year_range');
    expect(date('01/01/1900')).toBe('1900-01-01');
    expect(date('31/12/2100')).toBe('2100-12-31');
    expect(date('02/09/1890', { minYear: 1850 })).toBe('1890-09-02');
  });

  it('tells missing values and values of the wrong type apart', () => {
    for (const empty of ['', '   ', null, undefined]) expect(date(empty)).toBe('empty');
    for (const wrong of [{}, true, [], Number.NaN, Number.POSITIVE_INFINITY, new Date('nope')]) {
      expect(date(wrong)).toBe('invalid_type');
    }
  });

  it('explains every failure in Vietnamese and English', () => {
    const result = parseDate('31/02/2024');
    expect(result).toEqual({
      ok: false,
      failure: {
        rule: 'invalid_date',
        vi: 'Ngày 31/02/2024 không tồn tại.',
        en: 'The date 31/02/2024 does not exist.',
      },
    });
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseDate(input);
        if (!result.ok) expect(result.failure.vi && result.failure.en).toBeTruthy();
        else expect(isCalendarDate(result.date)).toBe(true);
      }),
    );
  });
});

describe('parseDate: Excel serial numbers (1900 date system)', () => {
  it('counts serial 1 as 1900-01-01 and 45658 as 2025-01-01', () => {
    expect(date(1)).toBe('1900-01-01');
    expect(date(45658)).toBe('2025-01-01');
    expect(date(43193)).toBe('2018-04-03');
  });

  it("refuses serial 60, Excel's 29/02/1900 that never existed, and steps over it", () => {
    expect(date(59)).toBe('1900-02-28');
    expect(date(60)).toBe('excel_serial');
    expect(date(61)).toBe('1900-03-01');
  });

  it('drops the time of day and refuses serials below 1', () => {
    expect(date(45658.75)).toBe('2025-01-01');
    expect(date(0)).toBe('excel_serial');
    expect(date(-3)).toBe('excel_serial');
    expect(date(2_958_465)).toBe('year_range'); // 9999-12-31
  });

  it('reads the 1904 date system of old Mac workbooks', () => {
    expect(date(0, { excelDateSystem: 1904 })).toBe('1904-01-01');
    expect(date(45658 - 1462, { excelDateSystem: 1904 })).toBe('2025-01-01');
    expect(toExcelSerial('2025-01-01', 1904)).toBe(45658 - 1462);
  });

  it('refuses to write a day Excel cannot hold', () => {
    expect(toExcelSerial('1900-01-01')).toBe(1);
    expect(toExcelSerial('1900-03-01')).toBe(61);
    expect(() => toExcelSerial('1899-12-31')).toThrow(RangeError);
    expect(() => toExcelSerial('1903-12-31', 1904)).toThrow(RangeError);
  });

  it('writes serials that read back as the same day, and agree with day counts from 1899-12-30', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const serial = toExcelSerial(day);
        expect(date(serial)).toBe(day);
        if (day >= '1904-01-01') expect(date(toExcelSerial(day, 1904), { excelDateSystem: 1904 })).toBe(day);
        if (day >= '1900-03-01') {
          expect(serial).toBe((Date.parse(`${day}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
        }
      }),
    );
  });
});

describe('parseDate: JavaScript dates', () => {
  it('takes the UTC day by default, as ExcelJS gives date cells at midnight UTC', () => {
    expect(date(new Date(Date.UTC(2018, 3, 3)))).toBe('2018-04-03');
    expect(date(new Date('2018-04-03T23:30:00Z'))).toBe('2018-04-03');
  });

  it('takes the local day when asked', () => {
    expect(date(new Date(2018, 3, 3, 0, 30), { dateZone: 'local' })).toBe('2018-04-03');
  });

  it('reads any day of the supported range', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(date(new Date(`${day}T12:00:00Z`))).toBe(day);
      }),
    );
  });
});

describe('formatDate: dd/mm/yyyy with leading zeros', () => {
  it('writes "03/04/2018"', () => {
    expect(formatDate('2018-04-03')).toBe('03/04/2018');
    expect(formatDate('2024-12-25')).toBe('25/12/2024');
  });

  it('reads back as the same day', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(date(formatDate(day))).toBe(day);
      }),
    );
  });

  it('refuses what is not a calendar date', () => {
    expect(() => formatDate('2018-02-30')).toThrow(RangeError);
    expect(() => formatDate('03/04/2018')).toThrow(RangeError);
  });
});

describe('official dates (Decree 30/2020 rule, followed by 36-HD/VPTW examples)', () => {
  it('pads a day below 10 and the months 1 and 2, not months 3–12', () => {
    expect(formatDocumentDate('2018-04-03')).toBe('ngày 03 tháng 4 năm 2018');
    expect(formatDocumentDate('2018-02-20')).toBe('ngày 20 tháng 02 năm 2018');
    expect(formatDocumentDate('2024-01-05')).toBe('ngày 05 tháng 01 năm 2024');
    expect(formatDocumentDate('2024-10-10')).toBe('ngày 10 tháng 10 năm 2024');
    expect(formatDocumentDate('2024-12-31')).toBe('ngày 31 tháng 12 năm 2024');
  });

  it('writes the place-and-date line of a header', () => {
    expect(formatPlaceAndDate('Hà Nội', '2018-04-03')).toBe('Hà Nội, ngày 03 tháng 4 năm 2018');
    expect(formatPlaceAndDate(' Hạ Long ', '2018-02-20')).toBe('Hạ Long, ngày 20 tháng 02 năm 2018');
  });

  it('cites dates in running text with the same rule ("ngày 08/3/2018", "01-10-1997")', () => {
    expect(formatCitationDate('2018-03-08')).toBe('08/3/2018');
    expect(formatCitationDate('2017-06-05')).toBe('05/6/2017');
    expect(formatCitationDate('2024-02-01')).toBe('01/02/2024');
    expect(formatCitationDate('1997-10-01', '-')).toBe('01-10-1997');
  });

  it('never groups the year', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        expect(formatDocumentDate(day)).toMatch(/^ngày \d\d tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$/);
      }),
    );
  });
});

describe('calendar date helpers', () => {
  it('knows the length of every month', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it('checks and splits YYYY-MM-DD strings', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-9')).toBe(false);
    expect(calendarDateParts('2018-04-03')).toEqual({ year: 2018, month: 4, day: 3 });
  });

  it('validates API dates with the same rules and a Vietnamese message', () => {
    expect(CalendarDate.safeParse('2018-04-03').success).toBe(true);
    const impossible = CalendarDate.safeParse('2024-02-30');
    expect(impossible.success).toBe(false);
    expect(impossible.error?.issues[0]?.message).toBe('Ngày 30/02/2024 không tồn tại.');
    expect(CalendarDate.safeParse('03/04/2018').success).toBe(false);
    expect(CalendarDate.safeParse('1850-01-01').success).toBe(false);
  });
});
