import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext } from '../../../test/context';
import { pdfPageCount, pdfText } from '../../../test/pdf-text';
import { type Actor, systemActor } from '../../access/actor';
import { openZip } from '../../documents/zip';
import { jobHandlers } from '../../jobs/handlers';
import { createWorker } from '../../jobs/worker';
import { type OrgUnit, staff, unit } from '../units/org.fixtures';
import { todayInVietnam } from '../units/units.dates';
import { REPORT_BUILD_JOB } from './report-runs.service';
import { cycle, evaluation, setFacts, weakOrg } from './reports.fixtures';

/** The visible text of a .docx body or an .xlsx's shared strings: tags dropped, entities decoded. */
function xmlText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

describe('report builder: a year-end report for a ward built in the background, in three formats', () => {
  let t: TestContext;
  let system: Actor;
  let ward: OrgUnit;
  let other: OrgUnit;
  let officer: Client;
  let head: Client;
  let otherOfficer: Client;
  let runId: string;

  const worker = () =>
    createWorker(
      t.ctx.db,
      { [REPORT_BUILD_JOB]: jobHandlers(t.services)[REPORT_BUILD_JOB]! },
      pino({ level: 'silent' }),
    );

  async function download(client: Client, url: string) {
    const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    return {
      status: res.statusCode,
      bytes: res.rawPayload,
      type: String(res.headers['content-type']),
      disposition: String(res.headers['content-disposition']),
    };
  }

  beforeAll(async () => {
    t = await createTestContext();
    system = systemActor(t.ctx.tenantId, 'test');
    ward = await unit(t, { name: 'Đảng ủy phường Ba Đình', validFrom: '2020-01-01' });
    other = await unit(t, { name: 'Đảng ủy phường Hoàn Kiếm', validFrom: '2020-01-01' });
    const people = await staff(t, ward.id, 5, { since: '2021-01-01' });
    const facts = [
      { sex: 'female', birthDate: '1990-03-10', staffCategory: 'cadre', partyStatus: 'full' },
      { sex: 'male', birthDate: '1975-01-01', staffCategory: 'civil_servant', partyStatus: 'probationary' },
      { sex: 'female', birthDate: '1974-12-31', staffCategory: 'civil_servant' },
      { sex: 'male', birthDate: '1985-12-31', staffCategory: 'public_employee', partyStatus: 'full' },
      { sex: 'male', birthDate: '2000-01-01', staffCategory: 'contract_worker' },
    ] as const;
    for (const [i, f] of facts.entries()) await setFacts(t, people[i]!.id, f);
    const march = await cycle(t, ward, '2025-03');
    await evaluation(t, march, people[0]!.id, ward, 'final', 'excellent');
    await evaluation(t, march, people[1]!.id, ward, 'final', 'good');
    await evaluation(t, march, people[2]!.id, ward, 'draft');
    const cells = [];
    for (let i = 0; i < 3; i++)
      cells.push(await unit(t, { parent: ward, validFrom: '2020-01-01', type: 'party_cell' }));
    await weakOrg(t, cells[0]!, 2025, 'consolidated');
    await weakOrg(t, cells[1]!, 2025, 'inProgress');
    await weakOrg(t, cells[2]!, 2025, 'notConsolidated');

    const founding = {
      unitId: ward.id,
      code: 'TL-TCD',
      title: 'Thành lập tổ chức đảng trong doanh nghiệp',
      kind: 'foundOrganisations',
      measure: 'organisations',
    } as const;
    const last = await t.services.targets.create(system, { ...founding, year: 2024, target: 60 });
    await t.services.targets.addProgress(system, last.id, {
      version: 1,
      entryDate: '2024-10-01',
      amount: 12,
    });
    const target = await t.services.targets.create(system, { ...founding, year: 2025, target: 70 });
    await t.services.targets.addProgress(system, target.id, {
      version: 1,
      entryDate: '2025-06-30',
      amount: 29,
    });
    const admit = await t.services.targets.create(system, {
      unitId: ward.id,
      year: 2025,
      code: 'KN-DV',
      title: 'Kết nạp đảng viên trong doanh nghiệp',
      kind: 'admitMembers',
      measure: 'people',
      target: 443,
    });
    await t.services.targets.addProgress(system, admit.id, {
      version: 1,
      entryDate: '2025-05-19',
      amount: 373,
    });

    officer = await t.as(await t.build.user({ role: 'officer', unit: ward }));
    head = await t.as(await t.build.user({ role: 'head', unit: ward }));
    otherOfficer = await t.as(await t.build.user({ role: 'officer', unit: other }));
  });
  afterAll(() => t.close());

  it('queues the run (202), the job builds every section, and the run records its data time and rule sets', async () => {
    const res = await officer.post('/api/reports', {
      templateId: 'builtin-yearEnd',
      unitId: ward.id,
      from: '2025-01-01',
      to: '2025-12-31',
      documentNumber: '12-BC/ĐU',
      place: 'Hà Nội',
      issueDate: '2026-01-05',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({
      state: 'queued',
      sectionsDone: 0,
      percent: 0,
      kind: 'yearEnd',
      asOf: '2025-12-31',
    });
    expect(res.body.jobId).toBeTruthy();
    runId = res.body.id;
    const total = res.body.sectionsTotal;
    expect(total).toBeGreaterThan(5);

    const seen: number[] = [];
    const drained = worker().drain();
    for (let i = 0; i < 200; i++) {
      const now = (await officer.get(`/api/reports/${runId}`)).body;
      seen.push(now.sectionsDone);
      if (now.state === 'done' || now.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await drained).toBe(1);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    const run = (await officer.get(`/api/reports/${runId}`)).body;
    expect(run.error).toBeNull();
    expect(run).toMatchObject({
      state: 'done',
      sectionsDone: total,
      percent: 100,
      files: { docx: true, xlsx: true, pdf: true },
    });
    expect(Date.parse(run.dataReadAt)).toBeGreaterThan(Date.parse(run.createdAt) - 1000);
    expect(run.ruleSets).toEqual([
      { ruleSetId: 'hn-3814-2018', source: 'evaluationCycle', usedBy: ['Tháng 03/2025'] },
    ]);
    const data = run.data;
    expect(data).toMatchObject({
      number: 'Số 12-BC/ĐU',
      placeAndDate: 'Hà Nội, ngày 05 tháng 01 năm 2026',
      type: 'BÁO CÁO',
    });
    expect(data.subject).toBe('Tổng kết công tác tổ chức xây dựng Đảng năm 2025');
    const targets = data.sections.at(-1);
    expect(targets.tables[0].rows).toEqual([
      ['1', 'Kết nạp đảng viên trong doanh nghiệp', ward.name, '373/443 (84,20%)', '—'],
      ['2', 'Thành lập tổ chức đảng trong doanh nghiệp', ward.name, '29/70 (41,43%)', '12/60 (20,00%)'],
    ]);
    const cadres = data.sections[0];
    // One decimal asked: 2/5 = 40,0%; compared with the same day a year earlier.
    expect(cadres.highlights).toContain(
      'Tổng số 5 người, trong đó: nam 3 người (60,0%); nữ 2 người (40,0%).',
    );
    const bySex = cadres.tables[1];
    expect(bySex.headers).toEqual([
      'Giới tính',
      'Số người',
      'Số người cùng kỳ',
      'Tăng (+), giảm (-)',
      'Tỷ lệ (%)',
      'Tỷ lệ cùng kỳ',
      'Tăng (+), giảm (-) (điểm %)',
    ]);
    expect(bySex.rows.at(-1)).toEqual(['Tổng số', '5', '5', '0', '100,0%', '100,0%', '0']);
    const weak = data.sections.find((s: { title: string }) => s.title.startsWith('Kiểm điểm'));
    expect(weak.highlights).toContain('Củng cố được 1/3 tổ chức cơ sở đảng yếu kém (đạt 33,33%).');
    expect(data.sections.find((s: { chart: unknown }) => s.chart)).toBeTruthy();
    const pyramid = data.sections[1].chart;
    expect(pyramid).toMatchObject({ kind: 'pyramid', categories: ['Dưới 40', 'Từ 40 đến 50', 'Trên 50'] });
    expect(pyramid.series).toEqual([
      // Ages on 31/12/2025: men 25, 40 and 50; women 35 and 51.
      { name: 'Nam', values: [1, 2, 0] },
      { name: 'Nữ', values: [1, 0, 1] },
    ]);
  });

  it('the .docx reads back in the Party layout with the figures written the Vietnamese way', async () => {
    const file = await download(officer, `/api/reports/${runId}/files/docx`);
    expect(file.status).toBe(200);
    expect(file.type).toContain('wordprocessingml');
    expect(file.disposition).toContain('.docx');
    const zip = openZip(file.bytes);
    const xml = zip.text('word/document.xml')!;
    const text = xmlText(xml);
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY PHƯỜNG BA ĐÌNH',
      'Số 12-BC/ĐU',
      'Hà Nội, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'Tổng kết công tác tổ chức xây dựng Đảng năm 2025',
      'I. TÌNH HÌNH ĐỘI NGŨ CÁN BỘ',
      '29/70 (41,43%)',
      '373/443 (84,20%)',
      'Số người cùng kỳ',
      'Cùng kỳ năm 2024',
    ])
      expect(text).toContain(expected);
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:sz w:val="28"/>');
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,400}Hà Nội, ngày 05/);
    expect(zip.names().filter((n) => n.startsWith('word/media/')).length).toBeGreaterThanOrEqual(3);
  });

  it('the .xlsx has a sheet per section and the PDF the expected pages', async () => {
    const file = await download(officer, `/api/reports/${runId}/files/xlsx`);
    expect(file.status).toBe(200);
    const zip = openZip(file.bytes);
    const workbook = zip.text('xl/workbook.xml')!;
    const run = (await officer.get(`/api/reports/${runId}`)).body;
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toHaveLength(run.sectionsTotal + 1);
    expect(sheets[1]).toBe('I. Tình hình đội ngũ cán bộ');
    const strings = xmlText(zip.text('xl/sharedStrings.xml')!);
    expect(strings).toContain('29/70 (41,43%)');
    expect(strings).toContain('Số người cùng kỳ');
    expect(strings).toContain('hn-3814-2018');

    const pdf = await download(officer, `/api/reports/${runId}/files/pdf`);
    expect(pdf.type).toContain('application/pdf');
    const pages = pdfPageCount(pdf.bytes);
    expect(pages).toBe(PDF_PAGES);
    const text = pdfText(pdf.bytes);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('29/70 (41,43%)');
  });

  it('lists runs paged; out of scope is missing; a head reads but cannot build', async () => {
    const list = await officer.get(`/api/reports?unitId=${ward.id}&page=1&pageSize=10`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, page: 1, pageSize: 10 });
    expect(list.body.items[0]).toMatchObject({ id: runId, state: 'done', title: 'Tổng kết năm 2025' });
    expect((await otherOfficer.get(`/api/reports/${runId}`)).status).toBe(404);
    expect((await download(otherOfficer, `/api/reports/${runId}/files/docx`)).status).toBe(404);
    expect((await otherOfficer.get('/api/reports')).body.total).toBe(0);
    expect((await head.get(`/api/reports/${runId}`)).status).toBe(200);
    const body = { templateId: 'builtin-midYear', unitId: ward.id, from: '2025-01-01', to: '2025-06-30' };
    expect((await head.post('/api/reports', body)).status).toBe(403);
    expect((await otherOfficer.post('/api/reports', body)).status).toBe(404);
    expect((await officer.post('/api/reports', { ...body, to: '2024-06-30' })).status).toBe(400);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', runId)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['report.runRequested']);
  });

  it('a period not yet ended is reported as of today unless a date is given', async () => {
    const today = todayInVietnam();
    const year = Number(today.slice(0, 4)) + 1;
    const body = {
      templateId: 'builtin-yearEnd',
      unitId: ward.id,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    };
    expect((await officer.post('/api/reports', body)).body.asOf).toBe(today);
    const dated = await officer.post('/api/reports', { ...body, asOf: `${year}-06-30` });
    expect(dated.body.asOf).toBe(`${year}-06-30`);
  });
});

/** Pages of the ward's year-end report (the figures above, A4, Tinos 14). */
const PDF_PAGES = 6;
