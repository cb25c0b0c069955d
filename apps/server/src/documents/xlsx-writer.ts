import { PassThrough, type Readable } from 'node:stream';
import { stripDiacritics } from '@canbo/domain';
import ExcelJS from 'exceljs';

/**
 * Small writers for the workbooks the app hands out (templates, error reports, exported lists):
 * a sheet whose first row is a styled header (bold, shaded, bordered, wrapped, frozen, filterable)
 * with set column widths. `tableWorkbook` builds in memory (small files: templates, reports);
 * `streamTable` writes rows as they come (exports of a whole city), so memory stays flat.
 */

export interface SheetColumn {
  header: string;
  /** Property of each row object written in this column. */
  key: string;
  /** In characters, as Excel counts them. */
  width: number;
  /** A cell comment on the header (what to type, allowed values). */
  note?: string;
  /** Excel number format of the column's cells, e.g. '@' (text) or 'dd/mm/yyyy'. */
  numFmt?: string;
}

export type RowValues = Record<string, string | number | boolean | Date | null | undefined>;

export const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF8EA9C1' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, bold: true, size: 12 };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 36;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
  });
}

function defineColumns(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): void {
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    style: { font: { name: FONT, size: 12 }, ...(c.numFmt ? { numFmt: c.numFmt } : {}) },
  }));
}

/** A sheet with the header row; rows are added by the caller (`sheet.addRow(values)`). */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly RowValues[] = [],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(sheet, columns);
  const header = sheet.getRow(1);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    if (c.note) cell.note = { texts: [{ text: c.note }] };
  });
  styleHeader(header);
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'canbo';
  workbook.created = new Date();
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One sheet, header and rows, in memory. */
export async function tableWorkbook(
  name: string,
  columns: readonly SheetColumn[],
  rows: readonly RowValues[],
): Promise<Buffer> {
  const workbook = newWorkbook();
  addTableSheet(workbook, name, columns, rows);
  return workbookBuffer(workbook);
}

export interface TableStream {
  /** The .xlsx bytes as they are produced. */
  output: Readable;
  add(row: RowValues): void;
  /** Writes the rest of the file; the output ends after it. */
  finish(): Promise<void>;
  /** Gives up: the output ends with an error (the client sees a broken download, never a partial file as complete). */
  abort(error: Error): void;
}

/** A one-sheet workbook written row by row (ExcelJS's streaming writer). */
export function streamTable(name: string, columns: readonly SheetColumn[]): TableStream {
  const output = new PassThrough();
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  writer.creator = 'canbo';
  const sheet = writer.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(sheet, columns);
  const header = sheet.addRow(columns.map((c) => c.header));
  styleHeader(header);
  header.commit();
  return {
    output,
    add(row) {
      sheet.addRow(row).commit();
    },
    async finish() {
      sheet.commit();
      await writer.commit();
    },
    abort(error) {
      output.destroy(error);
    },
  };
}

/** `Content-Disposition` for a download whose name may hold Vietnamese letters (RFC 6266 / 5987). */
export function attachment(fileName: string): string {
  const ascii = stripDiacritics(fileName).replace(/[^\w.-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
