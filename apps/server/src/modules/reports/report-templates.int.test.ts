import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext, type TestUnit } from '../../../test/context';

describe('report templates: two built-in ones, custom ones scoped to a unit, versioned and audited', () => {
  let t: TestContext;
  let ward: TestUnit;
  let other: TestUnit;
  let officer: Client;
  let head: Client;
  let otherOfficer: Client;

  const template = (unitId: string) => ({
    unitId,
    name: 'Báo cáo chuyên đề đảng viên',
    kind: 'custom',
    sections: [
      { kind: 'text', title: 'Đặt vấn đề', intro: 'Thực hiện Kế hoạch số 05-KH/ĐU…' },
      {
        kind: 'indicators',
        title: 'Cơ cấu độ tuổi',
        indicators: [{ id: 'people.byAgeTier', bands: [35, 46, 61] }],
        decimals: 1,
        compare: true,
        chart: 'bar',
      },
      { kind: 'targets', title: 'Chỉ tiêu' },
    ],
  });

  beforeAll(async () => {
    t = await createTestContext();
    ward = await t.build.unit({ name: 'Đảng ủy phường Kim Mã' });
    other = await t.build.unit({ name: 'Đảng ủy phường Giảng Võ' });
    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    otherOfficer = await t.as(await t.build.user({ role: 'officer', unit: other }));
  });
  afterAll(() => t.close());

  it('lists the built-in six-month and year-end templates to anyone who reads reports; they cannot change', async () => {
    const list = await head.get('/api/report-templates');
    expect(list.status).toBe(200);
    expect(list.body.items.slice(0, 2).map((x: { id: string; name: string }) => [x.id, x.name])).toEqual([
      ['builtin-midYear', 'Sơ kết 6 tháng'],
      ['builtin-yearEnd', 'Tổng kết năm'],
    ]);
    const yearEnd = (await head.get('/api/report-templates/builtin-yearEnd')).body;
    expect(yearEnd.sections.at(-1)).toMatchObject({ kind: 'targets', compare: true });
    const change = await officer.patch('/api/report-templates/builtin-yearEnd', { version: 1, name: 'Khác' });
    expect(change.status).toBe(422);
    expect(change.body.error.code).toBe('TEMPLATE_BUILT_IN');
    expect((await officer.delete('/api/report-templates/builtin-midYear')).status).toBe(422);
  });

  it('creates, updates with the version (409 when stale), and soft-deletes a custom template, audited', async () => {
    const created = await officer.post('/api/report-templates', template(ward.id));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ builtIn: false, unitId: ward.id, version: 1 });
    // Defaults filled in; a targets section names no indicators.
    expect(created.body.sections[0]).toMatchObject({ decimals: 2, compare: false, indicators: [] });
    expect(created.body.sections[1].indicators).toEqual([{ id: 'people.byAgeTier', bands: [35, 46, 61] }]);
    const id = created.body.id;

    const moved = [created.body.sections[2], created.body.sections[0], created.body.sections[1]];
    const updated = await officer.patch(`/api/report-templates/${id}`, {
      version: 1,
      sections: moved,
      name: 'Đổi tên',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ version: 2, name: 'Đổi tên' });
    expect(updated.body.sections.map((s: { kind: string }) => s.kind)).toEqual([
      'targets',
      'text',
      'indicators',
    ]);
    const stale = await officer.patch(`/api/report-templates/${id}`, { version: 1, name: 'Cũ' });
    expect(stale.status).toBe(409);
    expect((await officer.get(`/api/report-templates/${id}`)).body.name).toBe('Đổi tên');

    expect((await head.get(`/api/report-templates/${id}`)).status).toBe(200);
    expect((await head.patch(`/api/report-templates/${id}`, { version: 2, name: 'X' })).status).toBe(403);
    expect((await otherOfficer.get(`/api/report-templates/${id}`)).status).toBe(404);
    expect((await otherOfficer.patch(`/api/report-templates/${id}`, { version: 2, name: 'X' })).status).toBe(
      404,
    );
    expect(
      (await otherOfficer.get('/api/report-templates')).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(id);

    expect((await officer.delete(`/api/report-templates/${id}`)).status).toBe(204);
    expect((await officer.get(`/api/report-templates/${id}`)).status).toBe(404);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.templateCreated',
      'report.templateUpdated',
      'report.templateDeleted',
    ]);
  });

  it('refuses unknown indicators, empty indicator sections and bad bands, naming the field', async () => {
    const unknown = await officer.post('/api/report-templates', {
      ...template(ward.id),
      sections: [{ kind: 'indicators', title: 'X', indicators: [{ id: 'nothing.here' }] }],
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error).toMatchObject({
      code: 'UNKNOWN_INDICATOR',
      details: [{ path: 'sections.0.indicators.0.id' }],
    });
    const empty = await officer.post('/api/report-templates', {
      ...template(ward.id),
      sections: [{ kind: 'indicators', title: 'X' }],
    });
    expect(empty.body.error.code).toBe('SECTION_WITHOUT_INDICATORS');
    const bands = await officer.post('/api/report-templates', {
      ...template(ward.id),
      sections: [
        { kind: 'indicators', title: 'X', indicators: [{ id: 'people.byAgeTier', bands: [50, 40] }] },
      ],
    });
    expect(bands.status).toBe(400);
    expect((await otherOfficer.post('/api/report-templates', template(ward.id))).status).toBe(404);
    expect((await head.post('/api/report-templates', template(ward.id))).status).toBe(403);
  });

  it('a run of a custom template prints its sections in order, with the asked bands', async () => {
    const created = (await officer.post('/api/report-templates', template(ward.id))).body;
    const run = await officer.post('/api/reports', {
      templateId: created.id,
      unitId: ward.id,
      from: '2025-01-01',
      to: '2025-06-30',
    });
    expect(run.status).toBe(202);
    expect(run.body).toMatchObject({
      kind: 'custom',
      templateName: 'Báo cáo chuyên đề đảng viên',
      sectionsTotal: 3,
    });
    await t.services.reportRuns.runQueued({
      tenant_id: t.ctx.tenantId,
      id: run.body.jobId,
      kind: 'reports.build',
      payload: { runId: run.body.id },
      attempts: 1,
      max_attempts: 1,
    });
    const data = (await officer.get(`/api/reports/${run.body.id}`)).body.data;
    expect(data.subject).toBe('Báo cáo chuyên đề đảng viên (từ ngày 01/01/2025 đến ngày 30/6/2025)');
    expect(data.sections.map((s: { number: string; title: string }) => `${s.number}. ${s.title}`)).toEqual([
      'I. Đặt vấn đề',
      'II. Cơ cấu độ tuổi',
      'III. Chỉ tiêu',
    ]);
    expect(data.sections[1].tables[0].rows.map((r: string[]) => r[0])).toEqual([
      'Dưới 35',
      'Từ 35 đến 45',
      'Từ 46 đến 60',
      'Trên 60',
      'Tổng số',
    ]);
    expect(data.sections[1].chart.series.map((s: { name: string }) => s.name)).toEqual([
      'Kỳ báo cáo',
      'Cùng kỳ năm trước',
    ]);
  });
});
