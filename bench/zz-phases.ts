import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { readImportTable } from '@canbo/server/src/modules/imports/sheet';
import { issuesOf, parseRows } from '@canbo/server/src/modules/imports/rows';
import { PEOPLE_COLUMNS } from '@canbo/server/src/modules/imports/columns';
const HEADERS = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh (dd/mm/yyyy)', 'Số CCCD', 'Dân tộc', 'Tôn giáo', 'Quê quán', 'Điện thoại',
  'Đơn vị (mã)', 'Đối tượng', 'Chức vụ', 'Ngày bổ nhiệm', 'Giáo dục phổ thông', 'Trình độ chuyên môn', 'Lý luận chính trị',
  'Mã ngạch', 'Bậc lương', 'Đảng viên: trạng thái', 'Ngày vào Đảng', 'Ngày chính thức'];
const out = new PassThrough(); const chunks: Buffer[] = []; out.on('data', (c: Buffer) => chunks.push(c));
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
const sheet = writer.addWorksheet('Cán bộ'); sheet.addRow(HEADERS).commit();
for (let i = 0; i < 50000; i++) sheet.addRow([`B${i}`, `Nguyễn Văn An ${i}`, 'Nam', `05/03/19${50 + (i%50)}`, `0010800${String(i).padStart(5,'0')}`, 'Kinh', null, 'Hà Nội', null, 'BW001', 'Công chức', 'Chuyên viên', '01/02/2020', '12/12', 'Cử nhân', 'Trung cấp', '01.003', 3, 'Chính thức', '03/02/2005', '03/02/2006']).commit();
sheet.commit(); await writer.commit();
const file = Buffer.concat(chunks);
for (let k = 0; k < 2; k++) {
let t = performance.now();
const table = readImportTable('people', file);
console.log('read', Math.round(performance.now() - t)); t = performance.now();
const issues = issuesOf(table, PEOPLE_COLUMNS, new Map(table.rows.map((r) => [r.number, r])));
const parsed = parseRows(table, issues, () => {});
console.log('parse', Math.round(performance.now() - t), issues.list.length, parsed.length);
}
