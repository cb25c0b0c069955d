import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { auditEntries, countRows, personInput } from './people.fixtures';

describe('résumé sections: positions, disciplines, awards, training courses', () => {
  let t: TestContext;
  let ward: TestUnit;
  let office: TestUnit;
  let officer: Client;
  let head: Client;
  let personId: string;

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Tây Hồ' });
    office = await t.build.unit({ parent: ward, name: 'UBND phường Tây Hồ' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    personId = (
      await officer.post(
        '/api/people',
        personInput(office, { fullName: 'Đoàn Văn Hưng', birthDate: '1978-04-30' }),
      )
    ).body.id;
  });
  afterAll(() => t.close());

  const changesOf = async (section: string) =>
    (await officer.get(`/api/people/${personId}/history`)).body.events
      .filter((e: any) => e.type === 'change' && e.change.section === section)
      .map((e: any) => e.change);

  it('positions: concurrent posts, edit, end, remove — each with history and audit', async () => {
    const main = await officer.post(`/api/people/${personId}/positions`, {
      unitId: office.id,
      title: 'Phó Chủ tịch UBND phường',
      titleGroup: 'deputy',
      startDate: '2019-07-01',
      decisionNumber: '125/QĐ-UBND',
    });
    expect(main.status).toBe(201);
    expect(main.body).toMatchObject({
      isLeader: false,
      isConcurrent: false,
      current: true,
      version: 1,
      unitName: 'UBND phường Tây Hồ',
    });
    const concurrent = await officer.post(`/api/people/${personId}/positions`, {
      unitId: ward.id,
      title: 'Ủy viên Ban Thường vụ Đảng ủy phường',
      isConcurrent: true,
      isLeader: true,
      startDate: '2020-10-15',
    });
    expect(concurrent.status).toBe(201);
    const profile = (await head.get(`/api/people/${personId}`)).body;
    expect(profile.positions.map((p: any) => p.title)).toEqual([
      'Ủy viên Ban Thường vụ Đảng ủy phường',
      'Phó Chủ tịch UBND phường',
    ]);

    const edited = await officer.patch(`/api/people/${personId}/positions/${main.body.id}`, {
      isLeader: true,
      version: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ isLeader: true, version: 2 });
    const stale = await officer.patch(`/api/people/${personId}/positions/${main.body.id}`, {
      title: 'X',
      version: 1,
    });
    expect(stale.status).toBe(409);

    const ended = await officer.post(`/api/people/${personId}/positions/${main.body.id}/end`, {
      endDate: '2024-12-31',
      endReason: 'Nghỉ hưu trước tuổi',
      version: 2,
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ endDate: '2024-12-31', current: false, version: 3 });
    const again = await officer.post(`/api/people/${personId}/positions/${main.body.id}/end`, {
      endDate: '2025-01-31',
      version: 3,
    });
    expect(again.status).toBe(422);
    expect(again.body.error.details[0].path).toBe('endDate');

    const removed = await officer.delete(`/api/people/${personId}/positions/${concurrent.body.id}?version=1`);
    expect(removed.status).toBe(204);
    expect(
      (await officer.delete(`/api/people/${personId}/positions/${concurrent.body.id}?version=1`)).status,
    ).toBe(404);

    const changes = await changesOf('position');
    expect(changes.map((c: any) => c.action)).toEqual([
      'created',
      'created',
      'updated',
      'updated',
      'deleted',
    ]);
    expect(changes[2]).toMatchObject({
      itemId: main.body.id,
      before: { id: main.body.id, isLeader: false },
      after: { id: main.body.id, isLeader: true },
    });
    expect(changes[3].after).toMatchObject({ endDate: '2024-12-31', endReason: 'Nghỉ hưu trước tuổi' });
    const actions = (await auditEntries(t, 'person.positionAdded', personId)).length;
    expect(actions).toBe(2);
    expect(await auditEntries(t, 'person.positionEnded', personId)).toHaveLength(1);
    expect(await auditEntries(t, 'person.positionRemoved', personId)).toHaveLength(1);

    const history = (await head.get(`/api/people/${personId}/history`)).body.events;
    const positionEvent = history.find((e: any) => e.type === 'position');
    expect(positionEvent).toMatchObject({ date: '2019-07-01', endDate: '2024-12-31' });
  });

  it('positions: dates are checked and name the field; nothing is written on error', async () => {
    const before = [await countRows(t, 'position'), await countRows(t, 'person_history')];
    const cases = [
      [
        { unitId: office.id, title: 'Chuyên viên', startDate: '2020-01-01', endDate: '2019-01-01' },
        422,
        'endDate',
      ],
      [{ unitId: office.id, title: 'Chuyên viên', startDate: '1970-01-01' }, 422, 'startDate'],
      [{ unitId: office.id, title: 'Chuyên viên', startDate: '2020-02-30' }, 400, 'body.startDate'],
      [{ unitId: office.id, title: '', startDate: '2020-01-01' }, 400, 'body.title'],
      [
        { unitId: '00000000-0000-7000-8000-000000000000', title: 'Chuyên viên', startDate: '2020-01-01' },
        422,
        'unitId',
      ],
    ] as const;
    for (const [body, status, path] of cases) {
      const res = await officer.post(`/api/people/${personId}/positions`, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect([await countRows(t, 'position'), await countRows(t, 'person_history')]).toEqual(before);
  });

  it('disciplines: add, edit, remove with history; expiry after the decision', async () => {
    const created = await officer.post(`/api/people/${personId}/disciplines`, {
      form: 'reprimand',
      decisionNumber: '15-QĐ/ĐU',
      decisionDate: '2023-03-10',
      issuer: 'Đảng ủy phường',
      reason: 'Vi phạm quy chế làm việc',
      expiryDate: '2024-03-10',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ form: 'reprimand', inForce: false, version: 1 });
    const bad = await officer.patch(`/api/people/${personId}/disciplines/${created.body.id}`, {
      expiryDate: '2023-01-01',
      version: 1,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('expiryDate');
    const future = await officer.post(`/api/people/${personId}/disciplines`, {
      form: 'warning',
      decisionDate: '2099-01-01',
    });
    expect(future.status).toBe(422);
    const edited = await officer.patch(`/api/people/${personId}/disciplines/${created.body.id}`, {
      form: 'warning',
      version: 1,
    });
    expect(edited.body).toMatchObject({ form: 'warning', version: 2 });
    expect(
      (await officer.delete(`/api/people/${personId}/disciplines/${created.body.id}?version=1`)).status,
    ).toBe(409);
    expect(
      (await officer.delete(`/api/people/${personId}/disciplines/${created.body.id}?version=2`)).status,
    ).toBe(204);
    expect((await changesOf('discipline')).map((c: any) => c.action)).toEqual([
      'created',
      'updated',
      'deleted',
    ]);
    expect(await auditEntries(t, 'person.disciplineUpdated', personId)).toHaveLength(1);
  });

  it('awards: add, edit, remove with history, shown in the profile and on the timeline', async () => {
    const created = await officer.post(`/api/people/${personId}/awards`, {
      kind: 'certificate_of_merit',
      title: 'Bằng khen của Chủ tịch UBND Thành phố',
      decisionNumber: '2045/QĐ-UBND',
      decisionDate: '2022-12-20',
    });
    expect(created.status).toBe(201);
    expect((await head.get(`/api/people/${personId}`)).body.awards.map((a: any) => a.title)).toEqual([
      'Bằng khen của Chủ tịch UBND Thành phố',
    ]);
    const timeline = (await head.get(`/api/people/${personId}/history`)).body.events;
    expect(timeline.find((e: any) => e.type === 'award')).toMatchObject({
      date: '2022-12-20',
      award: { kind: 'certificate_of_merit' },
    });
    const edited = await officer.patch(`/api/people/${personId}/awards/${created.body.id}`, {
      issuer: 'UBND Thành phố Hà Nội',
      version: 1,
    });
    expect(edited.body.issuer).toBe('UBND Thành phố Hà Nội');
    expect((await officer.delete(`/api/people/${personId}/awards/${created.body.id}?version=2`)).status).toBe(
      204,
    );
    expect((await changesOf('award')).map((c: any) => c.action)).toEqual(['created', 'updated', 'deleted']);
  });

  it('training courses: add, edit, remove with history; end not before start', async () => {
    const created = await officer.post(`/api/people/${personId}/trainings`, {
      kind: 'political_theory',
      course: 'Cao cấp lý luận chính trị',
      institution: 'Học viện Chính trị quốc gia Hồ Chí Minh',
      startDate: '2016-09-01',
      endDate: '2018-06-30',
      certificate: 'Bằng cao cấp LLCT',
    });
    expect(created.status).toBe(201);
    const bad = await officer.patch(`/api/people/${personId}/trainings/${created.body.id}`, {
      endDate: '2016-01-01',
      version: 1,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('endDate');
    const edited = await officer.patch(`/api/people/${personId}/trainings/${created.body.id}`, {
      endDate: null,
      version: 1,
    });
    expect(edited.body).toMatchObject({ endDate: null, version: 2 });
    expect(
      (await officer.delete(`/api/people/${personId}/trainings/${created.body.id}?version=2`)).status,
    ).toBe(204);
    expect((await changesOf('training')).map((c: any) => c.action)).toEqual([
      'created',
      'updated',
      'deleted',
    ]);
  });

  it("only people.manage over the record may change its sections; another person's item is 404", async () => {
    const res = await head.post(`/api/people/${personId}/awards`, {
      kind: 'commendation',
      title: 'Giấy khen',
      decisionDate: '2020-01-01',
    });
    expect(res.status).toBe(403);
    const other = (
      await officer.post('/api/people', personInput(office, { fullName: 'Đoàn Thị Hoa', sex: 'female' }))
    ).body.id;
    const award = (
      await officer.post(`/api/people/${other}/awards`, {
        kind: 'commendation',
        title: 'Giấy khen',
        decisionDate: '2020-01-01',
      })
    ).body;
    expect(
      (await officer.patch(`/api/people/${personId}/awards/${award.id}`, { title: 'Y', version: 1 })).status,
    ).toBe(404);
    expect((await officer.delete(`/api/people/${personId}/awards/${award.id}?version=1`)).status).toBe(404);
  });
});
