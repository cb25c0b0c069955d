import { searchKey } from '@canbo/domain';
import {
  type CellRange,
  type CellValue,
  columnLetters,
  readXlsx,
  type SheetRow,
  XlsxError,
  type XlsxSheet,
  type XlsxWorkbook,
} from '../../documents/xlsx-reader';
import { AppError, BadRequest, type ErrorDetail, RuleViolation } from '../../errors';
import { COLUMNS, type ColumnSpec, IGNORED_HEADERS, type ImportKind, SHEETS } from './columns';

/**
 * An uploaded file → the rows of its data sheet, keyed by column. Everything wrong with the file as
 * a whole (not an .xlsx, no data sheet, a header that does not fit the template, no rows) is refused
 * here with a message naming the problem; problems of single cells are the validators' business.
 */

export interface ImportRow {
  /** The row number Excel shows. */
  number: number;
  values: Record<string, CellValue | undefined>;
}

export interface FoundColumn {
  spec: ColumnSpec;
  /** 0-based column in the sheet. */
  index: number;
  /** The header as written in the file. */
  header: string;
}

export interface ImportTable {
  kind: ImportKind;
  sheet: string;
  date1904: boolean;
  columns: FoundColumn[];
  rows: ImportRow[];
}

export const MAX_ROWS = 200_000;
const HEADER_SEARCH_ROWS = 10;

/** A header as compared: no diacritics, case, "*", bracketed hints or punctuation. */
export function headerKey(text: string): string {
  return searchKey(text.replace(/\([^)]*\)/g, ' ').replace(/[*:;,./\\\-–—_]+/g, ' '));
}

function fileError(code: string, vi: string, en: string): AppError {
  return new BadRequest(code, vi, en);
}

function openWorkbook(bytes: Buffer): XlsxWorkbook {
  if (bytes.length === 0) {
    throw fileError('FILE_EMPTY', 'Tệp rỗng, không có dữ liệu.', 'The file is empty.');
  }
  try {
    return readXlsx(bytes);
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    switch (error.reason) {
      case 'old_excel':
        throw new AppError(
          415,
          'OLD_EXCEL_FORMAT',
          'Tệp là bảng tính Excel 97–2003 (.xls) hoặc có mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu và lưu lại dạng .xlsx.',
          'The file is an Excel 97–2003 (.xls) or password-protected workbook. Open it in Excel, remove the password and save it as .xlsx.',
        );
      case 'too_large':
        throw new AppError(
          413,
          'FILE_TOO_LARGE',
          'Dữ liệu trong tệp quá lớn.',
          'The workbook holds too much data.',
        );
      case 'not_zip':
      case 'not_xlsx':
        throw new AppError(
          415,
          'NOT_XLSX',
          `Tệp không phải bảng tính Excel .xlsx${describe(bytes)}. Hãy dùng tệp mẫu và lưu dạng .xlsx.`,
          `The file is not an Excel .xlsx workbook${describeEn(bytes)}. Use the template and save as .xlsx.`,
        );
      default:
        throw fileError(
          'FILE_CORRUPT',
          'Tệp .xlsx bị hỏng, không đọc được.',
          'The .xlsx file is damaged and cannot be read.',
        );
    }
  }
}

function sniff(bytes: Buffer): 'pdf' | 'text' | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  const head = bytes.subarray(0, 512);
  return head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32) ? 'text' : null;
}
const describe = (bytes: Buffer) =>
  ({ pdf: ' (đây là tệp PDF)', text: ' (đây là tệp văn bản, ví dụ CSV)', none: '' })[sniff(bytes) ?? 'none'];
const describeEn = (bytes: Buffer) =>
  ({ pdf: ' (it is a PDF)', text: ' (it is plain text, e.g. CSV)', none: '' })[sniff(bytes) ?? 'none'];

