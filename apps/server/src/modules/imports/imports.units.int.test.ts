import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { todayInVietnam } from '../people/people.dates';
import { counts, download, readWorkbook, UNIT_HEADERS, unitsWorkbook, upload } from './imports.fixtures';

describe('units import', () => {
  let t: TestContext;
  let ward: TestUnit;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Đảng bộ phường Ba Đình', code: 'DBBD' });
    await t.build.unit({ name: 'Đảng bộ phường Ngọc Hà', code: 'DBNH' });
    // The wards have existed since 2015 (the builder starts units today).
    await t.ctx.db
      .updateTable('org_unit')
      .set({ valid_from: '2015-01-01' })
      .where('code', 'in', ['DBBD', 'DBNH'])
      .execute();
    await t.ctx.db
      .updateTable('org_unit_version')
      .set({ valid_from: '2015-01-01' })
      .where('code', 'in', ['DBBD', 'DBNH'])
      .execute();
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  const unit = (code: string) =>
    t.ctx.db.selectFrom('org_unit').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const versions = async (code: string) =>
    t.ctx.db
      .selectFrom('org_unit_version')
      .selectAll()
      .where('unit_id', '=', (await unit(code)).id)
      .orderBy('valid_from')
      .execute();

  const tree = [
    // A child before its parent: the order of rows does not matter.
    {
      'Mã đơn vị': 'CB-BD-01-A',
      'Tên đơn vị': 'Tổ đảng số 1',
      'Mã đơn vị cấp trên': 'CB-BD-01',
      'Loại đơn vị': 'Khác',
      'Ngày thành lập (dd/mm/yyyy)': '01/01/2021',
    },
    {
      'Mã đơn vị': 'CB-BD-01',
      'Tên đơn vị': 'Chi bộ Khu dân cư số 1',
      'Mã đơn vị cấp trên': 'DBBD',
      'Loại đơn vị': 'chi bo truc thuoc',
      Cấp: 'Cơ sở',
      'Ngày thành lập (dd/mm/yyyy)': '01/01/2020',
    },
    {
      'Mã đơn vị': 'CB-BD-02',
      'Tên đơn vị': 'Chi bộ Khu dân cư số 2',
      'Mã đơn vị cấp trên': 'DBBD',
      'Loại đơn vị': 'Chi bộ trực thuộc',
      'Tổ chức đảng': 'Không',
    },
  ];

  it('creates a subtree in one go, parents from the file or the system, each with its first dated version', async () => {
    const before = await counts(t);
    const res = await upload(officer, 'units', await unitsWorkbook(tree));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body, JSON.stringify(res.body.errors)).toMatchObject({
      status: 'applied',
      created: 3,
      updated: 0,
      unchanged: 0,
    });
    const [cell, group, second] = [await unit('CB-BD-01'), await unit('CB-BD-01-A'), await unit('CB-BD-02')];
    expect(cell).toMatchObject({
      parent_id: ward.id,
      path: `${ward.path}${cell.id}/`,
      type: 'party_cell',
      level: 'base',
      is_party_org: true,
      valid_from: '2020-01-01',
    });
    expect(group).toMatchObject({
      parent_id: cell.id,
      path: `${cell.path}${group.id}/`,
      depth: cell.depth + 1,
      type: 'other',
      is_party_org: false,
    });
    expect(second).toMatchObject({ is_party_org: false, valid_from: todayInVietnam() });
    expect(cell.search_key).toContain('chi bo khu dan cu so 1');
    const after = await counts(t);
    expect(after.org_unit - before.org_unit).toBe(3);
    expect(after.org_unit_version - before.org_unit_version).toBe(3);
    expect(after.org_change - before.org_change).toBe(3);
    expect(after.audit_log - before.audit_log).toBe(1);
    // The org module sees them: the ward lists its new cells, and the change history shows the creation.
    const children = await officer.get(`/api/units?parentId=${ward.id}`);
    expect(children.body.items.map((u: { code: string }) => u.code)).toEqual(['CB-BD-01', 'CB-BD-02']);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await counts(t);
    const res = await upload(officer, 'units', await unitsWorkbook(tree));
    expect(res.body).toMatchObject({ status: 'applied', created: 0, updated: 0, unchanged: 3 });
    expect(await counts(t)).toEqual({ ...before, audit_log: before.audit_log + 1 });
  });

  it('changes a unit from today on, keeping its earlier version', async () => {
    const rename = [
      { 'Mã đơn vị': 'CB-BD-01', 'Tên đơn vị': 'Chi bộ Tổ dân phố số 1', 'Địa chỉ': 'Số 1 Đội Cấn' },
    ];
    const res = await upload(
      officer,
      'units',
      await unitsWorkbook(rename, ['Mã đơn vị', 'Tên đơn vị', 'Địa chỉ']),
    );
    expect(res.body).toMatchObject({ status: 'applied', created: 0, updated: 1 });
    const today = todayInVietnam();
    const list = await versions('CB-BD-01');
    expect(list.map((v) => [v.valid_from, v.valid_to, v.name])).toEqual([
      ['2020-01-01', today, 'Chi bộ Khu dân cư số 1'],
      [today, null, 'Chi bộ Tổ dân phố số 1'],
    ]);
    expect(await unit('CB-BD-01')).toMatchObject({
      name: 'Chi bộ Tổ dân phố số 1',
      address: 'Số 1 Đội Cấn',
      type: 'party_cell',
      version: 2,
    });
    const asOf = await officer.get(`/api/units/${list[0]!.unit_id}?asOf=2024-01-01`);
    expect(asOf.body.name).toBe('Chi bộ Khu dân cư số 1');
  });

  it('rejects moves, cycles, unknown or out-of-scope parents, future dates and duplicate codes', async () => {
    const before = await counts(t);
    const rows = [
      { 'Mã đơn vị': 'CB-BD-02', 'Tên đơn vị': 'Chi bộ Khu dân cư số 2', 'Mã đơn vị cấp trên': 'CB-BD-01' },
      { 'Mã đơn vị': 'X1', 'Tên đơn vị': 'Vòng 1', 'Mã đơn vị cấp trên': 'X2', 'Loại đơn vị': 'Khác' },
      { 'Mã đơn vị': 'X2', 'Tên đơn vị': 'Vòng 2', 'Mã đơn vị cấp trên': 'X1', 'Loại đơn vị': 'Khác' },
      {
        'Mã đơn vị': 'X3',
        'Tên đơn vị': 'Không cấp trên',
        'Mã đơn vị cấp trên': 'KHONGCO',
        'Loại đơn vị': 'Khác',
      },
      {
        'Mã đơn vị': 'X4',
        'Tên đơn vị': 'Sang phường khác',
        'Mã đơn vị cấp trên': 'DBNH',
        'Loại đơn vị': 'Khác',
      },
      {
        'Mã đơn vị': 'X5',
        'Tên đơn vị': 'Tương lai',
        'Mã đơn vị cấp trên': 'DBBD',
        'Loại đơn vị': 'Khác',
        'Ngày thành lập (dd/mm/yyyy)': '01/01/2099',
      },
      { 'Mã đơn vị': 'X5', 'Tên đơn vị': 'Trùng mã', 'Mã đơn vị cấp trên': 'DBBD', 'Loại đơn vị': 'Khác' },
      { 'Mã đơn vị': 'X6', 'Tên đơn vị': 'Thiếu loại', 'Mã đơn vị cấp trên': 'DBBD' },
    ];
    const res = await upload(officer, 'units', await unitsWorkbook(rows));
    expect(res.body.status).toBe('rejected');
    const at = (row: number) =>
      res.body.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    expect(at(2)).toEqual([
      'Mã đơn vị cấp trên: Không đổi được đơn vị cấp trên khi nhập từ tệp; hãy dùng chức năng chuyển đơn vị.',
    ]);
    expect([...at(3), ...at(4)].join(' ')).toContain('vòng lặp');
    expect(at(5)).toEqual([
      'Mã đơn vị cấp trên: Không có đơn vị cấp trên mã "KHONGCO" (trong tệp hay trong hệ thống).',
    ]);
    expect(at(6)).toEqual(['Mã đơn vị cấp trên: Đơn vị cấp trên ngoài phạm vi bạn được nhập dữ liệu.']);
    expect(at(7)).toEqual(['Ngày thành lập (dd/mm/yyyy): Ngày thành lập không được sau ngày hôm nay.']);
    expect(at(8)).toEqual(['Mã đơn vị: Mã đơn vị trùng với dòng 7.']);
    expect(at(9)).toEqual(['Loại đơn vị: Chưa nhập (bắt buộc với đơn vị mới).']);
    expect(await counts(t)).toEqual(before);
  });

  it('exports the units in the template’s columns, in tree order, and the export imports back unchanged', async () => {
    const file = await download(t, officer, `/api/units/export.xlsx?unitId=${ward.id}`);
    expect(file.status).toBe(200);
    const sheet = (await readWorkbook(file.bytes)).getWorksheet('Đơn vị')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['STT', ...UNIT_HEADERS, 'Ghi chú']);
    const codes = [2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(2).value);
    // Siblings in Vietnamese order of their names ("Khu…" before "Tổ…"), each followed by its own sub-units.
    expect(codes).toEqual(['DBBD', 'CB-BD-02', 'CB-BD-01', 'CB-BD-01-A']);
    expect((sheet.getRow(4).values as unknown[]).slice(1, 5)).toEqual([
      3,
      'CB-BD-01',
      'Chi bộ Tổ dân phố số 1',
      'DBBD',
    ]);
    const again = await upload(officer, 'units', file.bytes);
    expect(again.body).toMatchObject({ status: 'applied', created: 0, updated: 0, unchanged: 4 });
    const outside = await t.ctx.db
      .selectFrom('org_unit')
      .select('id')
      .where('code', '=', 'DBNH')
      .executeTakeFirstOrThrow();
    expect((await download(t, officer, `/api/units/export.xlsx?unitId=${outside.id}`)).status).toBe(404);
  });
});
