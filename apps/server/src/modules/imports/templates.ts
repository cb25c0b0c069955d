import type ExcelJS from 'exceljs';
import { addTableSheet, FONT, newWorkbook, workbookBuffer } from '../../documents/xlsx-writer';
import {
  COLUMNS,
  type ColumnSpec,
  type ImportKind,
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  SHEETS,
} from './columns';

/**
 * The downloadable templates: the data sheet (headers with a comment each, lists to pick coded
 * values from, text format where leading zeros matter), the instructions with an example row, and
 * the lists of allowed values.
 */

const VALIDATED_ROWS = 2_000;
const TEXT_TYPES = new Set(['cccd', 'personCode', 'unitCode', 'phone', 'cardNumber']);

const GENERAL: Record<ImportKind, string[]> = {
  people: [
    'Mỗi dòng của trang "Cán bộ" là một người. Không đổi tên trang và dòng tiêu đề; có thể bỏ bớt các cột không bắt buộc.',
    'Hồ sơ đã có được nhận ra theo số CCCD, hoặc theo mã cán bộ khi không có số CCCD; mỗi dòng cần ít nhất một trong hai.',
    'Với hồ sơ đã có, ô để trống giữ nguyên dữ liệu cũ; chỉ các ô có ghi mới được cập nhật.',
    'Ngày ghi dạng dd/mm/yyyy (ví dụ 05/03/1980) hoặc dùng ô kiểu ngày của Excel.',
    'Chức vụ mới khác chức vụ chính đang giữ thì chức vụ cũ kết thúc vào ngày bổ nhiệm chức vụ mới.',
    'Hệ thống kiểm tra tất cả các dòng trước. Chỉ cần một dòng có lỗi thì không dòng nào được ghi; tải báo cáo lỗi, sửa rồi nhập lại.',
    'Nhập lại cùng một tệp không thay đổi gì (các dòng được báo là "không đổi").',
  ],
  units: [
    'Mỗi dòng của trang "Đơn vị" là một đơn vị. Không đổi tên trang và dòng tiêu đề; có thể bỏ bớt các cột không bắt buộc.',
    'Đơn vị đã có được nhận ra theo mã đơn vị; các ô có ghi được cập nhật từ hôm nay (lịch sử cũ được giữ), ô trống giữ nguyên.',
    'Đơn vị cấp trên có thể là đơn vị đã có hoặc một đơn vị ở dòng khác trong tệp (thứ tự dòng không quan trọng).',
    'Tệp không chuyển, giải thể hay sáp nhập đơn vị: các việc đó dùng chức năng sắp xếp tổ chức.',
    'Hệ thống kiểm tra tất cả các dòng trước. Chỉ cần một dòng có lỗi thì không dòng nào được ghi; tải báo cáo lỗi, sửa rồi nhập lại.',
    'Nhập lại cùng một tệp không thay đổi gì (các dòng được báo là "không đổi").',
  ],
};

function requiredLabel(spec: ColumnSpec): string {
  return spec.required === 'always' ? 'Bắt buộc' : spec.required === 'new' ? 'Bắt buộc khi thêm mới' : '';
}

function listsSheet(workbook: ExcelJS.Workbook, specs: readonly ColumnSpec[]): Map<string, string> {
  const sheet = workbook.addWorksheet(LISTS_SHEET);
  const ranges = new Map<string, string>();
  let col = 1;
  for (const spec of specs) {
    if (!spec.options) continue;
    sheet.getCell(1, col).value = spec.header;
    sheet.getCell(1, col).font = { name: FONT, bold: true };
    spec.options.forEach((o, i) => {
      sheet.getCell(i + 2, col).value = o.label;
    });
    sheet.getColumn(col).width = Math.max(18, ...spec.options.map((o) => o.label.length + 2));
    const letter = sheet.getColumn(col).letter;
    ranges.set(spec.key, `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${spec.options.length + 1}`);
    col++;
  }
  return ranges;
}

function instructionsSheet(workbook: ExcelJS.Workbook, kind: ImportKind, specs: readonly ColumnSpec[]): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 28 }, { width: 22 }, { width: 70 }, { width: 50 }];
  const title = sheet.addRow([
    kind === 'people' ? 'HƯỚNG DẪN NHẬP DANH SÁCH CÁN BỘ' : 'HƯỚNG DẪN NHẬP DANH SÁCH ĐƠN VỊ',
  ]);
  title.font = { name: FONT, bold: true, size: 14 };
  for (const line of GENERAL[kind]) sheet.addRow([`• ${line}`]).font = { name: FONT, size: 12 };
  sheet.addRow([]);
  const header = sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi', 'Giá trị được chấp nhận']);
  header.font = { name: FONT, bold: true };
  for (const spec of specs) {
    const row = sheet.addRow([
      spec.header,
      requiredLabel(spec),
      spec.help,
      spec.options?.map((o) => o.label).join('; ') ?? '',
    ]);
    row.font = { name: FONT, size: 12 };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.addRow([]);
  sheet.addRow(['Ví dụ một dòng (ghi vào trang dữ liệu, không ghi ở đây):']).font = {
    name: FONT,
    bold: true,
    italic: true,
  };
  for (const spec of specs) {
    if (spec.example)
      sheet.addRow([spec.header, '', spec.example]).font = { name: FONT, size: 12, italic: true };
  }
}

/** The template of `kind` as .xlsx bytes. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const specs = COLUMNS[kind];
  const workbook = newWorkbook();
  const sheet = addTableSheet(
    workbook,
    SHEETS[kind].name,
    specs.map((s) => ({
      header: s.header,
      key: s.key,
      width: s.width,
      note: `${requiredLabel(s) ? `${requiredLabel(s)}. ` : ''}${s.help}`,
      ...(TEXT_TYPES.has(s.type) || s.type === 'date' ? { numFmt: '@' } : {}),
    })),
  );
  instructionsSheet(workbook, kind, specs);
  const lists = listsSheet(workbook, specs);
  specs.forEach((spec, i) => {
    const range = lists.get(spec.key);
    if (!range) return;
    const letter = sheet.getColumn(i + 1).letter;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
      sheet.getCell(`${letter}${row}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: spec.header,
        error: `Nên chọn trong danh sách (trang "${LISTS_SHEET}").`,
      };
    }
  });
  return workbookBuffer(workbook);
}
