import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Client, Response } from '../../../test/client';
import type { TestContext } from '../../../test/context';
import { PEOPLE_COLUMNS, UNIT_COLUMNS } from './columns';

/** Builders for import tests: workbooks written with ExcelJS, multipart uploads, valid CCCD numbers. */

export type Cell = string | number | boolean | Date | null | undefined;
export type Row = Record<string, Cell>;

export const PEOPLE_HEADERS = PEOPLE_COLUMNS.map((c) => c.header);
export const UNIT_HEADERS = UNIT_COLUMNS.map((c) => c.header);

let sequence = 0;

/** A CCCD that passes every check: Hà Nội (001), the century-and-sex digit, the birth year, a unique tail. */
export function cccdFor(sex: 'Nam' | 'Nữ', birthYear: number, n?: number): string {
  const digit = (birthYear >= 2000 ? 2 : 0) + (sex === 'Nữ' ? 1 : 0);
  const tail = n ?? (process.pid * 7919 + ++sequence * 104_729) % 1_000_000;
  return `001${digit}${String(birthYear % 100).padStart(2, '0')}${String(tail).padStart(6, '0')}`;
}

const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngọc',
  'Phúc',
  'Quân',
  'Sơn',
];

/** A valid person row of the people template, for the unit `unitCode`; override any header. */
export function personRow(unitCode: string, i: number, overrides: Row = {}): Row {
  const sex = i % 2 ? 'Nữ' : 'Nam';
  const year = 1970 + (i % 30);
  return {
    'Mã cán bộ': `IMP${String(i).padStart(6, '0')}`,
    'Họ và tên': `${sex === 'Nữ' ? 'Trần Thị' : 'Nguyễn Văn'} ${GIVEN[i % GIVEN.length]}`,
    'Giới tính': sex,
    'Ngày sinh (dd/mm/yyyy)': `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/${year}`,
    'Số CCCD': cccdFor(sex, year, i),
    'Dân tộc': 'Kinh',
    'Đơn vị (mã)': unitCode,
    'Đối tượng': 'Công chức',
    'Chức vụ': 'Chuyên viên',
    'Ngày bổ nhiệm': '01/08/2020',
    'Lý luận chính trị': 'Trung cấp',
    'Đảng viên: trạng thái': i % 3 === 0 ? 'Chính thức' : 'Không',
    'Ngày vào Đảng': i % 3 === 0 ? `03/02/${year + 25}` : null,
    'Ngày chính thức': i % 3 === 0 ? `03/02/${year + 26}` : null,
    ...overrides,
  };
}

/** A workbook with one data sheet (header row 1) and optionally more sheets. */
export async function workbook(
  sheet: string,
  headers: readonly string[],
  rows: readonly Row[],
  more: Record<string, Cell[][]> = {},
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  ws.addRow([...headers]);
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
  for (const [name, cells] of Object.entries(more)) {
    const extra = book.addWorksheet(name);
    for (const r of cells) extra.addRow(r);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const peopleWorkbook = (rows: readonly Row[], headers: readonly string[] = PEOPLE_HEADERS) =>
  workbook('Cán bộ', headers, rows);
export const unitsWorkbook = (rows: readonly Row[], headers: readonly string[] = UNIT_HEADERS) =>
  workbook('Đơn vị', headers, rows);

export function multipart(
  fileName: string,
  content: Buffer,
  field = 'file',
): { payload: Buffer; contentType: string } {
  const boundary = `----canbo${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export function upload(
  client: Client,
  kind: 'units' | 'people',
  content: Buffer,
  fileName = `${kind}.xlsx`,
): Promise<Response> {
  const { payload, contentType } = multipart(fileName, content);
  return client.raw({
    method: 'POST',
    url: `/api/imports/${kind}`,
    payload,
    headers: {
      'content-type': contentType,
      ...(client.csrfToken ? { 'x-csrf-token': client.csrfToken } : {}),
    },
  });
}

/** GET of a binary download: the body as bytes. */
export async function download(
  t: TestContext,
  client: Client,
  url: string,
): Promise<{ status: number; bytes: Buffer; headers: Response['headers']; body: unknown }> {
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  const json = res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : null;
  return { status: res.statusCode, bytes: res.rawPayload, headers: res.headers, body: json };
}

export async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** Row counts of the tables an import writes. */
export async function counts(t: TestContext) {
  const tables = [
    'person',
    'person_history',
    'position',
    'audit_log',
    'org_unit',
    'org_unit_version',
    'org_change',
  ] as const;
  const out = {} as Record<(typeof tables)[number], number>;
  for (const table of tables) {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', t.ctx.tenantId)
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}
