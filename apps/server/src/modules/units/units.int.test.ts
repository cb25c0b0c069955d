import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { count, post, snapshot, staff, treeProblems, unit, unitRow } from './org.fixtures';
import { todayInVietnam } from './units.dates';

describe('units: dated versions, as-of queries, rename', () => {
  let t: TestContext;
  let admin: Awaited<ReturnType<TestContext['as']>>;

  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.as(await t.build.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  it('creating a unit writes its first dated version, a "create" change and an audit entry', async () => {
    const res = await admin.post('/api/units', {
      code: 'P-BD-01',
      name: 'Phường Ba Đình',
      parentId: t.root.id,
      type: 'commune',
      level: 'commune',
      shortName: 'P. Ba Đình',
      address: '25 Quán Thánh',
      isPartyOrg: false,
      adminArea: 'Phường Ba Đình, Hà Nội',
      validFrom: '2019-03-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'P-BD-01',
      type: 'commune',
      status: 'active',
      validFrom: '2019-03-01',
      validTo: null,
      depth: 1,
    });
    const history = await admin.get(`/api/units/${res.body.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.versions).toEqual([
      expect.objectContaining({
        validFrom: '2019-03-01',
        validTo: null,
        name: 'Phường Ba Đình',
        parentId: t.root.id,
        pathNames: [t.root.name],
        level: 'commune',
      }),
    ]);
    expect(history.body.changes.map((c: { kind: string }) => c.kind)).toEqual(['create']);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('unit.created');
    const detail = await admin.get(`/api/units/${res.body.id}`);
    expect(detail.body).toMatchObject({
      address: '25 Quán Thánh',
      adminArea: 'Phường Ba Đình, Hà Nội',
      ancestors: [{ id: t.root.id }],
      asOf: null,
    });
  });

  it('refuses a unit that begins before its parent, or in the future, naming the field', async () => {
    const parent = await unit(t, { validFrom: '2021-05-01' });
    const early = await admin.post('/api/units', {
      code: 'X-EARLY',
      name: 'Tổ sớm',
      parentId: parent.id,
      validFrom: '2021-04-30',
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('UNIT_NOT_YET_EXISTING');
    expect(early.body.error.details[0].path).toBe('parentId');
    const future = await admin.post('/api/units', {
      code: 'X-LATE',
      name: 'Tổ muộn',
      parentId: parent.id,
      validFrom: '2099-01-01',
    });
    expect(future.body.error).toMatchObject({
      code: 'DATE_IN_FUTURE',
      details: [expect.objectContaining({ path: 'validFrom' })],
    });
    const badDate = await admin.post('/api/units', {
      code: 'X-BAD',
      name: 'Tổ',
      parentId: parent.id,
      validFrom: '2021-02-30',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.details[0].path).toBe('body.validFrom');
  });

  it('a rename is dated: before the date the old name comes back, after it the new one, searchable without diacritics', async () => {
    const ward = await unit(t, { name: 'Phường Đồng Xuân', validFrom: '2018-01-01' });
    const renamed = await admin.patch(`/api/units/${ward.id}`, {
      version: ward.version,
      effectiveDate: '2024-07-01',
      name: 'Phường Hoàn Kiếm',
      decisionNumber: '1285/NQ-UBTVQH15',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Phường Hoàn Kiếm', version: ward.version + 1 });

    expect((await admin.get(`/api/units/${ward.id}?asOf=2024-06-30`)).body.name).toBe('Phường Đồng Xuân');
    expect((await admin.get(`/api/units/${ward.id}?asOf=2024-07-01`)).body.name).toBe('Phường Hoàn Kiếm');
    expect((await admin.get(`/api/units/${ward.id}?asOf=2017-12-31`)).status).toBe(404);

    const before = await admin.get('/api/units?q=dong%20xuan&asOf=2024-01-01');
    expect(before.body.items.map((u: { id: string }) => u.id)).toEqual([ward.id]);
    expect((await admin.get('/api/units?q=dong%20xuan')).body.items).toEqual([]);
    expect((await admin.get('/api/units?q=HOAN%20KIEM')).body.items.map((u: { id: string }) => u.id)).toEqual(
      [ward.id],
    );

    const history = (await admin.get(`/api/units/${ward.id}/history`)).body;
    expect(
      history.versions.map((v: { validFrom: string; validTo: string | null; name: string }) => [
        v.validFrom,
        v.validTo,
        v.name,
      ]),
    ).toEqual([
      ['2018-01-01', '2024-07-01', 'Phường Đồng Xuân'],
      ['2024-07-01', null, 'Phường Hoàn Kiếm'],
    ]);
    expect(history.changes.map((c: { kind: string }) => c.kind)).toEqual(['create', 'rename']);
    expect(history.changes[1]).toMatchObject({
      decisionNumber: '1285/NQ-UBTVQH15',
      summary: { counts: { unitsRenamed: 1 } },
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', ward.id)
      .where('action', '=', 'unit.renamed')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ name: 'Phường Đồng Xuân' });
  });

  it('a change on the day the current version began rewrites it instead of leaving an empty period', async () => {
    const office = await unit(t, { name: 'Văn phòng', validFrom: '2023-03-01' });
    const res = await admin.patch(`/api/units/${office.id}`, {
      version: office.version,
      effectiveDate: '2023-03-01',
      shortName: 'VP',
    });
    expect(res.status).toBe(200);
    const history = (await admin.get(`/api/units/${office.id}/history`)).body;
    expect(history.versions).toHaveLength(1);
    expect(history.versions[0]).toMatchObject({ validFrom: '2023-03-01', shortName: 'VP' });
    expect(history.changes.map((c: { kind: string }) => c.kind)).toEqual(['create', 'rename']);
  });

  it('attribute corrections are recorded as updates with a dated version', async () => {
    const agency = await unit(t, { name: 'Sở Nội vụ', validFrom: '2015-01-01', type: 'state_agency' });
    const res = await admin.patch(`/api/units/${agency.id}`, {
      version: agency.version,
      effectiveDate: '2025-07-01',
      type: 'department',
      isPartyOrg: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'department', isPartyOrg: true });
    const history = (await admin.get(`/api/units/${agency.id}/history`)).body;
    expect(history.versions.map((v: { type: string }) => v.type)).toEqual(['state_agency', 'department']);
    expect(history.changes.at(-1).kind).toBe('update');
    expect((await admin.get(`/api/units/${agency.id}?asOf=2025-06-30`)).body).toMatchObject({
      type: 'state_agency',
      isPartyOrg: false,
    });
  });

  it('refusals name the field and write nothing: stale version, date before the last change, future date, taken code', async () => {
    const ward = await unit(t, { name: 'Phường Cửa Nam', validFrom: '2020-01-01' });
    await admin.patch(`/api/units/${ward.id}`, {
      version: ward.version,
      effectiveDate: '2024-01-01',
      name: 'Phường Cửa Nam mới',
    });
    const before = await snapshot(t);

    const stale = await admin.patch(`/api/units/${ward.id}`, {
      version: ward.version,
      effectiveDate: '2024-06-01',
      name: 'Tên khác',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');

    const current = (await unitRow(t, ward.id)).version;
    const earlier = await admin.patch(`/api/units/${ward.id}`, {
      version: current,
      effectiveDate: '2023-12-31',
      name: 'Tên khác',
    });
    expect(earlier.status).toBe(422);
    expect(earlier.body.error).toMatchObject({
      code: 'DATE_BEFORE_LAST_CHANGE',
      details: [expect.objectContaining({ path: 'effectiveDate' }), expect.anything()],
    });
    expect(earlier.body.error.message).toContain('01/01/2024');
    expect(earlier.body.error.messageEn).toContain('2024-01-01');

    const future = await admin.patch(`/api/units/${ward.id}`, {
      version: current,
      effectiveDate: '2099-01-01',
      name: 'Tên khác',
    });
    expect(future.body.error.code).toBe('DATE_IN_FUTURE');

    const other = await unit(t);
    const taken = await admin.patch(`/api/units/${ward.id}`, {
      version: current,
      effectiveDate: '2024-06-01',
      code: other.code,
    });
    expect(taken.body.error).toMatchObject({
      code: 'UNIT_CODE_TAKEN',
      details: [expect.objectContaining({ path: 'code' })],
    });

    const nothing = await admin.patch(`/api/units/${ward.id}`, {
      version: current,
      effectiveDate: '2024-06-01',
      name: 'Phường Cửa Nam mới',
    });
    expect(nothing.body.error.code).toBe('NOTHING_TO_CHANGE');

    const missingDate = await admin.patch(`/api/units/${ward.id}`, { version: current, name: 'Tên khác' });
    expect(missingDate.status).toBe(400);
    expect(missingDate.body.error.details.map((d: { path: string }) => d.path)).toContain(
      'body.effectiveDate',
    );

    const after = await snapshot(t);
    expect(after.counts.org_change).toBe(before.counts.org_change + 1); // only `other` was created
    expect(after.versions.find((v) => v.id === ward.id)).toEqual(
      before.versions.find((v) => v.id === ward.id),
    );
  });

  it('lists children in Vietnamese order, hides closed units unless asked, and gives the top of the scope', async () => {
    const parent = await unit(t, { name: 'Đảng bộ Khối' });
    for (const name of ['Chi bộ Đặng', 'Chi bộ Ăn', 'Chi bộ Bùi', 'Chi bộ An', 'Chi bộ Ân', 'Chi bộ Dương'])
      await unit(t, { parent, name });
    const list = await admin.get(`/api/units?parentId=${parent.id}`);
    expect(list.body.items.map((u: { name: string }) => u.name)).toEqual([
      'Chi bộ An',
      'Chi bộ Ăn',
      'Chi bộ Ân',
      'Chi bộ Bùi',
      'Chi bộ Dương',
      'Chi bộ Đặng',
    ]);
    const officer = await t.build.user({ role: 'officer', unit: parent });
    const top = await (await t.as(officer)).get('/api/units');
    expect(top.body.items).toEqual([expect.objectContaining({ id: parent.id, hasChildren: true })]);
    const topAsOf = await (await t.as(officer)).get('/api/units?asOf=2021-01-01');
    expect(topAsOf.body.items.map((u: { id: string }) => u.id)).toEqual([parent.id]);
  });

  it('summarises posts and people of a unit and its subtree on a date', async () => {
    const ward = await unit(t, { name: 'Phường Kim Liên', validFrom: '2019-01-01' });
    const office = await unit(t, {
      parent: ward,
      name: 'Văn phòng phường Kim Liên',
      validFrom: '2019-01-01',
    });
    const people = await staff(t, ward.id, 5, { since: '2021-01-01', leaders: 2 });
    await staff(t, office.id, 3, { since: '2023-01-01' });
    await post(t, people[0]!.id, office.id, { since: '2022-01-01', until: '2024-01-01' });
    const today = (await admin.get(`/api/units/${ward.id}/summary`)).body;
    expect(today).toMatchObject({
      childUnits: 1,
      subtreeUnits: 1,
      positions: 5,
      leaders: 2,
      concurrent: 0,
      people: 5,
      positionsInSubtree: 8,
      peopleInSubtree: 8,
      recordsKept: 5,
      asOf: todayInVietnam(),
    });
    const in2022 = (await admin.get(`/api/units/${ward.id}/summary?asOf=2022-06-01`)).body;
    expect(in2022).toMatchObject({ positions: 5, positionsInSubtree: 6, peopleInSubtree: 5 });
    expect((await admin.get(`/api/units/${ward.id}/summary?asOf=2020-06-01`)).body.positionsInSubtree).toBe(
      0,
    );
  });

  it('lists the posts of a unit for people readers only, paged in name order', async () => {
    const ward = await unit(t, { name: 'Phường Láng Hạ' });
    await staff(t, ward.id, 7, {
      names: [
        'Trần Văn Bình',
        'Lê Thị An',
        'Phạm Văn Đức',
        'Nguyễn Văn An',
        'Bùi Thị Hà',
        'Đỗ Văn Cường',
        'Vũ Minh Dũng',
      ],
    });
    const page1 = await admin.get(`/api/units/${ward.id}/positions?pageSize=4`);
    expect(page1.body.total).toBe(7);
    expect(page1.body.items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Lê Thị An',
      'Nguyễn Văn An',
      'Trần Văn Bình',
      'Đỗ Văn Cường',
    ]);
    expect(page1.body.items[0]).toMatchObject({ title: 'Chuyên viên', recordKeptHere: true, endDate: null });
    const staffUser = await t.as(await t.build.user({ role: 'staff', unit: ward }));
    expect((await staffUser.get(`/api/units/${ward.id}/positions`)).status).toBe(403);
    const outsider = await t.as(await t.build.user({ role: 'officer', unit: await unit(t) }));
    expect((await outsider.get(`/api/units/${ward.id}/positions`)).status).toBe(404);
  });

  it('every unit has exactly one open version matching its current row', async () => {
    const rows = await t.ctx.db
      .selectFrom('org_unit as u')
      .leftJoin('org_unit_version as v', (j) =>
        j.onRef('v.unit_id', '=', 'u.id').on('v.valid_to', 'is', null),
      )
      .select(['u.id', 'u.name', 'u.path', 'u.status', 'v.name as v_name', 'v.path as v_path'])
      .where('u.tenant_id', '=', t.ctx.tenantId)
      .execute();
    expect(rows.length).toBe(await count(t, 'org_unit'));
    for (const r of rows.filter((x) => x.status === 'active'))
      expect([r.v_name, r.v_path]).toEqual([r.name, r.path]);
  });

  it('documents the organisation API in the OpenAPI document, every operation kind included', async () => {
    const doc = (await admin.get('/api/docs/json')).body;
    for (const path of [
      '/api/units/{id}/history',
      '/api/units/{id}/summary',
      '/api/units/{id}/positions',
      '/api/org/changes',
      '/api/org/changes/preview',
      '/api/org/changes/{id}',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    const body = JSON.stringify(doc.paths['/api/org/changes'].post.requestBody);
    for (const kind of ['rename', 'move', 'dissolve', 'merge', 'split']) expect(body).toContain(`"${kind}"`);
    expect(body).toContain('effectiveDate');
  });

  it('leaves the tree consistent: paths, depths and one open version per active unit', async () => {
    expect(await treeProblems(t)).toEqual([]);
  });
});
