import { describe, expect, it } from 'vitest';
import { serviceMonths } from './service-months';

const YEAR = ['2025-01-01', '2025-12-31'] as const;

describe('serviceMonths: months held inside the review period', () => {
  it('counts a full year as 12, a leap year too', () => {
    expect(serviceMonths([{ start: '2020-05-01', end: null }], ...YEAR)).toBe(12);
    expect(serviceMonths([{ start: '2024-01-01', end: null }], '2024-01-01', '2024-12-31')).toBe(12);
  });

  it('counts whole calendar months date to date: 1/1–30/6 and 15/1–14/7 are 6', () => {
    expect(serviceMonths([{ start: '2025-01-01', end: '2025-06-30' }], ...YEAR)).toBe(6);
    expect(serviceMonths([{ start: '2025-01-15', end: '2025-07-14' }], ...YEAR)).toBe(6);
    expect(serviceMonths([{ start: '2025-07-01', end: null }], ...YEAR)).toBe(6);
  });

  it('counts a day as a share of its own month, two decimals', () => {
    // 1/1–29/6: five months and 29 of June's 30 days.
    expect(serviceMonths([{ start: '2025-01-01', end: '2025-06-29' }], ...YEAR)).toBe(5.97);
    // 1/1–1/7: six months and one of July's 31 days.
    expect(serviceMonths([{ start: '2025-01-01', end: '2025-07-01' }], ...YEAR)).toBe(6.03);
    expect(serviceMonths([{ start: '2025-03-10', end: '2025-03-10' }], ...YEAR)).toBe(0.03);
    expect(serviceMonths([{ start: '2025-02-01', end: '2025-02-14' }], ...YEAR)).toBe(0.5);
    expect(serviceMonths([{ start: '2024-02-01', end: '2024-02-14' }], '2024-01-01', '2024-12-31')).toBe(
      0.48,
    );
  });

  it('clips intervals to the period', () => {
    expect(serviceMonths([{ start: '2019-01-01', end: '2025-03-31' }], ...YEAR)).toBe(3);
    expect(serviceMonths([{ start: '2025-10-01', end: '2026-06-30' }], ...YEAR)).toBe(3);
    expect(serviceMonths([{ start: '2024-01-01', end: '2024-12-31' }], ...YEAR)).toBe(0);
  });

  it('counts overlapping or touching posts once (a concurrent post adds nothing)', () => {
    const posts = [
      { start: '2025-01-01', end: '2025-06-30' },
      { start: '2025-03-01', end: '2025-04-30' },
      { start: '2025-07-01', end: '2025-09-30' },
    ];
    expect(serviceMonths(posts, ...YEAR)).toBe(9);
  });

  it('adds separate stretches (a gap between two posts)', () => {
    const posts = [
      { start: '2025-01-01', end: '2025-03-31' },
      { start: '2025-05-01', end: '2025-07-31' },
    ];
    expect(serviceMonths(posts, ...YEAR)).toBe(6);
  });

  it('ignores an interval that ends before it starts, and no interval is 0', () => {
    expect(serviceMonths([{ start: '2025-05-01', end: '2025-04-01' }], ...YEAR)).toBe(0);
    expect(serviceMonths([], ...YEAR)).toBe(0);
  });

  it('adds the parts of months across a month end (16/1–15/2: 16/31 + 15/28)', () => {
    expect(serviceMonths([{ start: '2025-01-16', end: '2025-02-15' }], ...YEAR)).toBe(1.05);
  });
});
