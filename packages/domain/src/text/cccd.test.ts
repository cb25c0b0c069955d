import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CCCD_PROVINCE_CODES,
  cccdBirthInfo,
  cccdFromExcelNumber,
  checkCccdAgainstPerson,
  maskCccd,
  validateCccd,
} from './cccd';

const rules = (cccd: string, options?: Parameters<typeof validateCccd>[1]) =>
  validateCccd(cccd, options).map((f) => f.rule);

const provinceCode = fc.constantFrom(...Object.keys(CCCD_PROVINCE_CODES));
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const validCccd = fc
  .tuple(provinceCode, fc.integer({ min: 0, max: 3 }), digits(2), digits(6))
  .map(([place, centurySex, year, rest]) => `${place}${centurySex}${year}${rest}`);

describe('CCCD province codes (Circular 07/2016/TT-BCA, Appendix 1)', () => {
  it('lists the 63 pre-2025 provinces, 001 Hà Nội to 096 Cà Mau, with the published gaps', () => {
    const codes = Object.keys(CCCD_PROVINCE_CODES);
    expect(codes).toHaveLength(63);
    expect(codes.every((c) => /^0\d\d$/.test(c) && c >= '001' && c <= '096')).toBe(true);
    expect(CCCD_PROVINCE_CODES['001']).toBe('Hà Nội');
    expect(CCCD_PROVINCE_CODES['079']).toBe('Hồ Chí Minh');
    expect(CCCD_PROVINCE_CODES['096']).toBe('Cà Mau');
    for (const gap of ['000', '003', '005', '009', '013', '028', '039', '050', '078', '090', '097']) {
      expect(CCCD_PROVINCE_CODES[gap]).toBeUndefined();
    }
  });
});

