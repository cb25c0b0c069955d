import { BorderStyle, type FileChild, type Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import { a4Document, docxBuffer, field, fields, paragraph, run, table, twoColumns } from './docx';

/**
 * The cadre résumé laid out like Mẫu 2C-TCTW-98 ("SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"): the unit
 * lines and the record number at the top, a photo box, numbered fields, then the tables of
 * training, career, awards and disciplines, and the two signatures. Values arrive as display text
 * (dates, labels) and already masked where the reader may not see them; a field the system does
 * not keep is left as dots, to be written by hand.
 */

export interface ResumeData {
  province: string;
  unit: string;
  baseUnit: string;
  code: string;
  fullName: string;
  sex: string;
  otherName: string | null;
  /** "ngày 05 tháng 3 năm 1980". */
  birthDate: string;
  birthPlace: string | null;
  hometown: string | null;
  phone: string | null;
  email: string | null;
  ethnicity: string;
  religion: string | null;
  /** Posts held now, "Phó Chủ tịch UBND phường; Bí thư Chi bộ (kiêm nhiệm)". */
  positionsNow: string | null;
  mainWork: string | null;
  party:
    | { admitted: string | null; full: string | null; card: string | null; status: string | null }
    | 'masked';
  education: string | null;
  qualification: string | null;
  politicalTheory: string | null;
  stateManagement: string | null;
  foreignLanguage: string | null;
  itLevel: string | null;
  staffCategory: string;
  salary: { scale: string | null; step: string | null; since: string | null };
  honours: string | null;
  awardsSummary: string | null;
  disciplinesSummary: string | null;
  cccd: string | null;
  trainings: string[][];
  career: string[][];
  awards: string[][];
  disciplines: string[][];
  /** "Hà Nội, ngày 03 tháng 4 năm 2026". */
  placeAndDate: string;
}

const HIDDEN = '(không hiển thị)';
const SIZE = 13;

function heading(text: string): Paragraph {
  return paragraph(
    text,
    { align: 'center', before: 8, after: 4, keepNext: true },
    { size: SIZE, bold: true },
  );
}

function photoBox(): Table {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        height: { value: 2268, rule: 'exact' },
        children: [
          new TableCell({
            borders: { top: line, bottom: line, left: line, right: line },
            children: [
              paragraph('Ảnh màu', { align: 'center', before: 30 }, { size: 11 }),
              paragraph('(4 × 6 cm)', { align: 'center' }, { size: 11 }),
            ],
          }),
        ],
      }),
    ],
  });
}

