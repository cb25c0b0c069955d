import type { AnnualReviewDetail, AnnualReviewSummary, ClassificationBoard, Grade } from '@canbo/domain';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  classificationDocx,
  classificationXlsx,
  periodLabel,
  quotaLine,
  selfReviewDocx,
  summarise,
} from './annual.documents';
import type { DocumentHeader } from './document-header';

const ID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const header: DocumentHeader = {
  committee: 'Đảng ủy phường Ba Đình',
  superior: 'Đảng bộ thành phố Hà Nội',
  place: 'Hà Nội',
  date: '2026-01-05',
};

const period: AnnualReviewDetail['period'] = {
  id: ID(1),
  kind: 'annual',
  label: 'Năm 2025',
  unitId: ID(2),
  unitName: 'Đảng ủy phường Ba Đình',
  year: 2025,
  termLabel: null,
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  selfDue: '2025-12-15',
  meetingDue: '2025-12-20',
  decisionDue: '2025-12-31',
  state: 'open',
  stateRuleSetId: 'nd-90-2020',
  partyRuleSetId: 'qd-366-2025',
  jobId: null,
  preparation: null,
  counts: {
    people: 3,
    collectives: 0,
    notReviewed: 0,
    selfReviewed: 0,
    proposed: 0,
    decided: 0,
    published: 0,
  },
  createdAt: '2025-12-01T00:00:00.000Z',
  closedAt: null,
  version: 1,
};

function summary(n: number, name: string, grades: Partial<AnnualReviewSummary> = {}): AnnualReviewSummary {
  return {
    id: ID(100 + n),
    periodId: period.id,
    periodLabel: period.label,
    subject: 'person',
    track: 'party',
    ruleSetId: 'qd-366-2025',
    personId: ID(200 + n),
    personName: name,
    personCode: `CB${n}`,
    unitId: ID(3),
    unitName: 'Chi bộ Khu phố 1',
    positionTitle: 'Chuyên viên',
    quotaGroup: 'chuyen-vien',
    isLeader: false,
    state: 'decided',
    eligibility: { status: 'graded', cap: null, forced: null, selfReviewRequired: true, reasons: [] },
    proposedScore: 88.5,
    proposedGrade: 'good',
    selfGrade: 'good',
    managerGrade: null,
    decidedGrade: null,
    linkageOk: null,
    decidedAbove: false,
    version: 3,
    ...grades,
  };
}

const detail: AnnualReviewDetail = {
  ...summary(1, 'Nguyễn Thị Hạnh', { positionTitle: 'Phó Bí thư Chi bộ', selfGrade: 'excellent' }),
  period,
  rollup: {
    formula: 'average',
    counted: 2,
    listed: 3,
    score: 91.25,
    grade: 'excellent',
    gradeCounts: { excellent: 1, good: 1, completed: 0, notCompleted: 0 },
    rule: null,
    explanation: { vi: 'Điểm trung bình của 2 kỳ đã đánh giá.', en: 'Average of the 2 graded periods.' },
    inputs: [
      {
        periodStart: '2025-01-01',
        periodEnd: '2025-01-31',
        ruleSetId: 'nd-335-2025',
        total: 92.5,
        grade: 'excellent',
        unitName: 'Phòng Văn hóa',
      },
      {
        periodStart: '2025-04-01',
        periodEnd: '2025-06-30',
        ruleSetId: 'nd-335-2025',
        total: 90,
        grade: 'excellent',
        unitName: 'Chi bộ Khu phố 1',
      },
      {
        periodStart: '2025-07-01',
        periodEnd: '2025-07-31',
        ruleSetId: 'nd-335-2025',
        total: null,
        grade: null,
      },
    ],
  },
  selfReview: 'Ưu điểm: hoàn thành vượt kế hoạch.\nKhuyết điểm: chậm báo cáo quý II.',
  selfScore: null,
  selfSubmittedAt: '2025-12-10T02:00:00.000Z',
  meeting: null,
  collectiveComment: null,
  targetsOverfulfilledPercent: null,
  managerComment: null,
  decisionComment: null,
  decidedAt: null,
  publishedAt: null,
  linkage: null,
  collective: null,
  steps: [],
  can: { selfReview: false, comment: false, propose: false, decide: false },
};

const graded: [string, Grade | null, Partial<AnnualReviewSummary>][] = [
  ['Trần Văn An', 'excellent', {}],
  ['Lê Thị Bình', 'good', {}],
  ['Phạm Văn Cường', 'good', {}],
  ['Hoàng Thị Dung', 'completed', {}],
  [
    'Vũ Văn Em',
    null,
    {
      proposedGrade: null,
      eligibility: { status: 'notGraded', cap: null, forced: null, selfReviewRequired: false, reasons: [] },
    },
  ],
];

const board: ClassificationBoard = {
  period,
  unit: { id: ID(3), name: 'Chi bộ Khu phố 1' },
  track: 'party',
  subject: 'person',
  ruleSetIds: ['qd-366-2025'],
  quota: [
    {
      group: null,
      graded: 4,
      excellent: 1,
      good: 2,
      limit: 0,
      percent: 20,
      basis: 'good',
      ok: false,
      message: { vi: 'Vượt tỷ lệ', en: 'Over the quota' },
    },
  ],
  items: graded.map(([name, grade, extra], i) =>
    summary(i + 2, name, { decidedGrade: grade, managerGrade: grade, ...extra }),
  ),
  linkageWarnings: [],
  meeting: null,
  progress: { pending: 0, selfReviewed: 0, proposed: 0, decided: 5, published: 0, notReviewed: 0 },
  canDecide: true,
  canPublish: true,
};

