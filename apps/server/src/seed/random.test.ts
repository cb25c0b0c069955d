import { describe, expect, it } from 'vitest';
import { mulberry32, Random, SeedIds, WeightedTable } from './random';

describe('seeded randomness', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('keeps named streams independent of each other', () => {
    const people = Random.stream(1, 'people');
    const tree = Random.stream(1, 'tree');
    expect(people.int(0, 1e9)).not.toBe(tree.int(0, 1e9));
    expect(Random.stream(1, 'people').int(0, 1e9)).toBe(Random.stream(1, 'people').int(0, 1e9));
  });

  it('draws weighted choices at their shares', () => {
    const table = new WeightedTable([
      ['a', 70],
      ['b', 20],
      ['c', 10],
    ] as const);
    const rng = new Random(5);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[rng.weighted(table)]++;
    expect(counts.a / 20_000).toBeCloseTo(0.7, 1);
    expect(counts.c / 20_000).toBeCloseTo(0.1, 1);
    expect(table.share('b')).toBeCloseTo(0.2, 10);
  });

  it('makes deterministic, unique, well-formed UUIDv7 ids that sort in creation order', () => {
    const ids = new SeedIds(9, '2026-10-01');
    const again = new SeedIds(9, '2026-10-01');
    const list = Array.from({ length: 10_000 }, () => ids.next());
    expect(Array.from({ length: 10_000 }, () => again.next())).toEqual(list);
    expect(new Set(list).size).toBe(list.length);
    for (const id of list.slice(0, 50))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...list].sort()).toEqual(list);
    expect(new SeedIds(10, '2026-10-01').next()).not.toBe(list[0]);
  });
});
