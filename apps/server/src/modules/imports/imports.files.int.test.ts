import { ErrorBody } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Response } from '../../../test/client';
import { createTestContext, type TestContext } from '../../../test/context';
import { counts, PEOPLE_HEADERS, peopleWorkbook, personRow, upload, workbook } from './imports.fixtures';

/** Files that cannot be imported at all are refused at once, in Vietnamese and English, and leave no trace. */
describe('import file checks', () => {
  let t: TestContext;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    const ward = await t.build.unit({ name: 'Phường Kim Mã', code: 'PKM' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  async function refused(res: Response, status: number, code: string) {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(ErrorBody.safeParse(res.body).success).toBe(true);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(res.body.error.messageEn).not.toBe(res.body.error.message);
    expect(res.body.error.messageEn).toMatch(/\b(the|is|no|not|too)\b/i);
    return res.body.error;
  }

  it('refuses a CSV, a renamed PDF, an empty file and an .xls', async () => {
    const before = await counts(t);
    const csv = Buffer.from('Mã cán bộ,Họ và tên\nCB1,Nguyễn Văn A\n');
    expect(
      (await refused(await upload(officer, 'people', csv, 'danh-sach.xlsx'), 415, 'NOT_XLSX')).message,
    ).toContain('CSV');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 1)]);
    expect(
      (await refused(await upload(officer, 'people', pdf, 'danh-sach.xlsx'), 415, 'NOT_XLSX')).messageEn,
    ).toContain('PDF');
    await refused(await upload(officer, 'people', Buffer.alloc(0)), 400, 'FILE_EMPTY');
    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    await refused(await upload(officer, 'people', xls, 'cu.xls'), 415, 'OLD_EXCEL_FORMAT');
    // A zip that is not a workbook (e.g. a .docx renamed).
    const zip = await workbook('x', ['a'], []);
    const notWorkbook = Buffer.from(
      zip.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmX'),
      'latin1',
    );
    await refused(await upload(officer, 'people', notWorkbook), 415, 'NOT_XLSX');
    expect(await counts(t)).toEqual(before);
    expect((await t.ctx.db.selectFrom('import_run').select('id').execute()).length).toBe(0);
  });

  it('refuses a workbook without the data sheet, naming the sheet wanted and those found', async () => {
    const file = await workbook('Sheet1', PEOPLE_HEADERS, [personRow('PKM', 1)]);
    const error = await refused(await upload(officer, 'people', file), 422, 'SHEET_MISSING');
    expect(error.message).toContain('"Cán bộ"');
    expect(error.message).toContain('"Sheet1"');
    expect(error.messageEn).toContain('"Cán bộ"');
  });

  it('refuses a wrong header, naming the missing and the unknown columns', async () => {
    const headers = PEOPLE_HEADERS.filter((h) => h !== 'Họ và tên' && h !== 'Giới tính').concat('Cột lạ');
    const error = await refused(
      await upload(officer, 'people', await peopleWorkbook([personRow('PKM', 1)], headers)),
      422,
      'HEADER_INVALID',
    );
    expect(error.message).toContain('Thiếu cột bắt buộc: "Họ và tên", "Giới tính".');
    expect(error.message).toContain('"Cột lạ"');
    expect(error.messageEn).toContain('Required columns are missing: "Họ và tên", "Giới tính".');
    expect(error.details.map((d: { path: string }) => d.path)).toEqual(['header', 'header']);
    // A sheet with the header only.
    await refused(await upload(officer, 'people', await peopleWorkbook([])), 422, 'NO_ROWS');
    // Optional columns may be left out; "STT" and "Ghi chú" are ignored.
    const few = [
      'STT',
      'Mã cán bộ',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh (dd/mm/yyyy)',
      'Số CCCD',
      'Đơn vị (mã)',
      'Đối tượng',
      'Ghi chú',
    ];
    const ok = await upload(
      officer,
      'people',
      await peopleWorkbook([{ ...personRow('PKM', 2), STT: 1, 'Ghi chú': 'mới' }], few),
      'Danh sách cán bộ.xlsx',
    );
    expect(ok.body).toMatchObject({ status: 'applied', created: 1, fileName: 'Danh sách cán bộ.xlsx' });
  });

  it('refuses a 50 MB file with 413 before reading it, and a JSON body with 415', async () => {
    const big = await upload(officer, 'people', Buffer.alloc(50 * 1024 * 1024, 7), 'lon.xlsx');
    const error = await refused(big, 413, 'FILE_TOO_LARGE');
    expect(error.message).toContain('20 MB');
    expect(error.messageEn).toContain('20 MB');
    const json = await officer.post('/api/imports/people', { rows: [] });
    await refused(json, 415, 'MULTIPART_REQUIRED');
    expect((await officer.post('/api/imports/staff', {})).status).toBe(400);
  });
});
