import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { annualBuilders, annualPeriod, runPrepareJobs } from './annual.fixtures';

/**
 * A whole annual review of a ward with 30 people and 3 party cells, on both engines: enrolment by the
 * preparation job, the self-review, the meeting, the proposal, the decision within the quota, and the
 * publication filed in the people's records.
 */
describe('annual review of a ward (Decree 90, QĐ 366)', () => {
  let t: TestContext;
  let ward: TestUnit;
  let cells: TestUnit[];
  let officer: Client;
  let manager: Client;
  let head: Client;
  let staff: Client;
  let staffPerson: string;
  let people: string[];
  let periodId: string;

  beforeAll(async () => {
    t = await createTestContext();
    const b = annualBuilders(t.ctx.db, t.ctx.tenantId);
    ward = await t.build.unit({ name: 'Đảng ủy phường Ngọc Hà' });
    await b.typeUnit(ward, 'commune');
    cells = [];
    for (const name of ['Chi bộ 1', 'Chi bộ 2', 'Chi bộ 3']) {
      const cell = await t.build.unit({ parent: ward, name });
      await b.typeUnit(cell, 'party_cell');
      cells.push(cell);
    }
    people = [];
    for (let i = 0; i < 30; i++) {
      people.push(
        await b.person({
          unit: cells[i % 3]!,
          partyStatus: i < 24 ? 'full' : 'none',
          titleGroup: 'chuyen-vien',
        }),
      );
    }
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    manager = await t.as(await t.build.user({ role: 'manager', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    const staffUser = await t.build.user({ role: 'staff', unit: cells[0]! });
    staffPerson = people[0]!;
    await t.ctx.db
      .updateTable('app_user')
      .set({ person_id: staffPerson })
      .where('id', '=', staffUser.id)
      .execute();
    staff = await t.as(staffUser);
  });
  afterAll(() => t.close());

  it('creates the period as preparing, and the job enrols both tracks and the collectives, then opens it', async () => {
    const created = await officer.post('/api/review-periods', annualPeriod(ward));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      state: 'preparing',
      stateRuleSetId: 'nd-90-2020',
      partyRuleSetId: 'qd-366-2025',
    });
    expect(created.body.jobId).toBeTruthy();
    expect(created.body.preparation).toMatchObject({ state: 'queued', done: 0 });
    periodId = created.body.id;
    expect(await runPrepareJobs(t)).toBe(1);
    const job = await t.ctx.db
      .selectFrom('job')
      .select(['state', 'result'])
      .where('id', '=', created.body.jobId)
      .executeTakeFirstOrThrow();
    expect(job.state).toBe('done');
    const period = await officer.get(`/api/review-periods/${periodId}`);
    expect(period.body.state).toBe('open');
    expect(period.body.preparation).toBeNull();
    // 30 on the state track, 24 party members; the ward (organisation + leadership) and 3 cells.
    expect(period.body.counts).toMatchObject({ people: 54, collectives: 5 });
    const units = (await officer.get(`/api/review-periods/${periodId}/units`)).body.items as {
      people: number;
      collectives: number;
      states: Record<string, number>;
    }[];
    expect(units.length).toBe(4);
    expect(units.reduce((n, u) => n + u.people, 0)).toBe(54);
    expect(units.reduce((n, u) => n + u.collectives, 0)).toBe(5);
    for (const u of units)
      expect(Object.values(u.states).reduce((a, b) => a + b, 0)).toBe(u.people + u.collectives);
    const again = await officer.post('/api/review-periods', annualPeriod(ward));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PERIOD_EXISTS');
  });

  it('lets the person write their self-review; a colleague sees nothing', async () => {
    const mine = await staff.get('/api/annual-reviews/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { track: string }) => i.track).sort()).toEqual(['party', 'state']);
    const review = mine.body.items.find((i: { track: string }) => i.track === 'state');
    expect(review).toMatchObject({ state: 'pending', ruleSetId: 'nd-90-2020' });
    const self = await staff.post(`/api/annual-reviews/${review.id}/self`, {
      selfReview: 'Hoàn thành tốt nhiệm vụ; còn hạn chế về ngoại ngữ.',
      proposedGrade: 'good',
      version: review.version,
    });
    expect(self.status, JSON.stringify(self.body)).toBe(200);
    expect(self.body).toMatchObject({ state: 'selfReviewed', selfGrade: 'good' });
    expect(self.body.steps.map((s: { action: string }) => s.action)).toEqual(['selfReview']);
    const stale = await staff.post(`/api/annual-reviews/${review.id}/self`, {
      selfReview: 'Sửa lại',
      proposedGrade: 'good',
      version: review.version,
    });
    expect(stale.status).toBe(409);
    const list = await officer.get(
      `/api/annual-reviews?periodId=${periodId}&unitId=${cells[1]!.id}&pageSize=100`,
    );
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const other = list.body.items.find((i: { personId: string }) => i.personId === people[1]);
    expect((await staff.get(`/api/annual-reviews/${other.id}`)).status).toBe(404);
    expect(
      (
        await staff.post(`/api/annual-reviews/${review.id}/propose`, {
          grade: 'good',
          version: self.body.version,
        })
      ).status,
    ).toBe(403);
  });

  it('records the meeting, proposes, decides within the quota and publishes into the record', async () => {
    const cell = cells[0]!;
    const meeting = await officer.put(`/api/review-periods/${periodId}/units/${cell.id}/meeting`, {
      meetingDate: '2025-12-15',
      present: 9,
      summoned: 10,
      minutes: 'Hội nghị kiểm điểm chi bộ 1: các đồng chí đã góp ý từng người.',
      chairedBy: 'Bí thư chi bộ',
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(200);
    expect((await head.get(`/api/review-periods/${periodId}/units/${cell.id}/meeting`)).body).toMatchObject({
      present: 9,
      summoned: 10,
    });

    // The others wrote their self-reviews too (each through their own account, not shown here).
    await t.ctx.db
      .updateTable('annual_review')
      .set((eb) => ({ state: 'selfReviewed', self_review: 'Tự kiểm điểm', version: eb('version', '+', 1) }))
      .where('period_id', '=', periodId)
      .where('state', '=', 'pending')
      .where('subject', '=', 'person')
      .execute();
    const board = await head.get(
      `/api/review-periods/${periodId}/units/${cell.id}/board?track=state&subject=person`,
    );
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const listed = board.body.items as { id: string; version: number; personId: string; state: string }[];
    expect(listed).toHaveLength(10);
    // The board lists by name (random in the fixtures): the staff member's own review goes first, so it
    // is among those decided good below and filed in their record.
    const items = [
      ...listed.filter((r) => r.personId === staffPerson),
      ...listed.filter((r) => r.personId !== staffPerson),
    ];
    // Everyone: comment (manager), propose, decide; five good, then one excellent fits (1 ≤ 20% of 5).
    const grades = ['good', 'good', 'good', 'good', 'good', 'excellent', 'excellent'];
    for (const [i, grade] of grades.entries()) {
      const item = items[i]!;
      const version = item.version;
      const c = await manager.post(`/api/annual-reviews/${item.id}/comment`, {
        comment: 'Tập thể nhất trí.',
        version,
      });
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      const p = await manager.post(`/api/annual-reviews/${item.id}/propose`, {
        grade,
        version: c.body.version,
      });
      expect(p.status, JSON.stringify(p.body)).toBe(200);
      const d = await head.post(`/api/annual-reviews/${item.id}/decide`, { grade, version: p.body.version });
      if (i === 6) {
        expect(d.status).toBe(409);
        expect(d.body.error.code).toBe('QUOTA_EXCEEDED');
        expect(d.body.error.message).toMatch(/\(2\).*tối đa 1/);
      } else {
        expect(d.status, JSON.stringify(d.body)).toBe(200);
      }
    }
    const after = await head.get(
      `/api/review-periods/${periodId}/units/${cell.id}/board?track=state&subject=person`,
    );
    expect(after.body.quota[0]).toMatchObject({ excellent: 2, good: 5 });
    expect(after.body.canPublish).toBe(true);

    const published = await head.post(`/api/review-periods/${periodId}/units/${cell.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.published).toBe(6);
    const filed = await staff.get(`/api/people/${staffPerson}/annual-results`);
    expect(filed.status).toBe(200);
    expect(filed.body.items).toEqual([
      expect.objectContaining({ periodLabel: 'Năm 2025', track: 'state', grade: 'good', kind: 'annual' }),
    ]);
    expect((await staff.get(`/api/people/${people[1]}/annual-results`)).status).toBe(404);
    const docx = await staff.get(`/api/annual-reviews/${items[0]!.id}/self-review.docx`);
    expect(docx.status).toBe(200);
    const xlsx = await head.get(
      `/api/review-periods/${periodId}/units/${cell.id}/classification.xlsx?track=state`,
    );
    expect(xlsx.status).toBe(200);

    const reopened = await head.post(`/api/annual-reviews/${items[1]!.id}/reopen`, {
      reason: 'Xem xét lại theo kiến nghị',
      version: (await head.get(`/api/annual-reviews/${items[1]!.id}`)).body.version,
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'proposed', decidedGrade: null });
  });

  it('files a base party organisation decided not completed as a weak organisation', async () => {
    const board = await head.get(
      `/api/review-periods/${periodId}/units/${ward.id}/board?track=party&subject=collective`,
    );
    expect(board.status, JSON.stringify(board.body)).toBe(200);
    const cell = board.body.items.find((i: { unitId: string; subject: string }) => i.unitId === cells[2]!.id);
    expect(cell).toBeTruthy();
    const sr = await manager.post(`/api/annual-reviews/${cell.id}/self`, {
      selfReview: 'Báo cáo kiểm điểm của chi bộ',
      proposedGrade: 'notCompleted',
      score: 40,
      version: cell.version,
    });
    expect(sr.status, JSON.stringify(sr.body)).toBe(200);
    expect(sr.body.proposedGrade).toBe('notCompleted');
    const p = await manager.post(`/api/annual-reviews/${cell.id}/propose`, {
      grade: 'notCompleted',
      version: sr.body.version,
    });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const d = await head.post(`/api/annual-reviews/${cell.id}/decide`, {
      grade: 'notCompleted',
      version: p.body.version,
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    const published = await head.post(`/api/review-periods/${periodId}/units/${ward.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.weakOrganisations).toBe(1);
    const weak = await t.ctx.db
      .selectFrom('weak_org')
      .selectAll()
      .where('unit_id', '=', cells[2]!.id)
      .execute();
    expect(weak).toEqual([expect.objectContaining({ year: 2025, reason: 'graded', review_id: cell.id })]);
  });

  it('closes the period: no more steps', async () => {
    const p = await officer.get(`/api/review-periods/${periodId}`);
    expect(
      (await manager.post(`/api/review-periods/${periodId}/close`, { version: p.body.version })).status,
    ).toBe(403);
    const closed = await officer.post(`/api/review-periods/${periodId}/close`, { version: p.body.version });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
  });
});
