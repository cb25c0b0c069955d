import {
  type AnnualReviewDetail,
  type AnnualReviewSummary,
  type ClassificationBoard,
  formatCountShare,
  formatDate,
  formatDecimal,
  formatInteger,
  formatPlaceAndDate,
  formatRatio,
  type Grade,
  percentValue,
} from '@canbo/domain';
import type { Paragraph } from 'docx';
import {
  a4Document,
  docxBuffer,
  field,
  paragraph,
  partyHeader,
  run,
  table,
  twoColumns,
} from '../../documents/docx';
import { addTableSheet, newWorkbook, workbookBuffer } from '../../documents/xlsx-writer';
import type { DocumentHeader } from './document-header';

/**
 * Documents of the annual and mid-term review in the Party layout (36-HD/VPTW: the committee top
 * left with "*", "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place and date in italics, Times New
 * Roman): the person's or collective's self-review form with the months that the proposal rolls up,
 * and the unit's classification table with its quota line and a summary of counts and percentages;
 * the same table as a spreadsheet. Pure builders from the API views.
 */

const SIZE = 14;

export const GRADE_VI: Record<Grade, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  notCompleted: 'Không hoàn thành nhiệm vụ',
};
export const GRADE_CODE: Record<Grade, string> = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  completed: 'HTNV',
  notCompleted: 'KHTNV',
};
const GRADE_ORDER: readonly Grade[] = ['excellent', 'good', 'completed', 'notCompleted'];

type Subject = AnnualReviewSummary['subject'];
type Track = AnnualReviewSummary['track'];
type Period = AnnualReviewDetail['period'];

/** Who is classified, as the titles say it. */
function whom(subject: Subject | 'collective', track: Track): string {
  if (subject === 'organisation') return 'tổ chức đảng';
  if (subject === 'leadership') return 'tập thể lãnh đạo, quản lý';
  if (subject === 'collective') return track === 'party' ? 'tổ chức đảng, tập thể lãnh đạo' : 'tập thể';
  return track === 'party' ? 'đảng viên' : 'cán bộ, công chức, viên chức';
}

/** "năm 2025" or "giữa nhiệm kỳ 2025–2030". */
function periodText(period: Period): string {
  if (period.kind === 'annual' && period.year !== null) return `năm ${period.year}`;
  return `giữa nhiệm kỳ ${period.termLabel ?? period.label}`;
}

function heading(header: DocumentHeader) {
  return partyHeader({
    superior: header.superior,
    issuer: header.committee,
    right: [formatPlaceAndDate(header.place || '……', header.date)],
  });
}

function title(lines: string[]): Paragraph[] {
  return lines.map((text, i) =>
    paragraph(
      i === 0 ? text.toUpperCase() : text,
      { align: 'center', before: i === 0 ? 12 : 0, after: i === lines.length - 1 ? 8 : 0 },
      { size: i === 0 ? 15 : SIZE, bold: i < 2, italics: i >= 2 },
    ),
  );
}

function section(text: string): Paragraph {
  return paragraph(text, { before: 8, after: 3, keepNext: true }, { size: SIZE, bold: true });
}

/** Running text: one justified, indented paragraph per line the writer typed. */
function body(text: string | null, emptyLines = 3): Paragraph[] {
  const lines = (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0)
    return Array.from({ length: emptyLines }, () => paragraph('…'.repeat(60), { after: 3 }, { size: SIZE }));
  return lines.map((line) => paragraph(line, { align: 'justify', indent: 10, after: 6 }, { size: SIZE }));
}

const score = (value: number | null) => (value === null ? '' : formatDecimal(value, 2, { trimZeros: true }));

/** "Tháng 3/2025", "Quý I/2025", or the dates of any other stretch. */
export function periodLabel(start: string, end: string): string {
  const [y1, m1, d1] = start.split('-').map(Number) as [number, number, number];
  const [y2, m2] = end.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  const endsMonth = Number(end.slice(8, 10)) === lastDay;
  if (d1 === 1 && endsMonth && y1 === y2) {
    if (m1 === m2) return `Tháng ${m1}/${y1}`;
    if (m2 - m1 === 2 && (m1 - 1) % 3 === 0) return `Quý ${['I', 'II', 'III', 'IV'][(m1 - 1) / 3]}/${y1}`;
    if (m1 === 1 && m2 === 12) return `Năm ${y1}`;
  }
  return `${formatDate(start)} – ${formatDate(end)}`;
}

