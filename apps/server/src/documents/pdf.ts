import PDFDocument from 'pdfkit';
import { TINOS } from './charts';

/**
 * A4 PDF in the Party document layout (36-HD/VPTW), the PDF twin of docx.ts: Tinos (metric-compatible
 * with Times New Roman, with the Vietnamese glyphs) embedded, margins top/bottom 20 mm, left 30 mm,
 * right 15 mm, page numbers from page 2 centred in the top margin; the heading block with the issuing
 * body top left ("*" under it, then the number) and "ĐẢNG CỘNG SẢN VIỆT NAM" top right with its rule
 * and the place and date in italics; numbered sections, ruled tables whose header row repeats after a
 * page break, and images (charts).
 */

export const PDF_CONTENT_TYPE = 'application/pdf';

const MM = 72 / 25.4;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const BODY = 14;

export interface PdfTableColumn {
  header: string;
  /** Share of the table's width, in percent. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfHeader {
  superior?: string | null;
  issuer: string;
  /** "Số 12-BC/ĐU". */
  number: string;
  /** "Hà Nội, ngày 03 tháng 4 năm 2018". */
  placeAndDate: string;
}

export interface PdfBuilder {
  partyHeader(header: PdfHeader): void;
  /** The document type name (UPPER, bold) and the subject under it. */
  title(type: string, subject?: string | null): void;
  /** A numbered section heading ("I. TÌNH HÌNH …"), bold. */
  heading(text: string): void;
  /** A sub-heading (the title of a table), bold italic-free, smaller. */
  subheading(text: string): void;
  paragraph(
    text: string,
    options?: {
      italic?: boolean;
      bold?: boolean;
      align?: 'left' | 'center' | 'right' | 'justify';
      size?: number;
    },
  ): void;
  table(
    columns: readonly PdfTableColumn[],
    rows: readonly string[][],
    options?: { boldLastRow?: boolean },
  ): void;
  /** A PNG scaled to `widthShare` of the text width (default 100%), kept whole on one page. */
  image(png: Buffer, options?: { widthShare?: number; caption?: string }): void;
  finish(): Promise<Buffer>;
}

