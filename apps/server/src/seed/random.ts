/**
 * Deterministic randomness for the demo data: the same seed gives the same data, byte for byte.
 * Never Math.random here.
 */

/** mulberry32: a small, fast 32-bit PRNG; plenty for synthetic data, not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of two words (murmur3 finaliser), to derive independent streams from one seed. */
export function mix32(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Weighted<T> = readonly (readonly [T, number])[];

export class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** A new generator for a named part of the data, so parts do not shift each other. */
  static stream(seed: number, name: string): Random {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) h = mix32(h, name.charCodeAt(i));
    return new Random(h);
  }

  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Several distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, n);
  }

  weighted<T>(table: WeightedTable<T>): T {
    return table.draw(this.next());
  }

  /** Digits as text, e.g. digits(6) → '048213'. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += Math.floor(this.next() * 10).toString();
    return out;
  }
}

/** A weighted choice prepared once (cumulative weights, binary search). */
export class WeightedTable<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  readonly total: number;

  constructor(entries: Weighted<T>) {
    this.values = entries.map(([v]) => v);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
    this.total = sum;
  }

  draw(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }

  share(value: T): number {
    const i = this.values.indexOf(value);
    if (i < 0) return 0;
    return (this.cumulative[i]! - (i ? this.cumulative[i - 1]! : 0)) / this.total;
  }
}

/**
 * Ids shaped like UUIDv7 (time-ordered, so inserts stay at the right edge of the indexes),
 * derived from the seed and a counter instead of the clock and random bytes: the same seed
 * gives the same ids. The 12-bit field after the version counts within a millisecond (RFC 9562, method 1).
 */
export class SeedIds {
  private counter = 0;
  private readonly baseMs: number;

  constructor(
    private readonly seed: number,
    baseDate: string,
  ) {
    this.baseMs = Date.parse(`${baseDate}T00:00:00Z`);
  }

  next(): string {
    const n = this.counter++;
    const ms = this.baseMs + Math.floor(n / 4096);
    const seq = n % 4096;
    const r1 = mix32(this.seed, n * 2 + 1);
    const r2 = mix32(this.seed ^ 0x5bd1e995, n * 2 + 2);
    const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
    const time = hex(ms, 12);
    const variant = (0x8000 | (r1 & 0x3fff)) >>> 0;
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(seq, 3)}-${hex(variant, 4)}-${hex(r1 >>> 16, 4)}${hex(r2, 8)}`;
  }
}
