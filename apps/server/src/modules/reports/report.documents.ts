import type { ReportData, ReportRuleSetUse, ReportTableData } from '@canbo/domain';
import { AlignmentType, type FileChild, ImageRun, Paragraph } from 'docx';
import type ExcelJS from 'exceljs';
import type { z } from 'zod';
import { chartPng, type RenderedChart } from '../../documents/charts';
import { a4Document, docxBuffer, paragraph, table, twoColumns } from '../../documents/docx';
import { createPdf } from '../../documents/pdf';
import { newWorkbook, workbookBuffer } from '../../documents/xlsx-writer';

/**
 * The three outputs of a report run (docs/REPORTS.md, "Outputs"), all printed from the same
 * ReportData: .docx in the Party layout (36-HD/VPTW: the committee top left with "*" and the number,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" top right with its rule and the place and date in italics, "BÁO CÁO" and
 * the subject, Times New Roman 14, numbered sections, tables and chart images); PDF with the same
 * content; .xlsx with a sheet per section (counts and percentages as numbers).
 */

const SIZE = 14;
/** Text width of A4 with 30 + 15 mm margins, in the pixels docx sizes images in (96 dpi). */
const IMAGE_WIDTH = 600;

export interface RunFacts {
  unitName: string;
  from: string;
  to: string;
  asOf: string;
  dataReadAt: Date;
  templateName: string;
  ruleSets: z.infer<typeof ReportRuleSetUse>[];
}

const RULE_SOURCE = {
  evaluationCycle: 'Kỳ đánh giá hằng tháng',
  reviewPeriodState: 'Kiểm điểm cuối năm (khối cơ quan)',
  reviewPeriodParty: 'Kiểm điểm cuối năm (khối Đảng)',
} as const;

/** Charts drawn once for both the .docx and the PDF, by section index. */
export function renderCharts(data: ReportData): Map<number, RenderedChart> {
  const out = new Map<number, RenderedChart>();
  data.sections.forEach((s, i) => {
    if (s.chart) out.set(i, chartPng(s.chart, { width: 760, height: 400, pngWidth: 1520 }));
  });
  return out;
}

function widths(t: ReportTableData): number[] {
  const labelColumns = t.align.filter((a) => a === 'left').length;
  const numbers = t.align.length - labelColumns;
  const labelShare = numbers === 0 ? 100 : Math.max(30, 100 - numbers * Math.min(16, 70 / numbers));
  return t.align.map((a) =>
    a === 'left' ? labelShare / Math.max(1, labelColumns) : (100 - labelShare) / numbers,
  );
}

export function reportDocx(data: ReportData, charts: Map<number, RenderedChart>): Promise<Buffer> {
  const left: Paragraph[] = [
    ...(data.superior
      ? [paragraph(data.superior.toUpperCase(), { align: 'center', after: 0 }, { size: SIZE })]
      : []),
    paragraph(data.issuer.toUpperCase(), { align: 'center', after: 0 }, { size: SIZE, bold: true }),
    paragraph('*', { align: 'center', after: 0 }, { size: SIZE }),
    paragraph(data.number, { align: 'center', after: 0 }, { size: SIZE }),
  ];
  const right: Paragraph[] = [
    paragraph(
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      { align: 'center', after: 2, ruleBelow: true },
      { size: 15, bold: true },
    ),
    paragraph(data.placeAndDate, { align: 'center', after: 0 }, { size: SIZE, italics: true }),
  ];
  const body: FileChild[] = [
    twoColumns(left, right),
    paragraph(data.type, { align: 'center', before: 18, after: 0 }, { size: 16, bold: true }),
    paragraph(data.subject, { align: 'center', after: 2 }, { size: SIZE, bold: true }),
    paragraph('-----', { align: 'center', after: 6 }, { size: SIZE }),
    paragraph(data.asOfLine, { align: 'justify', indent: 10, after: 6 }, { size: SIZE, italics: true }),
  ];
  data.sections.forEach((s, i) => {
    body.push(
      paragraph(
        `${s.number}. ${s.title.toLocaleUpperCase('vi')}`,
        { before: 8, after: 4, keepNext: true },
        { size: SIZE, bold: true },
      ),
    );
    if (s.intro) body.push(paragraph(s.intro, { align: 'justify', indent: 10, after: 4 }, { size: SIZE }));
    for (const h of s.highlights)
      body.push(paragraph(`- ${h}`, { align: 'justify', indent: 10, after: 4 }, { size: SIZE }));
    for (const t of s.tables) {
      body.push(
        paragraph(
          t.title,
          { before: 4, after: 2, keepNext: true },
          { size: SIZE, bold: true, italics: true },
        ),
      );
      const w = widths(t);
      body.push(
        table(
          t.headers.map((header, c) => ({ header, width: w[c]! })),
          t.rows,
          { size: 12 },
        ),
      );
    }
    const chart = charts.get(i);
    if (chart) {
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { before: 120, after: 60 },
          children: [
            new ImageRun({
              type: 'png',
              data: chart.png,
              transformation: {
                width: IMAGE_WIDTH,
                height: Math.round((IMAGE_WIDTH * chart.height) / chart.width),
              },
            }),
          ],
        }),
        paragraph(
          `Biểu đồ: ${s.chart?.title ?? s.title}`,
          { align: 'center', after: 6 },
          { size: 12, italics: true },
        ),
      );
    }
  });
  body.push(
    twoColumns(
      [
        paragraph('Nơi nhận:', { before: 16, after: 0 }, { size: SIZE, underline: true }),
        paragraph('- Như trên;', { after: 0 }, { size: 12 }),
        paragraph('- Lưu Văn phòng.', { after: 0 }, { size: 12 }),
      ],
      [paragraph('T/M BAN THƯỜNG VỤ', { align: 'center', before: 16 }, { size: SIZE, bold: true })],
      [50, 50],
    ),
  );
  return docxBuffer(a4Document(body, { title: `${data.type} ${data.subject}` }));
}

