import { PassThrough } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  columnIndex,
  columnLetters,
  DateCell,
  decodeXml,
  isDateFormat,
  readXlsx,
  type XlsxError,
} from './xlsx-reader';
import { openZip, ZipError } from './zip';

async function inMemory(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('xlsx reader', () => {
  it('reads shared strings, numbers, booleans, dates, formulas and merged cells of a workbook', async () => {
    const bytes = await inMemory((book) => {
      book.addWorksheet('Khác').addRow(['x']);
      const ws = book.addWorksheet('Cán bộ');
      ws.addRow(['Họ và tên', 'Ngày sinh', 'Số', 'Đúng', 'Công thức', 'Đảng viên', null]);
      ws.mergeCells('F1:G1');
      ws.addRow([
        'Nguyễn Văn Đức',
        new Date(Date.UTC(1980, 2, 5)),
        1_080_012_345,
        true,
        { formula: 'C2*2', result: 2_160_024_690 },
        'a & b < c',
        '',
      ]);
      ws.getCell('A4').value = {
        richText: [{ text: 'Trần ' }, { text: 'Thị', font: { bold: true } }, { text: ' Hoa' }],
      };
    });
    const book = readXlsx(bytes);
    expect(book.sheetNames).toEqual(['Khác', 'Cán bộ']);
    expect(book.date1904).toBe(false);
    expect(book.sheet('Không có')).toBeNull();
    const sheet = book.sheet('Cán bộ')!;
    expect(sheet.merges).toEqual([{ top: 1, left: 5, bottom: 1, right: 6 }]);
    expect(sheet.rows.map((r) => r.number)).toEqual([1, 2, 4]);
    const [, data, rich] = sheet.rows;
    expect(data!.cells[0]).toBe('Nguyễn Văn Đức');
    expect(data!.cells[1]).toBeInstanceOf(DateCell);
    expect((data!.cells[1] as DateCell).serial).toBe(29_285);
    expect(data!.cells.slice(2, 6)).toEqual([1_080_012_345, true, 2_160_024_690, 'a & b < c']);
    expect(data!.cells[6]).toBeUndefined();
    expect(rich!.cells[0]).toBe('Trần Thị Hoa');
  });

  it('reads the inline strings of a workbook written by the streaming writer', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = writer.addWorksheet('Đơn vị');
    ws.addRow(['Mã đơn vị', 'Tên']).commit();
    ws.addRow(['PBD', 'Phường Ba Đình\r\nHà Nội']).commit();
    ws.commit();
    await writer.commit();
    const sheet = readXlsx(Buffer.concat(chunks)).sheet('Đơn vị')!;
    expect(sheet.rows[1]!.cells).toEqual(['PBD', 'Phường Ba Đình\r\nHà Nội']);
  });

  it('says what a file that is not a workbook is', () => {
    const fail = (bytes: Buffer) => {
      try {
        readXlsx(bytes);
      } catch (error) {
        return (error as XlsxError).reason;
      }
      return 'read';
    };
    expect(fail(Buffer.from('Họ và tên,Ngày sinh\n'))).toBe('not_zip');
    expect(fail(Buffer.from('%PDF-1.4 …'))).toBe('not_zip');
    expect(fail(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('old_excel');
    expect(fail(Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]))).toBe('corrupt');
  });

  it('decodes XML entities and OOXML escapes, and column letters both ways', () => {
    expect(decodeXml('a &amp; b &lt;c&gt; &#272;&#x1ee9;c_x000D_')).toBe('a & b <c> Đức\r');
    expect([columnIndex('A'), columnIndex('Z'), columnIndex('AA'), columnIndex('AMJ')]).toEqual([
      0, 25, 26, 1023,
    ]);
    expect([0, 25, 26, 1023].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AMJ']);
    expect(['dd/mm/yyyy', 'mm-dd-yy', '[$-42A]dd/mm/yyyy', 'h:mm'].map(isDateFormat)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['General', '0.00', '#,##0', '@', '"Ngày"0'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('zip reader', () => {
  it('refuses an entry that would inflate beyond the limit', () => {
    const data = deflateRawSync(Buffer.alloc(1_000_000));
    const name = Buffer.from('big.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(1_000, 22); // a lie about the size
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(1_000, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = openZip(Buffer.concat([local, name, data, central, name, end]), { maxEntryBytes: 10_000 });
    expect(zip.names()).toEqual(['big.xml']);
    expect(() => zip.read('big.xml')).toThrow(ZipError);
    expect(zip.read('missing.xml')).toBeNull();
  });
});
