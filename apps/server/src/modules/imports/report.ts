import { formatInteger } from '@canbo/domain';
import { addTableSheet, FONT, newWorkbook, workbookBuffer } from '../../documents/xlsx-writer';
import type { RowIssue } from './rows';
import { MAX_STORED_ISSUES } from './runner';

/** The error report of a run: a summary, then one line per problem (row, column, cell, value, message). */

export interface ReportInput {
  fileName: string;
  kind: 'units' | 'people';
  status: string;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  message: string | null;
  issues: readonly RowIssue[];
}

const STATUS_LABELS: Record<string, string> = {
  queued: 'Đang chờ',
  validating: 'Đang kiểm tra',
  applying: 'Đang ghi',
  applied: 'Đã nhập xong',
  rejected: 'Bị từ chối: có lỗi, không dòng nào được ghi',
  failed: 'Không thực hiện được: không dòng nào được ghi',
};

export async function reportWorkbook(input: ReportInput): Promise<Buffer> {
  const workbook = newWorkbook();
  const summary = workbook.addWorksheet('Tóm tắt');
  summary.columns = [{ width: 28 }, { width: 70 }];
  const lines: [string, string][] = [
    ['Tệp', input.fileName],
    ['Loại dữ liệu', input.kind === 'people' ? 'Cán bộ' : 'Đơn vị'],
    ['Trạng thái', STATUS_LABELS[input.status] ?? input.status],
    ['Số dòng', formatInteger(input.totalRows)],
    ['Thêm mới', formatInteger(input.created)],
    ['Cập nhật', formatInteger(input.updated)],
    ['Không đổi', formatInteger(input.unchanged)],
    ['Số lỗi', formatInteger(input.errorCount)],
  ];
  if (input.message) lines.push(['Lý do', input.message]);
  if (input.errorCount > input.issues.length) {
    lines.push([
      'Ghi chú',
      `Báo cáo liệt kê ${formatInteger(input.issues.length)} lỗi đầu tiên (tối đa ${formatInteger(MAX_STORED_ISSUES)}).`,
    ]);
  }
  for (const line of lines) {
    const row = summary.addRow(line);
    row.font = { name: FONT, size: 12 };
    row.getCell(1).font = { name: FONT, size: 12, bold: true };
  }
  addTableSheet(
    workbook,
    'Lỗi',
    [
      { header: 'Dòng', key: 'row', width: 9 },
      { header: 'Cột', key: 'column', width: 26 },
      { header: 'Ô', key: 'cell', width: 9 },
      { header: 'Giá trị', key: 'value', width: 26 },
      { header: 'Lỗi', key: 'message', width: 70 },
      { header: 'Error (English)', key: 'messageEn', width: 60 },
    ],
    input.issues.map((i) => ({ ...i, cell: i.cell ?? '' })),
  );
  return workbookBuffer(workbook);
}
