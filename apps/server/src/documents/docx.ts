import {
  AlignmentType,
  BorderStyle,
  Document,
  type FileChild,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';

/**
 * Helpers for Word documents in the official layouts (Party documents under 36-HD/VPTW, state ones
 * under Decree 30/2020): A4, Times New Roman, sizes given in points and written in half-points.
 * See the notes on layout in docs/IMPORT.md (documents).
 */

export const FONT = 'Times New Roman';
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** docx sizes are half-points: 14 pt → 28. */
export const pt = (points: number) => Math.round(points * 2);

/** Twentieths of a point per millimetre (A4 = 11906 × 16838 twips). */
const mm = (millimetres: number) => Math.round(millimetres * 56.7);

export interface RunOptions {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  allCaps?: boolean;
}

export function run(text: string, options: RunOptions = {}): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(options.size ?? 13),
    bold: options.bold,
    italics: options.italics,
    allCaps: options.allCaps,
    ...(options.underline ? { underline: {} } : {}),
  });
}

export interface ParagraphOptions {
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Space after, in points. */
  after?: number;
  before?: number;
  /** First-line indent in millimetres. */
  indent?: number;
  /** A rule under the paragraph (the line under "ĐẢNG CỘNG SẢN VIỆT NAM"). */
  ruleBelow?: boolean;
  keepNext?: boolean;
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export function paragraph(
  children: ParagraphChild[] | string,
  options: ParagraphOptions = {},
  runOptions: RunOptions = {},
): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children, runOptions)] : children,
    alignment: ALIGN[options.align ?? 'left'],
    // Spacing is in twentieths of a point.
    spacing: { after: (options.after ?? 3) * 20, before: (options.before ?? 0) * 20, line: 276 },
    ...(options.indent ? { indent: { firstLine: mm(options.indent) } } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.ruleBelow
      ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } }
      : {}),
  });
}

/** "Label: value" with the label plain and the value bold (a numbered field of a form). */
export function field(
  label: string,
  value: string | null | undefined,
  options: { size?: number } = {},
): Paragraph {
  const size = options.size ?? 13;
  return paragraph(
    [run(`${label}: `, { size }), run(value?.trim() ? value : '……………', { size, bold: !!value })],
    { after: 2 },
  );
}

/** Several "label: value" pairs on one line (e.g. "Sinh ngày …  Giới tính …"). */
export function fields(
  pairs: [string, string | null | undefined][],
  options: { size?: number } = {},
): Paragraph {
  const size = options.size ?? 13;
  const children: TextRun[] = [];
  pairs.forEach(([label, value], i) => {
    children.push(
      run(`${i ? '    ' : ''}${label}: `, { size }),
      run(value?.trim() ? value : '……………', { size, bold: !!value }),
    );
  });
  return paragraph(children, { after: 2 });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_CELL_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

/**
 * The heading block of a Party document: the issuing body top left (with "*" under it) and
 * "ĐẢNG CỘNG SẢN VIỆT NAM" top right (15 pt bold, ruled), in a borderless two-column table.
 */
export function partyHeader(options: { superior?: string | null; issuer: string; right?: string[] }): Table {
  const left = [
    ...(options.superior
      ? [paragraph(options.superior.toUpperCase(), { align: 'center', after: 0 }, { size: 14 })]
      : []),
    paragraph(options.issuer.toUpperCase(), { align: 'center', after: 0 }, { size: 14, bold: true }),
    paragraph('*', { align: 'center', after: 0 }, { size: 14 }),
  ];
  const right = [
    paragraph(
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      { align: 'center', after: 2, ruleBelow: true },
      { size: 15, bold: true },
    ),
    ...(options.right ?? []).map((line) =>
      paragraph(line, { align: 'center', after: 0 }, { size: 14, italics: true }),
    ),
  ];
  return twoColumns(left, right);
}

/**
 * The heading block of a state document (Decree 30/2020): the agency top left, the national title
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (13 pt bold) and motto (14 pt bold, ruled) top right.
 */
export function stateHeader(options: { superior?: string | null; issuer: string; right?: string[] }): Table {
  const left = [
    ...(options.superior
      ? [paragraph(options.superior.toUpperCase(), { align: 'center', after: 0 }, { size: 13 })]
      : []),
    paragraph(
      options.issuer.toUpperCase(),
      { align: 'center', after: 0, ruleBelow: true },
      { size: 13, bold: true },
    ),
  ];
  const right = [
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { align: 'center', after: 0 }, { size: 13, bold: true }),
    paragraph(
      'Độc lập - Tự do - Hạnh phúc',
      { align: 'center', after: 2, ruleBelow: true },
      { size: 14, bold: true },
    ),
    ...(options.right ?? []).map((line) =>
      paragraph(line, { align: 'center', after: 0 }, { size: 14, italics: true }),
    ),
  ];
  return twoColumns(left, right, [40, 60]);
}

/** A borderless two-column block (heading blocks, signatures). */
export function twoColumns(
  left: Paragraph[],
  right: Paragraph[],
  widths: [number, number] = [45, 55],
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          new TableCell({
            children: left,
            width: { size: widths[0], type: WidthType.PERCENTAGE },
            borders: NO_CELL_BORDERS,
          }),
          new TableCell({
            children: right,
            width: { size: widths[1], type: WidthType.PERCENTAGE },
            borders: NO_CELL_BORDERS,
          }),
        ],
      }),
    ],
  });
}

export interface TableColumn {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
}

/** A ruled table with a bold header row; an empty body gets one blank row to fill in by hand. */
export function table(
  columns: readonly TableColumn[],
  rows: readonly string[][],
  options: { size?: number } = {},
): Table {
  const size = options.size ?? 12;
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      children: [paragraph(text, { align: bold ? 'center' : 'left', after: 0 }, { size, bold })],
      width: { size: width, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 80, right: 80, top: 40, bottom: 40 },
    });
  const body = rows.length ? rows : [columns.map(() => '')];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c.header, c.width, true)) }),
      ...body.map((r) => new TableRow({ children: columns.map((c, i) => cell(r[i] ?? '', c.width)) })),
    ],
  });
}

/** An A4 document with the official margins (top/bottom 20 mm, left 30 mm, right 15 mm) and Times New Roman 13 pt. */
export function a4Document(children: FileChild[], meta: { title: string }): Document {
  return new Document({
    title: meta.title,
    creator: 'canbo',
    styles: { default: { document: { run: { font: FONT, size: pt(13) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children,
      },
    ],
  });
}

export function docxBuffer(document: Document): Promise<Buffer> {
  return Packer.toBuffer(document);
}
