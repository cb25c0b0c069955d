import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';
import { multipart } from '../imports/imports.fixtures';
import { auditEntries, linkAccount } from '../people/people.fixtures';
import { tasksOf } from './evaluations.repository';
import { addPerson, evaluationsOf, openCycle, publishedFramework } from './setup.fixtures';
import { taskStatsOf } from './tasks.repository';
import { taskStats } from './tasks.service';

describe('tasks and commitments with evidence', () => {
  let t: TestContext;
  let ward: TestUnit;
  let owner: Client;
  let colleague: Client;
  let manager: Client;
  let inspector: Client;
  let evaluationId: string;
  let colleagueEvaluationId: string;
  let taskId: string;
  let fileId: string;

  const upload = (client: Client, url: string, bytes: Buffer, name = 'bien-ban.pdf') => {
    const { payload, contentType } = multipart(name, bytes);
    return client.raw({
      method: 'POST',
      url,
      payload,
      headers: { 'content-type': contentType, 'x-csrf-token': client.csrfToken ?? '' },
    });
  };

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Phường Ngọc Hà' });
    const me = await addPerson(t, ward, [{ unit: ward, start: '2020-01-01' }], 'Trần Văn Chủ');
    const other = await addPerson(t, ward, [{ unit: ward, start: '2020-01-01' }], 'Phạm Thị Bạn');
    const fw = await publishedFramework(t, ward);
    const cycle = await openCycle(t, ward, fw.id, '2026-11-01');
    const rows = await evaluationsOf(t, cycle.id);
    evaluationId = rows.find((r) => r.person_id === me)!.id;
    colleagueEvaluationId = rows.find((r) => r.person_id === other)!.id;
    const ownerUser = await t.build.user({ role: 'staff', unit: ward });
    await linkAccount(t, ownerUser, me);
    const colleagueUser = await t.build.user({ role: 'staff', unit: ward });
    await linkAccount(t, colleagueUser, other);
    owner = await t.as(ownerUser);
    colleague = await t.as(colleagueUser);
    manager = await t.as(await t.build.user({ role: 'manager', unit: ward }));
    inspector = await t.as(await t.build.user({ role: 'inspector', unit: ward }));
  });
  afterAll(() => t.close());

  it('the evaluated person registers a task; reviewers read it; a colleague sees nothing', async () => {
    const res = await owner.post(`/api/evaluations/${evaluationId}/tasks`, {
      title: 'Tiếp nhận và giải quyết hồ sơ một cửa',
      product: '120 hồ sơ',
      deadline: '2026-11-25',
      committedDate: '2026-11-20',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'planned',
      progress: 0,
      onTime: null,
      evidenceFile: null,
      version: 1,
    });
    taskId = res.body.id;
    expect(await auditEntries(t, 'evaluationTask.created', taskId)).toHaveLength(1);
    const seen = await manager.get(`/api/evaluations/${evaluationId}/tasks`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((x: { id: string }) => x.id)).toEqual([taskId]);
    expect((await inspector.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(200);
    expect((await colleague.get(`/api/evaluations/${evaluationId}/tasks`)).status).toBe(404);
    expect(
      (await colleague.post(`/api/evaluations/${evaluationId}/tasks`, { title: 'x', deadline: '2026-11-25' }))
        .status,
    ).toBe(404);
    expect(
      (await manager.post(`/api/evaluations/${evaluationId}/tasks`, { title: 'x', deadline: '2026-11-25' }))
        .status,
    ).toBe(403);
    expect(
      (await inspector.patch(`/api/evaluations/${evaluationId}/tasks/${taskId}`, { progress: 5, version: 1 }))
        .status,
    ).toBe(403);
    expect((await owner.get(`/api/evaluations/${colleagueEvaluationId}/tasks`)).status).toBe(404);
  });

  it('marks a task done: on time when done by its deadline; a stale version is refused', async () => {
    const url = `/api/evaluations/${evaluationId}/tasks/${taskId}`;
    const done = await owner.patch(url, {
      status: 'done',
      doneDate: '2026-11-24',
      exceeded: true,
      version: 1,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'done',
      progress: 100,
      doneDate: '2026-11-24',
      onTime: true,
      version: 2,
    });
    expect((await owner.patch(url, { progress: 90, version: 1 })).status).toBe(409);
    const bad = await owner.patch(url, { evidenceLink: 'javascript:alert(1)', version: 2 });
    expect(bad.status).toBe(400);
  });

  it('uploads evidence up to 20 MB and refuses a bigger file with 413 in both languages', async () => {
    const url = `/api/evaluations/${evaluationId}/tasks/${taskId}/evidence`;
    const content = Buffer.from('%PDF-1.4 biên bản nghiệm thu');
    const res = await upload(owner, url, content, 'biên bản.pdf');
    expect(res.status).toBe(200);
    expect(res.body.evidenceFile).toMatchObject({ name: 'biên bản.pdf', size: content.length });
    expect(res.body.version).toBe(3);
    fileId = res.body.evidenceFile.id;
    const big = await upload(owner, url, Buffer.alloc(21 * 1024 * 1024, 1));
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('FILE_TOO_LARGE');
    expect(big.body.error.message).toContain('20 MB');
    expect(big.body.error.messageEn).toContain('20 MB');
    expect((await upload(manager, url, content)).status).toBe(403);
    expect((await upload(colleague, url, content)).status).toBe(404);
  });

  it('downloads the evidence for the owner and a reviewer, and 404 for a colleague', async () => {
    for (const client of [owner, manager]) {
      const res = await client.get(`/api/files/${fileId}`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-disposition'])).toContain(
        "filename*=UTF-8''bi%C3%AAn%20b%E1%BA%A3n.pdf",
      );
      expect(res.body).toContain('%PDF-1.4');
    }
    const denied = await colleague.get(`/api/files/${fileId}`);
    expect(denied.status).toBe(404);
    expect(JSON.stringify(denied.body)).not.toContain('PDF');
  });

  it('counts the task record for the rules and deletes with the version', async () => {
    const base = `/api/evaluations/${evaluationId}/tasks`;
    const late = (await owner.post(base, { title: 'Báo cáo tháng', deadline: '2026-11-10' })).body;
    await owner.patch(`${base}/${late.id}`, { status: 'done', doneDate: '2026-11-12', version: 1 });
    const open = (await owner.post(base, { title: 'Rà soát hồ sơ', deadline: '2026-11-15' })).body;
    const dropped = (await owner.post(base, { title: 'Bỏ', deadline: '2026-11-30' })).body;
    await owner.patch(`${base}/${dropped.id}`, { status: 'dropped', version: 1 });
    const stats = await taskStats(t.ctx.db, t.ctx.tenantId, evaluationId, '2026-11-20');
    expect(stats).toEqual({ total: 3, done: 2, onTime: 1, late: 2, exceeding: 1 });
    // A step counts the same record from the tasks it reads for its answer.
    const tasks = await tasksOf(t.ctx.db, t.ctx.tenantId, evaluationId);
    for (const asOf of ['2026-11-01', '2026-11-15', '2026-11-16', '2026-11-20', '2027-01-01']) {
      expect(taskStatsOf(tasks, asOf), asOf).toEqual(
        await taskStats(t.ctx.db, t.ctx.tenantId, evaluationId, asOf),
      );
    }
    expect((await owner.delete(`${base}/${open.id}?version=2`)).status).toBe(409);
    expect((await owner.delete(`${base}/${open.id}?version=1`)).status).toBe(204);
    expect((await owner.get(base)).body.items).toHaveLength(3);
  });

  it('locks the task list once the head has decided', async () => {
    await t.ctx.db
      .updateTable('evaluation')
      .set({ state: 'decided' })
      .where('id', '=', evaluationId)
      .execute();
    const res = await owner.post(`/api/evaluations/${evaluationId}/tasks`, {
      title: 'Muộn',
      deadline: '2026-11-30',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('TASKS_LOCKED');
    expect((await owner.get(`/api/files/${fileId}`)).status).toBe(200);
  });
});
