import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCountShare,
  formatDecimal,
  formatInteger,
  formatPercent,
  formatPlainInteger,
  formatRatio,
  NO_FIGURE,
  percentUnits,
  percentValue,
} from './numbers';

describe('formatInteger: a dot between thousands', () => {
  it('groups counts ("giảm 3.314 người")', () => {
    expect(formatInteger(3314)).toBe('3.314');
    expect(formatInteger(500_000)).toBe('500.000');
    expect(formatInteger(2_070_000)).toBe('2.070.000');
    expect(formatInteger(999)).toBe('999');
    expect(formatInteger(1000)).toBe('1.000');
    expect(formatInteger(0)).toBe('0');
    expect(formatInteger(-1234)).toBe('-1.234');
    expect(formatInteger(12345678901234567890n)).toBe('12.345.678.901.234.567.890');
  });

  it('refuses what is not an integer, rather than printing a wrong count', () => {
    expect(() => formatInteger(1.5)).toThrow(RangeError);
    expect(() => formatInteger(Number.NaN)).toThrow(RangeError);
    expect(() => formatInteger(2 ** 53)).toThrow(RangeError);
  });

  it('only adds dots: removing them gives the plain digits back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), (n) => {
        const text = formatInteger(n);
        expect(text.replace(/\./g, '')).toBe(n.toString());
        expect(text).toMatch(/^-?\d{1,3}(\.\d{3})*$/);
      }),
    );
  });
});

describe('formatPlainInteger: years and document numbers are never grouped', () => {
  it('writes 2024 as "2024", where a grouped count would read "2.024"', () => {
    expect(formatPlainInteger(2024)).toBe('2024');
    expect(formatInteger(2024)).toBe('2.024');
    expect(`Số ${formatPlainInteger(12)}-BC/TU`).toBe('Số 12-BC/TU');
  });
});

describe('formatPercent: computed once from the counts, rounded half up', () => {
  it('gives the figures of the seeds (29/70 = 41,43%; 373/443 = 84,20%; 4/37 = 10,81%)', () => {
    expect(formatPercent(29, 70)).toBe('41,43%');
    expect(formatPercent(373, 443)).toBe('84,20%');
    expect(formatPercent(4, 37)).toBe('10,81%');
  });

  it('keeps trailing zeros and rounds exact halves up (1/8 = 12,50%; 1/3; 2/3)', () => {
    expect(formatPercent(1, 8)).toBe('12,50%');
    expect(formatPercent(1, 3)).toBe('33,33%');
    expect(formatPercent(2, 3)).toBe('66,67%');
    expect(formatPercent(1, 8, 1)).toBe('12,5%');
    expect(formatPercent(1, 16, 1)).toBe('6,3%'); // 6,25 → 6,3
    expect(formatPercent(1, 200, 0)).toBe('1%'); // 0,5 → 1
    expect(formatPercent(1, 1)).toBe('100,00%');
  });

  it('rounds a negative share half away from zero, like a positive one', () => {
    expect(formatPercent(-1, 16, 1)).toBe('-6,3%');
    expect(formatPercent(1, -16, 1)).toBe('-6,3%');
  });

  it('gets 41425/100000 right where toFixed says 41.42', () => {
    expect(((41425 / 100000) * 100).toFixed(2)).toBe('41.42');
    expect(formatPercent(41425, 100000)).toBe('41,43%');
  });

  it('shows a dash when there is nothing to divide by (0/0, n/0)', () => {
    expect(formatPercent(0, 0)).toBe(NO_FIGURE);
    expect(formatPercent(5, 0)).toBe('—');
    expect(percentValue(0, 0)).toBeNull();
  });

  it('returns the rounded value as a number for spreadsheet cells (41,43% → 41.43)', () => {
    expect(percentValue(29, 70)).toBe(41.43);
    expect(percentValue(1, 8, 1)).toBe(12.5);
    expect(percentUnits(29, 70)).toBe(4143n);
  });

  it('refuses fractional counts and unreasonable decimals', () => {
    expect(() => formatPercent(1.5, 3)).toThrow(RangeError);
    expect(() => formatPercent(1, 3, -1)).toThrow(RangeError);
    expect(() => formatPercent(1, 3, 1.5)).toThrow(RangeError);
    expect(() => formatPercent(1, 3, 11)).toThrow(RangeError);
  });

  it('is within half a unit of the exact share, and an exact half goes up', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 4 }),
        (part, whole, decimals) => {
          const units = percentUnits(part, whole, decimals)!;
          // exact = part·100·10^d / whole; half up means units − ½ ≤ exact < units + ½.
          const exact2 = 2n * BigInt(part) * 100n * 10n ** BigInt(decimals);
          const w = BigInt(whole);
          expect((2n * units - 1n) * w <= exact2).toBe(true);
          expect(exact2 < (2n * units + 1n) * w).toBe(true);
        },
      ),
    );
  });

  it('prints the digits of the rounded value with a comma and no space before %', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (part, whole) => {
        const text = formatPercent(part, whole);
        expect(text).toMatch(/^\d{1,3}(\.\d{3})*,\d{2}%$/);
        expect(text.replace(/[.,%]/g, '')).toBe(percentUnits(part, whole)!.toString().padStart(3, '0'));
      }),
    );
  });
});

