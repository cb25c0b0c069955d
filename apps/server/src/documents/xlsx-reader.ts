import { type CellRange, type CellValue, DateCell, parseSheet, type SheetRow } from './xlsx-sheet';
import { attribute, columnIndex, columnLetters, decodeXml, elements, stringItemText } from './xml';
import { looksLikeZip, openZip, type Zip, ZipError } from './zip';

export {
  type CellRange,
  type CellValue,
  columnIndex,
  columnLetters,
  DateCell,
  decodeXml,
  parseSheet,
  type SheetRow,
};

/**
 * Reads the cell values of an .xlsx workbook (Office Open XML) held in memory. Imports only need
 * values, so this reads the sheet XML with a forward scan instead of building a cell object per
 * value: a 50,000-row sheet reads in well under a second, where a full object model takes many
 * seconds and hundreds of megabytes. Writing workbooks stays with ExcelJS (documents/xlsx-writer).
 *
 * Values: shared and inline strings → string; numbers → number; booleans → boolean; numbers in a
 * cell formatted as a date → DateCell (the serial; `date1904` says which epoch); formulas → their
 * cached result; error cells (#N/A…) → their text. Rows are numbered from 1 and columns from 0.
 */

export interface XlsxSheet {
  name: string;
  rows: SheetRow[];
  merges: CellRange[];
}

export interface XlsxWorkbook {
  sheetNames: string[];
  /** Workbooks made on old Macs count days from 1904. */
  date1904: boolean;
  /** The sheet, parsed on demand; null when there is no sheet of that name. */
  sheet(name: string): XlsxSheet | null;
}

export type XlsxFailure = 'not_zip' | 'old_excel' | 'not_xlsx' | 'corrupt' | 'too_large';

export class XlsxError extends Error {
  constructor(
    readonly reason: XlsxFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Compound File Binary: .xls (Excel 97–2003) and password-protected .xlsx files. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export function readXlsx(bytes: Buffer, options: { maxEntryBytes?: number } = {}): XlsxWorkbook {
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE))
    throw new XlsxError('old_excel', 'an .xls or encrypted workbook');
  if (!looksLikeZip(bytes)) throw new XlsxError('not_zip', 'not a ZIP archive');
  let zip: Zip;
  try {
    zip = openZip(bytes, options);
    return openWorkbook(zip);
  } catch (error) {
    if (error instanceof ZipError) {
      throw new XlsxError(
        error.reason === 'too_large' ? 'too_large' : error.reason === 'not_zip' ? 'not_zip' : 'corrupt',
        error.message,
      );
    }
    throw error;
  }
}

function wrapZip<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ZipError) {
      throw new XlsxError(error.reason === 'too_large' ? 'too_large' : 'corrupt', error.message);
    }
    throw error;
  }
}

// ── workbook parts ───────────────────────────────────────────────────────────────────

function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

function relationships(zip: Zip, partPath: string): Map<string, { target: string; type: string }> {
  const slash = partPath.lastIndexOf('/');
  const relsPath = `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
  const xml = zip.text(relsPath) ?? '';
  const map = new Map<string, { target: string; type: string }>();
  for (const attrs of elements(xml, 'Relationship')) {
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    if (id && target)
      map.set(id, { target: resolveTarget(partPath, target), type: attribute(attrs, 'Type') ?? '' });
  }
  return map;
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30) and the CJK date formats. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function dateStyles(zip: Zip, stylesPath: string | null): boolean[] {
  const xml = stylesPath ? zip.text(stylesPath) : null;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const attrs of elements(xml, 'numFmt')) {
    const id = Number(attribute(attrs, 'numFmtId'));
    custom.set(id, attribute(attrs, 'formatCode') ?? '');
  }
  const start = xml.search(/<(?:\w+:)?cellXfs\b/);
  if (start < 0) return [];
  const end = xml.search(/<\/(?:\w+:)?cellXfs>/);
  const section = xml.slice(start, end < 0 ? undefined : end);
  const styles: boolean[] = [];
  for (const attrs of elements(section, 'xf')) {
    const id = Number(attribute(attrs, 'numFmtId') ?? 0);
    const code = custom.get(id);
    styles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return styles;
}

function sharedStrings(zip: Zip, path: string | null): string[] {
  const xml = path ? zip.text(path) : null;
  if (!xml) return [];
  const prefix = /<([A-Za-z_][\w.-]*:)?sst\b/.exec(xml)?.[1] ?? '';
  const open = `<${prefix}si`;
  const close = `</${prefix}si>`;
  const plainOpen = `<${prefix}t>`;
  const plainClose = `</${prefix}t>`;
  const out: string[] = [];
  let pos = xml.indexOf(open);
  while (pos >= 0) {
    const tagEnd = xml.indexOf('>', pos);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      out.push('');
      pos = xml.indexOf(open, tagEnd);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) break;
    const inner = xml.slice(tagEnd + 1, end);
    // Most items are one plain <t>: no need for the general (slower) path.
    if (
      inner.startsWith(plainOpen) &&
      inner.endsWith(plainClose) &&
      inner.indexOf('<', plainOpen.length) === inner.length - plainClose.length
    ) {
      out.push(decodeXml(inner.slice(plainOpen.length, inner.length - plainClose.length)));
    } else {
      out.push(stringItemText(inner));
    }
    pos = xml.indexOf(open, end + close.length);
  }
  return out;
}

function openWorkbook(zip: Zip): XlsxWorkbook {
  const rootRels = relationships(zip, '');
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = office?.target ?? 'xl/workbook.xml';
  const workbookXml = zip.text(workbookPath);
  if (!workbookXml || !/<(?:\w+:)?workbook\b/.test(workbookXml)) {
    throw new XlsxError('not_xlsx', 'no workbook part: not an Excel workbook');
  }
  const rels = relationships(zip, workbookPath);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target ?? null;
  const sheets: { name: string; path: string }[] = [];
  for (const attrs of elements(workbookXml, 'sheet')) {
    const name = attribute(attrs, 'name');
    const rid = /\s[A-Za-z_][\w.-]*:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
    const target = rid ? rels.get(rid) : undefined;
    if (name !== null && target?.type.endsWith('/worksheet')) sheets.push({ name, path: target.target });
  }
  const date1904 = /date1904\s*=\s*"(?:1|true)"/.test(workbookXml);
  let strings: string[] | null = null;
  let styles: boolean[] | null = null;
  return {
    sheetNames: sheets.map((s) => s.name),
    date1904,
    sheet(name) {
      const found = sheets.find((s) => s.name === name);
      if (!found) return null;
      return wrapZip(() => {
        strings ??= sharedStrings(zip, byType('/sharedStrings'));
        styles ??= dateStyles(zip, byType('/styles'));
        const xml = zip.text(found.path);
        if (xml === null) throw new XlsxError('corrupt', `the sheet part ${found.path} is missing`);
        return { name, ...parseSheet(xml, strings, styles) };
      });
    },
  };
}