function checkbox(grade: Grade, chosen: Grade | null): Paragraph {
  return paragraph(
    [
      run(chosen === grade ? '☒ ' : '☐ ', { size: SIZE }),
      run(GRADE_VI[grade], { size: SIZE, bold: chosen === grade }),
    ],
    { indent: 10, after: 2 },
  );
}

function signatures(left: string[], right: string[]) {
  const block = (lines: string[]) =>
    lines.map((line, i) =>
      paragraph(
        line,
        { align: 'center', before: i === 0 ? 16 : 0, after: 0 },
        { size: SIZE, bold: i === 0 || i === lines.length - 1, italics: line.startsWith('(') },
      ),
    );
  return twoColumns(block(left), block(right), [50, 50]);
}

/** The self-review form (bản tự kiểm điểm) of a person or a collective, with the months rolled up. */
export function selfReviewDocx(detail: AnnualReviewDetail, header: DocumentHeader): Promise<Buffer> {
  const isPerson = detail.subject === 'person';
  const name = isPerson ? (detail.personName ?? '') : detail.unitName;
  const inputs = detail.rollup?.inputs ?? [];
  const rollup = detail.rollup;
  const reasons = detail.eligibility.status === 'graded' ? [] : detail.eligibility.reasons;
  const children = [
    heading(header),
    ...title([
      'Bản tự kiểm điểm, đánh giá, xếp loại chất lượng',
      `${whom(detail.subject, detail.track)} ${periodText(detail.period)}`.toUpperCase(),
    ]),
    ...(isPerson
      ? [
          field('Họ và tên', name, { size: SIZE }),
          field('Chức vụ', detail.positionTitle, { size: SIZE }),
          field('Đơn vị công tác', detail.unitName, { size: SIZE }),
        ]
      : [field('Tổ chức', name, { size: SIZE })]),
    section('I. TỰ KIỂM ĐIỂM'),
    ...body(detail.selfReview),
    section(`II. KẾT QUẢ ĐÁNH GIÁ CÁC KỲ TRONG ${periodText(detail.period).toUpperCase()}`),
    table(
      [
        { header: 'STT', width: 8 },
        { header: 'Kỳ đánh giá', width: 24 },
        { header: 'Đơn vị', width: 32 },
        { header: 'Điểm', width: 12 },
        { header: 'Xếp loại', width: 24 },
      ],
      inputs.map((p, i) => [
        String(i + 1),
        periodLabel(p.periodStart, p.periodEnd),
        p.unitName ?? '',
        score(p.total),
        p.grade ? GRADE_VI[p.grade] : 'Chưa đánh giá',
      ]),
      { size: 12 },
    ),
    ...(rollup
      ? [
          paragraph(
            [
              run(`Số kỳ được tính: ${formatInteger(rollup.counted)}/${formatInteger(rollup.listed)}. `, {
                size: SIZE,
              }),
              run(`Điểm bình quân: ${rollup.score === null ? '—' : score(rollup.score)}. `, { size: SIZE }),
              run(`Hệ thống đề xuất: ${rollup.grade ? GRADE_VI[rollup.grade] : 'chưa đủ căn cứ'}.`, {
                size: SIZE,
                bold: true,
              }),
            ],
            { before: 4, indent: 10 },
          ),
          paragraph(rollup.explanation.vi, { indent: 10, after: 4 }, { size: SIZE, italics: true }),
        ]
      : []),
    ...reasons.map((r) =>
      paragraph(`${r.text.vi} (${r.article})`, { indent: 10, after: 2 }, { size: SIZE, italics: true }),
    ),
    section('III. TỰ NHẬN MỨC XẾP LOẠI CHẤT LƯỢNG'),
    ...(detail.selfScore !== null
      ? [paragraph(`Điểm tự chấm: ${score(detail.selfScore)}`, { indent: 10, after: 2 }, { size: SIZE })]
      : []),
    ...GRADE_ORDER.map((g) => checkbox(g, detail.selfGrade)),
    signatures(
      ['XÁC NHẬN CỦA CẤP ỦY', '(Ký, ghi rõ họ tên)', ''],
      [isPerson ? 'NGƯỜI TỰ KIỂM ĐIỂM' : 'T/M TẬP THỂ', '(Ký, ghi rõ họ tên)', isPerson ? name : ''],
    ),
  ];
  return docxBuffer(a4Document(children, { title: `Bản tự kiểm điểm — ${name} — ${detail.period.label}` }));
}