describe('formatRatio and formatCountShare', () => {
  it('writes "29/70 (41,43%)" as report tables do', () => {
    expect(formatRatio(29, 70)).toBe('29/70 (41,43%)');
    expect(formatRatio(373, 443)).toBe('373/443 (84,20%)');
    expect(formatRatio(4, 37)).toBe('4/37 (10,81%)');
    expect(formatRatio(143, 501)).toBe('143/501 (28,54%)');
  });

  it('groups large counts and keeps the shape when the total is 0', () => {
    expect(formatRatio(3314, 7447, 1)).toBe('3.314/7.447 (44,5%)');
    expect(formatRatio(0, 0)).toBe('0/0 (—)');
  });

  it('takes decimals as an option, and rounds half up at the last decimal (targets: achieved/target)', () => {
    expect(formatRatio(29, 70, { decimals: 2 })).toBe('29/70 (41,43%)');
    expect(formatRatio(373, 443, {})).toBe('373/443 (84,20%)');
    expect(formatRatio(4, 37, { decimals: 2 })).toBe('4/37 (10,81%)');
    expect(formatRatio(3314, 7447, { decimals: 1 })).toBe('3.314/7.447 (44,5%)');
    // 1/800 = 0,125% exactly: half up gives 0,13% (not banker's 0,12%).
    expect(formatRatio(1, 800)).toBe('1/800 (0,13%)');
    expect(formatRatio(3, 1600, { decimals: 2 })).toBe('3/1.600 (0,19%)');
    expect(formatRatio(12, 0, { decimals: 2 })).toBe('12/0 (—)');
    expect(formatRatio(3314, 3314)).toBe('3.314/3.314 (100,00%)');
  });

  it('writes a count with its unit and share, one decimal: "3.314 người (44,5%)"', () => {
    expect(formatCountShare(3314, 7447, { unit: 'người', decimals: 1 })).toBe('3.314 người (44,5%)');
    expect(formatCountShare(29, 70)).toBe('29 (41,43%)');
  });
});

describe('formatDecimal: measured values such as scores and averages', () => {
  it('rounds half up on the decimal the user sees (1.005 → 1,01; 2.675 → 2,68)', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatDecimal(1.005)).toBe('1,01');
    expect(formatDecimal(2.675)).toBe('2,68');
    expect(formatDecimal(0.1 + 0.2)).toBe('0,30');
    expect(formatDecimal(1234567.891)).toBe('1.234.567,89');
    expect(formatDecimal(-1234.565)).toBe('-1.234,57');
  });

  it('can drop trailing zeros ("85,5", "90")', () => {
    expect(formatDecimal(85.5, 2, { trimZeros: true })).toBe('85,5');
    expect(formatDecimal(90, 2, { trimZeros: true })).toBe('90');
    expect(formatDecimal(1000, 1, { trimZeros: true })).toBe('1.000');
    expect(formatDecimal(1234.5, 0)).toBe('1.235');
  });

  it('handles tiny, huge and non-finite values', () => {
    expect(formatDecimal(-0.001)).toBe('0,00');
    expect(formatDecimal(1.5e-7)).toBe('0,00');
    expect(formatDecimal(1e21, 0)).toBe('1.000.000.000.000.000.000.000');
    expect(formatDecimal(Number.NaN)).toBe(NO_FIGURE);
    expect(formatDecimal(Number.POSITIVE_INFINITY)).toBe(NO_FIGURE);
  });

  it("agrees with Intl.NumberFormat('vi-VN') (half-expand rounding) on any value", () => {
    const intl = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    if (intl.resolvedOptions().locale !== 'vi-VN') return;
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (value) => {
        const ours = formatDecimal(value);
        expect(ours === '0,00' ? intl.format(value).replace(/^-/, '') : intl.format(value)).toBe(ours);
      }),
    );
  });
});
