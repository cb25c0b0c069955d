import {
  formatDecimal,
  formatInteger,
  formatPercent,
  type IndicatorColumn,
  type IndicatorRow,
  type IndicatorUnit,
  NO_FIGURE,
  type ReportChartKind,
  type ReportChartSpec,
  type ReportTableData,
} from '@canbo/domain';
import type { ComputedTable } from './indicators/types';

/**
 * An indicator's computed table as the report prints it (docs/REPORTS.md, "Report builder"):
 * labels instead of codes, counts with a dot between thousands, percentages recomputed once from
 * the integer counts and rounded half up at one or two decimals, a total row, and with the
 * comparison the same period a year earlier ("cùng kỳ") and the change. Also the chart of a table
 * and the sentences written from its figures.
 */

type Values = IndicatorRow['values'];
type Decimals = 1 | 2;

/** Dimensions not printed (the cycle's start date duplicates its label). */
const HIDDEN = new Set(['periodStart']);

const UNIT_WORD: Record<IndicatorUnit, string> = {
  people: 'người',
  units: 'tổ chức',
  percent: '',
  evaluations: 'lượt',
  reviews: 'lượt',
  sessions: '',
  changes: 'lần',
};

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Counts a percent column is the share of: recomputed from them rather than from the rounded value. */
function percentParts(
  key: string,
  values: Values,
  table: ComputedTable,
): [number | null, number | null] | null {
  const v = (k: string) => int(values[k]);
  switch (key) {
    case 'completion':
      return [v('decided'), v('due')];
    case 'compliance': {
      const units = v('units');
      const exceeding = v('exceeding');
      return [units !== null && exceeding !== null ? units - exceeding : null, units];
    }
    case 'consolidatedShare':
      return [v('consolidated'), v('weak')];
    case 'femaleShare':
      return [v('female'), v('total')];
    case 'share': {
      const count = table.columns.find((c) => c.kind === 'measure' && c.unit !== 'percent');
      return count ? [v(count.key), int(table.total?.[count.key])] : null;
    }
    default: {
      const grade = /^(.+)Share$/.exec(key)?.[1];
      return grade && 'graded' in values ? [v(grade), v('graded')] : null;
    }
  }
}

/** The count a percent column is the share of, when it is one column of the table. */
function partKey(key: string, table: ComputedTable): string | null {
  if (key === 'share')
    return table.columns.find((c) => c.kind === 'measure' && c.unit !== 'percent')?.key ?? null;
  if (key === 'consolidatedShare') return 'consolidated';
  if (key === 'femaleShare') return 'female';
  if (key === 'completion') return 'decided';
  return /^(.+)Share$/.exec(key)?.[1] ?? null;
}

export function formatPercentCell(
  key: string,
  values: Values,
  table: ComputedTable,
  decimals: Decimals,
): string {
  const parts = percentParts(key, values, table);
  if (parts && parts[0] !== null && parts[1] !== null) return formatPercent(parts[0], parts[1], decimals);
  const value = values[key];
  return typeof value === 'number' ? `${formatDecimal(value, decimals)}%` : NO_FIGURE;
}

function formatCount(value: unknown): string {
  if (typeof value !== 'number') return NO_FIGURE;
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 2, { trimZeros: true });
}

function signed(value: number, decimals: number): string {
  if (value === 0) return '0';
  const text =
    Number.isInteger(value) && decimals === 0
      ? formatInteger(Math.abs(value))
      : formatDecimal(Math.abs(value), decimals);
  return `${value > 0 ? '+' : '-'}${text}`;
}

const dimensionsOf = (table: ComputedTable) =>
  table.columns.filter((c) => c.kind === 'dimension' && !HIDDEN.has(c.key));
const measuresOf = (table: ComputedTable) => table.columns.filter((c) => c.kind === 'measure');

/** A row's label: its dimension labels joined ("Cá nhân – Đảng"). */
export function rowLabel(row: IndicatorRow, table: ComputedTable): string {
  return dimensionsOf(table)
    .map((d) => row.labels[d.key]?.vi ?? String(row.values[d.key] ?? ''))
    .join(' – ');
}