/** The grade a board row stands at: decided, else the manager's, else the system's proposal. */
export function gradeInPlay(item: AnnualReviewSummary): Grade | null {
  return item.decidedGrade ?? item.managerGrade ?? item.proposedGrade;
}

function remark(item: AnnualReviewSummary): string {
  if (item.state === 'notReviewed' || item.eligibility.status === 'notReviewed') return 'Không đánh giá';
  if (item.eligibility.status === 'notGraded') return 'Không xếp loại';
  return item.decidedGrade ? '' : 'Chưa quyết định';
}

export interface ClassificationSummary {
  total: number;
  byGrade: Record<Grade, number>;
  notGraded: number;
}

/** Counts by the grade in play over every row of the board; rows without a grade are counted apart. */
export function summarise(board: ClassificationBoard): ClassificationSummary {
  const byGrade: Record<Grade, number> = { excellent: 0, good: 0, completed: 0, notCompleted: 0 };
  let notGraded = 0;
  for (const item of board.items) {
    const grade = gradeInPlay(item);
    if (grade) byGrade[grade] += 1;
    else notGraded += 1;
  }
  return { total: board.items.length, byGrade, notGraded };
}

function boardTitle(board: ClassificationBoard): string[] {
  return [
    'Bảng tổng hợp kết quả đánh giá, xếp loại chất lượng',
    `${whom(board.subject, board.track)} ${periodText(board.period)}`.toUpperCase(),
    board.unit.name,
  ];
}

type Meter = ClassificationBoard['quota'][number];

/** "Hoàn thành xuất sắc nhiệm vụ (nhóm …): 2/10 (20,00%) số xếp loại hoàn thành tốt nhiệm vụ; tối đa 2 (20%)." */
export function quotaLine(meter: Meter): string {
  const basis = meter.basis === 'good' ? meter.good : meter.graded;
  const of = meter.basis === 'good' ? 'số xếp loại hoàn thành tốt nhiệm vụ' : 'số được xếp loại';
  const group = meter.group ? ` (nhóm ${meter.group})` : '';
  const cap = `${formatDecimal(meter.percent, 2, { trimZeros: true })}%`;
  return `${GRADE_VI.excellent}${group}: ${formatRatio(meter.excellent, basis)} ${of}; tối đa ${formatInteger(meter.limit)} (${cap})${meter.ok ? '' : ' — vượt tỷ lệ cho phép'}.`;
}

