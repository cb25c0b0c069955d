import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { unbundle } from '../people/person.history';
import {
  cccdFor,
  counts,
  download,
  PEOPLE_HEADERS,
  peopleWorkbook,
  personRow,
  type Row,
  readWorkbook,
  upload,
} from './imports.fixtures';

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
    t.ctx.db
      .selectFrom('person')
      .selectAll()
      .where('tenant_id', '=', t.ctx.tenantId)
      .where('unit_id', '=', unitId)
      .orderBy('code')
      .execute();

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
    expect(headers).toEqual(
      expect.arrayContaining([
        'Mã cán bộ',
        'Họ và tên',
        'Giới tính',
        'Ngày sinh (dd/mm/yyyy)',
        'Số CCCD',
        'Đơn vị (mã)',
        'Đảng viên: trạng thái',
      ]),
    );
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list' });
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
    expect(res.body).toMatchObject({
      status: 'applied',
      totalRows: 20,
      created: 20,
      updated: 0,
      unchanged: 0,
      errorCount: 0,
      percent: 100,
    });

    const stored = await people(ward.id);
    expect(stored).toHaveLength(20);
    expect(stored[0]).toMatchObject({
      code: 'IMP000001',
      full_name: 'Trần Thị Bình',
      sex: 'female',
      birth_date: '1971-02-02',
      cccd: '001171000001',
      staff_category: 'civil_servant',
      political_theory: 'intermediate',
      party_status: 'none',
      ethnicity: 'Kinh',
      status: 'active',
    });
    expect(stored[2]).toMatchObject({
      party_status: 'full',
      party_admitted_date: '1998-02-03',
      party_full_date: '1999-02-03',
    });
    const after = await counts(t);
    expect(after.person - before.person).toBe(20);
    expect(after.position - before.position).toBe(20);
    expect(after.audit_log - before.audit_log).toBe(1);
    const history = await t.ctx.db
      .selectFrom('person_history')
      .select(['id', 'source', 'section', 'before', 'after'])
      .where(
        'person_id',
        'in',
        stored.map((p) => p.id),
      )
      .execute();
    // One history row per new record, holding each section it has (profile, post, party data).
    expect(history).toHaveLength(20);
    expect(history.every((h) => h.source === 'import')).toBe(true);
    const changes = unbundle(history);
    expect(changes.filter((h) => h.section === 'profile')).toHaveLength(20);
    expect(changes.filter((h) => h.section === 'position')).toHaveLength(20);
    expect(changes.filter((h) => h.section === 'party')).toHaveLength(
      stored.filter((p) => p.party_status !== 'none').length,
    );
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.applied')
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      kind: 'people',
      rows: 20,
      created: 20,
      updated: 0,
      unchanged: 0,
    });
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

  it('reads dates as dd/mm/yyyy text, Excel date cells and bare serials; NFD text and stray spaces come out clean', async () => {
    const nfdName = '  Nguyễn   Thị  Ánh  '.normalize('NFD');
    const rows: Row[] = [
      personRow('PBD', 200, { 'Ngày sinh (dd/mm/yyyy)': '5/3/1980', 'Số CCCD': cccdFor('Nam', 1980, 200) }),
      personRow('PBD', 201, {
        'Họ và tên': nfdName,
        'Ngày sinh (dd/mm/yyyy)': new Date(Date.UTC(1981, 11, 31)),
        'Số CCCD': cccdFor('Nữ', 1981, 201),
      }),
      // 29221 is 01/01/1980 in Excel's 1900 date system; the CCCD typed as a number lost its leading zeros.
      personRow('PBD', 202, {
        'Ngày sinh (dd/mm/yyyy)': 29221,
        'Số CCCD': Number(cccdFor('Nam', 1980, 202)),
        'Dân tộc': ' Tày ',
        'Chức vụ': '  Phó   Chủ tịch UBND phường '.normalize('NFD'),
      }),
    ];
    const res = await upload(officer, 'people', await peopleWorkbook(rows));
    expect(res.body, JSON.stringify(res.body.errors)).toMatchObject({ status: 'applied', created: 3 });
    const stored = await t.ctx.db
      .selectFrom('person')
      .selectAll()
      .where('code', 'in', ['IMP000200', 'IMP000201', 'IMP000202'])
      .orderBy('code')
      .execute();
    expect(stored.map((p) => p.birth_date)).toEqual(['1980-03-05', '1981-12-31', '1980-01-01']);
    expect(stored[1]!.full_name).toBe('Nguyễn Thị Ánh');
    expect(stored[1]!.full_name).toBe(stored[1]!.full_name.normalize('NFC'));
    expect(stored[1]!.search_key).toBe('nguyen thi anh');
    expect(stored[2]!.cccd).toBe(cccdFor('Nam', 1980, 202));
    expect(stored[2]!.ethnicity).toBe('Tày');
    const post = await t.ctx.db
      .selectFrom('position')
      .select('title')
      .where('person_id', '=', stored[2]!.id)
      .executeTakeFirstOrThrow();
    expect(post.title).toBe('Phó Chủ tịch UBND phường');
  });

  it('finds columns under a two-row header with merged cells, in any case, NFD or spacing', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('CÁN BỘ');
    ws.addRow(['DANH SÁCH CÁN BỘ PHƯỜNG BA ĐÌNH']);
    const simple = [
      'mã cán bộ',
      'HỌ VÀ TÊN'.normalize('NFD'),
      'Giới  tính',
      'Ngày sinh',
      'Số CCCD',
      'Đơn vị (mã)',
      'Đối tượng',
    ];
    ws.addRow([...simple, 'Đảng viên', null, null]);
    ws.addRow([...simple.map(() => null), 'trạng thái', 'Ngày vào Đảng', 'Ngày chính thức']);
    for (let i = 0; i < simple.length; i++) ws.mergeCells(2, i + 1, 3, i + 1);
    ws.mergeCells(2, 8, 2, 10);
    ws.addRow([
      'IMP000300',
      'Lê Văn Tám',
      'Nam',
      '10/10/1975',
      cccdFor('Nam', 1975, 300),
      'PBD',
      'Cán bộ',
      'Dự bị',
      '01/06/2025',
      null,
    ]);
    const res = await upload(officer, 'people', Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.body, JSON.stringify(res.body)).toMatchObject({
      status: 'applied',
      created: 1,
      sheet: 'CÁN BỘ',
    });
    const stored = await t.ctx.db
      .selectFrom('person')
      .selectAll()
      .where('code', '=', 'IMP000300')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      full_name: 'Lê Văn Tám',
      staff_category: 'cadre',
      party_status: 'probationary',
      party_admitted_date: '2025-06-01',
      party_full_date: null,
    });
  });

  it('updates only the cells the file fills in; a new main post ends the old one, with history from the import', async () => {
    const base = personRow('PBD', 400);
    expect((await upload(officer, 'people', await peopleWorkbook([base]))).body).toMatchObject({
      status: 'applied',
      created: 1,
    });
    const person = await t.ctx.db
      .selectFrom('person')
      .selectAll()
      .where('code', '=', 'IMP000400')
      .executeTakeFirstOrThrow();
    await t.ctx.db.updateTable('person').set({ phone: '0912345678' }).where('id', '=', person.id).execute();

    const change = {
      ...base,
      'Chức vụ': 'Phó Trưởng phòng',
      'Ngày bổ nhiệm': '01/01/2024',
      'Lãnh đạo, quản lý': 'Có',
      'Quê quán': 'Xã Đông Anh, Hà Nội',
    };
    const res = await upload(officer, 'people', await peopleWorkbook([change]));
    expect(res.body).toMatchObject({ status: 'applied', created: 0, updated: 1, unchanged: 0 });
    const after = await t.ctx.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      hometown: 'Xã Đông Anh, Hà Nội',
      phone: '0912345678',
      version: person.version + 1,
    });
    const posts = await t.ctx.db
      .selectFrom('position')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('start_date')
      .execute();
    expect(posts.map((p) => [p.title, p.start_date, p.end_date, p.is_leader])).toEqual([
      ['Chuyên viên', '2020-08-01', '2024-01-01', false],
      ['Phó Trưởng phòng', '2024-01-01', null, true],
    ]);
    const history = await t.ctx.db
      .selectFrom('person_history')
      .selectAll()
      .where('person_id', '=', person.id)
      .orderBy('changed_at')
      .execute();
    expect(history.every((h) => h.source === 'import')).toBe(true);
    expect(history).toHaveLength(2); // one row per import of the record
    const sections = unbundle(history.slice(-1))
      .map((h) => h.section)
      .sort();
    expect(sections).toEqual(['position', 'position', 'profile']);
    expect(unbundle(history).find((h) => h.section === 'profile' && h.before !== null)).toMatchObject({
      before: { hometown: null },
      after: { hometown: 'Xã Đông Anh, Hà Nội' },
    });

    // The person's timeline shows each section's change, as it shows the form's changes.
    const timeline = await officer.get(`/api/people/${person.id}/history`);
    expect(timeline.status).toBe(200);
    const shown = timeline.body.events
      .filter((e: { type: string }) => e.type === 'change')
      .map((e: { change: { section: string; action: string; source: string; after: unknown } }) => e.change);
    expect(shown.every((c: { source: string }) => c.source === 'import')).toBe(true);
    expect(shown.map((c: { section: string; action: string }) => `${c.section} ${c.action}`).sort()).toEqual([
      'position created',
      'position created',
      'position updated',
      'profile created',
      'profile updated',
    ]);
    expect(shown).toContainEqual(
      expect.objectContaining({
        section: 'position',
        action: 'updated',
        before: expect.objectContaining({ endDate: null }),
        after: expect.objectContaining({ endDate: '2024-01-01' }),
      }),
    );
    expect(new Set(shown.map((c: { id: string }) => c.id)).size).toBe(shown.length);
  });

  it('rejects a file with bad rows, names each row and column, writes nothing and offers the report', async () => {
    const first = personRow('PBD', 500);
    const rows: Row[] = [
      first,
      personRow('PBD', 501, { 'Số CCCD': '12345' }),
      { ...first, 'Mã cán bộ': 'IMP000502' },
      personRow('PBD', 503, { 'Ngày sinh (dd/mm/yyyy)': '31/02/1980' }),
      personRow('PBD', 504, { 'Giới tính': 'Khác' }),
      personRow('PBD', 505, { 'Đơn vị (mã)': 'KHONGCO' }),
      personRow('PBD', 506, {
        'Đảng viên: trạng thái': 'Chính thức',
        'Ngày vào Đảng': null,
        'Ngày chính thức': null,
      }),
      personRow('PBD', 507, { 'Họ và tên': '   ' }),
    ];
    const before = await counts(t);
    const res = await upload(officer, 'people', await peopleWorkbook(rows), 'co-loi.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('rejected');
    expect(await counts(t)).toEqual(before);
    const byRow = (row: number) => res.body.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([
      expect.objectContaining({
        column: 'Số CCCD',
        cell: 'F3',
        value: '12345',
        message: 'Số CCCD phải gồm đúng 12 chữ số.',
      }),
    ]);
    expect(byRow(4)[0]).toMatchObject({ column: 'Số CCCD', message: 'Số CCCD trùng với dòng 2.' });
    expect(byRow(5)[0]).toMatchObject({
      column: 'Ngày sinh (dd/mm/yyyy)',
      value: '31/02/1980',
      message: 'Ngày 31/02/1980 không tồn tại.',
    });
    expect(byRow(6)[0]).toMatchObject({ column: 'Giới tính', value: 'Khác' });
    expect(byRow(6)[0].message).toContain('Nam; Nữ');
    expect(byRow(7)[0]).toMatchObject({
      column: 'Đơn vị (mã)',
      value: 'KHONGCO',
      messageEn: expect.stringContaining('KHONGCO'),
    });
    expect(byRow(8)[0]).toMatchObject({
      column: 'Ngày vào Đảng',
      message: 'Đảng viên phải có ngày vào Đảng.',
    });
    expect(byRow(9)[0]).toMatchObject({ column: 'Họ và tên', message: 'Chưa nhập (bắt buộc).' });
    expect(res.body.errorCount).toBe(res.body.errors.length);

    const report = await download(t, officer, `/api/imports/${res.body.id}/report.xlsx`);
    expect(report.status).toBe(200);
    expect(String(report.headers['content-disposition'])).toContain('co-loi.errors.xlsx');
    const sheet = (await readWorkbook(report.bytes)).getWorksheet('Lỗi')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Dòng',
      'Cột',
      'Ô',
      'Giá trị',
      'Lỗi',
      'Error (English)',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 5)).toEqual([3, 'Số CCCD', 'F3', '12345']);
  });

  it('refuses people of a unit outside the officer’s scope row by row, and staff altogether', async () => {
    const before = await counts(t);
    const res = await upload(
      officer,
      'people',
      await peopleWorkbook([personRow('PBD', 600), personRow('PHK', 601)]),
    );
    expect(res.body.status).toBe('rejected');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'Đơn vị (mã)',
        value: 'PHK',
        message: 'Không có đơn vị mã "PHK" trong phạm vi bạn được nhập dữ liệu.',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('Hoàn Kiếm');
    expect(await counts(t)).toEqual(before);

    const staff = await t.as(await t.build.user({ unit: ward, role: 'staff' }));
    const refused = await upload(staff, 'people', await peopleWorkbook([personRow('PBD', 602)]));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.any(String),
      messageEn: expect.any(String),
    });
    expect((await download(t, staff, '/api/imports/templates/people.xlsx')).status).toBe(403);
    // Another ward's officer cannot read this officer's run.
    const stranger = await t.as(await t.build.user({ unit: otherWard, role: 'officer' }));
    expect((await stranger.get(`/api/imports/${res.body.id}`)).status).toBe(404);
    expect((await officer.get(`/api/imports/${res.body.id}`)).status).toBe(200);
    expect(
      (await officer.get('/api/imports')).body.items.some((r: { id: string }) => r.id === res.body.id),
    ).toBe(true);
  });
});