/** Rows of the same period a year earlier match on their dimensions (cycles on their month). */
function rowKey(values: Values, table: ComputedTable): string {
  return table.columns
    .filter((c) => c.kind === 'dimension' && c.key !== 'cycle' && c.key !== 'year')
    .map((c) =>
      c.key === 'periodStart' ? String(values[c.key] ?? '').slice(5) : String(values[c.key] ?? ''),
    )
    .join('|');
}

export function formatIndicatorTable(
  indicatorId: string,
  title: string,
  table: ComputedTable,
  previous: ComputedTable | null,
  decimals: Decimals,
): ReportTableData {
  const dims = dimensionsOf(table);
  const measures = measuresOf(table);
  // Compared measures: all of them in a narrow table, else the counts only (at most three).
  // A very wide table (more than five measures) compares its first count only.
  const compared = previous
    ? measures.length <= 3
      ? measures
      : measures.filter((m) => m.unit !== 'percent').slice(0, measures.length > 5 ? 1 : 3)
    : [];
  const headers: string[] = [];
  const align: ('left' | 'right')[] = [];
  for (const d of dims) {
    headers.push(d.label.vi);
    align.push('left');
  }
  const cellsOf: ((
    values: Values | null,
    prev: Values | null,
    t: ComputedTable,
    p: ComputedTable | null,
  ) => [string, string | number | null])[] = [];
  const cell = (
    m: IndicatorColumn,
    values: Values | null,
    t: ComputedTable,
  ): [string, string | number | null] => {
    if (!values) return [NO_FIGURE, null];
    const raw = values[m.key] ?? null;
    return [m.unit === 'percent' ? formatPercentCell(m.key, values, t, decimals) : formatCount(raw), raw];
  };
  // A wide table (more than five measures) prints a share beside its count: "12 (41,43%)".
  const merged = new Set(
    measures.length > 5
      ? measures.filter(
          (m, i) => m.unit === 'percent' && i > 0 && partKey(m.key, table) === measures[i - 1]!.key,
        )
      : [],
  );
  for (const [i, m] of measures.entries()) {
    if (merged.has(m)) continue;
    const share = measures[i + 1] && merged.has(measures[i + 1]!) ? measures[i + 1]! : null;
    headers.push(m.unit === 'percent' ? `${m.label.vi} (%)` : share ? `${m.label.vi} (tỷ lệ)` : m.label.vi);
    align.push('right');
    cellsOf.push((values, _prev, t) => {
      const [text, raw] = cell(m, values, t);
      if (!share || !values) return [text, raw];
      const both = `${text} (${cell(share, values, t)[0]})`;
      return [both, both];
    });
    if (!compared.includes(m)) continue;
    headers.push(`${m.label.vi} cùng kỳ`);
    align.push('right');
    cellsOf.push((_values, prev, _t, p) => (p ? cell(m, prev, p) : [NO_FIGURE, null]));
    headers.push(m.unit === 'percent' ? 'Tăng (+), giảm (-) (điểm %)' : 'Tăng (+), giảm (-)');
    align.push('right');
    cellsOf.push((values, prev) => {
      const now = values?.[m.key];
      const before = prev?.[m.key];
      if (typeof now !== 'number' || typeof before !== 'number') return [NO_FIGURE, null];
      const change = m.unit === 'percent' ? Math.round((now - before) * 100) / 100 : now - before;
      return [signed(change, m.unit === 'percent' ? decimals : 0), change];
    });
  }

  const previousRows = new Map((previous?.rows ?? []).map((r) => [rowKey(r.values, previous!), r.values]));
  const rows: string[][] = [];
  const values: (string | number | null)[][] = [];
  for (const row of table.rows) {
    const prev = previous ? (previousRows.get(rowKey(row.values, table)) ?? null) : null;
    const label = dims.map((d) => row.labels[d.key]?.vi ?? String(row.values[d.key] ?? ''));
    const cells = cellsOf.map((f) => f(row.values, prev, table, previous));
    rows.push([...label, ...cells.map((c) => c[0])]);
    values.push([...label, ...cells.map((c) => c[1])]);
  }
  const totalRow = table.total !== null && table.rows.length > 0;
  if (totalRow) {
    const label = dims.map((_, i) => (i === 0 ? 'Tổng số' : ''));
    const cells = cellsOf.map((f) => f(table.total, previous?.total ?? null, table, previous));
    rows.push([...label, ...cells.map((c) => c[0])]);
    values.push([...label, ...cells.map((c) => c[1])]);
  }
  return { indicatorId, title, headers, align, rows, values, totalRow };
}

