import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit, type TestUser } from '../../../test/context';
import { newId } from '../../ids';
import { evaluationBuilders, type FxCycle, scores3814 } from './evaluations.fixtures';

/** The workflow of periodic evaluation, end to end through the HTTP API (docs/EVALUATIONS.md). */
describe('evaluation workflow', () => {
  let t: TestContext;
  let build: ReturnType<typeof evaluationBuilders>;
  let ward: TestUnit;
  let head: TestUser;
  let headClient: Client;
  let officer: Client;

  beforeAll(async () => {
    t = await createTestContext();
    build = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    ward = await t.build.unit({ name: 'Phường Thử Nghiệm' });
    head = await t.build.user({ unit: ward, role: 'head' });
    headClient = await t.as(head);
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  /** A staff member with an account linked to their person record, and their evaluation. */
  async function member(
    cycle: FxCycle,
    unit: TestUnit,
    options: { reviewLevels?: number; titleGroup?: string } = {},
  ) {
    const user = await t.build.user({ unit, role: 'staff' });
    const ev = await build.evaluation(cycle, { unit, ...options });
    await build.link(user.id, ev.personId);
    return { user, client: await t.as(user), id: ev.id, personId: ev.personId };
  }

  async function version(client: Client, id: string): Promise<number> {
    const res = await client.get(`/api/evaluations/${id}`);
    expect(res.status).toBe(200);
    return res.body.version;
  }

  async function submit(client: Client, id: string, total: number) {
    const res = await client.post(`/api/evaluations/${id}/submit`, {
      scores: scores3814(total),
      version: await version(client, id),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  }

  async function act(client: Client, id: string, action: string, body: object = {}) {
    return client.post(`/api/evaluations/${id}/${action}`, { ...body, version: await version(client, id) });
  }

  it('runs a unit of 12 people from self-assessment to final under hn-3814-2018 (two review levels)', async () => {
    const dept = await t.build.unit({ parent: ward, name: 'Phòng Nội vụ' });
    const manager = await t.as(await t.build.user({ unit: dept, role: 'manager' }));
    const cycle = await build.cycle(ward);
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await member(cycle, dept, { reviewLevels: 2 }));

    // A colleague sees nothing of another's evaluation.
    expect((await people[1]!.client.get(`/api/evaluations/${people[0]!.id}`)).status).toBe(404);
    const mine = await people[0]!.client.get('/api/evaluations/mine');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([people[0]!.id]);

    for (const [i, p] of people.entries()) {
      const body = await submit(p.client, p.id, i < 3 ? 95 : 80);
      expect(body.state).toBe('selfAssessed');
      expect(body.selfGrade).toBe(i < 3 ? 'excellent' : 'good');
    }
    // The manager's queue: everything waits on them at level 1.
    const queue = await manager.get(`/api/evaluations?cycleId=${cycle.id}&waiting=true&pageSize=50`);
    expect(queue.body.total).toBe(12);
    for (const p of people) {
      const res = await act(manager, p.id, 'review');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.state).toBe('inReview');
    }
    // The same manager cannot take the second level.
    const again = await act(manager, people[0]!.id, 'review');
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('SAME_REVIEWER');
    expect((await manager.get(`/api/evaluations?cycleId=${cycle.id}&waiting=true`)).body.total).toBe(0);

    for (const p of people) {
      const res = await act(headClient, p.id, 'review');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.state).toBe('reviewed');
    }
    const board = await headClient.get(`/api/cycles/${cycle.id}/units/${dept.id}/board`);
    expect(board.status).toBe(200);
    expect(board.body.quota[0]).toMatchObject({ graded: 12, excellent: 3, limit: 3, ok: true });
    expect(board.body.canDecideAll).toBe(true);
    const decided = await headClient.post(`/api/cycles/${cycle.id}/units/${dept.id}/decide-all`);
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.items.every((i: { state: string }) => i.state === 'decided')).toBe(true);
    const published = await headClient.post(`/api/cycles/${cycle.id}/units/${dept.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.items.every((i: { state: string }) => i.state === 'published')).toBe(true);

    const detail = (await people[0]!.client.get(`/api/evaluations/${people[0]!.id}`)).body;
    expect(detail.grade).toBe('excellent');
    expect(detail.complaintUntil).not.toBeNull();
    expect(detail.steps.map((s: { action: string }) => s.action)).toEqual([
      'submitSelf',
      'review',
      'review',
      'decide',
      'publish',
    ]);
    expect(detail.allowed).toContain('complain');

    // After the complaint window the daily job makes the results final.
    const after = new Date(Date.parse(`${detail.complaintUntil}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const run = await t.services.evaluationWorkflow.reminders.run(after);
    expect(run.finalised).toBe(12);
    const final = (await people[0]!.client.get(`/api/evaluations/${people[0]!.id}`)).body;
    expect(final.state).toBe('final');
    const history = await people[0]!.client.get(`/api/people/${people[0]!.personId}/evaluations`);
    expect(history.body.items[0]).toMatchObject({ state: 'final', grade: 'excellent', total: 95 });
  });

  it('returns an item for revision with a reason, and takes the resubmission', async () => {
    const cycle = await build.cycle(ward, { periodStart: '2026-10-01', periodEnd: '2026-10-31' });
    const p = await member(cycle, ward);
    await submit(p.client, p.id, 88);
    const noReason = await headClient.post(`/api/evaluations/${p.id}/return`, { version: 2 });
    expect(noReason.status).toBe(400);
    const returned = await act(headClient, p.id, 'return', { reason: 'Bổ sung minh chứng nhiệm vụ' });
    expect(returned.status).toBe(200);
    expect(returned.body.state).toBe('returned');
    const draft = await p.client.put(`/api/evaluations/${p.id}/draft`, {
      scores: scores3814(86),
      version: await version(p.client, p.id),
    });
    expect(draft.status).toBe(200);
    expect(draft.body.total).toBe(86);
    const again = await submit(p.client, p.id, 86);
    expect(again.state).toBe('selfAssessed');
    expect(again.steps.map((s: { action: string }) => s.action)).toEqual([
      'submitSelf',
      'return',
      'submitSelf',
    ]);
    expect(again.steps[1].comment).toBe('Bổ sung minh chứng nhiệm vụ');
  });

  it('lets a deputy review on behalf of a reviewer under a delegation; the step names both', async () => {
    const team = await t.build.unit({ parent: ward, name: 'Tổ Văn phòng' });
    const chief = await t.build.user({ unit: team, role: 'manager' });
    const deputy = await t.build.user({ unit: team, role: 'staff' });
    const cycle = await build.cycle(ward, { periodStart: '2026-09-01', periodEnd: '2026-09-30' });
    const p = await member(cycle, team);
    await submit(p.client, p.id, 75);
    const deputyClient = await t.as(deputy);
    expect((await deputyClient.get(`/api/evaluations/${p.id}`)).status).toBe(404);
    await t.ctx.db
      .insertInto('eval_delegation')
      .values({
        tenant_id: t.tenant.tenantId,
        id: newId(),
        from_user_id: chief.id,
        to_user_id: deputy.id,
        valid_from: '2020-01-01',
        valid_to: '2099-12-31',
        created_at: new Date(),
      })
      .execute();
    const res = await act(deputyClient, p.id, 'review', { comment: 'Thay mặt trưởng tổ' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const step = res.body.steps.at(-1);
    expect(step.actorName).toBe(`Người dùng ${deputy.username}`);
    expect(step.onBehalfOf).toBe(`Người dùng ${chief.username}`);
    // The answer is built from what the step read with the row; it is what a fresh read shows.
    expect((await deputyClient.get(`/api/evaluations/${p.id}`)).body).toEqual(res.body);
  });

  it('answers a step with the detail a fresh read gives: steps, tasks and scores as stored', async () => {
    const cycle = await build.cycle(ward, { periodStart: '2026-04-01', periodEnd: '2026-04-30' });
    const p = await member(cycle, ward);
    for (const [title, deadline] of [
      ['Tiếp nhận hồ sơ một cửa', '2026-04-20'],
      ['Báo cáo tháng', '2026-04-05'],
    ] as const) {
      const task = await p.client.post(`/api/evaluations/${p.id}/tasks`, { title, deadline });
      expect(task.status, JSON.stringify(task.body)).toBe(201);
    }
    const submitted = await submit(p.client, p.id, 86);
    // In the order they were registered (not by deadline), as a fresh read lists them.
    expect(submitted.tasks.map((t: { deadline: string }) => t.deadline)).toEqual([
      '2026-04-20',
      '2026-04-05',
    ]);
    expect((await p.client.get(`/api/evaluations/${p.id}`)).body).toEqual(submitted);
    const returned = await act(headClient, p.id, 'return', { reason: 'Bổ sung minh chứng' });
    expect(returned.status).toBe(200);
    expect(returned.body.steps.map((s: { action: string }) => s.action)).toEqual(['submitSelf', 'return']);
    expect((await headClient.get(`/api/evaluations/${p.id}`)).body).toEqual(returned.body);
    // Each later step answers the row as stored too: the columns it wrote, the rest as it read them.
    const again = await submit(p.client, p.id, 91);
    expect((await p.client.get(`/api/evaluations/${p.id}`)).body).toEqual(again);
    for (const [action, body] of [
      ['review', { scores: scores3814(84), comment: 'Điều chỉnh điểm kết quả' }],
      ['decide', {}],
    ] as const) {
      const res = await act(headClient, p.id, action, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect((await headClient.get(`/api/evaluations/${p.id}`)).body, action).toEqual(res.body);
    }
  });

  it('refuses changed scores without a comment, scores off the framework, and acting on one’s own evaluation', async () => {
    const cycle = await build.cycle(ward, { periodStart: '2026-08-01', periodEnd: '2026-08-31' });
    const p = await member(cycle, ward);
    const bad = await p.client.post(`/api/evaluations/${p.id}/submit`, {
      scores: { 'no.such': 3 },
      version: await version(p.client, p.id),
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0].path).toBe('scores.no.such');
    const over = await p.client.post(`/api/evaluations/${p.id}/submit`, {
      scores: { 'discipline.policy': 50 },
      version: await version(p.client, p.id),
    });
    expect(over.status).toBe(422);
    expect(over.body.error.details[0].path).toBe('scores.discipline.policy');
    await submit(p.client, p.id, 90);
    const noComment = await act(headClient, p.id, 'review', { scores: scores3814(80) });
    expect(noComment.status).toBe(422);
    expect(noComment.body.error.details[0].path).toBe('comment');
    const withComment = await act(headClient, p.id, 'review', {
      scores: scores3814(80),
      comment: 'Chưa đạt tiến độ',
    });
    expect(withComment.status).toBe(200);
    expect(withComment.body).toMatchObject({ total: 80, grade: 'good', selfTotal: 90, unchanged: false });
    // The person cannot decide their own item, whatever they hold.
    expect((await act(p.client, p.id, 'decide')).status).toBe(403);
  });

  it('lets exactly one of two parallel submits with the same version through; nothing is lost', async () => {
    const cycle = await build.cycle(ward, { periodStart: '2026-07-01', periodEnd: '2026-07-31' });
    const p = await member(cycle, ward);
    const v = await version(p.client, p.id);
    const [a, b] = await Promise.all([
      p.client.post(`/api/evaluations/${p.id}/submit`, { scores: scores3814(91), version: v }),
      p.client.post(`/api/evaluations/${p.id}/submit`, { scores: scores3814(72), version: v }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a.body : b.body;
    const detail = (await p.client.get(`/api/evaluations/${p.id}`)).body;
    expect(detail.total).toBe(winner.total);
    expect(detail.steps).toHaveLength(1);
    expect(detail.version).toBe(v + 1);
    // The loser's step, notice and audit entry went nowhere: they are written only with the row.
    const entries = await t.ctx.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'evaluation.submitSelf')
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toMatchObject({ total: winner.total });
    const notices = await t.ctx.db
      .selectFrom('notification')
      .select(['user_id', 'dedupe_key'])
      .where('entity_id', '=', p.id)
      .execute();
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.dedupe_key))).toEqual(new Set([`evaluation:${p.id}:${v + 1}`]));
    expect(new Set(notices.map((n) => n.user_id)).size).toBe(notices.length);
  });

  it('answers a complaint with a new decision and publication; only an officer reopens a final result', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Khiếu nại' });
    const cycle = await build.cycle(ward, { periodStart: '2026-06-01', periodEnd: '2026-06-30' });
    const p = await member(cycle, unit);
    await submit(p.client, p.id, 72);
    await act(headClient, p.id, 'review');
    expect((await act(headClient, p.id, 'decide')).body.state).toBe('decided');
    await headClient.post(`/api/cycles/${cycle.id}/units/${unit.id}/publish`);
    const complaint = await act(p.client, p.id, 'complaint', {
      reason: 'Đề nghị xem xét lại tiêu chí tiến độ',
    });
    expect(complaint.status, JSON.stringify(complaint.body)).toBe(200);
    expect(complaint.body.state).toBe('complained');
    const redecided = await act(headClient, p.id, 'decide', {
      scores: scores3814(78),
      comment: 'Chấp nhận một phần kiến nghị',
    });
    expect(redecided.status).toBe(200);
    expect(redecided.body).toMatchObject({ state: 'decided', total: 78 });
    await headClient.post(`/api/cycles/${cycle.id}/units/${unit.id}/publish`);
    await t.services.evaluationWorkflow.reminders.run('2099-01-01');
    expect((await p.client.get(`/api/evaluations/${p.id}`)).body.state).toBe('final');
    expect((await act(headClient, p.id, 'reopen', { reason: 'Thanh tra phát hiện sai sót' })).status).toBe(
      403,
    );
    const noReason = await officer.post(`/api/evaluations/${p.id}/reopen`, { version: 1 });
    expect(noReason.status).toBe(400);
    const reopened = await act(officer, p.id, 'reopen', { reason: 'Thanh tra phát hiện sai sót' });
    expect(reopened.status).toBe(200);
    expect(reopened.body.state).toBe('reviewed');
    expect((await act(officer, p.id, 'decide')).status).toBe(403);
  });

  it('approves in bulk only items unchanged since the self-assessment', async () => {
    const unit = await t.build.unit({ parent: ward, name: 'Tổ Hàng loạt' });
    const cycle = await build.cycle(ward, { periodStart: '2026-05-01', periodEnd: '2026-05-31' });
    const a = await member(cycle, unit);
    const b = await member(cycle, unit);
    await submit(a.client, a.id, 80);
    await submit(b.client, b.id, 80);
    await t.ctx.db
      .updateTable('evaluation')
      .set({ scores: JSON.stringify(scores3814(70)) as never })
      .where('id', '=', b.id)
      .execute();
    const res = await headClient.post('/api/evaluations/review-bulk', {
      items: [
        { id: a.id, version: await version(headClient, a.id) },
        { id: b.id, version: await version(headClient, b.id) },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.done.map((d: { id: string }) => d.id)).toEqual([a.id]);
    expect(res.body.failed).toMatchObject([{ id: b.id, code: 'CHANGED' }]);
    const step = (await headClient.get(`/api/evaluations/${a.id}`)).body.steps.at(-1);
    expect(step).toMatchObject({ action: 'review', bulk: true });
  });
});