export function resumeDocument(data: ResumeData) {
  const party = data.party;
  const top = twoColumns(
    [
      paragraph([run('Tỉnh/Thành phố: ', { size: 12 }), run(data.province, { size: 12, bold: true })], {
        after: 0,
      }),
      paragraph([run('Đơn vị trực thuộc: ', { size: 12 }), run(data.unit, { size: 12, bold: true })], {
        after: 0,
      }),
      paragraph([run('Đơn vị cơ sở: ', { size: 12 }), run(data.baseUnit, { size: 12, bold: true })], {
        after: 0,
      }),
    ],
    [
      paragraph(
        [run('Số hiệu cán bộ, công chức: ', { size: 12 }), run(data.code, { size: 12, bold: true })],
        { align: 'right', after: 0 },
      ),
    ],
    [60, 40],
  );
  const firstFields = [
    fields([
      ['1) Họ và tên khai sinh', data.fullName.toUpperCase()],
      ['Nam, nữ', data.sex],
    ]),
    field('2) Các tên gọi khác', data.otherName),
    field('3) Chức vụ (Đảng, đoàn thể, chính quyền, kể cả chức vụ kiêm nhiệm)', data.positionsNow),
    field('4) Sinh ngày', data.birthDate),
    field('5) Nơi sinh', data.birthPlace),
    field('6) Quê quán', data.hometown),
  ];
  const photoAndFields = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: none,
      bottom: none,
      left: none,
      right: none,
      insideHorizontal: none,
      insideVertical: none,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 22, type: WidthType.PERCENTAGE },
            borders: noBorders,
            children: [photoBox(), paragraph('')],
          }),
          new TableCell({
            width: { size: 78, type: WidthType.PERCENTAGE },
            borders: noBorders,
            children: firstFields,
          }),
        ],
      }),
    ],
  });

  const children: FileChild[] = [
    top,
    paragraph(
      'SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC',
      { align: 'center', before: 12, after: 12 },
      { size: 16, bold: true },
    ),
    photoAndFields,
    fields([
      ['7) Điện thoại', data.phone],
      ['Email', data.email],
    ]),
    fields([
      ['8) Dân tộc', data.ethnicity],
      ['9) Tôn giáo', data.religion ?? 'Không'],
    ]),
    field('10) Thành phần gia đình xuất thân', null),
    field('11) Nghề nghiệp bản thân trước khi được tuyển dụng', null),
    field('12) Ngày được tuyển dụng, vào cơ quan nào, ở đâu', null),
    field('13) Ngày vào cơ quan hiện đang công tác', null),
    party === 'masked'
      ? field('14) Ngày vào Đảng Cộng sản Việt Nam', HIDDEN)
      : fields([
          ['14) Ngày vào Đảng Cộng sản Việt Nam', party.admitted ?? (party.status ? party.status : null)],
          ['Ngày chính thức', party.full],
        ]),
    ...(party !== 'masked' && party.card ? [field('      Số thẻ đảng viên', party.card)] : []),
    field('15) Ngày tham gia các tổ chức chính trị - xã hội', null),
    field('16) Ngày nhập ngũ, ngày xuất ngũ, quân hàm, chức vụ cao nhất', null),
    paragraph([run('17) Trình độ học vấn: ', { size: SIZE })], { after: 2 }),
    fields([
      ['      Giáo dục phổ thông', data.education],
      ['Học hàm, học vị cao nhất', data.qualification],
    ]),
    fields([
      ['      Lý luận chính trị', data.politicalTheory],
      ['Quản lý nhà nước', data.stateManagement],
    ]),
    fields([
      ['      Ngoại ngữ', data.foreignLanguage],
      ['Tin học', data.itLevel],
    ]),
    field('18) Công tác chính đang làm', data.mainWork),
    fields([
      ['19) Đối tượng', data.staffCategory],
      ['Mã ngạch', data.salary.scale],
      ['Bậc lương', data.salary.step],
      ['Từ ngày', data.salary.since],
    ]),
    field('20) Danh hiệu được phong', data.honours),
    field('21) Sở trường công tác', null),
    field('22) Khen thưởng', data.awardsSummary),
    field('23) Kỷ luật', data.disciplinesSummary),
    field('24) Tình trạng sức khỏe', null),
    field('25) Số CCCD', data.cccd),
    heading('26) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ'),
    table(
      [
        { header: 'Tên trường', width: 24 },
        { header: 'Ngành học hoặc tên lớp học', width: 28 },
        { header: 'Thời gian học (từ tháng, năm – đến tháng, năm)', width: 18 },
        { header: 'Hình thức học', width: 14 },
        { header: 'Văn bằng, chứng chỉ', width: 16 },
      ],
      data.trainings,
    ),
    heading('27) TÓM TẮT QUÁ TRÌNH CÔNG TÁC'),
    table(
      [
        { header: 'Từ tháng, năm đến tháng, năm', width: 24 },
        { header: 'Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể)', width: 76 },
      ],
      data.career,
    ),
    heading('28) KHEN THƯỞNG'),
    table(
      [
        { header: 'Ngày quyết định', width: 16 },
        { header: 'Hình thức', width: 22 },
        { header: 'Nội dung', width: 40 },
        { header: 'Số quyết định, cấp quyết định', width: 22 },
      ],
      data.awards,
    ),
    heading('29) KỶ LUẬT'),
    table(
      [
        { header: 'Ngày quyết định', width: 16 },
        { header: 'Hình thức', width: 18 },
        { header: 'Lý do', width: 34 },
        { header: 'Số quyết định, cấp quyết định', width: 18 },
        { header: 'Hết hiệu lực', width: 14 },
      ],
      data.disciplines,
    ),
    paragraph('', { after: 6 }),
    twoColumns(
      [
        paragraph('NGƯỜI KHAI', { align: 'center', after: 0 }, { size: SIZE, bold: true }),
        paragraph(
          'Tôi xin cam đoan những lời khai trên đây là đúng sự thật',
          { align: 'center', after: 0 },
          { size: 12, italics: true },
        ),
        paragraph('(Ký tên, ghi rõ họ tên)', { align: 'center', after: 48 }, { size: 12, italics: true }),
        paragraph(data.fullName, { align: 'center' }, { size: SIZE, bold: true }),
      ],
      [
        paragraph(data.placeAndDate, { align: 'center', after: 0 }, { size: SIZE, italics: true }),
        paragraph(
          'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CBCC',
          { align: 'center', after: 0 },
          { size: SIZE, bold: true },
        ),
        paragraph('(Ký tên, đóng dấu)', { align: 'center' }, { size: 12, italics: true }),
      ],
      [45, 55],
    ),
  ];
  return a4Document(children, { title: `Sơ yếu lý lịch — ${data.fullName}` });
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const noBorders = { top: none, bottom: none, left: none, right: none };

export function resumeDocx(data: ResumeData): Promise<Buffer> {
  return docxBuffer(resumeDocument(data));
}