async function docxText(bytes: Buffer): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return {
    document: await zip.file('word/document.xml')!.async('string'),
    styles: await zip.file('word/styles.xml')!.async('string'),
  };
}

/** The visible text of document.xml, runs joined (a heading split over runs still reads whole). */
const plain = (xml: string) => xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');

describe('annual review documents (Party layout, 36-HD/VPTW)', () => {
  it('writes the self-review form: heading, title with the year, the person, the text, the months and the grade', async () => {
    const { document, styles } = await docxText(await selfReviewDocx(detail, header));
    const text = plain(document);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG ỦY PHƯỜNG BA ĐÌNH');
    expect(text).toContain('ĐẢNG BỘ THÀNH PHỐ HÀ NỘI');
    expect(text).toContain('Hà Nội, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('BẢN TỰ KIỂM ĐIỂM, ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG');
    expect(text).toContain('ĐẢNG VIÊN NĂM 2025');
    expect(text).toContain('Nguyễn Thị Hạnh');
    expect(text).toContain('Phó Bí thư Chi bộ');
    expect(text).toContain('Khuyết điểm: chậm báo cáo quý II.');
    // The months rolled up, scores written the Vietnamese way, an ungraded month listed.
    expect(text).toContain('Tháng 1/2025');
    expect(text).toContain('Quý II/2025');
    expect(text).toContain('92,5');
    expect(text).toContain('Chưa đánh giá');
    expect(text).toContain('Số kỳ được tính: 2/3');
    expect(text).toContain('Điểm bình quân: 91,25');
    expect(text).toContain('☒ Hoàn thành xuất sắc nhiệm vụ');
    expect(text).toContain('☐ Hoàn thành tốt nhiệm vụ');
    expect(text).toContain('NGƯỜI TỰ KIỂM ĐIỂM');
    expect(styles).toContain('Times New Roman');
    expect(document).not.toMatch(/w:ascii="(?!Times New Roman)/);
  });

  it('names a mid-term review by its term and leaves blank lines for a review not yet written', async () => {
    const midterm = {
      ...detail,
      track: 'state' as const,
      selfReview: null,
      rollup: null,
      period: { ...period, kind: 'midterm' as const, year: null, termLabel: '2025–2030' },
    };
    const text = plain((await docxText(await selfReviewDocx(midterm, header))).document);
    expect(text).toContain('CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC GIỮA NHIỆM KỲ 2025–2030');
    expect(text).toContain('…………');
  });

  it('writes the classification table with numbered rows, grades, the quota line and the totals in Vietnamese figures', async () => {
    const { document } = await docxText(await classificationDocx(board, header));
    const text = plain(document);
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG');
    expect(text).toContain('Chi bộ Khu phố 1');
    for (const [name] of graded) expect(text).toContain(name);
    expect(text).toMatch(/\n1\n+Trần Văn An/);
    expect(text).toMatch(/\n5\n+Vũ Văn Em/);
    expect(text).toContain('HTXSNV');
    expect(text).toContain('Không xếp loại');
    expect(text).toContain(
      'Hoàn thành xuất sắc nhiệm vụ: 1/2 (50,00%) số xếp loại hoàn thành tốt nhiệm vụ; tối đa 0 (20%) — vượt tỷ lệ cho phép.',
    );
    expect(text).toContain('Tổng số được đánh giá: 5 người.');
    expect(text).toContain('Hoàn thành tốt nhiệm vụ: 2 người (40,00%).');
    expect(text).toContain('Không hoàn thành nhiệm vụ: 0 người (0,00%).');
    expect(text).toContain('Không xếp loại: 1 người (20,00%).');
  });

  it('writes the same table as a workbook, with a sheet of totals', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await classificationXlsx(board, header)) as never);
    const rows = workbook.getWorksheet('Xếp loại')!;
    expect(rows.getRow(1).getCell(2).value).toBe('Họ và tên');
    expect(rows.getRow(2).getCell(2).value).toBe('Trần Văn An');
    expect(rows.getRow(2).getCell(11).value).toBe('HTXSNV');
    expect(rows.getRow(6).getCell(12).value).toBe('Không xếp loại');
    expect(rows.getRow(2).getCell(1).font?.name).toBe('Times New Roman');
    const totals = workbook.getWorksheet('Tổng hợp')!;
    expect(totals.getRow(3).values).toEqual([undefined, 'Hoàn thành xuất sắc nhiệm vụ', 1, 20]);
    expect(totals.getRow(4).getCell(3).value).toBe(40);
  });

  it('labels months, quarters and other stretches, and counts rows without a grade apart', () => {
    expect(periodLabel('2025-03-01', '2025-03-31')).toBe('Tháng 3/2025');
    expect(periodLabel('2025-10-01', '2025-12-31')).toBe('Quý IV/2025');
    expect(periodLabel('2025-03-15', '2025-04-14')).toBe('15/03/2025 – 14/04/2025');
    expect(summarise(board)).toEqual({
      total: 5,
      byGrade: { excellent: 1, good: 2, completed: 1, notCompleted: 0 },
      notGraded: 1,
    });
    expect(
      quotaLine({ ...board.quota[0]!, group: 'chuyen-vien', ok: true, limit: 1, excellent: 1, good: 5 }),
    ).toBe(
      'Hoàn thành xuất sắc nhiệm vụ (nhóm chuyen-vien): 1/5 (20,00%) số xếp loại hoàn thành tốt nhiệm vụ; tối đa 1 (20%).',
    );
  });
});
