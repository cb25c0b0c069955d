import { looksLikeZip, openZip, type Zip, ZipError } from './zip';

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

export class DateCell {
  constructor(readonly serial: number) {}
}

export type CellValue = string | number | boolean | DateCell | null;

export interface SheetRow {
  /** 1-based row number as Excel shows it. */
  number: number;
  /** Values by 0-based column; holes for empty cells. */
  cells: CellValue[];
}

/** An inclusive block of cells: rows 1-based, columns 0-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

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
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) throw new XlsxError('old_excel', 'an .xls or encrypted workbook');
  if (!looksLikeZip(bytes)) throw new XlsxError('not_zip', 'not a ZIP archive');
  let zip: Zip;
  try {
    zip = openZip(bytes, options);
    return openWorkbook(zip);
  } catch (error) {
    if (error instanceof ZipError) {
      throw new XlsxError(error.reason === 'too_large' ? 'too_large' : error.reason === 'not_zip' ? 'not_zip' : 'corrupt', error.message);
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

// ── XML helpers ──────────────────────────────────────────────────────────────────────

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeXml(text: string): string {
  let out = text;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(Number.parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : NAMED[name!]!,
    );
  }
  if (out.includes('_x')) out = out.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return out;
}

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(attrs: string, name: string): string | null {
  // Fast path: the form every writer uses (` name="value"`); the regex covers other spacing and quotes.
  const key = ` ${name}="`;
  const at = attrs.indexOf(key);
  if (at >= 0) {
    const end = attrs.indexOf('"', at + key.length);
    return decodeXml(attrs.slice(at + key.length, end));
  }
  if (!attrs.includes(`${name}=`) && !attrs.includes(`${name} =`)) return null;
  let re = ATTRIBUTES.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, re);
  }
  const m = re.exec(attrs);
  return m ? decodeXml(m[1] ?? m[2] ?? '') : null;
}

/** Every element named `local` (any namespace prefix) with its attribute text. */
function* elements(xml: string, local: string): Generator<string> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}(\\s[^>]*)?/?>`, 'g');
  for (const m of xml.matchAll(re)) yield m[1] ?? '';
}

/** Concatenated text of the <t> elements of a string item, phonetic runs left out. */
function stringItemText(xml: string): string {
  const withoutPhonetic = xml.includes('rPh') ? xml.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '') : xml;
  let text = '';
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?t>/g)) text += m[1];
  return decodeXml(text);
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref.trim().toUpperCase());
  return m ? { col: columnIndex(m[1]!), row: Number(m[2]) } : null;
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
    if (id && target) map.set(id, { target: resolveTarget(partPath, target), type: attribute(attrs, 'Type') ?? '' });
  }
  return map;
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30) and the CJK date formats. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

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
    if (inner.startsWith(plainOpen) && inner.endsWith(plainClose) && inner.indexOf('<', plainOpen.length) === inner.length - plainClose.length) {
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
    if (name !== null && target && target.type.endsWith('/worksheet')) sheets.push({ name, path: target.target });
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

// ── the sheet itself ─────────────────────────────────────────────────────────────────

/** The column of a cell reference such as "AB12" at xml[from, to) (0-based), without slicing: it runs for every cell. */
function refColumn(xml: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const code = xml.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + (code - 64);
    else if (code >= 97 && code <= 122) n = n * 26 + (code - 96);
    else if (code !== 36) break;
  }
  return n - 1;
}

/**
 * The r, t and s attributes of a cell's start tag at xml[from, to), read in one pass without
 * building strings for the attributes (a sheet has a million cells). Single-quoted attributes, which
 * no spreadsheet program writes, go through the general reader.
 */
function cellTag(xml: string, from: number, to: number): { col: number; type: string | null; style: number } {
  let col = -1;
  let type: string | null = null;
  let style = 0;
  let i = from;
  while (i < to) {
    const eq = xml.indexOf('="', i);
    if (eq < 0 || eq >= to) break;
    const close = xml.indexOf('"', eq + 2);
    const nameLength = eq - i - 1;
    const name = nameLength === 1 ? xml.charCodeAt(eq - 1) : 0;
    if (name === 114) col = refColumn(xml, eq + 2, close);
    else if (name === 116) type = xml.slice(eq + 2, close);
    else if (name === 115) {
      for (let k = eq + 2; k < close; k++) style = style * 10 + (xml.charCodeAt(k) - 48);
    }
    i = close + 1;
  }
  if (i === from && xml.indexOf("='", from) >= 0 && xml.indexOf("='", from) < to) {
    const attrs = xml.slice(from, to);
    const ref = attribute(attrs, 'r');
    return { col: ref ? refColumn(ref, 0, ref.length) : -1, type: attribute(attrs, 't'), style: Number(attribute(attrs, 's') ?? 0) };
  }
  return { col, type, style };
}

function isTagBoundary(code: number): boolean {
  // whitespace, '>' or '/'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

function cellValue(type: string | null, style: number, inner: string, open: string, close: string, strings: string[], styles: boolean[]): CellValue {
  if (type === 'inlineStr') return stringItemText(inner);
  const vStart = inner.indexOf(open);
  let raw: string | null = null;
  if (vStart >= 0) {
    const gt = inner.indexOf('>', vStart);
    if (inner.charCodeAt(gt - 1) !== 47) {
      const vEnd = inner.indexOf(close, gt);
      raw = inner.slice(gt + 1, vEnd < 0 ? undefined : vEnd);
    }
  }
  if (raw === null) return null;
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'str':
    case 'e':
    case 'd':
      return decodeXml(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    default: {
      const n = Number(raw);
      if (raw.trim() === '' || Number.isNaN(n)) return decodeXml(raw);
      return styles[style] ? new DateCell(n) : n;
    }
  }
}

export function parseSheet(xml: string, strings: string[], styles: boolean[]): { rows: SheetRow[]; merges: CellRange[] } {
  const root = /<([A-Za-z_][\w.-]*:)?worksheet\b/.exec(xml);
  const p = root?.[1] ?? '';
  const rows: SheetRow[] = [];
  const dataStart = xml.indexOf(`<${p}sheetData`);
  const dataEnd = dataStart < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, dataStart);
  const rowOpen = `<${p}row`;
  const rowClose = `</${p}row>`;
  const cellOpen = `<${p}c`;
  const cellClose = `</${p}c>`;
  const valueOpen = `<${p}v`;
  const valueClose = `</${p}v>`;
  let pos = dataStart;
  let previousRow = 0;
  while (dataEnd > 0 && pos >= 0 && pos < dataEnd) {
    const start = xml.indexOf(rowOpen, pos);
    if (start < 0 || start > dataEnd) break;
    if (!isTagBoundary(xml.charCodeAt(start + rowOpen.length))) {
      pos = start + rowOpen.length;
      continue;
    }
    const tagEnd = xml.indexOf('>', start);
    const attrs = xml.slice(start + rowOpen.length, tagEnd);
    const rowNumber = Number(attribute(attrs, 'r') ?? previousRow + 1);
    previousRow = rowNumber;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      pos = tagEnd + 1;
      continue;
    }
    const end = xml.indexOf(rowClose, tagEnd);
    const cells: CellValue[] = [];
    let col = -1;
    let k = tagEnd + 1;
    while (k < end) {
      const c = xml.indexOf(cellOpen, k);
      if (c < 0 || c >= end) break;
      if (!isTagBoundary(xml.charCodeAt(c + cellOpen.length))) {
        k = c + cellOpen.length;
        continue;
      }
      const cTagEnd = xml.indexOf('>', c);
      const tag = cellTag(xml, c + cellOpen.length, cTagEnd);
      col = tag.col >= 0 ? tag.col : col + 1;
      if (xml.charCodeAt(cTagEnd - 1) === 47) {
        k = cTagEnd + 1;
        continue;
      }
      const cEnd = xml.indexOf(cellClose, cTagEnd);
      const inner = xml.slice(cTagEnd + 1, cEnd);
      const value = cellValue(tag.type, tag.style, inner, valueOpen, valueClose, strings, styles);
      if (value !== null && value !== '') cells[col] = value;
      k = cEnd + cellClose.length;
    }
    if (cells.length > 0) rows.push({ number: rowNumber, cells });
    pos = end + rowClose.length;
  }

  const merges: CellRange[] = [];
  // <mergeCells> follows <sheetData>: no need to scan the rows again.
  for (const attrs of elements(dataEnd > 0 ? xml.slice(dataEnd) : xml, 'mergeCell')) {
    const [a, b] = (attribute(attrs, 'ref') ?? '').split(':');
    const from = a ? parseRef(a) : null;
    const to = b ? parseRef(b) : from;
    if (from && to) merges.push({ top: from.row, left: from.col, bottom: to.row, right: to.col });
  }
  return { rows, merges };
}
