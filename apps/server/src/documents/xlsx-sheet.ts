import { attribute, decodeXml, elements, parseRef, stringItemText } from './xml';

/**
 * The rows of one worksheet's XML, read with a forward scan (a sheet may hold a million cells):
 * values by 0-based column, merged ranges. See xlsx-reader.ts for what each value becomes.
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
    return {
      col: ref ? refColumn(ref, 0, ref.length) : -1,
      type: attribute(attrs, 't'),
      style: Number(attribute(attrs, 's') ?? 0),
    };
  }
  return { col, type, style };
}

function isTagBoundary(code: number): boolean {
  // whitespace, '>' or '/'
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 62 || code === 47;
}

function cellValue(
  type: string | null,
  style: number,
  inner: string,
  open: string,
  close: string,
  strings: string[],
  styles: boolean[],
): CellValue {
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

export function parseSheet(
  xml: string,
  strings: string[],
  styles: boolean[],
): { rows: SheetRow[]; merges: CellRange[] } {
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
