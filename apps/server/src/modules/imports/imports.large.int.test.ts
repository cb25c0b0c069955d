import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/client';
import { createTestContext, type TestContext } from '../../../test/context';
import { jobHandlers } from '../../jobs/handlers';
import { createWorker } from '../../jobs/worker';
import { cccdFor, counts, download, readWorkbook, upload } from './imports.fixtures';

const HEADERS = [
  'Mã cán bộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh (dd/mm/yyyy)',
  'Số CCCD',
  'Đơn vị (mã)',
  'Đối tượng',
];

/** A people file of `rows` data rows (sheet rows 2…rows+1), written with ExcelJS's streaming writer. */
async function bigFile(rows: number, unitCode: string, bad?: { row: number; cccd: string }): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = writer.addWorksheet('Cán bộ');
  sheet.addRow(HEADERS).commit();
  for (let i = 1; i <= rows; i++) {
    const sheetRow = i + 1;
    const year = 1965 + (i % 35);
    const cccd = bad?.row === sheetRow ? bad.cccd : cccdFor('Nam', year, i);
    sheet
      .addRow([
        `L${String(i).padStart(6, '0')}`,
        `Phạm Văn Lớn ${i}`,
        'Nam',
        `15/06/${year}`,
        cccd,
        unitCode,
        'Viên chức',
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

describe('large imports run as jobs, all or nothing', () => {
  let t: TestContext;
  let officer: Client;
  const worker = () =>
    createWorker(
      t.ctx.db,
      { 'imports.run': jobHandlers(t.services)['imports.run']! },
      pino({ level: 'silent' }),
    );

  beforeAll(async () => {
    t = await createTestContext();
    const ward = await t.build.unit({ name: 'Phường Láng', code: 'PL' });
    officer = await t.as(await t.build.user({ unit: ward, role: 'officer' }));
  });
  afterAll(() => t.close());

  it('a bad cell in row 40,000 of a 40,000-row file leaves the database untouched and the report names it', async () => {
    const file = await bigFile(40_000, 'PL', { row: 40_000, cccd: '0010650000' });
    const before = await counts(t);
    const res = await upload(officer, 'people', file, 'lon.xlsx');
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(res.body).toMatchObject({ status: 'queued', totalRows: 40_000, percent: 0 });
    expect(await worker().drain()).toBe(1);

    const run = (await officer.get(`/api/imports/${res.body.id}`)).body;
    expect(run).toMatchObject({
      status: 'rejected',
      totalRows: 40_000,
      errorCount: 1,
      created: 0,
      percent: 100,
    });
    expect(run.errors).toEqual([
      expect.objectContaining({
        row: 40_000,
        column: 'Số CCCD',
        cell: 'E40000',
        value: '0010650000',
        message: 'Số CCCD phải gồm đúng 12 chữ số.',
      }),
    ]);
    expect(await counts(t)).toEqual(before);
    const stored = await t.ctx.db
      .selectFrom('import_run')
      .select(['file', 'status'])
      .where('id', '=', run.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ file: null, status: 'rejected' });

    const report = await readWorkbook(
      (await download(t, officer, `/api/imports/${run.id}/report.xlsx`)).bytes,
    );
    const line = (report.getWorksheet('Lỗi')!.getRow(2).values as unknown[]).slice(1, 5);
    expect(line).toEqual([40_000, 'Số CCCD', 'E40000', '0010650000']);
  });

  it('a problem found after the first rows were written (a CCCD repeated in row 6,541) still writes nothing', async () => {
    // Rows are checked and written slice by slice (5,000 rows): the first slice is sent to the
    // database before the second is checked. Row 6,541 repeats row 101's CCCD (same birth year).
    const file = await bigFile(7_000, 'PL', { row: 6_541, cccd: cccdFor('Nam', 1995, 100) });
    const before = await counts(t);
    const res = await upload(officer, 'people', file, 'trung.xlsx');
    expect(await worker().drain()).toBe(1);
    const run = (await officer.get(`/api/imports/${res.body.id}`)).body;
    expect(run).toMatchObject({ status: 'rejected', errorCount: 1, created: 0 });
    expect(run.errors).toEqual([
      expect.objectContaining({
        row: 6_541,
        column: 'Số CCCD',
        message: 'Số CCCD trùng với dòng 101.',
      }),
    ]);
    expect(await counts(t)).toEqual(before);
  });

  it('a failure half-way through the writes rolls everything back and the run says why', async () => {
    // A constraint the checks do not know about stands for any error the database raises mid-write:
    // the first 5,000 people are inserted, the second statement fails.
    await sql`ALTER TABLE person ADD CONSTRAINT test_import_failure CHECK (code <> 'L005990')`.execute(
      t.ctx.db,
    );
    try {
      const before = await counts(t);
      const res = await upload(officer, 'people', await bigFile(6_000, 'PL'));
      expect(await worker().drain()).toBe(1);
      const run = (await officer.get(`/api/imports/${res.body.id}`)).body;
      expect(run).toMatchObject({
        status: 'failed',
        created: 0,
        errorCount: 0,
        message: expect.stringContaining('không có dữ liệu nào được ghi'),
      });
      expect(await counts(t)).toEqual(before);
    } finally {
      await sql`ALTER TABLE person DROP CONSTRAINT test_import_failure`.execute(t.ctx.db);
    }
  });

  it('a valid file of 1,500 rows is imported by the worker in one go', async () => {
    const res = await upload(officer, 'people', await bigFile(1_500, 'PL'));
    expect(res.status).toBe(202);
    expect(await worker().drain()).toBe(1);
    const run = (await officer.get(`/api/imports/${res.body.id}`)).body;
    expect(run).toMatchObject({ status: 'applied', created: 1_500, errorCount: 0 });
    const n = await t.ctx.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('code', 'like', 'L%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1_500);
    const job = await t.ctx.db
      .selectFrom('job')
      .select(['state', 'result'])
      .where('kind', '=', 'imports.run')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'done', result: { status: 'applied', created: 1_500 } });
  });
});
