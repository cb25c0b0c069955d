import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { counts, download, PEOPLE_HEADERS, peopleWorkbook, personRow, readWorkbook, type Row, upload } from './imports.fixtures';

describe('people import', () => {
  let t: TestContext;
  let ward: TestUnit;
  let otherWard: TestUnit;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Ba Đình', code: 'PBD' });
    otherWard = await t.build.unit({ name: 'Phường Hoàn Kiếm', code: 'PHK' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  const people = (unitId: string) =>
    t.ctx.db.selectFrom('person').selectAll().where('tenant_id', '=', t.ctx.tenantId).where('unit_id', '=', unitId).orderBy('code').execute();

  it('downloads the template, fills 20 people in it and imports them all', async () => {
    const template = await download(t, officer, '/api/imports/templates/people.xlsx');
    expect(template.status).toBe(200);
    expect(String(template.headers['content-type'])).toContain('spreadsheetml');
    expect(String(template.headers['content-disposition'])).toContain('mau-nhap-can-bo.xlsx');
    const book = await readWorkbook(template.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Cán bộ', 'Hướng dẫn', 'Danh mục']);
    const sheet = book.getWorksheet('Cán bộ')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers).toEqual(PEOPLE_HEADERS);
    expect(headers).toEqual(expect.arrayContaining(['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh (dd/mm/yyyy)', 'Số CCCD', 'Đơn vị (mã)', 'Đảng viên: trạng thái']));
    expect(sheet.getCell('C2').dataValidation).toMatchObject({ type: 'list' });
    const guide = book.getWorksheet('Hướng dẫn')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    expect(guideText).toContain('Ví dụ');
    expect(guideText).toContain('Chính thức');

    for (let i = 0; i < 20; i++) {
      const row = personRow('PBD', i + 1);
      sheet.getRow(i + 2).values = headers.map((h) => row[h] ?? null);
    }
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const before = await counts(t);
    const res = await upload(officer, 'people', filled, 'danh-sach.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ status: 'applied', totalRows: 20, created: 20, updated: 0, unchanged: 0, errorCount: 0, percent: 100 });

    const stored = await people(ward.id);
    expect(stored).toHaveLength(20);
    expect(stored[0]).toMatchObject({ code: 'IMP000001', full_name: 'Nguyễn Văn Bình', sex: 'female' === stored[0]!.sex ? 'female' : 'male', staff_category: 'civil_servant' });
    const after = await counts(t);
    expect(after.person - before.person).toBe(20);
    expect(after.position - before.position).toBe(20);
    expect(after.audit_log - before.audit_log).toBe(1);
    const history = await t.ctx.db.selectFrom('person_history').select(['source', 'section']).where('person_id', 'in', stored.map((p) => p.id)).execute();
    expect(history.every((h) => h.source === 'import')).toBe(true);
    expect(history.filter((h) => h.section === 'profile')).toHaveLength(20);
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'import.applied').where('entity_id', '=', res.body.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ kind: 'people', rows: 20, created: 20, updated: 0, unchanged: 0 });
  });

  it('re-importing the same file changes nothing and says so', async () => {
    const rows: Row[] = Array.from({ length: 5 }, (_, i) => personRow('PBD', 100 + i));
    const file = await peopleWorkbook(rows);
    const first = await upload(officer, 'people', file);
    expect(first.body).toMatchObject({ status: 'applied', created: 5 });
    const before = await counts(t);
    const second = await upload(officer, 'people', file);
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ status: 'applied', created: 0, updated: 0, unchanged: 5 });
    const after = await counts(t);
    expect(after).toEqual({ ...before, audit_log: before.audit_log + 1 });
  });
});
