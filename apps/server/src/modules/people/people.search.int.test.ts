import { comparePersonNames } from '@canbo/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { todayInVietnam, yearsBefore } from './people.dates';
import { personInput } from './people.fixtures';

const names = (res: { body: { items: { fullName: string }[] } }) => res.body.items.map((p) => p.fullName);

describe('people: search without diacritics, Vietnamese order, filters, paging', () => {
  let t: TestContext;
  let city: TestUnit;
  let ward: TestUnit;
  let school: TestUnit;
  let sorting: TestUnit;
  let admin: Client;
  const today = todayInVietnam();
  /** Turned `age` today. */
  const born = (age: number) => yearsBefore(today, age);

  async function add(unit: TestUnit, fullName: string, extra: Record<string, unknown> = {}) {
    const res = await admin.post('/api/people', personInput(unit, { fullName, ...extra }));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; code: string; cccd: string };
  }

  beforeAll(async () => {
    t = await createTestContext();
    city = await t.build.unit({ name: 'Sở Nội vụ' });
    ward = await t.build.unit({ name: 'Phường Láng' });
    school = await t.build.unit({ parent: ward, name: 'Trường Tiểu học Láng' });
    sorting = await t.build.unit({ name: 'Đơn vị thử thứ tự' });
    admin = await t.as(await t.build.user({ role: 'admin' }));
    await add(ward, 'Nguyễn Văn Đức');
    await add(ward, 'Nguyễn Thị Đức Hạnh', { sex: 'female' });
    await add(school, 'Trần Đức Nguyên');
    await add(city, 'Phạm Văn Đực');
    await add(city, 'Lý Văn 50%_x');
  });
  afterAll(() => t.close());

  it('finds "Nguyễn Văn Đức" from "nguyen van duc", any case, any word order, NFD input', async () => {
    expect(names(await admin.get('/api/people?q=nguyen%20van%20duc'))).toEqual(['Nguyễn Văn Đức']);
    expect(names(await admin.get('/api/people?q=NGUYEN%20VAN%20DUC'))).toEqual(['Nguyễn Văn Đức']);
    expect(names(await admin.get('/api/people?q=duc%20nguyen')).sort()).toEqual(
      ['Nguyễn Văn Đức', 'Nguyễn Thị Đức Hạnh', 'Trần Đức Nguyên'].sort(),
    );
    const nfd = encodeURIComponent('Nguyễn Văn Đức'.normalize('NFD'));
    expect(names(await admin.get(`/api/people?q=${nfd}`))).toEqual(['Nguyễn Văn Đức']);
    const upper = await admin.get('/api/people?q=NGUYEN');
    expect(names(upper).sort()).toEqual(['Nguyễn Thị Đức Hạnh', 'Nguyễn Văn Đức', 'Trần Đức Nguyên'].sort());
    expect(upper.body.total).toBe(3);
    // Diacritics in the query are ignored too: "đực" finds Đức as well as Đực.
    expect(names(await admin.get(`/api/people?q=${encodeURIComponent('văn đực')}`)).sort()).toEqual(
      ['Nguyễn Văn Đức', 'Phạm Văn Đực'].sort(),
    );
  });

  it('treats LIKE wildcards in the query as text', async () => {
    expect(names(await admin.get('/api/people?q=%25'))).toEqual(['Lý Văn 50%_x']);
    expect(names(await admin.get('/api/people?q=_'))).toEqual(['Lý Văn 50%_x']);
    expect((await admin.get('/api/people?q=n_uyen')).body.total).toBe(0);
  });

  it('finds a record by its code exactly', async () => {
    const p = await add(city, 'Đinh Văn Mã', { code: 'HN.SNV-0042' });
    expect(
      (await admin.get('/api/people?q=HN.SNV-0042')).body.items.map((i: { id: string }) => i.id),
    ).toEqual([p.id]);
  });

  it('sorts in Vietnamese order by given name, then the rest, on this engine', async () => {
    const list = [
      'Trần Văn Đặng',
      'Lê Thị Mạ',
      'Nguyễn Văn Ân',
      'Đặng Văn Bình',
      'Lê Thị Má',
      'Nguyễn Văn Ăn',
      'Trần Văn Dương',
      'Lê Thị Mã',
      'Bùi Thị Bình',
      'Lê Thị Mả',
      'Nguyễn Văn An',
      'Dương Văn Bình',
      'Lê Thị Mà',
      'Lê Thị Ma',
    ];
    for (const name of list) await add(sorting, name);
    const expected = [
      'Nguyễn Văn An',
      'Nguyễn Văn Ăn',
      'Nguyễn Văn Ân',
      'Bùi Thị Bình',
      'Dương Văn Bình',
      'Đặng Văn Bình',
      'Trần Văn Dương',
      'Trần Văn Đặng',
      'Lê Thị Ma',
      'Lê Thị Mà',
      'Lê Thị Mả',
      'Lê Thị Mã',
      'Lê Thị Má',
      'Lê Thị Mạ',
    ];
    const res = await admin.get(`/api/people?unitId=${sorting.id}&pageSize=50`);
    expect(names(res)).toEqual(expected);
    expect([...list].sort(comparePersonNames)).toEqual(expected);
    const desc = await admin.get(`/api/people?unitId=${sorting.id}&pageSize=50&order=desc`);
    expect(names(desc)).toEqual([...expected].reverse());
    // Pages follow the same order, with the total.
    const page2 = await admin.get(`/api/people?unitId=${sorting.id}&pageSize=5&page=2`);
    expect(page2.body.total).toBe(expected.length);
    expect(names(page2)).toEqual(expected.slice(5, 10));
  });

  it('sorts by birth date or code on request', async () => {
    const unit = await t.build.unit({ name: 'Đơn vị thử sắp theo ngày sinh' });
    await add(unit, 'Hà Văn Một', { birthDate: '1990-01-01', code: 'Z-1' });
    await add(unit, 'Hà Văn Hai', { birthDate: '1970-01-01', code: 'Z-3' });
    await add(unit, 'Hà Văn Ba', { birthDate: '1980-01-01', code: 'Z-2' });
    expect(names(await admin.get(`/api/people?unitId=${unit.id}&sort=birthDate`))).toEqual([
      'Hà Văn Hai',
      'Hà Văn Ba',
      'Hà Văn Một',
    ]);
    expect(names(await admin.get(`/api/people?unitId=${unit.id}&sort=code&order=desc`))).toEqual([
      'Hà Văn Hai',
      'Hà Văn Ba',
      'Hà Văn Một',
    ]);
  });

  it('filters by unit subtree, category, sex, ethnicity, age and status', async () => {
    const unit = await t.build.unit({ name: 'Xã Tà Xùa' });
    const team = await t.build.unit({ parent: unit, name: 'Ban Văn hóa xã' });
    await add(unit, 'Giàng A Páo', { ethnicity: 'Mông', birthDate: born(25), staffCategory: 'cadre' });
    await add(team, 'Sùng Thị Mai', {
      ethnicity: 'Mông',
      sex: 'female',
      birthDate: born(35),
      staffCategory: 'commune_nonprofessional',
    });
    await add(team, 'Lò Văn Khánh', {
      ethnicity: 'Thái',
      birthDate: born(45),
      staffCategory: 'civil_servant',
    });
    await add(unit, 'Vàng Văn Sinh', {
      ethnicity: 'Kinh',
      birthDate: born(55),
      staffCategory: 'civil_servant',
      status: 'retired',
    });
    const q = (query: string) => admin.get(`/api/people?unitId=${unit.id}&${query}`).then(names);
    expect((await q('')).sort()).toEqual(['Giàng A Páo', 'Lò Văn Khánh', 'Sùng Thị Mai'].sort());
    expect((await q('status=all')).length).toBe(4);
    expect(await q('status=retired')).toEqual(['Vàng Văn Sinh']);
    expect((await admin.get(`/api/people?unitId=${team.id}`).then(names)).sort()).toEqual([
      'Lò Văn Khánh',
      'Sùng Thị Mai',
    ]);
    expect(await q('staffCategory=cadre')).toEqual(['Giàng A Páo']);
    expect(await q('sex=female')).toEqual(['Sùng Thị Mai']);
    expect((await q(`ethnicity=${encodeURIComponent('Mông')}`)).sort()).toEqual([
      'Giàng A Páo',
      'Sùng Thị Mai',
    ]);
    expect(await q('ageBand=under30')).toEqual(['Giàng A Páo']);
    expect(await q('ageBand=30to39')).toEqual(['Sùng Thị Mai']);
    expect(await q('ageBand=40to49')).toEqual(['Lò Văn Khánh']);
    expect(await q('ageBand=50plus&status=all')).toEqual(['Vàng Văn Sinh']);
    expect((await q('ageFrom=35&ageTo=45')).sort()).toEqual(['Lò Văn Khánh', 'Sùng Thị Mai']);
    expect(await q('ageFrom=25&ageTo=25')).toEqual(['Giàng A Páo']);
    const bad = await admin.get('/api/people?ageFrom=50&ageTo=40');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('query.ageTo');
    expect((await admin.get('/api/people?asOf=2024-13-01')).status).toBe(400);
  });

  it('ages on the boundary: the day before the birthday is still the younger age', async () => {
    const unit = await t.build.unit({ name: 'Đơn vị thử tuổi' });
    const tomorrow30 = yearsBefore(today, 30).replace(/^(\d{4})-(\d\d)-(\d\d)$/, (_m, y, mo, d) => {
      const next = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d) + 1));
      return next.toISOString().slice(0, 10);
    });
    await add(unit, 'Mai Văn Sắp', { birthDate: tomorrow30 });
    await add(unit, 'Mai Văn Đủ', { birthDate: yearsBefore(today, 30) });
    expect(await admin.get(`/api/people?unitId=${unit.id}&ageBand=under30`).then(names)).toEqual([
      'Mai Văn Sắp',
    ]);
    expect(await admin.get(`/api/people?unitId=${unit.id}&ageBand=30to39`).then(names)).toEqual([
      'Mai Văn Đủ',
    ]);
  });

  it('filters by the words of a post held, without diacritics, and counts concurrent posts in a unit', async () => {
    const commune = await t.build.unit({ name: 'Xã Minh Phú' });
    const elsewhere = await t.build.unit({ name: 'Huyện ủy' });
    const chair = await add(commune, 'Kiều Văn Chủ');
    const deputy = await add(commune, 'Kiều Văn Phó');
    const visitor = await add(elsewhere, 'Kiều Văn Kiêm');
    const post = (id: string, body: Record<string, unknown>) =>
      admin.post(`/api/people/${id}/positions`, body);
    expect(
      (
        await post(chair.id, {
          unitId: commune.id,
          title: 'Chủ tịch UBND xã',
          isLeader: true,
          startDate: '2021-06-01',
        })
      ).status,
    ).toBe(201);
    await post(deputy.id, { unitId: commune.id, title: 'Phó Chủ tịch UBND xã', startDate: '2021-06-01' });
    await post(deputy.id, {
      unitId: commune.id,
      title: 'Chủ tịch Hội Nông dân',
      startDate: '2015-01-01',
      endDate: '2020-01-01',
    });
    await post(visitor.id, {
      unitId: commune.id,
      title: 'Bí thư Đảng ủy xã',
      isConcurrent: true,
      isLeader: true,
      startDate: '2022-01-01',
    });
    const q = (query: string) => admin.get(`/api/people?${query}`).then(names);
    expect((await q('position=chu%20tich')).sort()).toEqual(['Kiều Văn Chủ', 'Kiều Văn Phó']);
    expect(await q(`position=${encodeURIComponent('PHÓ CHỦ')}`)).toEqual(['Kiều Văn Phó']);
    expect(await q('position=hoi%20nong%20dan')).toEqual([]);
    expect(await q('position=hoi%20nong%20dan&asOf=2018-01-01')).toEqual(['Kiều Văn Phó']);
    // The unit filter takes people whose record is there and people who hold a post there.
    expect((await q(`unitId=${commune.id}`)).sort()).toEqual([
      'Kiều Văn Chủ',
      'Kiều Văn Kiêm',
      'Kiều Văn Phó',
    ]);
    const list = await admin.get(`/api/people?unitId=${commune.id}&q=chu`);
    expect(list.body.items[0].positions).toEqual([
      expect.objectContaining({
        title: 'Chủ tịch UBND xã',
        unitName: 'Xã Minh Phú',
        isLeader: true,
        isConcurrent: false,
      }),
    ]);
  });

  it('filters by a unit subtree as it was on a date (org_unit_version)', async () => {
    const wardA = await t.build.unit({ name: 'Phường A cũ' });
    const wardB = await t.build.unit({ name: 'Phường B mới' });
    const group = await t.build.unit({ parent: wardB, name: 'Tổ dân phố số 5' });
    // The group lay under ward A until 2024-07-01, then was moved under ward B.
    const db = t.ctx.db;
    const version = (validFrom: string, validTo: string | null, parent: TestUnit) => ({
      tenant_id: t.ctx.tenantId,
      unit_id: group.id,
      valid_from: validFrom,
      valid_to: validTo,
      code: group.code,
      name: group.name,
      short_name: null,
      type: 'other',
      parent_id: parent.id,
      path: `${parent.path}${group.id}/`,
      depth: 2,
      is_party_org: false,
      change_id: null,
    });
    // Both wards exist since 2000; the group's versions are rewritten with its move.
    await db
      .updateTable('org_unit_version')
      .set({ valid_from: '2000-01-01' })
      .where('unit_id', 'in', [wardA.id, wardB.id])
      .execute();
    await db.deleteFrom('org_unit_version').where('unit_id', '=', group.id).execute();
    await db
      .insertInto('org_unit_version')
      .values([version('2000-01-01', '2024-07-01', wardA), version('2024-07-01', null, wardB)])
      .execute();
    await add(group, 'Tạ Văn Tổ');
    const member = await add(wardB, 'Tạ Văn Trưởng');
    await admin.post(`/api/people/${member.id}/positions`, {
      unitId: group.id,
      title: 'Tổ trưởng',
      startDate: '2023-01-01',
      endDate: '2024-03-01',
    });
    const q = (unit: TestUnit, asOf?: string) =>
      admin.get(`/api/people?unitId=${unit.id}${asOf ? `&asOf=${asOf}` : ''}`).then(names);
    expect(await q(wardA)).toEqual([]);
    expect((await q(wardA, '2024-01-01')).sort()).toEqual(['Tạ Văn Trưởng', 'Tạ Văn Tổ'].sort());
    expect(await q(wardA, '2024-05-01')).toEqual(['Tạ Văn Tổ']);
    expect(await q(wardA, '2024-08-01')).toEqual([]);
    expect((await q(wardB)).sort()).toEqual(['Tạ Văn Trưởng', 'Tạ Văn Tổ'].sort());
    expect(await q(wardB, '2024-01-01')).toEqual(['Tạ Văn Trưởng']);
  });

  it('pages carry the total and respect the page size limit', async () => {
    const res = await admin.get('/api/people?pageSize=2&page=1');
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThan(20);
    expect((await admin.get('/api/people?pageSize=500')).status).toBe(400);
    expect((await admin.get('/api/people?sort=salary')).status).toBe(400);
  });
});