describe('validateCccd (Decree 137/2015/NĐ-CP, art. 13)', () => {
  it('accepts a well-formed number', () => {
    expect(rules('001089012345')).toEqual([]);
  });

  it('accepts spaces typed inside the number', () => {
    expect(rules(' 001 089 012 345 ')).toEqual([]);
  });

  it('requires exactly 12 digits', () => {
    for (const bad of [
      '',
      '00108901234',
      '0010890123456',
      '00108901234a',
      '001-089-012-345',
      '００１０８９０１２３４５',
    ]) {
      expect(rules(bad)).toEqual(['format']);
    }
  });

  it('refuses a place code that is not in the list', () => {
    expect(rules('003089012345')).toEqual(['place_code']);
    expect(rules('097089012345')).toEqual(['place_code']);
    expect(rules('000089012345')).toEqual(['place_code']);
  });

  it('accepts extra place codes (births registered abroad) when a unit configures them', () => {
    expect(rules('300089012345', { placeCodes: ['300'] })).toEqual([]);
    expect(rules('001089012345', { placeCodes: new Set(['300']) })).toEqual(['place_code']);
  });

  it('refuses century digits 4–9, which mean a birth in 2100 or later', () => {
    for (const digit of [4, 5, 6, 7, 8, 9]) expect(rules(`001${digit}89012345`)).toEqual(['century']);
  });

  it('refuses a birth year in the future when told the current year', () => {
    expect(rules('001226012345', { asOfYear: 2025 })).toEqual(['birth_year']);
    expect(rules('001225012345', { asOfYear: 2025 })).toEqual([]);
  });

  it('reports every broken rule at once, each in Vietnamese and English', () => {
    const failures = validateCccd('003789012345');
    expect(failures.map((f) => f.rule)).toEqual(['place_code', 'century']);
    for (const f of failures) {
      expect(f.vi).toMatch(/\S/);
      expect(f.en).toMatch(/\S/);
    }
  });

  it('accepts every number built from a listed province, century digit 0–3 and any other digits', () => {
    fc.assert(
      fc.property(validCccd, (cccd) => {
        expect(validateCccd(cccd)).toEqual([]);
      }),
    );
  });

  it('never throws and always explains a failure in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(12)), (input) => {
        for (const f of validateCccd(input)) expect(f.vi.length * f.en.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('cccdBirthInfo', () => {
  it('reads place, century, sex and year: 0/1 20th century male/female, 2/3 21st', () => {
    expect(cccdBirthInfo('001089012345')).toEqual({
      placeCode: '001',
      province: 'Hà Nội',
      century: 20,
      sex: 'male',
      birthYear: 1989,
    });
    expect(cccdBirthInfo('079175000001')).toMatchObject({
      province: 'Hồ Chí Minh',
      sex: 'female',
      birthYear: 1975,
    });
    expect(cccdBirthInfo('096203000001')).toMatchObject({
      province: 'Cà Mau',
      century: 21,
      sex: 'male',
      birthYear: 2003,
    });
    expect(cccdBirthInfo('040300000001')).toMatchObject({ century: 21, sex: 'female', birthYear: 2000 });
  });

  it('gives null for an invalid number and no province name for a configured extra code', () => {
    expect(cccdBirthInfo('12345')).toBeNull();
    expect(cccdBirthInfo('300089012345', { placeCodes: ['300'] })?.province).toBeNull();
  });

  it('reads back what the number encodes', () => {
    fc.assert(
      fc.property(
        provinceCode,
        fc.integer({ min: 1900, max: 2099 }),
        fc.constantFrom('male', 'female'),
        digits(6),
        (place, year, sex, rest) => {
          const centurySex = (Math.floor(year / 100) - 19) * 2 + (sex === 'female' ? 1 : 0);
          const info = cccdBirthInfo(`${place}${centurySex}${String(year % 100).padStart(2, '0')}${rest}`);
          expect(info).toMatchObject({ placeCode: place, birthYear: year, sex });
        },
      ),
    );
  });
});

describe('checkCccdAgainstPerson', () => {
  it('flags a sex or birth year that disagrees with the number', () => {
    expect(checkCccdAgainstPerson('001189012345', { sex: 'female', birthYear: 1989 })).toEqual([]);
    expect(
      checkCccdAgainstPerson('001189012345', { sex: 'male', birthYear: 1988 }).map((m) => m.rule),
    ).toEqual(['sex_mismatch', 'birth_year_mismatch']);
  });

  it('says nothing when the facts are unknown or the number is invalid', () => {
    expect(checkCccdAgainstPerson('001189012345', { sex: null })).toEqual([]);
    expect(checkCccdAgainstPerson('bad', { sex: 'male', birthYear: 1900 })).toEqual([]);
  });
});

describe('cccdFromExcelNumber', () => {
  it('restores the leading zeros a numeric Excel cell dropped', () => {
    expect(cccdFromExcelNumber(1089012345)).toBe('001089012345');
    expect(cccdFromExcelNumber(79089012345)).toBe('079089012345');
  });

  it('refuses what cannot be such a number', () => {
    for (const bad of [0, -1, 1.5, 1e12, Number.NaN]) expect(cccdFromExcelNumber(bad)).toBeNull();
  });
});

describe('maskCccd', () => {
  it('keeps the first 3 and last 2 digits of a 12-digit number', () => {
    expect(maskCccd('001089012389')).toBe('001*******89');
    expect(maskCccd('001 089 012 389')).toBe('001*******89');
  });

  it('keeps only the last 2 of other lengths, and nothing of very short input', () => {
    expect(maskCccd('123456789')).toBe('*******89');
    expect(maskCccd('12345')).toBe('*****');
    expect(maskCccd('')).toBe('');
  });

  it('keeps the length and never shows more than 5 characters of the input', () => {
    fc.assert(
      fc.property(fc.oneof(validCccd, fc.string({ unit: fc.constantFrom('0', '1', '9', 'x') })), (input) => {
        const masked = maskCccd(input);
        expect(masked).toHaveLength(input.length);
        expect(masked.replace(/\*/g, '').length).toBeLessThanOrEqual(5);
      }),
    );
  });
});
