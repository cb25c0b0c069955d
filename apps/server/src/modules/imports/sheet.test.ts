import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors';
import { headerKey, readImportTable } from './sheet';

async function book(rows: unknown[][], options: { sheet?: string; merges?: string[] } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const ws = workbook.addWorksheet(options.sheet ?? 'Đơn vị');
  for (const r of rows) ws.addRow(r);
  for (const m of options.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('import sheet', () => {
  it('compares headers without accents, case, spacing, "*" or a bracketed hint', () => {
    expect(headerKey('Ngày sinh (dd/mm/yyyy)')).toBe('ngay sinh');
    expect(headerKey(' NGÀY   SINH* '.normalize('NFD'))).toBe('ngay sinh');
    expect(headerKey('Đảng viên: trạng thái')).toBe('dang vien trang thai');
  });

  it('finds the header below a title row, skips the row of column numbers and empty rows', async () => {
    const bytes = await book([
      ['DANH SÁCH ĐƠN VỊ'],
      [],
      ['STT', 'MÃ ĐƠN VỊ', 'tên  đơn vị', 'Mã đơn vị cấp trên', 'Loại đơn vị'],
      ['(1)', '(2)', '(3)', '(4)', '(5)'],
      [1, 'A1', 'Chi bộ A', 'ROOT', 'Khác'],
      [],
      [2, 'A2', 'Chi bộ B', 'ROOT', 'Khác'],
    ]);
    const table = readImportTable('units', bytes);
    expect(table.columns.map((c) => [c.spec.key, c.index, c.header])).toEqual([
      ['code', 1, 'MÃ ĐƠN VỊ'],
      ['name', 2, 'tên  đơn vị'],
      ['parentCode', 3, 'Mã đơn vị cấp trên'],
      ['type', 4, 'Loại đơn vị'],
    ]);
    expect(table.rows.map((r) => [r.number, r.values.code])).toEqual([
      [5, 'A1'],
      [7, 'A2'],
    ]);
  });

  it('reads a two-row header: a group label merged over its sub-headers, single headers merged down', async () => {
    const bytes = await book(
      [
        ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Đơn vị (mã)', 'Đảng viên', null, null, null],
        [null, null, null, null, null, 'Trạng thái', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ'],
        ['CB1', 'Lê Văn Tám', 'Nam', '10/10/1975', 'PBD', 'Chính thức', '01/01/2000', '01/01/2001', '123'],
      ],
      { sheet: 'Cán bộ', merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:I1'] },
    );
    const table = readImportTable('people', bytes);
    expect(table.columns.map((c) => c.spec.key)).toEqual([
      'code',
      'fullName',
      'sex',
      'birthDate',
      'unitCode',
      'partyStatus',
      'partyAdmittedDate',
      'partyFullDate',
      'partyCardNumber',
    ]);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.number).toBe(3);
  });

  it('refuses missing, unknown and repeated columns with the names', async () => {
    const bytes = await book([
      ['Mã đơn vị', 'Mã', 'Cột lạ'],
      ['A', 'B', 'C'],
    ]);
    const error = refusal(() => readImportTable('units', bytes));
    expect(error.code).toBe('HEADER_INVALID');
    expect(error.messageVi).toContain('Thiếu cột bắt buộc: "Tên đơn vị".');
    expect(error.messageVi).toContain('"Cột lạ" (cột C)');
    expect(error.messageVi).toContain('Cột "Mã đơn vị" có 2 lần.');
    expect(error.messageEn).toContain('"Cột lạ" (column C)');
  });
});
