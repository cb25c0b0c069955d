import {
  type ControlDashboard,
  type ControlSignal,
  formatDecimal,
  formatDocumentDate,
  formatInteger,
  formatRatio,
  type SignalResult,
} from '@canbo/domain';
import { a4Document, docxBuffer, paragraph, partyHeader, table, twoColumns } from '../../documents/docx';

/**
 * The control report (báo cáo kiểm soát công tác đánh giá) in the Party document layout (36-HD/VPTW):
 * the committee top left with "*" and the number, "ĐẢNG CỘNG SẢN VIỆT NAM" top right with the place
 * and date in italics, Times New Roman 14; numbered sections with the subtree's figures, the signals
 * and the units with red flags. Numbers the Vietnamese way ("29/70 (41,43%)").
 */

const SIZE = 14;

export const SIGNAL_LABELS_VI: Record<ControlSignal, string> = {
  selfMax: 'Tự chấm điểm tối đa',
  unchangedReview: 'Nhận xét không thay đổi điểm tự chấm',
  reviewTime: 'Thời gian xem xét mỗi phiếu quá ngắn',
  bulkApproval: 'Duyệt hàng loạt',
  identicalScores: 'Nhiều người có điểm giống hệt nhau',
  topGrade: 'Tỷ lệ xuất sắc cao bất thường',
  late: 'Chậm thời hạn',
  reopened: 'Kết quả phải mở lại',
};

const UNITS_OF: Record<ControlSignal, 'percent' | 'seconds' | 'points' | 'count'> = {
  selfMax: 'percent',
  unchangedReview: 'percent',
  reviewTime: 'seconds',
  bulkApproval: 'percent',
  identicalScores: 'percent',
  topGrade: 'points',
  late: 'percent',
  reopened: 'count',
};

/** "35,5%", "12 giây", "+18,2 điểm %", "3". */
export function formatSignalValue(signal: ControlSignal, value: number | null): string {
  if (value === null) return '—';
  switch (UNITS_OF[signal]) {
    case 'percent':
      return `${formatDecimal(value, 2)}%`;
    case 'seconds':
      return `${formatDecimal(value, 1, { trimZeros: true })} giây`;
    case 'points':
      return `${value > 0 ? '+' : ''}${formatDecimal(value, 2)} điểm %`;
    case 'count':
      return formatInteger(value);
  }
}

export function formatThreshold(signal: ControlSignal, threshold: number): string {
  switch (UNITS_OF[signal]) {
    case 'percent':
      return `≥ ${formatDecimal(threshold, 2, { trimZeros: true })}%`;
    case 'seconds':
      return `< ${formatInteger(threshold)} giây`;
    case 'points':
      return `≥ ${formatDecimal(threshold, 2, { trimZeros: true })} điểm %`;
    case 'count':
      return `≥ ${formatInteger(threshold)}`;
  }
}

export interface ReportMeta {
  superior: string | null;
  documentNumber: string | null;
  place: string | null;
  date: string;
}

const firedList = (signals: readonly SignalResult[]) =>
  signals
    .filter((s) => s.fired)
    .map((s) => `${SIGNAL_LABELS_VI[s.signal]} (${formatSignalValue(s.signal, s.value)})`)
    .join('; ');

