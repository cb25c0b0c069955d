import type { RuleSet } from '../types';
import { FOUR_GRADE_CODES, FOUR_GRADE_LABELS, ref, THRESHOLDS_90_70_50 } from './shared';

const ID = 'nd-335-2025';
const DOC = 'Nghị định 335/2025/NĐ-CP';
const ART20 = `${DOC}, Điều 20`;

/**
 * The national rule for civil servants from 1/1/2026: each month or quarter scores 30 points of general
 * criteria (Art. 12) and 70 of task results measured as KPI on standard products (Arts. 13–16). Article
 * numbers follow the Lao Động reading; one site numbers the timing article differently, so they must be
 * checked against the gazette (docs/rules/nd-335-2025.md).
 */
export const ND_335_2025: RuleSet = {
  id: ID,
  title: {
    vi: 'Đánh giá, xếp loại chất lượng công chức theo KPI',
    en: 'Quality evaluation and classification of civil servants by KPI',
  },
  source: 'Nghị định 335/2025/NĐ-CP ngày 21/12/2025 của Chính phủ',
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  periods: ['month', 'quarter'],
  groups: [
    { code: 'general', title: { vi: 'Tiêu chí chung', en: 'General criteria' }, maxPoints: 30, kind: 'base' },
    {
      code: 'kpi',
      title: { vi: 'Kết quả thực hiện nhiệm vụ – KPI', en: 'Task results – KPI' },
      maxPoints: 70,
      kind: 'kpi',
    },
  ],
  thresholds: THRESHOLDS_90_70_50,
  gradeLabels: FOUR_GRADE_LABELS,
  gradeCodes: FOUR_GRADE_CODES,
  quota: {
    basis: 'good',
    percent: 20,
    outstandingPercent: 25,
    perGroup: true,
    rule: ref(
      ID,
      'quota',
      `${ART20} khoản 5`,
      'Số công chức HTXSNV không vượt quá 20% số công chức HTTNV, tính trong cơ quan và trong từng nhóm công chức có nhiệm vụ tương đồng.',
      'Excellent grades may not exceed 20% of the good grades, counted in the agency and in each group of civil servants with similar tasks.',
    ),
  },
  disqualifiers: ['lowScore', 'discipline', 'degradation', 'corruptionInManagedUnit'],
  taskConditions: false,
  kpi: true,
  parameters: [
    {
      key: 'kpi.deductionPercent',
      value: 25,
      min: 0,
      max: 100,
      label: { vi: 'Mức trừ mỗi lần sai sót, chậm tiến độ (%)', en: 'Deduction per error or delay (%)' },
      note: {
        vi: 'Mức 25% điểm của sản phẩm được trích dẫn từ Điều 14 qua báo chí; chưa xem được bản công báo.',
        en: "The 25% of the product's points is quoted from Art. 14 by the press; the gazette text has not been seen.",
      },
    },
    {
      key: 'kpi.leaderUnitWeight',
      value: 1,
      min: 0,
      max: 10,
      label: {
        vi: 'Trọng số thành phần kết quả đơn vị (lãnh đạo)',
        en: 'Weight of the unit-result component (leaders)',
      },
      note: {
        vi: 'Công thức cho lãnh đạo trong Nghị định là hình ảnh chưa xem được; các phần mềm công khai lấy trung bình cộng mọi thành phần, tức trọng số 1.',
        en: "The decree's leader formula is an image that was not available; public implementations average all components, i.e. weight 1.",
      },
    },
    {
      key: 'kpi.leaderCapacityWeight',
      value: 1,
      min: 0,
      max: 10,
      label: {
        vi: 'Trọng số năng lực tổ chức thực hiện (lãnh đạo)',
        en: 'Weight of organising capacity (leaders)',
      },
      note: {
        vi: 'Như trên: mặc định trung bình cộng năm thành phần cho đến khi đối chiếu được công thức gốc.',
        en: 'As above: a plain average of the five components until the original formula is checked.',
      },
    },
    {
      key: 'quota.outstandingPercent',
      value: 25,
      min: 0,
      max: 100,
      label: {
        vi: 'Tỷ lệ HTXSNV khi tổ chức có thành tích nổi trội (%)',
        en: 'Excellent cap for an outstanding organisation (%)',
      },
      note: {
        vi: 'Khoản 5 điểm b cho phép vượt 20% với tổ chức có thành tích xuất sắc, nổi trội nhưng chưa tìm được mức trần; 25% là mức các phần mềm công khai đang dùng.',
        en: 'Clause 5(b) lets an outstanding organisation exceed 20%, but its cap was not found; 25% is what public implementations use.',
      },
    },
  ],
  rules: {
    grades: {
      excellent: ref(
        ID,
        'grade.excellent',
        `${ART20} khoản 1`,
        'HTXSNV: từ 90 điểm trở lên.',
        'Excellent: 90 points or more.',
      ),
      good: ref(
        ID,
        'grade.good',
        `${ART20} khoản 2`,
        'HTTNV: từ 70 đến dưới 90 điểm.',
        'Good: 70 to under 90 points.',
      ),
      completed: ref(
        ID,
        'grade.completed',
        `${ART20} khoản 3`,
        'HTNV: từ 50 đến dưới 70 điểm.',
        'Completed: 50 to under 70 points.',
      ),
      notCompleted: ref(
        ID,
        'grade.notCompleted',
        `${ART20} khoản 4 điểm a`,
        'KHTNV: kết quả dưới 50 điểm.',
        'Not completed: under 50 points.',
      ),
    },
    disqualifiers: {
      lowScore: ref(
        ID,
        'disqualifier.lowScore',
        `${ART20} khoản 4 điểm a`,
        'Dưới 50 điểm thì xếp KHTNV.',
        'Under 50 points means not completed.',
      ),
      degradation: ref(
        ID,
        'disqualifier.degradation',
        `${ART20} khoản 4 điểm b`,
        'Có kết luận của cấp có thẩm quyền về suy thoái tư tưởng chính trị, đạo đức, lối sống hoặc vi phạm trách nhiệm nêu gương.',
        'A competent authority concluded political, moral or lifestyle degradation, or a breach of the duty to set an example.',
      ),
      discipline: ref(
        ID,
        'disqualifier.discipline',
        `${ART20} khoản 4 điểm c`,
        'Bị kỷ luật từ khiển trách trở lên trong năm đánh giá.',
        'Disciplined with a reprimand or heavier in the year evaluated.',
      ),
      corruptionInManagedUnit: ref(
        ID,
        'disqualifier.corruptionInManagedUnit',
        `${ART20} khoản 4 điểm d`,
        'Lãnh đạo có đơn vị trực tiếp quản lý bị xử lý về tham ô, tham nhũng, lãng phí.',
        'A leader whose directly managed unit was dealt with for embezzlement, corruption or waste.',
      ),
    },
    conditions: {},
  },
};
