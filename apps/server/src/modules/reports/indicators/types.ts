import type {
  BilingualLabel,
  IndicatorColumn,
  IndicatorDefinition,
  IndicatorHeadline,
  IndicatorRow,
  IndicatorUnit,
} from '@canbo/domain';
import { percentValue } from '@canbo/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Subtree } from './subtree';

/** What a computation receives: the subtree already resolved and checked against the caller's scope. */
export interface IndicatorInput {
  db: Kysely<DB>;
  tenantId: string;
  subtree: Subtree;
  from: string;
  to: string;
  asOf: string;
  /** Ages at which a new tier begins (age tiers only). */
  bands: number[];
}

export interface ComputedTable {
  columns: IndicatorColumn[];
  rows: IndicatorRow[];
  total: Record<string, number | null> | null;
}

/** The headline of an indicator (docs/REPORTS.md, "Headlines"): what it is and how to read it off a table. */
export interface Headline extends IndicatorHeadline {
  valueOf(table: ComputedTable): number | null;
}

export interface Indicator extends Omit<IndicatorDefinition, 'headline'> {
  headline?: Headline;
  compute(input: IndicatorInput): Promise<ComputedTable>;
}

export const text = (vi: string, en: string): BilingualLabel => ({ vi, en });

export const dimension = (key: string, vi: string, en: string): IndicatorColumn => ({
  key,
  label: text(vi, en),
  kind: 'dimension',
  unit: null,
});

export const measure = (key: string, vi: string, en: string, unit: IndicatorUnit): IndicatorColumn => ({
  key,
  label: text(vi, en),
  kind: 'measure',
  unit,
});

export const SHARE = measure('share', 'Tỷ lệ', 'Share', 'percent');

/**
 * Counts by one dimension, in the order of `labels` (codes without a label come after, by code), with
 * each row's share of the total computed once from the integers (half up, two decimals).
 */
export function countsByCode(
  key: string,
  column: IndicatorColumn,
  countColumn: IndicatorColumn,
  counts: ReadonlyMap<string, number>,
  labels: Readonly<Record<string, BilingualLabel>>,
  options: { keepEmpty?: boolean } = {},
): ComputedTable {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const known = Object.keys(labels);
  const codes = [
    ...known.filter((c) => options.keepEmpty !== false || counts.has(c)),
    ...[...counts.keys()].filter((c) => !known.includes(c)).sort(),
  ];
  const rows = codes.map((code) => {
    const n = counts.get(code) ?? 0;
    return {
      values: { [key]: code, [countColumn.key]: n, share: percentValue(n, total) },
      labels: { [key]: labels[code] ?? text(code, code) },
    };
  });
  return {
    columns: [column, countColumn, SHARE],
    rows,
    total: { [countColumn.key]: total, share: total === 0 ? null : 100 },
  };
}

/** Sums of `keys` over the rows. */
export function sums(rows: IndicatorRow[], keys: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of keys)
    out[k] = rows.reduce((a, r) => a + (typeof r.values[k] === 'number' ? (r.values[k] as number) : 0), 0);
  return out;
}

/** A headline read off the total row: a count ("people") or a share computed there. */
export function totalHeadline(key: string, vi: string, en: string, unit: IndicatorUnit): Headline {
  return { key, label: text(vi, en), unit, valueOf: (table) => table.total?.[key] ?? null };
}

/**
 * A share headline: the rows `part` picks over the rows `whole` picks (all rows by default), summed
 * on `count` and divided once (half up, two decimals); null on 0/0.
 */
export function shareHeadline(
  key: string,
  vi: string,
  en: string,
  count: string,
  part: (row: IndicatorRow, index: number) => boolean,
  whole: (row: IndicatorRow) => boolean = () => true,
): Headline {
  return {
    key,
    label: text(vi, en),
    unit: 'percent',
    valueOf: (table) => {
      const wholeRows = table.rows.filter(whole);
      const [n] = Object.values(sums(wholeRows.filter(part), [count]));
      const [d] = Object.values(sums(wholeRows, [count]));
      return percentValue(n ?? 0, d ?? 0);
    },
  };
}