export function controlReportDocx(d: ControlDashboard, meta: ReportMeta): Promise<Buffer> {
  const k = d.kpis;
  const flagged = d.units.filter((u) => u.flags > 0);
  const section = (text: string) =>
    paragraph(text, { before: 10, after: 4, keepNext: true }, { size: SIZE, bold: true });
  const line = (text: string) => paragraph(text, { indent: 10, after: 3, align: 'justify' }, { size: SIZE });
  const body = [
    partyHeader({
      superior: meta.superior,
      issuer: d.unit.name,
      right: [`${meta.place?.trim() || '……'}, ${formatDocumentDate(meta.date)}`],
    }),
    paragraph(`Số ${meta.documentNumber ?? '……'}`, { after: 0 }, { size: SIZE }),
    paragraph('BÁO CÁO', { align: 'center', before: 12, after: 0 }, { size: 16, bold: true }),
    paragraph(
      'kết quả kiểm soát công tác đánh giá cán bộ',
      { align: 'center', after: 0 },
      { size: SIZE, bold: true },
    ),
    paragraph(`Kỳ đánh giá: ${d.cycle.label}`, { align: 'center', after: 8 }, { size: SIZE, italics: true }),
    section('I. TÌNH HÌNH CHUNG'),
    line(`Số đơn vị có người được đánh giá: ${formatInteger(k.units)}.`),
    line(
      `Số người được đánh giá: ${formatInteger(k.enrolled)}; đã có quyết định xếp loại: ${formatRatio(k.decided, k.enrolled)}.`,
    ),
    line(
      `Tỷ lệ xếp loại hoàn thành xuất sắc trong số đã xếp loại: ${k.excellentShare === null ? '—' : `${formatDecimal(k.excellentShare, 2)}%`}.`,
    ),
    line(
      `Số phiếu chậm thời hạn: ${formatInteger(k.late)}; số kết quả phải mở lại: ${formatInteger(k.reopened)}.`,
    ),
    line(`Số đơn vị có dấu hiệu cần kiểm tra: ${formatRatio(k.flaggedUnits, k.units)}.`),
    section('II. CÁC DẤU HIỆU HÌNH THỨC'),
    table(
      [
        { header: 'STT', width: 8 },
        { header: 'Dấu hiệu', width: 52 },
        { header: 'Số đơn vị có dấu hiệu', width: 40 },
      ],
      d.signalTotals.map((s, i) => [
        String(i + 1),
        SIGNAL_LABELS_VI[s.signal],
        formatRatio(s.units, k.units),
      ]),
      { size: 13 },
    ),
    section('III. CÁC ĐƠN VỊ CÓ DẤU HIỆU CẦN KIỂM TRA'),
    flagged.length === 0
      ? line('Không có đơn vị nào vượt ngưỡng kiểm soát.')
      : table(
          [
            { header: 'STT', width: 7 },
            { header: 'Đơn vị', width: 28 },
            { header: 'Số người', width: 10 },
            { header: 'Số dấu hiệu', width: 10 },
            { header: 'Dấu hiệu (giá trị)', width: 45 },
          ],
          flagged.map((u, i) => [
            String(i + 1),
            u.unitName,
            formatInteger(u.enrolled),
            formatInteger(u.flags),
            firedList(u.signals),
          ]),
          { size: 12 },
        ),
    ...(d.totalUnits > d.units.length
      ? [
          line(
            `(Danh sách gồm ${formatInteger(d.units.length)} đơn vị đứng đầu trong ${formatInteger(d.totalUnits)} đơn vị.)`,
          ),
        ]
      : []),
    section('IV. ĐỀ NGHỊ'),
    line(
      'Đề nghị cấp ủy, thủ trưởng các đơn vị có dấu hiệu nêu trên rà soát lại việc tự đánh giá, nhận xét và quyết định xếp loại, bảo đảm thực chất; báo cáo kết quả rà soát về cơ quan tổ chức.',
    ),
    twoColumns(
      [
        paragraph('Nơi nhận:', { before: 16, after: 0 }, { size: 12, bold: true, italics: true }),
        paragraph('- Như trên,', { after: 0 }, { size: 11 }),
        paragraph('- Lưu.', { after: 0 }, { size: 11 }),
      ],
      [paragraph('T/M BAN THƯỜNG VỤ', { align: 'center', before: 16 }, { size: SIZE, bold: true })],
      [50, 50],
    ),
  ];
  return docxBuffer(a4Document(body, { title: `Báo cáo kiểm soát công tác đánh giá — ${d.cycle.label}` }));
}
