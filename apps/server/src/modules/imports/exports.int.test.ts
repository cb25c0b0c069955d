import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import {
  cccdFor,
  download,
  peopleWorkbook,
  personRow,
  type Row,
  readWorkbook,
  upload,
} from './imports.fixtures';

/** Vietnamese order by given name: a < ă < â, d < đ. */
const NAMES = ['Bùi Văn Dương', 'Trần Thị Ân', 'Hoàng Văn Đạt', 'Nguyễn Văn An', 'Lê Văn Ăn'];
const SORTED = ['Nguyễn Văn An', 'Lê Văn Ăn', 'Trần Thị Ân', 'Bùi Văn Dương', 'Hoàng Văn Đạt'];

async function documentXml(bytes: Buffer): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    styles: await zip.file('word/styles.xml')!.async('string'),
  };
}

describe('exports: people lists and résumés', () => {
  let t: TestContext;
  let ward: TestUnit;
  let officer: Client;
  let manager: Client;
  const rows: Row[] = NAMES.map((name, i) =>
    personRow('XP', 700 + i, {
      'Họ và tên': name,
      'Giới tính': name.includes('Thị') ? 'Nữ' : 'Nam',
      'Số CCCD': cccdFor(name.includes('Thị') ? 'Nữ' : 'Nam', 1970 + ((700 + i) % 30), 700 + i),
      'Kiêm nhiệm': i === 0 ? 'Bí thư Chi bộ' : null,
    }),
  );

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Xuân Phương', code: 'XP' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
    manager = await t.as(await t.build.user({ unit: ward, role: 'manager' }));
    const res = await upload(officer, 'people', await peopleWorkbook(rows));
    expect(res.body, JSON.stringify(res.body.errors)).toMatchObject({ status: 'applied', created: 5 });
  });
  afterAll(() => t.close());

  const personId = async (code: string) =>
    (await t.ctx.db.selectFrom('person').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  it('exports the filtered list with Vietnamese headers, in Vietnamese name order, and audits it', async () => {
    const file = await download(t, officer, `/api/people/export.xlsx?unitId=${ward.id}`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const sheet = (await readWorkbook(file.bytes)).getWorksheet('Cán bộ')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        'STT',
        'Mã cán bộ',
        'Họ và tên',
        'Giới tính',
        'Ngày sinh',
        'Số CCCD',
        'Đơn vị',
        'Chức vụ',
        'Đảng viên',
      ]),
    );
    const col = (name: string) => header.indexOf(name) + 1;
    const names = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(col('Họ và tên')).value);
    expect(names).toEqual(SORTED);
    const an = sheet.getRow(2);
    expect(an.getCell(col('Mã cán bộ')).value).toBe('IMP000703');
    expect(an.getCell(col('Số CCCD')).value).toBe(rows[3]!['Số CCCD']);
    expect(an.getCell(col('Đơn vị')).value).toBe('Phường Xuân Phương');
    expect(an.getCell(col('Chức vụ')).value).toBe('Chuyên viên');
    expect(sheet.getRow(5).getCell(col('Chức vụ')).value).toBe('Chuyên viên; Bí thư Chi bộ (kiêm nhiệm)');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 5, unmasked: true, filters: { unitId: ward.id } });
    expect(audit.unit_path).toBe(ward.path);
    // A filter narrows it like the list: women only.
    const women = (
      await readWorkbook(
        (
          await download(t, officer, `/api/people/export.xlsx?unitId=${ward.id}&sex=female`)
        ).bytes,
      )
    ).getWorksheet('Cán bộ')!;
    expect(women.rowCount).toBe(2);
  });

  it('keeps CCCD and party data masked for a reader who may not see them', async () => {
    const file = await download(t, manager, `/api/people/export.xlsx?unitId=${ward.id}`);
    expect(file.status).toBe(200);
    const sheet = (await readWorkbook(file.bytes)).getWorksheet('Cán bộ')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const cccd = String(sheet.getRow(2).getCell(header.indexOf('Số CCCD') + 1).value);
    expect(cccd).toMatch(/^\d{3}\*{7}\d{2}$/);
    expect(sheet.getRow(2).getCell(header.indexOf('Đảng viên') + 1).value).toBe('(ẩn)');
    for (const r of rows) expect(file.bytes.includes(Buffer.from(String(r['Số CCCD'])))).toBe(false);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'people.exported')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ unmasked: false });
  });

  it('refuses staff and answers 404 for a unit out of scope', async () => {
    const staff = await t.as(await t.build.user({ unit: ward, role: 'staff' }));
    expect((await download(t, staff, '/api/people/export.xlsx')).status).toBe(403);
    const other = await t.build.unit({ name: 'Phường Tây Mỗ' });
    expect((await download(t, officer, `/api/people/export.xlsx?unitId=${other.id}`)).status).toBe(404);
  });

  it('writes the résumé as a Mẫu 2C .docx in Times New Roman, masked as the profile is', async () => {
    const id = await personId('IMP000700');
    const file = await download(t, officer, `/api/people/${id}/resume.docx`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('wordprocessingml');
    expect(file.bytes.subarray(0, 2).toString()).toBe('PK');
    const { document, styles } = await documentXml(file.bytes);
    for (const text of [
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      'BÙI VĂN DƯƠNG',
      'Phường Xuân Phương',
      '1) Họ và tên khai sinh',
      'ĐÀO TẠO, BỒI DƯỠNG',
      'TÓM TẮT QUÁ TRÌNH CÔNG TÁC',
      'Chuyên viên, Phường Xuân Phương',
      'Bí thư Chi bộ (kiêm nhiệm)',
      String(rows[0]!['Số CCCD']),
    ]) {
      expect(document, text).toContain(text);
    }
    expect(styles).toContain('Times New Roman');

    const masked = await documentXml((await download(t, manager, `/api/people/${id}/resume.docx`)).bytes);
    expect(masked.document).toContain('BÙI VĂN DƯƠNG');
    expect(masked.document).not.toContain(String(rows[0]!['Số CCCD']));
    expect(masked.document).toMatch(/\d{3}\*{7}\d{2}/);
    expect(masked.document).toContain('(không hiển thị)');

    const staff = await t.as(await t.build.user({ unit: ward, role: 'staff' }));
    expect((await download(t, staff, `/api/people/${id}/resume.docx`)).status).toBe(404);
  });
});