function findSheet(workbook: XlsxWorkbook, kind: ImportKind): XlsxSheet {
  const { name, aliases } = SHEETS[kind];
  const wanted = [name, ...aliases].map(headerKey);
  const found = workbook.sheetNames.find((n) => wanted.includes(headerKey(n)));
  if (!found) {
    const present = workbook.sheetNames.map((n) => `"${n}"`).join(', ') || '(không có)';
    throw new RuleViolation(
      'SHEET_MISSING',
      `Không có trang tính "${name}" trong tệp (tệp có: ${present}). Hãy dùng tệp mẫu.`,
      `The workbook has no sheet named "${name}" (it has: ${present}). Use the template.`,
      [{ path: 'sheet', message: `Thiếu trang tính "${name}".`, messageEn: `Missing sheet "${name}".` }],
    );
  }
  return workbook.sheet(found)!;
}

function text(value: CellValue | undefined): string {
  return value === undefined || value === null || typeof value === 'object' ? '' : String(value).trim();
}

/** The value shown at (row, col): the first cell of a merged block stands for all of it. */
function mergedValue(
  rows: Map<number, SheetRow>,
  merges: readonly CellRange[],
  row: number,
  col: number,
): string {
  const own = text(rows.get(row)?.cells[col]);
  if (own) return own;
  const block = merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  return block ? text(rows.get(block.top)?.cells[block.left]) : '';
}

interface Layout {
  /** Header rows (1 or 2) and the columns they name. */
  rows: number[];
  headers: { index: number; label: string; spec: ColumnSpec | null; ignored: boolean }[];
  matched: number;
}

function specFor(specs: readonly ColumnSpec[], label: string): ColumnSpec | null {
  const key = headerKey(label);
  if (!key) return null;
  return specs.find((s) => [s.header, ...(s.aliases ?? [])].some((h) => headerKey(h) === key)) ?? null;
}

const IGNORED = new Set(IGNORED_HEADERS.map(headerKey));

function layoutOf(
  specs: readonly ColumnSpec[],
  rows: Map<number, SheetRow>,
  merges: readonly CellRange[],
  top: number,
  depth: 1 | 2,
): Layout {
  if (!rows.get(top)?.cells.some((c) => c !== undefined)) return { rows: [top], headers: [], matched: 0 };
  const width = Math.max(0, ...[top, top + depth - 1].map((r) => rows.get(r)?.cells.length ?? 0));
  const headers: Layout['headers'] = [];
  let group = '';
  for (let col = 0; col < width; col++) {
    const upper = mergedValue(rows, merges, top, col);
    const lower = depth === 2 ? mergedValue(rows, merges, top + 1, col) : '';
    // A group label written once over unmerged cells still covers the sub-headers to its right.
    if (upper) group = upper;
    const parent = upper || (lower ? group : '');
    const candidates = lower && lower !== parent ? [`${parent} ${lower}`.trim(), lower, parent] : [parent];
    const labels = candidates.filter(Boolean);
    if (labels.length === 0) continue;
    const spec = labels.map((l) => specFor(specs, l)).find(Boolean) ?? null;
    const label = spec ? labels.find((l) => specFor(specs, l) === spec)! : labels[0]!;
    headers.push({
      index: col,
      label,
      spec,
      ignored: !spec && labels.some((l) => IGNORED.has(headerKey(l))),
    });
  }
  return {
    rows: depth === 1 ? [top] : [top, top + 1],
    headers,
    matched: headers.filter((h) => h.spec).length,
  };
}

function findLayout(specs: readonly ColumnSpec[], sheet: XlsxSheet): Layout | null {
  const byNumber = new Map(
    sheet.rows.filter((r) => r.number <= HEADER_SEARCH_ROWS + 1).map((r) => [r.number, r]),
  );
  let best: Layout | null = null;
  for (let top = 1; top <= HEADER_SEARCH_ROWS; top++) {
    for (const depth of [1, 2] as const) {
      const layout = layoutOf(specs, byNumber, sheet.merges, top, depth);
      if (layout.matched > (best?.matched ?? 1)) best = layout;
    }
  }
  return best;
}