/** The unit's classification table (.docx): one numbered row per person or collective, then the totals. */
export function classificationDocx(board: ClassificationBoard, header: DocumentHeader): Promise<Buffer> {
  const people = board.subject === 'person';
  const unitWord = people ? 'người' : 'tổ chức';
  const s = summarise(board);
  const rows = board.items.map((item, i) => {
    const proposed = item.managerGrade ?? item.proposedGrade;
    return [
      String(i + 1),
      people ? (item.personName ?? '') : item.unitName,
      people ? (item.positionTitle ?? '') : (item.quotaGroup ?? ''),
      proposed ? GRADE_CODE[proposed] : '',
      item.decidedGrade ? GRADE_CODE[item.decidedGrade] : '',
      remark(item),
    ];
  });
  const children = [
    heading(header),
    ...title(boardTitle(board)),
    table(
      [
        { header: 'STT', width: 7 },
        { header: people ? 'Họ và tên' : 'Tổ chức', width: 30 },
        { header: people ? 'Chức vụ' : 'Nhóm', width: 25 },
        { header: 'Đề xuất', width: 12 },
        { header: 'Quyết định', width: 12 },
        { header: 'Ghi chú', width: 14 },
      ],
      rows,
      { size: 12 },
    ),
    paragraph(
      `Ghi chú: ${GRADE_ORDER.map((g) => `${GRADE_CODE[g]} — ${GRADE_VI[g]}`).join('; ')}.`,
      { before: 2, after: 6 },
      { size: 11, italics: true },
    ),
    ...board.quota.map((meter) =>
      paragraph(quotaLine(meter), { indent: 10, after: 2 }, { size: SIZE, bold: !meter.ok }),
    ),
    section('TỔNG HỢP'),
    paragraph(
      `Tổng số được đánh giá: ${formatInteger(s.total)} ${unitWord}.`,
      { indent: 10, after: 2 },
      { size: SIZE },
    ),
    ...GRADE_ORDER.map((g) =>
      paragraph(
        `${GRADE_VI[g]}: ${formatCountShare(s.byGrade[g], s.total, { unit: unitWord })}.`,
        { indent: 10, after: 2 },
        { size: SIZE },
      ),
    ),
    paragraph(
      `Không xếp loại: ${formatCountShare(s.notGraded, s.total, { unit: unitWord })}.`,
      { indent: 10, after: 2 },
      { size: SIZE },
    ),
    signatures(['NGƯỜI LẬP BẢNG', '(Ký, ghi rõ họ tên)', ''], ['T/M CẤP ỦY', '(Ký, ghi rõ họ tên)', '']),
  ];
  return docxBuffer(
    a4Document(children, { title: `Bảng xếp loại chất lượng — ${board.unit.name} — ${board.period.label}` }),
  );
}

/** The same table as a workbook: the rows, then a sheet with the totals and the quota lines. */
export async function classificationXlsx(
  board: ClassificationBoard,
  header: DocumentHeader,
): Promise<Buffer> {
  const people = board.subject === 'person';
  const workbook = newWorkbook();
  workbook.title = [...boardTitle(board), header.committee].join(' — ');
  const columns = [
    { header: 'STT', key: 'n', width: 6 },
    { header: people ? 'Họ và tên' : 'Tổ chức', key: 'name', width: 30 },
    { header: 'Mã', key: 'code', width: 12, numFmt: '@' },
    { header: 'Chức vụ', key: 'post', width: 28 },
    { header: 'Đơn vị', key: 'unit', width: 30 },
    { header: 'Nhóm', key: 'group', width: 18 },
    { header: 'Điểm đề xuất', key: 'score', width: 10, numFmt: '0.00' },
    { header: 'Hệ thống đề xuất', key: 'system', width: 14 },
    { header: 'Tự xếp loại', key: 'self', width: 12 },
    { header: 'Đề xuất', key: 'manager', width: 12 },
    { header: 'Quyết định', key: 'decided', width: 12 },
    { header: 'Ghi chú', key: 'remark', width: 18 },
  ];
  const code = (g: Grade | null) => (g ? GRADE_CODE[g] : null);
  addTableSheet(
    workbook,
    'Xếp loại',
    columns,
    board.items.map((item, i) => ({
      n: i + 1,
      name: people ? item.personName : item.unitName,
      code: item.personCode,
      post: item.positionTitle,
      unit: item.unitName,
      group: item.quotaGroup,
      score: item.proposedScore,
      system: code(item.proposedGrade),
      self: code(item.selfGrade),
      manager: code(item.managerGrade),
      decided: code(item.decidedGrade),
      remark: remark(item),
    })),
  );
  const s = summarise(board);
  addTableSheet(
    workbook,
    'Tổng hợp',
    [
      { header: 'Nội dung', key: 'label', width: 60 },
      { header: 'Số lượng', key: 'count', width: 12 },
      { header: 'Tỷ lệ (%)', key: 'percent', width: 12, numFmt: '0.00' },
    ],
    [
      { label: 'Tổng số được đánh giá', count: s.total, percent: null },
      ...GRADE_ORDER.map((g) => ({
        label: GRADE_VI[g],
        count: s.byGrade[g],
        percent: percentValue(s.byGrade[g], s.total),
      })),
      { label: 'Không xếp loại', count: s.notGraded, percent: percentValue(s.notGraded, s.total) },
      ...board.quota.map((m) => ({ label: quotaLine(m), count: m.excellent, percent: null })),
    ],
  );
  return workbookBuffer(workbook);
}
