import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';

describe('leave periods of a person (eligibility of the annual review)', () => {
  let t: TestContext;
  let ward: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let manager: Client;

  async function person(unitId: string): Promise<string> {
    const created = await t.services.people.create(systemActor(t.ctx.tenantId, 'test'), {
      unitId,
      fullName: 'Lê Thị Nghỉ Phép',
      sex: 'female',
      birthDate: '1990-04-04',
      staffCategory: 'civil_servant',
    } as never);
    return created.id;
  }

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Ba Đình' });
    other = await t.build.unit({ name: 'Phường Hoàn Kiếm' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    manager = await t.as(await t.build.user({ role: 'manager', unit: ward }));
  });
  afterAll(() => t.close());

  it('records leave, lists it in order, refuses an overlap with a clear message, removes it; all audited', async () => {
    const id = await person(ward.id);
    const url = `/api/people/${id}/absences`;
    const later = await officer.post(url, {
      kind: 'sick',
      startDate: '2025-09-01',
      endDate: '2025-09-30',
      note: 'Điều trị tại bệnh viện',
    });
    expect(later.status, JSON.stringify(later.body)).toBe(201);
    expect(later.body).toMatchObject({ personId: id, kind: 'sick', note: 'Điều trị tại bệnh viện' });
    const maternity = await officer.post(url, {
      kind: 'maternity',
      startDate: '2025-02-01',
      endDate: '2025-07-31',
    });
    expect(maternity.status).toBe(201);
    expect(maternity.body.note).toBeNull();

    const clash = await officer.post(url, { kind: 'unpaid', startDate: '2025-07-31', endDate: '2025-08-15' });
    expect(clash.status).toBe(422);
    expect(clash.body.error).toMatchObject({
      code: 'ABSENCE_OVERLAP',
      message: 'Trùng với thời gian nghỉ thai sản đã ghi từ 01/02/2025 đến 31/07/2025.',
      details: [{ path: 'startDate' }],
    });
    // The day after ends nothing: leave may follow leave.
    const next = await officer.post(url, { kind: 'unpaid', startDate: '2025-08-01', endDate: '2025-08-31' });
    expect(next.status).toBe(201);

    const backwards = await officer.post(url, {
      kind: 'other',
      startDate: '2025-12-10',
      endDate: '2025-12-01',
    });
    expect(backwards.status).toBe(400);

    const list = await manager.get(url);
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { startDate: string }) => a.startDate)).toEqual([
      '2025-02-01',
      '2025-08-01',
      '2025-09-01',
    ]);

    expect((await officer.delete(`${url}/${next.body.id}`)).status).toBe(204);
    expect((await officer.delete(`${url}/${next.body.id}`)).status).toBe(404);
    expect((await manager.get(url)).body.items).toHaveLength(2);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'unit_path'])
      .where('entity_id', '=', id)
      .where('action', 'like', 'person.absence%')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'person.absenceAdded',
      'person.absenceAdded',
      'person.absenceAdded',
      'person.absenceRemoved',
    ]);
    expect(audit.every((a) => a.unit_path === ward.path)).toBe(true);
  });

  it('reads with people.read, changes with people.manage, and answers 404 out of scope', async () => {
    const id = await person(ward.id);
    const away = await person(other.id);
    const body = { kind: 'study', startDate: '2025-03-01', endDate: '2025-05-31' };
    expect((await manager.post(`/api/people/${id}/absences`, body)).status).toBe(403);
    const added = await officer.post(`/api/people/${id}/absences`, body);
    expect((await manager.delete(`/api/people/${id}/absences/${added.body.id}`)).status).toBe(403);

    expect((await officer.get(`/api/people/${away}/absences`)).status).toBe(404);
    expect((await officer.post(`/api/people/${away}/absences`, body)).status).toBe(404);
    // An absence of someone else, reached through a person in scope, is not found either.
    const theirs = await t.services.absences.add(systemActor(t.ctx.tenantId, 'test'), away, body as never);
    expect((await officer.delete(`/api/people/${id}/absences/${theirs.id}`)).status).toBe(404);
    expect((await t.services.absences.list(systemActor(t.ctx.tenantId, 'test'), away)).items).toHaveLength(1);
  });

  it('lets staff read their own leave through their account, and nobody else’s', async () => {
    const own = await person(ward.id);
    const colleague = await person(ward.id);
    const user = await t.build.user({ role: 'staff', unit: ward });
    await t.ctx.db.updateTable('app_user').set({ person_id: own }).where('id', '=', user.id).execute();
    const staff = await t.as(user);
    await officer.post(`/api/people/${own}/absences`, {
      kind: 'sick',
      startDate: '2025-01-05',
      endDate: '2025-01-09',
    });
    const mine = await staff.get(`/api/people/${own}/absences`);
    expect(mine.status).toBe(200);
    expect(mine.body.items).toHaveLength(1);
    expect((await staff.get(`/api/people/${colleague}/absences`)).status).toBe(404);
    const write = await staff.post(`/api/people/${own}/absences`, {
      kind: 'sick',
      startDate: '2025-02-05',
      endDate: '2025-02-09',
    });
    expect(write.status).toBe(403);
  });
});
