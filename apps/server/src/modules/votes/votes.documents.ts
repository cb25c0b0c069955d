import { formatDocumentDate, formatInteger, formatPercent, type VoteResultView } from '@canbo/domain';
import type { Paragraph } from 'docx';
import { a4Document, docxBuffer, paragraph, run, table, twoColumns } from '../../documents/docx';
import { tableWorkbook } from '../../documents/xlsx-writer';

/**
 * The vote result record (biên bản kiểm phiếu) in the Party document layout: the committee top
 * left with its number, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date in italics,
 * Times New Roman 14; then a table per person with the counts and the shares of ballots collected.
 * Also the same figures as a spreadsheet.
 */

const SIZE = 14;

const FLAG_TEXT = {
  none: '',
  removeFromPlanning:
    'Trên 1/2 số phiếu tín nhiệm thấp: đưa ra khỏi quy hoạch chức vụ cao hơn, xem xét cho thôi giữ chức vụ.',
  dismissal: 'Từ 2/3 số phiếu tín nhiệm thấp trở lên: xem xét miễn nhiệm.',
} as const;

export interface RecordHeader {
  superior: string | null;
  documentNumber: string | null;
  place: string | null;
}

function header(result: VoteResultView, meta: RecordHeader) {
  const left: Paragraph[] = [
    ...(meta.superior
      ? [paragraph(meta.superior.toUpperCase(), { align: 'center', after: 0 }, { size: SIZE })]
      : []),
    paragraph(result.unitName.toUpperCase(), { align: 'center', after: 0 }, { size: SIZE, bold: true }),
    paragraph('*', { align: 'center', after: 0 }, { size: SIZE }),
    paragraph(`Số ${meta.documentNumber ?? '……'}`, { align: 'center', after: 0 }, { size: SIZE }),
  ];
  const right: Paragraph[] = [
    paragraph(
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      { align: 'center', after: 2, ruleBelow: true },
      { size: 15, bold: true },
    ),
    paragraph(
      `${meta.place?.trim() || '……'}, ${formatDocumentDate(result.voteDate)}`,
      { align: 'center', after: 0 },
      { size: SIZE, italics: true },
    ),
  ];
  return twoColumns(left, right);
}

const pct = (n: number, of: number) => formatPercent(n, of);

export function resultDocx(result: VoteResultView, meta: RecordHeader): Promise<Buffer> {
  const c = result.collected;
  const body = [
    header(result, meta),
    paragraph('BIÊN BẢN KIỂM PHIẾU', { align: 'center', before: 12, after: 0 }, { size: 16, bold: true }),
    paragraph('lấy phiếu tín nhiệm', { align: 'center', after: 2 }, { size: SIZE, bold: true }),
    paragraph(result.title, { align: 'center', after: 8 }, { size: SIZE, italics: true }),
    paragraph(
      [
        run(`Số người được triệu tập: ${formatInteger(result.summoned)}. `, { size: SIZE }),
        run(`Số phiếu phát ra: ${formatInteger(result.issued)}. `, { size: SIZE }),
        run(`Số phiếu thu về: ${formatInteger(c)}.`, { size: SIZE }),
      ],
      { indent: 10 },
    ),
    paragraph(
      result.void
        ? 'Số người tham gia chưa đạt 2/3 số người được triệu tập: kết quả lấy phiếu không có giá trị.'
        : 'Số người tham gia đạt từ 2/3 số người được triệu tập trở lên: hội nghị đủ điều kiện tiến hành.',
      { indent: 10, after: 6 },
      { size: SIZE, bold: result.void },
    ),
    ...result.people.flatMap((p, i) => [
      paragraph(
        `${i + 1}. ${p.fullName} — ${p.post}`,
        { before: 6, keepNext: true },
        { size: SIZE, bold: true },
      ),
      table(
        [
          { header: 'Nội dung', width: 60 },
          { header: 'Số phiếu', width: 20 },
          { header: 'Tỉ lệ (trên số phiếu thu về)', width: 20 },
        ],
        [
          ['Số phiếu phát ra', formatInteger(result.issued), ''],
          ['Số phiếu thu về', formatInteger(c), ''],
          ['Số phiếu hợp lệ', formatInteger(p.valid), pct(p.valid, c)],
          ['Số phiếu không hợp lệ', formatInteger(p.invalid), pct(p.invalid, c)],
          ['Tín nhiệm cao', formatInteger(p.high), pct(p.high, c)],
          ['Tín nhiệm', formatInteger(p.confidence), pct(p.confidence, c)],
          ['Tín nhiệm thấp', formatInteger(p.low), pct(p.low, c)],
        ],
        { size: SIZE },
      ),
      ...(p.flag !== 'none'
        ? [paragraph(FLAG_TEXT[p.flag], { before: 2 }, { size: SIZE, italics: true })]
        : []),
    ]),
    twoColumns(
      [paragraph('TRƯỞNG BAN KIỂM PHIẾU', { align: 'center', before: 16 }, { size: SIZE, bold: true })],
      [
        paragraph(
          'CÁC THÀNH VIÊN BAN KIỂM PHIẾU',
          { align: 'center', before: 16 },
          { size: SIZE, bold: true },
        ),
      ],
      [50, 50],
    ),
  ];
  return docxBuffer(a4Document(body, { title: `Biên bản kiểm phiếu — ${result.title}` }));
}

export function resultXlsx(result: VoteResultView): Promise<Buffer> {
  const columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: 'Họ và tên', key: 'name', width: 28 },
    { header: 'Chức vụ', key: 'post', width: 32 },
    { header: 'Phiếu phát ra', key: 'issued', width: 10 },
    { header: 'Phiếu thu về', key: 'collected', width: 10 },
    { header: 'Tín nhiệm cao', key: 'high', width: 10 },
    { header: 'Tỉ lệ TN cao (%)', key: 'highP', width: 12, numFmt: '0.00' },
    { header: 'Tín nhiệm', key: 'conf', width: 10 },
    { header: 'Tỉ lệ TN (%)', key: 'confP', width: 12, numFmt: '0.00' },
    { header: 'Tín nhiệm thấp', key: 'low', width: 10 },
    { header: 'Tỉ lệ TN thấp (%)', key: 'lowP', width: 12, numFmt: '0.00' },
    { header: 'Không hợp lệ', key: 'invalid', width: 10 },
    { header: 'Kết luận', key: 'flag', width: 40 },
  ];
  const rows = result.people.map((p, i) => ({
    n: i + 1,
    name: p.fullName,
    post: p.post,
    issued: result.issued,
    collected: result.collected,
    high: p.high,
    highP: p.highPercent,
    conf: p.confidence,
    confP: p.confidencePercent,
    low: p.low,
    lowP: p.lowPercent,
    invalid: p.invalid,
    flag: result.void ? 'Không đủ 2/3 số người được triệu tập: không có giá trị' : FLAG_TEXT[p.flag],
  }));
  return tableWorkbook('Kết quả', columns, rows);
}
