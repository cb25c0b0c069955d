import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/context';
import { evaluationBuilders, scores3814 } from '../evaluations/evaluations.fixtures';
import { createNotificationsService } from './notifications.service';

/** In-app notifications, reminders and escalation (docs/EVALUATIONS.md, "Deadlines, reminders"). */
describe('notifications and reminders', () => {
  let t: TestContext;

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  it('tells the reviewer an item waits on them, and only its owner reads or marks a notification', async () => {
    const build = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    const ward = await t.build.unit({ name: 'Phường Thông báo' });
    const headUser = await t.build.user({ unit: ward, role: 'head' });
    const staffUser = await t.build.user({ unit: ward, role: 'staff' });
    const cycle = await build.cycle(ward);
    const ev = await build.evaluation(cycle, { unit: ward });
    await build.link(staffUser.id, ev.personId);
    const staff = await t.as(staffUser);
    const head = await t.as(headUser);
    const submitted = await staff.post(`/api/evaluations/${ev.id}/submit`, {
      scores: scores3814(85),
      version: 1,
    });
    expect(submitted.status).toBe(200);
    const list = await head.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.items[0]).toMatchObject({
      kind: 'evaluation.selfAssessed',
      link: `/evaluations/${ev.id}`,
    });
    const id = list.body.items[0].id;
    expect((await staff.post(`/api/notifications/${id}/read`)).status).toBe(404);
    expect((await head.post(`/api/notifications/${id}/read`)).status).toBe(204);
    expect((await head.get('/api/notifications')).body.unread).toBe(0);
    expect((await staff.post('/api/notifications/read-all')).status).toBe(200);
  });

  it('reminds before the deadline, flags and escalates after it, once however often the job runs', async () => {
    const build = evaluationBuilders(t.ctx.db, t.tenant.tenantId);
    const city = await t.build.unit({ name: 'Quận Nhắc việc' });
    const ward = await t.build.unit({ parent: city, name: 'Phường Nhắc việc' });
    const upper = await t.build.user({ unit: city, role: 'manager' });
    const reviewer = await t.build.user({ unit: ward, role: 'manager', grantUnit: ward });
    const staffUser = await t.build.user({ unit: ward, role: 'staff' });
    const cycle = await build.cycle(ward, {
      selfDue: '2030-01-03',
      reviewDue: '2030-01-06',
      periodStart: '2029-12-01',
      periodEnd: '2029-12-31',
    });
    const ev = await build.evaluation(cycle, { unit: ward });
    await build.link(staffUser.id, ev.personId);
    const reminders = t.services.evaluationWorkflow.reminders;
    const countFor = async (userId: string, kind: string) =>
      (
        await t.ctx.db
          .selectFrom('notification')
          .select('id')
          .where('user_id', '=', userId)
          .where('kind', '=', kind)
          .execute()
      ).length;

    await reminders.run('2029-12-30');
    expect(await countFor(staffUser.id, 'evaluation.dueSoon')).toBe(0);
    await reminders.run('2030-01-01');
    await reminders.run('2030-01-02');
    expect(await countFor(staffUser.id, 'evaluation.dueSoon')).toBe(1);
    const first = await reminders.run('2030-01-04');
    expect(first).toMatchObject({ late: 1, escalated: 1 });
    await reminders.run('2030-01-05');
    expect(await countFor(staffUser.id, 'evaluation.late')).toBe(1);
    expect(await countFor(upper.id, 'evaluation.escalated')).toBe(1);
    // The ward's own reviewer is not the next level up.
    expect(await countFor(reviewer.id, 'evaluation.escalated')).toBe(0);
    const row = await t.ctx.db
      .selectFrom('evaluation')
      .select(['late', 'escalated_at'])
      .where('id', '=', ev.id)
      .executeTakeFirstOrThrow();
    expect(row.late).toBe(true);
    expect(row.escalated_at).not.toBeNull();
  });

  it('e-mails unsent notifications from the job when SMTP is configured, and marks them', async () => {
    const sent: string[] = [];
    const service = createNotificationsService(
      { ...t.ctx, config: { ...t.ctx.config, smtpUrl: 'smtp://localhost:2525' } },
      () => ({
        send: async (m) => {
          sent.push(m.to);
        },
        close: () => {},
      }),
    );
    const user = await t.build.user({ role: 'staff' });
    await t.ctx.db
      .updateTable('app_user')
      .set({ email: 'canbo@example.vn' })
      .where('id', '=', user.id)
      .execute();
    await t.ctx.db.transaction().execute((tx) =>
      service.notify(tx, t.tenant.tenantId, [user.id], {
        kind: 'test',
        title: 'Thử',
        body: 'Nội dung',
        dedupeKey: 'k1',
      }),
    );
    const again = await t.ctx.db.transaction().execute((tx) =>
      service.notify(tx, t.tenant.tenantId, [user.id], {
        kind: 'test',
        title: 'Thử',
        body: 'Nội dung',
        dedupeKey: 'k1',
      }),
    );
    expect(again).toBe(0);
    expect(await service.sendEmails()).toMatchObject({ sent: 1, failed: 0 });
    expect(sent).toEqual(['canbo@example.vn']);
    expect(await service.sendEmails()).toMatchObject({ sent: 0 });
    const job = await t.ctx.db
      .selectFrom('job')
      .select('kind')
      .where('kind', '=', 'notifications.email')
      .execute();
    expect(job.length).toBeGreaterThan(0);
  });
});
