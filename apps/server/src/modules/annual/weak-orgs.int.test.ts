import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import { recordGradedWeakOrgs } from './weak-orgs.repository';

describe('weak base party organisations: designation, consolidation plans, consolidated X/Y', () => {
  let t: TestContext;
  let ward: TestUnit;
  let other: TestUnit;
  let cells: TestUnit[];
  let otherCell: TestUnit;
  let office: TestUnit;
  let officer: Client;
  let inspector: Client;
  let head: Client;
  let rootAdmin: Client;
  let serial = 0;

  async function unit(parent: TestUnit, name: string, type: string, isPartyOrg: boolean): Promise<TestUnit> {
    serial += 1;
    const code = `WO${Date.now().toString(36)}${serial}`.toUpperCase();
    const created = await t.services.units.create(systemActor(t.ctx.tenantId, 'test'), {
      code,
      name,
      parentId: parent.id,
      type: type as never,
      isPartyOrg,
    });
    return { id: created.id, code, name, path: `${parent.path}${created.id}/` };
  }

  async function person(unitId: string, fullName = 'Nguyễn Văn Phụ Trách'): Promise<string> {
    const created = await t.services.people.create(systemActor(t.ctx.tenantId, 'test'), {
      unitId,
      fullName,
      sex: 'male',
      birthDate: '1980-02-02',
      staffCategory: 'civil_servant',
    } as never);
    return created.id;
  }

  async function designate(client: Client, unitId: string, year = 2025) {
    return client.post('/api/weak-orgs', { unitId, year, note: 'Nhiều năm không hoàn thành nhiệm vụ' });
  }

  beforeAll(async () => {
    t = await createTestContext();
    ward = await unit(t.root, 'Đảng bộ phường Ba Đình', 'base_party_committee', true);
    other = await unit(t.root, 'Đảng bộ phường Hoàn Kiếm', 'base_party_committee', true);
    cells = [
      await unit(ward, 'Chi bộ Khu phố 1', 'party_cell', true),
      await unit(ward, 'Chi bộ Khu phố 2', 'party_cell', true),
      await unit(ward, 'Chi bộ Tân Ấp', 'party_cell', false),
    ];
    otherCell = await unit(other, 'Chi bộ Khu phố 9', 'party_cell', true);
    office = await unit(ward, 'Văn phòng Ủy ban nhân dân', 'state_agency', false);
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    inspector = await t.as(await t.build.user({ role: 'inspector', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    rootAdmin = await t.as(await t.build.user({ role: 'admin', unit: t.root }));
  });
  afterAll(() => t.close());

  it('designates a party organisation of the ward, and refuses a unit that is not one, naming the field', async () => {
    const res = await designate(officer, cells[0]!.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      unitId: cells[0]!.id,
      unitName: 'Chi bộ Khu phố 1',
      unitType: 'party_cell',
      year: 2025,
      reason: 'designated',
      reviewId: null,
      status: 'planned',
      measures: [],
      overdue: 0,
      consolidatedOn: null,
      version: 1,
    });
    // A cell is a base party organisation by its type, even unflagged.
    expect((await designate(officer, cells[2]!.id)).status).toBe(201);

    const refused = await designate(officer, office.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_PARTY_ORGANISATION');
    expect(refused.body.error.details[0].path).toBe('unitId');

    const twice = await designate(officer, cells[0]!.id);
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('2025');

    expect((await designate(inspector, cells[1]!.id)).status).toBe(403);
    expect((await designate(officer, otherCell.id)).status).toBe(404);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'unit_path'])
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit).toEqual([{ action: 'weakOrg.designated', unit_path: cells[0]!.path }]);
  });

  it('plans measures, moves through the statuses, consolidates when every measure is done', async () => {
    const created = (await designate(officer, cells[1]!.id)).body;
    const secretary = await person(cells[1]!.id, 'Trần Thị Bí Thư');
    const away = await person(otherCell.id);
    const url = `/api/weak-orgs/${created.id}`;
    const measures = [
      { content: 'Kiện toàn cấp ủy chi bộ', responsiblePersonId: secretary, deadline: '2020-03-31' },
      { content: 'Sinh hoạt chi bộ định kỳ hằng tháng', responsiblePersonId: null, deadline: '2099-06-30' },
    ];

    const outside = await officer.put(url, {
      measures: [{ ...measures[0], responsiblePersonId: away }],
      status: 'planned',
      version: 1,
    });
    expect(outside.status).toBe(422);
    expect(outside.body.error.details[0].path).toBe('measures.0.responsiblePersonId');

    const skip = await officer.put(url, { measures, status: 'consolidated', version: 1 });
    expect(skip.status).toBe(422);
    expect(skip.body.error.details[0].path).toBe('status');

    const started = await officer.put(url, { measures, status: 'inProgress', version: 1 });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ status: 'inProgress', overdue: 1, version: 2 });
    expect(started.body.measures[0]).toMatchObject({ responsibleName: 'Trần Thị Bí Thư', doneOn: null });

    const stale = await officer.put(url, { measures, status: 'inProgress', version: 1 });
    expect(stale.status).toBe(409);
    expect((await inspector.put(url, { measures, status: 'inProgress', version: 2 })).status).toBe(403);

    const early = await officer.put(url, {
      measures: [{ ...measures[0], doneOn: '2020-03-20' }, measures[1]],
      status: 'consolidated',
      version: 2,
    });
    expect(early.status).toBe(422);
    expect(early.body.error.details[0].path).toBe('measures.1.doneOn');

    const done = await officer.put(url, {
      measures: measures.map((m) => ({ ...m, doneOn: '2020-03-20' })),
      status: 'consolidated',
      statusNote: 'Đã khắc phục',
      version: 2,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({
      status: 'consolidated',
      statusNote: 'Đã khắc phục',
      consolidatedOn: todayInVietnam(),
      overdue: 0,
      version: 3,
    });
    expect((await inspector.get(url)).body).toEqual(done.body);
    const actions = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'weakOrg.designated',
      'weakOrg.updated',
      'weakOrg.updated',
    ]);
  });

  it('counts "consolidated X/Y" over the year and subtree asked, whatever page or status is listed', async () => {
    await designate(officer, cells[0]!.id, 2024);
    expect((await designate(rootAdmin, otherCell.id)).status).toBe(201);

    const year = await officer.get(`/api/weak-orgs?year=2025&unitId=${ward.id}&pageSize=1`);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ total: 3, consolidated: 1, totalWeak: 3, page: 1, pageSize: 1 });
    expect(year.body.items).toHaveLength(1);

    const planned = await officer.get(`/api/weak-orgs?year=2025&status=planned`);
    expect(planned.body).toMatchObject({ total: 2, consolidated: 1, totalWeak: 3 });

    const subtree = await officer.get(`/api/weak-orgs?year=2025&unitId=${cells[1]!.id}`);
    expect(subtree.body).toMatchObject({ total: 1, consolidated: 1, totalWeak: 1 });

    const allYears = await officer.get(`/api/weak-orgs?unitId=${ward.id}`);
    expect(allYears.body).toMatchObject({ total: 4, consolidated: 1, totalWeak: 4 });
    expect(allYears.body.items.map((i: { year: number }) => i.year)).toEqual([2025, 2025, 2025, 2024]);

    // The officer of the ward never sees the other ward's; the administrator of the city sees both.
    expect((await officer.get('/api/weak-orgs?year=2025')).body.totalWeak).toBe(3);
    expect((await rootAdmin.get('/api/weak-orgs?year=2025')).body).toMatchObject({
      totalWeak: 4,
      consolidated: 1,
    });
    const byName = await officer.get(`/api/weak-orgs?q=${encodeURIComponent('tan ấp')}`);
    expect(byName.body.items.map((i: { unitName: string }) => i.unitName)).toEqual(['Chi bộ Tân Ấp']);
  });

  it('answers 404 out of scope and to those without evaluations.read', async () => {
    const theirs = (await rootAdmin.get(`/api/weak-orgs?unitId=${other.id}`)).body.items[0];
    expect((await officer.get(`/api/weak-orgs/${theirs.id}`)).status).toBe(404);
    const put = await officer.put(`/api/weak-orgs/${theirs.id}`, {
      measures: [],
      status: 'planned',
      version: 1,
    });
    expect(put.status).toBe(404);
    const ours = (await officer.get(`/api/weak-orgs?unitId=${cells[0]!.id}&year=2025`)).body.items[0];
    expect((await head.get(`/api/weak-orgs/${ours.id}`)).status).toBe(404);
    expect((await head.get('/api/weak-orgs')).body).toMatchObject({ total: 0, totalWeak: 0 });
  });

  it('files organisations graded "not completed" at publication, once, keeping a plan already made', async () => {
    const { db, tenantId } = t.ctx;
    const periodId = newId();
    const now = new Date();
    await db
      .insertInto('review_period')
      .values({
        tenant_id: tenantId,
        id: periodId,
        kind: 'annual',
        label: 'Năm 2026',
        unit_id: ward.id,
        unit_path: ward.path,
        year: 2026,
        period_start: '2026-01-01',
        period_end: '2026-12-31',
        self_due: '2026-12-10',
        meeting_due: '2026-12-15',
        decision_due: '2026-12-20',
        state: 'open',
        state_rule_set_id: 'nd-335-2025',
        party_rule_set_id: 'qd-366-2025',
        created_at: now,
      })
      .execute();
    const review = async (cell: TestUnit) => {
      const id = newId();
      await db
        .insertInto('annual_review')
        .values({
          tenant_id: tenantId,
          id,
          period_id: periodId,
          subject: 'organisation',
          track: 'party',
          rule_set_id: 'qd-366-2025',
          unit_id: cell.id,
          unit_path: cell.path,
          decision_unit_id: ward.id,
          decision_unit_path: ward.path,
          state: 'published',
          eligibility: JSON.stringify({ status: 'graded' }),
          decided_grade: 'notCompleted',
          created_at: now,
          updated_at: now,
        })
        .execute();
      return { reviewId: id, unitId: cell.id, unitPath: cell.path };
    };
    // Cell 3 was designated for 2026 before the publication, with a plan.
    const designated = (await designate(officer, cells[2]!.id, 2026)).body;
    const planned = await officer.put(`/api/weak-orgs/${designated.id}`, {
      measures: [{ content: 'Củng cố tổ chức', responsiblePersonId: null, deadline: '2099-01-01' }],
      status: 'inProgress',
      version: 1,
    });
    expect(planned.status).toBe(200);
    const organisations = [await review(cells[0]!), await review(cells[2]!)];
    const publish = () =>
      db
        .transaction()
        .execute((trx) => recordGradedWeakOrgs(trx, { tenantId, year: 2026, actorId: null, organisations }));
    expect(await publish()).toBe(2);
    expect(await publish()).toBe(0);

    const list = await officer.get(`/api/weak-orgs?year=2026`);
    expect(list.body).toMatchObject({ total: 2, consolidated: 0, totalWeak: 2 });
    const byUnit = new Map(list.body.items.map((i: { unitId: string }) => [i.unitId, i]));
    expect(byUnit.get(cells[0]!.id)).toMatchObject({
      reason: 'graded',
      reviewId: organisations[0]!.reviewId,
      status: 'planned',
      version: 1,
    });
    expect(byUnit.get(cells[2]!.id)).toMatchObject({
      reason: 'graded',
      reviewId: organisations[1]!.reviewId,
      status: 'inProgress',
      measures: [{ content: 'Củng cố tổ chức' }],
      version: 3,
    });
  });
});
