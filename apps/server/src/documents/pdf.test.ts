import { describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText } from '../../test/pdf-text';
import { chartPng } from './charts';
import { createPdf } from './pdf';

function header(pdf: ReturnType<typeof createPdf>) {
  pdf.partyHeader({
    superior: 'Đảng bộ quận Ba Đình',
    issuer: 'Đảng ủy phường Điện Biên',
    number: 'Số 12-BC/ĐU',
    placeAndDate: 'Hà Nội, ngày 03 tháng 4 năm 2018',
  });
  pdf.title('Báo cáo', 'Sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2025');
}

describe('PDF builder: A4, Party heading, Tinos, numbered sections, tables across pages, images', () => {
  it('writes a one-page report whose text reads back with its Vietnamese letters', async () => {
    const pdf = createPdf({ title: 'Báo cáo thử' });
    header(pdf);
    pdf.heading('I. TÌNH HÌNH ĐỘI NGŨ');
    pdf.paragraph('Thành lập được 29/70 tổ chức đảng (đạt 41,43%) với 373/443 đảng viên (đạt 84,20%).');
    pdf.table(
      [
        { header: 'Chỉ tiêu', width: 60 },
        { header: 'Kết quả', width: 40, align: 'right' },
      ],
      [['Củng cố tổ chức cơ sở đảng yếu kém', '4/37 (10,81%)']],
    );
    const bytes = await pdf.finish();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(bytes)).toBe(1);
    const text = pdfText(bytes);
    for (const expected of [
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY PHƯỜNG ĐIỆN BIÊN',
      'Số 12-BC/ĐU',
      'Hà Nội, ngày 03 tháng 4 năm 2018',
      'BÁO CÁO',
      'I. TÌNH HÌNH ĐỘI NGŨ',
      '4/37 (10,81%)',
    ])
      expect(text).toContain(expected);
    expect(text.replace(/\n/g, ' ')).toContain('29/70 tổ chức đảng (đạt 41,43%)');
  });

  it('breaks a long table over pages, repeating its header, and numbers pages from the second', async () => {
    const pdf = createPdf({ title: 'Bảng dài' });
    header(pdf);
    pdf.table(
      [
        { header: 'STT', width: 15 },
        { header: 'Đơn vị', width: 85 },
      ],
      Array.from({ length: 120 }, (_, i) => [String(i + 1), `Chi bộ số ${i + 1}`]),
    );
    pdf.image(
      chartPng({ kind: 'bar', categories: ['A', 'B'], series: [{ name: 'Số người', values: [1, 2] }] }).png,
      {
        caption: 'Biểu đồ 1',
      },
    );
    const bytes = await pdf.finish();
    const pages = pdfPageCount(bytes);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = pdfText(bytes);
    expect(text.match(/Đơn vị/g)?.length).toBe(pages >= 4 ? pages - 1 : pages);
    expect(text).toContain('Chi bộ số 120');
    expect(text).toContain('Biểu đồ 1');
    expect(text.split('\n')).toContain('2');
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });
});
