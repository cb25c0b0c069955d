import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { insertPeople } from '../votes/votes.fixtures';

describe('targets and the work programme: achieved/target the Vietnamese way, scoped, versioned, audited', () => {
  let t: TestContext;
  let ward: TestUnit;
  let cell: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let head: Client;
  let otherOfficer: Client;
  let member: string;
  let outsider: string;

  const audits = (entityId: string) =>
    t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Đảng ủy phường Ba Đình' });
    cell = await t.build.unit({ parent: ward, name: 'Chi bộ Công ty TNHH Minh Anh' });
    other = await t.build.unit({ name: 'Đảng ủy phường Hoàn Kiếm' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    otherOfficer = await t.as(await t.build.user({ role: 'officer', unit: other }));
    member = (await insertPeople(t.ctx.db, t.ctx.tenantId, cell.id, 1))[0]!;
    outsider = (await insertPeople(t.ctx.db, t.ctx.tenantId, other.id, 1))[0]!;
  });
  afterAll(() => t.close());

  const founding = (code = 'TL-TCD') => ({
    unitId: ward.id,
    year: 2025,
    code,
    title: 'Thành lập tổ chức đảng trong doanh nghiệp ngoài khu vực nhà nước',
    kind: 'foundOrganisations',
    measure: 'organisations',
    target: 70,
  });

  it('records founding progress linked to the unit: 29/70 (41,43%)', async () => {
    const created = await officer.post('/api/targets', founding());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      achieved: 0,
      target: 70,
      display: '0/70 (0,00%)',
      percent: 0,
      version: 1,
    });
    const id = created.body.id;
    const first = await officer.post(`/api/targets/${id}/progress`, {
      version: 1,
      entryDate: '2025-03-15',
      amount: 1,
      note: 'Chi bộ Công ty TNHH Minh Anh',
      linkedUnitId: cell.id,
    });
    expect(first.status).toBe(200);
    expect(first.body.entries[0]).toMatchObject({ amount: 1, linkedUnit: { id: cell.id, name: cell.name } });
    const second = await officer.post(`/api/targets/${id}/progress`, {
      version: 2,
      entryDate: '2025-06-30',
      amount: 28,
    });
    expect(second.body).toMatchObject({
      achieved: 29,
      percent: 41.43,
      display: '29/70 (41,43%)',
      version: 3,
    });
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'report.targetCreated',
      'report.targetProgressed',
      'report.targetProgressed',
    ]);
    // A stale version changes nothing.
    const stale = await officer.post(`/api/targets/${id}/progress`, {
      version: 2,
      entryDate: '2025-07-01',
      amount: 5,
    });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/targets/${id}`)).body.achieved).toBe(29);
  });

  it('records admissions linked to the person: 373/443 (84,20%); refuses wrong links, other years and negative totals', async () => {
    const created = await officer.post('/api/targets', {
      ...founding('KN-DV'),
      title: 'Kết nạp đảng viên trong doanh nghiệp',
      kind: 'admitMembers',
      measure: 'people',
      target: 443,
    });
    const id = created.body.id;
    const linked = await officer.post(`/api/targets/${id}/progress`, {
      version: 1,
      entryDate: '2025-05-19',
      amount: 373,
      linkedPersonId: member,
    });
    expect(linked.status).toBe(200);
    expect(linked.body.display).toBe('373/443 (84,20%)');
    expect(linked.body.entries[0].linkedPerson.id).toBe(member);
    const refusals = [
      [{ linkedUnitId: cell.id }, 'LINK_NOT_ALLOWED'],
      [{ linkedPersonId: outsider }, 'LINKED_PERSON_OUTSIDE'],
      [{ entryDate: '2024-12-31' }, 'ENTRY_OUTSIDE_YEAR'],
      [{ amount: -400 }, 'ACHIEVED_NEGATIVE'],
    ] as const;
    for (const [change, code] of refusals) {
      const res = await officer.post(`/api/targets/${id}/progress`, {
        version: 2,
        entryDate: '2025-06-01',
        amount: 1,
        ...change,
      });
      expect(res.status, code).toBe(422);
      expect(res.body.error.code).toBe(code);
    }
    expect(
      (await officer.post(`/api/targets/${id}/progress`, { version: 2, entryDate: '2025-06-01', amount: 0 }))
        .status,
    ).toBe(400);
    const corrected = await officer.post(`/api/targets/${id}/progress`, {
      version: 2,
      entryDate: '2025-06-01',
      amount: -3,
    });
    expect(corrected.body).toMatchObject({ achieved: 370, display: '370/443 (83,52%)' });
  });

  it('updates with the version, refuses a code already used, and shows a 0 target as a dash', async () => {
    const created = await officer.post('/api/targets', {
      ...founding('CUSTOM-1'),
      kind: 'custom',
      measure: 'items',
      target: 0,
    });
    expect(created.body.display).toBe('0/0 (—)');
    expect(created.body.percent).toBeNull();
    const id = created.body.id;
    const updated = await officer.patch(`/api/targets/${id}`, {
      version: 1,
      target: 3314,
      title: 'Tinh giản biên chế',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ target: 3314, display: '0/3.314 (0,00%)', version: 2 });
    expect((await officer.patch(`/api/targets/${id}`, { version: 1, target: 5 })).status).toBe(409);
    const taken = await officer.patch(`/api/targets/${id}`, { version: 2, code: 'TL-TCD' });
    expect(taken.status).toBe(422);
    expect(taken.body.error.code).toBe('TARGET_CODE_TAKEN');
    expect((await officer.post('/api/targets', founding())).status).toBe(422);
  });

  it('scope: the head reads and may not write, another ward finds nothing', async () => {
    const list = await head.get(`/api/targets?unitId=${ward.id}&year=2025`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { code: string }) => i.code).sort()).toEqual([
      'CUSTOM-1',
      'KN-DV',
      'TL-TCD',
    ]);
    const id = list.body.items[0].id;
    expect((await head.post('/api/targets', founding('HEAD'))).status).toBe(403);
    expect((await head.patch(`/api/targets/${id}`, { version: 1, target: 1 })).status).toBe(403);
    expect((await otherOfficer.get(`/api/targets/${id}`)).status).toBe(404);
    expect((await otherOfficer.get(`/api/targets?unitId=${ward.id}`)).status).toBe(404);
    expect((await otherOfficer.get('/api/targets?year=2025')).body.items).toEqual([]);
  });

  it('work programme: overdue items, completion needs a date, the responsible unit lies in the subtree', async () => {
    const item = {
      unitId: ward.id,
      year: 2025,
      content: 'Xây dựng đề án thành lập chi bộ trong doanh nghiệp',
      scheme: 'Đề án 07',
      responsibleUnitId: cell.id,
      deadline: '2025-02-28',
    };
    const created = await officer.post('/api/work-items', item);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'planned', overdue: true, responsibleUnitName: cell.name });
    const later = await officer.post('/api/work-items', {
      ...item,
      content: 'Tổng kết',
      deadline: '2099-12-31',
    });
    expect(later.body.overdue).toBe(false);
    const overdue = await head.get(`/api/work-items?unitId=${ward.id}&overdue=true`);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    const id = created.body.id;
    const noDate = await officer.patch(`/api/work-items/${id}`, { version: 1, status: 'done' });
    expect(noDate.status).toBe(422);
    expect(noDate.body.error.code).toBe('COMPLETION_DATE_REQUIRED');
    const done = await officer.patch(`/api/work-items/${id}`, {
      version: 1,
      status: 'done',
      completedOn: '2025-02-20',
    });
    expect(done.body).toMatchObject({
      status: 'done',
      completedOn: '2025-02-20',
      overdue: false,
      version: 2,
    });
    expect((await officer.patch(`/api/work-items/${id}`, { version: 1, note: 'x' })).status).toBe(409);
    const outside = await officer.post('/api/work-items', { ...item, responsibleUnitId: other.id });
    expect(outside.status).toBe(422);
    expect((await head.post('/api/work-items', item)).status).toBe(403);
    expect((await otherOfficer.patch(`/api/work-items/${id}`, { version: 2, note: 'x' })).status).toBe(404);
    expect((await audits(id)).map((a) => a.action)).toEqual([
      'report.workItemCreated',
      'report.workItemUpdated',
    ]);
  });
});