export function createPdf(meta: { title: string; author?: string }): PdfBuilder {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    info: { Title: meta.title, Author: meta.author ?? 'canbo', Creator: 'canbo' },
  });
  doc.registerFont('T', TINOS.regular);
  doc.registerFont('TB', TINOS.bold);
  doc.registerFont('TI', TINOS.italic);
  doc.font('T').fontSize(BODY);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = MARGIN.left;
  const textWidth = () => doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = () => doc.page.height - MARGIN.bottom;
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  function centredBlock(
    x: number,
    width: number,
    lines: { text: string; font: string; size: number; rule?: boolean }[],
    y0: number,
  ) {
    let y = y0;
    for (const line of lines) {
      doc.font(line.font).fontSize(line.size);
      const h = doc.heightOfString(line.text, { width });
      doc.text(line.text, x, y, { width, align: 'center' });
      y += h;
      if (line.rule) {
        const w = Math.min(width, doc.widthOfString(line.text));
        doc
          .moveTo(x + (width - w) / 2, y + 1)
          .lineTo(x + (width + w) / 2, y + 1)
          .lineWidth(0.6)
          .stroke();
        y += 5;
      }
    }
    return y;
  }

  const builder: PdfBuilder = {
    partyHeader(header) {
      const width = textWidth();
      const leftW = width * 0.45;
      const y0 = doc.y;
      const yLeft = centredBlock(
        left,
        leftW,
        [
          ...(header.superior ? [{ text: header.superior.toUpperCase(), font: 'T', size: 14 }] : []),
          { text: header.issuer.toUpperCase(), font: 'TB', size: 14 },
          { text: '*', font: 'T', size: 14 },
          { text: header.number, font: 'T', size: 14 },
        ],
        y0,
      );
      const yRight = centredBlock(
        left + leftW,
        width - leftW,
        [
          { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', font: 'TB', size: 15, rule: true },
          { text: header.placeAndDate, font: 'TI', size: 14 },
        ],
        y0,
      );
      doc.x = left;
      doc.y = Math.max(yLeft, yRight) + 18;
      doc.font('T').fontSize(BODY);
    },

    title(type, subject) {
      ensure(60);
      doc
        .font('TB')
        .fontSize(16)
        .text(type.toUpperCase(), left, doc.y, { width: textWidth(), align: 'center' });
      if (subject) doc.font('TB').fontSize(14).text(subject, { width: textWidth(), align: 'center' });
      doc.moveDown(0.3);
      const w = 60;
      const x = left + (textWidth() - w) / 2;
      doc
        .moveTo(x, doc.y)
        .lineTo(x + w, doc.y)
        .lineWidth(0.6)
        .stroke();
      doc.moveDown(0.8);
      doc.font('T').fontSize(BODY);
    },

    heading(text) {
      ensure(BODY * 4);
      doc.moveDown(0.4);
      doc.font('TB').fontSize(BODY).text(text, left, doc.y, { width: textWidth(), align: 'left' });
      doc.moveDown(0.2);
      doc.font('T');
    },

    subheading(text) {
      ensure(BODY * 4);
      doc.moveDown(0.2);
      doc.font('TB').fontSize(13).text(text, left, doc.y, { width: textWidth() });
      doc.moveDown(0.2);
      doc.font('T').fontSize(BODY);
    },

    paragraph(text, options = {}) {
      const size = options.size ?? BODY;
      doc.font(options.bold ? 'TB' : options.italic ? 'TI' : 'T').fontSize(size);
      ensure(size * 1.6);
      doc.text(text, left, doc.y, {
        width: textWidth(),
        align: options.align ?? 'justify',
        indent: options.align && options.align !== 'justify' ? 0 : 10 * MM,
        paragraphGap: 4,
        lineGap: 2,
      });
      doc.font('T').fontSize(BODY);
    },

    table(columns, rows, options = {}) {
      const size = 12;
      const pad = 4;
      const width = textWidth();
      const widths = columns.map((c) => (c.width / 100) * width);
      const heightOf = (cells: readonly string[], font: string) => {
        doc.font(font).fontSize(size);
        return (
          Math.max(
            ...cells.map((text, i) => doc.heightOfString(text || ' ', { width: widths[i]! - 2 * pad })),
          ) +
          2 * pad
        );
      };
      const drawRow = (cells: readonly string[], font: string, header: boolean) => {
        const h = heightOf(cells, font);
        let x = left;
        const y = doc.y;
        cells.forEach((text, i) => {
          const w = widths[i]!;
          if (header) doc.rect(x, y, w, h).fillColor('#eeeeee').fill().fillColor('black');
          doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('black').stroke();
          doc
            .font(font)
            .fontSize(size)
            .text(text, x + pad, y + pad, {
              width: w - 2 * pad,
              align: header ? 'center' : (columns[i]!.align ?? 'left'),
            });
          x += w;
        });
        doc.x = left;
        doc.y = y + h;
      };
      const headerCells = columns.map((c) => c.header);
      const headerHeight = heightOf(headerCells, 'TB');
      const body = rows.length ? rows : [columns.map(() => '')];
      ensure(headerHeight + heightOf(body[0]!, 'T'));
      drawRow(headerCells, 'TB', true);
      body.forEach((row, index) => {
        const font = options.boldLastRow && index === body.length - 1 ? 'TB' : 'T';
        const cells = columns.map((_, i) => row[i] ?? '');
        if (doc.y + heightOf(cells, font) > bottom()) {
          doc.addPage();
          drawRow(headerCells, 'TB', true);
        }
        drawRow(cells, font, false);
      });
      doc.moveDown(0.6);
      doc.font('T').fontSize(BODY);
    },

    image(png, options = {}) {
      const width = textWidth() * (options.widthShare ?? 1);
      const ratio = png.readUInt32BE(20) / png.readUInt32BE(16);
      const height = width * ratio;
      ensure(height + (options.caption ? 24 : 6));
      const x = left + (textWidth() - width) / 2;
      doc.image(png, x, doc.y, { width, height });
      doc.y += height + 4;
      doc.x = left;
      if (options.caption)
        doc
          .font('TI')
          .fontSize(12)
          .text(options.caption, left, doc.y, { width: textWidth(), align: 'center' });
      doc.moveDown(0.5);
      doc.font('T').fontSize(BODY);
    },

    async finish() {
      const range = doc.bufferedPageRange();
      for (let i = range.start + 1; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const margins = doc.page.margins;
        doc.page.margins = { ...margins, top: 0, bottom: 0 };
        doc
          .font('T')
          .fontSize(13)
          .text(String(i - range.start + 1), left, 10 * MM, {
            width: textWidth(),
            align: 'center',
            lineBreak: false,
          });
        doc.page.margins = margins;
      }
      doc.end();
      return done;
    },
  };
  return builder;
}
