import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../test/client';
import { createTestContext, type TestContext } from '../../test/context';
import { jobHandlers } from './handlers';
import { backoffSeconds, enqueue, type JobRow, requeueStale } from './queue';
import { createWorker, type JobHandler } from './worker';

const silent = pino({ level: 'silent' });
let kindCounter = 0;
/** Each test uses kinds of its own, so its workers never pick another test's jobs. */
const kind = (name: string) => `test.${name}.${kindCounter++}`;

describe('backoffSeconds', () => {
  it('doubles from 10 s and stops at one hour', () => {
    expect([1, 2, 3, 4, 5].map(backoffSeconds)).toEqual([10, 20, 40, 80, 160]);
    expect(backoffSeconds(0)).toBe(10);
    expect(backoffSeconds(9)).toBe(2_560);
    expect(backoffSeconds(10)).toBe(3_600);
    expect(backoffSeconds(50)).toBe(3_600);
  });
});

describe('job queue and worker', () => {
  let t: TestContext;
  let admin: Client;

  beforeAll(async () => {
    t = await createTestContext();
    admin = await t.as(await t.build.user({ role: 'admin' }));
  });
  afterAll(() => t.close());

  const job = (id: string) =>
    t.ctx.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const dueNow = (id: string) =>
    t.ctx.db.updateTable('job').set({ run_at: new Date() }).where('id', '=', id).execute();

  it('runs a queued job and stores its result', async () => {
    const k = kind('ok');
    const seen: JobRow[] = [];
    const handler: JobHandler = async (j) => {
      seen.push(j);
      return { echoed: (j.payload as { n: number }).n };
    };
    const worker = createWorker(t.ctx.db, { [k]: handler }, silent);
    const id = (await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: k, payload: { n: 42 } }))!;
    expect(await worker.drain()).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ id, kind: k, payload: { n: 42 }, attempts: 1 });
    const row = await job(id);
    expect(row).toMatchObject({
      state: 'done',
      attempts: 1,
      result: { echoed: 42 },
      locked_by: null,
      last_error: null,
    });
    expect(row.finished_at).toBeInstanceOf(Date);
    expect(await worker.drain()).toBe(0);
  });

  it('does not run a job before its time', async () => {
    const k = kind('later');
    let calls = 0;
    const worker = createWorker(t.ctx.db, { [k]: async () => calls++ }, silent);
    const id = (await enqueue(t.ctx.db, {
      tenantId: t.tenant.tenantId,
      kind: k,
      runAt: new Date(Date.now() + 3_600_000),
    }))!;
    expect(await worker.drain()).toBe(0);
    expect(calls).toBe(0);
    expect((await job(id)).state).toBe('queued');
  });

  it('retries a failing job with a growing backoff, then marks it failed; an administrator sees and requeues it', async () => {
    const k = kind('flaky');
    let calls = 0;
    const worker = createWorker(
      t.ctx.db,
      {
        [k]: async () => {
          calls++;
          throw new Error(`the tax office is down (${calls})`);
        },
      },
      silent,
    );
    const id = (await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: k, maxAttempts: 3 }))!;

    for (const [attempt, delay] of [
      [1, 10],
      [2, 20],
    ] as const) {
      const before = Date.now();
      expect(await worker.drain()).toBe(1); // the retry is not due yet, so one run per drain
      const after = Date.now();
      const row = await job(id);
      expect(row).toMatchObject({ state: 'queued', attempts: attempt, finished_at: null, locked_by: null });
      expect(row.last_error).toContain(`the tax office is down (${attempt})`);
      expect(row.run_at.getTime()).toBeGreaterThanOrEqual(before + delay * 1_000);
      expect(row.run_at.getTime()).toBeLessThanOrEqual(after + delay * 1_000);
      await dueNow(id); // time passes
    }
    expect(await worker.drain()).toBe(1);
    const failed = await job(id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 3 });
    expect(failed.last_error).toContain('the tax office is down (3)');
    expect(failed.finished_at).toBeInstanceOf(Date);
    expect(calls).toBe(3);
    expect(await worker.drain()).toBe(0);

    const list = await admin.get('/api/jobs?state=failed&pageSize=200');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((i: { id: string }) => i.id === id);
    expect(listed).toMatchObject({
      kind: k,
      state: 'failed',
      attempts: 3,
      maxAttempts: 3,
      lastError: expect.stringContaining('tax office'),
    });
    expect(list.body.items.every((i: { state: string }) => i.state === 'failed')).toBe(true);

    const retry = await admin.post(`/api/jobs/${id}/retry`);
    expect(retry.status).toBe(204);
    expect(await job(id)).toMatchObject({ state: 'queued', attempts: 0, finished_at: null });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'request_id'])
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toEqual([{ action: 'job.retried', request_id: retry.headers['x-request-id'] }]);

    const again = await admin.post(`/api/jobs/${id}/retry`);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('JOB_NOT_FAILED');
    expect(await worker.drain()).toBe(1);
    expect(calls).toBe(4);
  });

  it('refuses job management to others and answers 404 for an unknown job', async () => {
    const officer = await t.as(await t.build.user({ role: 'officer' }));
    expect((await officer.get('/api/jobs')).status).toBe(403);
    expect((await admin.post('/api/jobs/0190a8c4-0000-7000-8000-000000000000/retry')).status).toBe(404);
  });

  it('creates one job per dedupe key', async () => {
    const k = kind('dedupe');
    const first = await enqueue(t.ctx.db, {
      tenantId: t.tenant.tenantId,
      kind: k,
      dedupeKey: `${k}@2026-01-01T00:00`,
    });
    const second = await enqueue(t.ctx.db, {
      tenantId: t.tenant.tenantId,
      kind: k,
      dedupeKey: `${k}@2026-01-01T00:00`,
    });
    const other = await enqueue(t.ctx.db, {
      tenantId: t.tenant.tenantId,
      kind: k,
      dedupeKey: `${k}@2026-01-01T00:15`,
    });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(other).toEqual(expect.any(String));
    expect(await t.ctx.db.selectFrom('job').select('id').where('kind', '=', k).execute()).toHaveLength(2);
  });

  it('never runs the same job twice when two workers drain at once', async () => {
    const k = kind('shared');
    const calls = new Map<string, number>();
    const handler: JobHandler = async (j) => {
      calls.set(j.id, (calls.get(j.id) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 2)); // let the other worker claim meanwhile
      return null;
    };
    const ids: string[] = [];
    for (let i = 0; i < 30; i++)
      ids.push((await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: k, payload: { i } }))!);
    const a = createWorker(t.ctx.db, { [k]: handler }, silent);
    const b = createWorker(t.ctx.db, { [k]: handler }, silent);
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    expect(ranA + ranB).toBe(30);
    expect([...calls.keys()].sort()).toEqual([...ids].sort());
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    const states = await t.ctx.db.selectFrom('job').select('state').where('kind', '=', k).execute();
    expect(states.every((s) => s.state === 'done')).toBe(true);
  });

  it('puts a job left running by a dead process back in the queue', async () => {
    const k = kind('stale');
    const id = (await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: k }))!;
    await t.ctx.db
      .updateTable('job')
      .set({ state: 'running', locked_by: 'gone:1', locked_at: new Date(Date.now() - 20 * 60_000) })
      .where('id', '=', id)
      .execute();
    const fresh = (await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: k }))!;
    await t.ctx.db
      .updateTable('job')
      .set({ state: 'running', locked_by: 'busy:2', locked_at: new Date() })
      .where('id', '=', fresh)
      .execute();
    expect(await requeueStale(t.ctx.db)).toBeGreaterThanOrEqual(1);
    expect(await job(id)).toMatchObject({ state: 'queued', locked_by: null });
    expect(await job(fresh)).toMatchObject({ state: 'running', locked_by: 'busy:2' });
  });

  it("the 'sessions.cleanup' job deletes expired sessions and keeps live ones", async () => {
    const leaving = await t.build.user({ role: 'staff' });
    const staying = await t.build.user({ role: 'staff' });
    await t.as(leaving);
    const live = await t.as(staying);
    await t.ctx.db
      .updateTable('user_session')
      .set({ expires_at: new Date(Date.now() - 1_000) })
      .where('user_id', '=', leaving.id)
      .execute();

    const worker = createWorker(
      t.ctx.db,
      { 'sessions.cleanup': jobHandlers(t.services)['sessions.cleanup']! },
      silent,
    );
    const id = (await enqueue(t.ctx.db, { tenantId: t.tenant.tenantId, kind: 'sessions.cleanup' }))!;
    expect(await worker.drain()).toBe(1);
    const row = await job(id);
    expect(row.state).toBe('done');
    expect((row.result as { deleted: number }).deleted).toBeGreaterThanOrEqual(1);
    expect(
      await t.ctx.db.selectFrom('user_session').select('id').where('user_id', '=', leaving.id).execute(),
    ).toHaveLength(0);
    expect((await live.get('/api/auth/me')).status).toBe(200);
  });
});