export function reportPdf(data: ReportData, charts: Map<number, RenderedChart>): Promise<Buffer> {
  const pdf = createPdf({ title: `${data.type} ${data.subject}` });
  pdf.partyHeader({
    superior: data.superior,
    issuer: data.issuer,
    number: data.number,
    placeAndDate: data.placeAndDate,
  });
  pdf.title(data.type, data.subject);
  pdf.paragraph(data.asOfLine, { italic: true });
  data.sections.forEach((s, i) => {
    pdf.heading(`${s.number}. ${s.title.toLocaleUpperCase('vi')}`);
    if (s.intro) pdf.paragraph(s.intro);
    for (const h of s.highlights) pdf.paragraph(`- ${h}`);
    for (const t of s.tables) {
      pdf.subheading(t.title);
      const w = widths(t);
      pdf.table(
        t.headers.map((header, c) => ({
          header,
          width: w[c]!,
          align: t.align[c] === 'right' ? 'right' : 'left',
        })),
        t.rows,
        { boldLastRow: t.totalRow },
      );
    }
    const chart = charts.get(i);
    if (chart) pdf.image(chart.png, { widthShare: 0.95, caption: `Biểu đồ: ${s.chart?.title ?? s.title}` });
  });
  return pdf.finish();
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted
    .replace(/[:\\/?*[\]]/g, ' ')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 27)} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

const BOLD = { name: 'Times New Roman', size: 12, bold: true } as const;
const THIN = { style: 'thin', color: { argb: 'FF8EA9C1' } } as const;

function writeTable(sheet: ExcelJS.Worksheet, t: ReportTableData) {
  sheet.addRow([]);
  sheet.addRow([t.title]).font = BOLD;
  const header = sheet.addRow(t.headers);
  header.font = BOLD;
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  const percentColumns = t.headers.map((h) => h.endsWith('(%)') || h.endsWith('(điểm %)'));
  t.values.forEach((values, r) => {
    const row = sheet.addRow(values.map((v, c) => (typeof v === 'number' ? v : (t.rows[r]![c] ?? v))));
    if (t.totalRow && r === t.values.length - 1) row.font = BOLD;
    values.forEach((v, c) => {
      if (typeof v === 'number') row.getCell(c + 1).numFmt = percentColumns[c] ? '0.00' : '#,##0';
    });
  });
  const first = header.number;
  for (let r = first; r <= sheet.rowCount; r++)
    for (let c = 1; c <= t.headers.length; c++)
      sheet.getCell(r, c).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

export function reportXlsx(data: ReportData, facts: RunFacts): Promise<Buffer> {
  const workbook = newWorkbook();
  const taken = new Set<string>();
  const info = workbook.addWorksheet(sheetName('Thông tin', taken));
  info.columns = [{ width: 34 }, { width: 80 }];
  const line = (label: string, value: string) => {
    const row = info.addRow([label, value]);
    row.getCell(1).font = BOLD;
  };
  info.addRow([`${data.type} ${data.subject}`]).font = { ...BOLD, size: 14 };
  line('Đơn vị', facts.unitName);
  line('Mẫu báo cáo', facts.templateName);
  line('Kỳ báo cáo', data.asOfLine);
  line('Thời điểm đọc số liệu', facts.dataReadAt.toISOString());
  for (const r of facts.ruleSets)
    line(`Bộ quy tắc (${RULE_SOURCE[r.source]})`, `${r.ruleSetId}: ${r.usedBy.join('; ')}`);

  for (const s of data.sections) {
    const sheet = workbook.addWorksheet(sheetName(`${s.number}. ${s.title}`, taken));
    sheet.columns = [{ width: 40 }, ...Array.from({ length: 12 }, () => ({ width: 16 }))];
    sheet.addRow([`${s.number}. ${s.title.toLocaleUpperCase('vi')}`]).font = { ...BOLD, size: 13 };
    if (s.intro) sheet.addRow([s.intro]);
    for (const h of s.highlights) sheet.addRow([`- ${h}`]);
    for (const t of s.tables) writeTable(sheet, t);
  }
  return workbookBuffer(workbook);
}