/** "Tổng số 5 người, trong đó: nam 3 người (60,00%); nữ 2 người (40,00%)." for a count-by-category table. */
export function highlightsOf(
  indicatorId: string,
  unit: IndicatorUnit,
  table: ComputedTable,
  decimals: Decimals,
): string[] {
  const v = (values: Values | null | undefined, k: string) => int(values?.[k]);
  if (indicatorId === 'party.weakOrgs') {
    const weak = v(table.total, 'weak');
    const done = v(table.total, 'consolidated');
    if (!weak || done === null) return [];
    return [
      `Củng cố được ${formatInteger(done)}/${formatInteger(weak)} tổ chức cơ sở đảng yếu kém (đạt ${formatPercent(done, weak, decimals)}).`,
    ];
  }
  if (indicatorId === 'evaluations.completion') {
    const due = v(table.total, 'due');
    const decided = v(table.total, 'decided');
    if (!due || decided === null) return [];
    return [
      `Đã đánh giá, xếp loại ${formatInteger(decided)}/${formatInteger(due)} lượt người phải đánh giá (đạt ${formatPercent(decided, due, decimals)}).`,
    ];
  }
  const measures = measuresOf(table);
  const isCountShare = measures.length === 2 && measures[1]!.key === 'share' && table.total;
  if (!isCountShare) return [];
  const count = measures[0]!.key;
  const total = v(table.total, count);
  if (!total) return [];
  const word = UNIT_WORD[unit] ? ` ${UNIT_WORD[unit]}` : '';
  const parts = table.rows
    .filter((r) => (v(r.values, count) ?? 0) > 0)
    .map((r) => {
      const n = v(r.values, count) ?? 0;
      return `${rowLabel(r, table).toLocaleLowerCase('vi')} ${formatInteger(n)}${word} (${formatPercent(n, total, decimals)})`;
    });
  return [`Tổng số ${formatInteger(total)}${word}, trong đó: ${parts.join('; ')}.`];
}

/** The chart of a section from its first table (and the same period a year earlier for bars). */
export function chartOf(
  kind: ReportChartKind,
  title: string,
  table: ComputedTable,
  previous: ComputedTable | null,
): ReportChartSpec | null {
  if (table.rows.length === 0) return null;
  const categories = table.rows.map((r) => rowLabel(r, table));
  const measures = measuresOf(table);
  const counts = measures.filter((m) => m.unit !== 'percent');
  const percents = measures.filter((m) => m.unit === 'percent');
  const series = (cols: IndicatorColumn[], rows = table.rows) =>
    cols.map((c) => ({
      name: c.label.vi,
      values: rows.map((r) => (typeof r.values[c.key] === 'number' ? (r.values[c.key] as number) : null)),
    }));
  const base = { title, categories };
  switch (kind) {
    case 'pyramid': {
      const male = measures.find((m) => m.key === 'male');
      const female = measures.find((m) => m.key === 'female');
      if (!male || !female) return chartOf('bar', title, table, previous);
      return { ...base, kind, series: series([male, female]), valueUnit: 'count' };
    }
    case 'line':
      return percents.length
        ? { ...base, kind, series: series(percents), valueUnit: 'percent' }
        : { ...base, kind, series: series(counts.slice(0, 4)), valueUnit: 'count' };
    case 'stackedBar': {
      // Parts that have a share column ("excellent" beside "excellentShare") stack into their whole.
      const parts = counts.filter((c) => measures.some((m) => m.key === `${c.key}Share`));
      return { ...base, kind, series: series(parts.length ? parts : counts), valueUnit: 'count' };
    }
    default: {
      const first = counts[0];
      if (!first) return null;
      const now = series([first])[0]!;
      const out = [{ ...now, name: previous && kind === 'bar' ? 'Kỳ báo cáo' : now.name }];
      if (previous && kind === 'bar') {
        const byKey = new Map(previous.rows.map((r) => [rowKey(r.values, previous), r.values[first.key]]));
        out.push({
          name: 'Cùng kỳ năm trước',
          values: table.rows.map((r) => {
            const p = byKey.get(rowKey(r.values, table));
            return typeof p === 'number' ? p : null;
          }),
        });
      }
      return { ...base, kind, series: out, valueUnit: 'count' };
    }
  }
}
