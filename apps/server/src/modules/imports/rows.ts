import { type CellValue, columnLetters } from '../../documents/xlsx-reader';
import { type CellContext, type CellMessage, displayValue, parseCell } from './cells';
import type { ColumnSpec } from './columns';
import type { ImportRow, ImportTable } from './sheet';

/** One problem of one cell (or of a row as a whole): what the error report lists. */
export interface RowIssue {
  /** Row number as Excel shows it. */
  row: number;
  /** The column's header (as in the template). */
  column: string;
  /** Cell reference such as "F40000"; null when the column is not in the file. */
  cell: string | null;
  value: string;
  message: string;
  messageEn: string;
}

export type Value = string | number | boolean;

/** A row whose cells were read: typed values of the cells that were valid. */
export interface ParsedRow {
  number: number;
  values: Record<string, Value>;
  /** Columns whose cell was refused: later checks that need them skip the row. */
  failed: Set<string>;
}

export interface Issues {
  list: RowIssue[];
  /** Rows that have at least one issue. */
  rows: Set<number>;
  add(row: number, key: string, message: CellMessage): void;
}

/** Collects issues of a table, naming each column as the template does and each cell as Excel does. */
export function issuesOf(
  table: ImportTable,
  specs: readonly ColumnSpec[],
  rowsByNumber: Map<number, ImportRow>,
): Issues {
  const ctx: CellContext = { date1904: table.date1904 };
  const found = new Map(table.columns.map((c) => [c.spec.key, c]));
  const list: RowIssue[] = [];
  const rows = new Set<number>();
  return {
    list,
    rows,
    add(row, key, message) {
      const column = found.get(key);
      const spec = column?.spec ?? specs.find((s) => s.key === key);
      list.push({
        row,
        column: spec?.header ?? key,
        cell: column ? `${columnLetters(column.index)}${row}` : null,
        value: displayValue(rowsByNumber.get(row)?.values[key], ctx),
        message: message.vi,
        messageEn: message.en,
      });
      rows.add(row);
    },
  };
}

/** Distinct values remembered per column: coded columns repeat a handful of values over thousands of rows. */
const MEMO_LIMIT = 5_000;

/** Reads every cell of every row; `progress` is told how many rows are done. */
export function parseRows(table: ImportTable, issues: Issues, progress: (done: number) => void): ParsedRow[] {
  const ctx: CellContext = { date1904: table.date1904 };
  const out: ParsedRow[] = [];
  const memo = new Map(
    table.columns.map((c) => [
      c.spec.key,
      new Map<string | number | boolean, ReturnType<typeof parseCell>>(),
    ]),
  );
  const read = (spec: ColumnSpec, value: CellValue | undefined) => {
    if (value === undefined || value === null || typeof value === 'object')
      return parseCell(spec, value, ctx);
    const seen = memo.get(spec.key)!;
    if (seen.has(value)) return seen.get(value);
    const result = parseCell(spec, value, ctx);
    if (seen.size < MEMO_LIMIT) seen.set(value, result);
    return result;
  };
  table.rows.forEach((row, i) => {
    const parsed: ParsedRow = { number: row.number, values: {}, failed: new Set() };
    for (const { spec } of table.columns) {
      const result = read(spec, row.values[spec.key]);
      if (result === undefined) continue;
      if (result.ok) parsed.values[spec.key] = result.value;
      else {
        parsed.failed.add(spec.key);
        issues.add(row.number, spec.key, result.error);
      }
    }
    for (const { spec } of table.columns) {
      if (
        spec.required === 'always' &&
        parsed.values[spec.key] === undefined &&
        !parsed.failed.has(spec.key)
      ) {
        parsed.failed.add(spec.key);
        issues.add(row.number, spec.key, { vi: 'Chưa nhập (bắt buộc).', en: 'Missing (required).' });
      }
    }
    out.push(parsed);
    if ((i + 1) % 2_000 === 0) progress(i + 1);
  });
  return out;
}

/** A required-for-new-records column left empty on a row that creates a record. */
export function requireForNew(
  issues: Issues,
  row: ParsedRow,
  specs: readonly ColumnSpec[],
  what = { vi: 'hồ sơ mới', en: 'a new record' },
): boolean {
  let complete = true;
  for (const spec of specs) {
    if (spec.required !== 'new' || row.values[spec.key] !== undefined || row.failed.has(spec.key)) continue;
    issues.add(row.number, spec.key, {
      vi: `Chưa nhập (bắt buộc với ${what.vi}).`,
      en: `Missing (required for ${what.en}).`,
    });
    complete = false;
  }
  return complete;
}

/** Where a value first appeared, for "also in row N" messages. */
export function firstSeen<K>(): { seen(key: K, row: number): number | null } {
  const map = new Map<K, number>();
  return {
    seen(key, row) {
      const first = map.get(key);
      if (first !== undefined) return first;
      map.set(key, row);
      return null;
    },
  };
}