function headerProblems(kind: ImportKind, layout: Layout | null): ErrorDetail[] {
  const specs = COLUMNS[kind];
  if (!layout) {
    return [
      {
        path: 'header',
        message: 'Không tìm thấy dòng tiêu đề của mẫu.',
        messageEn: 'No header row of the template was found.',
      },
    ];
  }
  const details: ErrorDetail[] = [];
  const found = new Set(layout.headers.flatMap((h) => (h.spec ? [h.spec.key] : [])));
  const missing = specs.filter((s) => s.required === 'always' && !found.has(s.key));
  if (missing.length) {
    const names = missing.map((s) => `"${s.header}"`).join(', ');
    details.push({
      path: 'header',
      message: `Thiếu cột bắt buộc: ${names}.`,
      messageEn: `Required columns are missing: ${names}.`,
    });
  }
  const unknown = layout.headers.filter((h) => !h.spec && !h.ignored);
  if (unknown.length) {
    const names = unknown.map((h) => `"${h.label}" (cột ${columnLetters(h.index)})`).join(', ');
    details.push({
      path: 'header',
      message: `Cột không có trong mẫu: ${names}.`,
      messageEn: `Columns that are not in the template: ${names.replaceAll('cột', 'column')}.`,
    });
  }
  const seen = new Map<string, number>();
  for (const h of layout.headers) if (h.spec) seen.set(h.spec.key, (seen.get(h.spec.key) ?? 0) + 1);
  for (const [key, count] of seen) {
    if (count < 2) continue;
    const header = specs.find((s) => s.key === key)!.header;
    details.push({
      path: 'header',
      message: `Cột "${header}" có ${count} lần.`,
      messageEn: `The column "${header}" appears ${count} times.`,
    });
  }
  return details;
}

/** The row of column numbers many forms print under the header: (1) (2) (3)… */
function isNumberingRow(values: Record<string, CellValue | undefined>): boolean {
  const filled = Object.values(values).filter((v) => v !== undefined);
  return filled.length >= 3 && filled.every((v) => /^\(?\d{1,3}\)?$/.test(String(v).trim()));
}

/** Reads the file and its data sheet; throws an AppError (4xx) for a file that cannot be imported at all. */
export function readImportTable(kind: ImportKind, bytes: Buffer): ImportTable {
  const workbook = openWorkbook(bytes);
  const sheet = findSheet(workbook, kind);
  const layout = findLayout(COLUMNS[kind], sheet);
  const problems = headerProblems(kind, layout);
  if (problems.length || !layout) {
    throw new RuleViolation(
      'HEADER_INVALID',
      `Dòng tiêu đề của trang "${sheet.name}" không đúng mẫu. ${problems.map((p) => p.message).join(' ')}`,
      `The header row of the sheet "${sheet.name}" does not match the template. ${problems.map((p) => p.messageEn).join(' ')}`,
      problems,
    );
  }
  const columns: FoundColumn[] = layout.headers.flatMap((h) =>
    h.spec ? [{ spec: h.spec, index: h.index, header: h.label }] : [],
  );
  const lastHeader = layout.rows[layout.rows.length - 1]!;
  const rows: ImportRow[] = [];
  for (const row of sheet.rows) {
    if (row.number <= lastHeader) continue;
    const values: Record<string, CellValue | undefined> = {};
    let filled = false;
    for (const c of columns) {
      const v = row.cells[c.index];
      if (v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      values[c.spec.key] = v;
      filled = true;
    }
    if (filled && !(row.number === lastHeader + 1 && isNumberingRow(values)))
      rows.push({ number: row.number, values });
  }
  if (rows.length === 0) {
    throw new RuleViolation(
      'NO_ROWS',
      `Trang "${sheet.name}" không có dòng dữ liệu nào.`,
      `The sheet "${sheet.name}" has no data rows.`,
    );
  }
  if (rows.length > MAX_ROWS) {
    throw new RuleViolation(
      'TOO_MANY_ROWS',
      `Tệp có ${rows.length} dòng, nhiều hơn giới hạn ${MAX_ROWS} dòng một lần nhập. Hãy chia thành nhiều tệp.`,
      `The file has ${rows.length} rows, more than the ${MAX_ROWS} allowed in one import. Split it.`,
    );
  }
  return { kind, sheet: sheet.name, date1904: workbook.date1904, columns, rows };
}
