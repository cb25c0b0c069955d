import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs whose first 48 bits are the time in milliseconds', () => {
    const id = newId(1_700_000_000_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(1_700_000_000_000);
  });

  it('orders by time and never repeats', () => {
    expect(newId(1_000) < newId(2_000)).toBe(true);
    const many = new Set(Array.from({ length: 10_000 }, () => newId(5_000)));
    expect(many.size).toBe(10_000);
  });
});
