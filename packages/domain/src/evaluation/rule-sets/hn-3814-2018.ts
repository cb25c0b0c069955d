import type { RuleSet } from '../types';
import { ref, THRESHOLDS_90_70_50 } from './shared';

const ID = 'hn-3814-2018';
const DOC = 'Quyết định 3814-QĐ/TU';

/**
 * Hanoi's monthly evaluation of everyone working in the city's political system (Thành ủy Hà Nội,
 * 16/5/2018): 20 points of discipline and ethics, 70 of duty results, 10 of bonus, graded A–D. The
 * full text was not available, so articles are cited by subject and the sub-criteria are left to each
 * agency's framework (docs/rules/hn-3814-2018.md).
 */
export const HN_3814_2018: RuleSet = {
  id: ID,
  title: {
    vi: 'Đánh giá hằng tháng cán bộ, công chức, viên chức, lao động hợp đồng (Hà Nội)',
    en: 'Monthly evaluation of cadres, civil servants, public employees and contract workers (Hanoi)',
  },
  source: 'Quyết định 3814-QĐ/TU ngày 16/5/2018 của Thành ủy Hà Nội',
  effectiveFrom: '2018-05-16',
  effectiveTo: null,
  periods: ['month'],
  groups: [
    {
      code: 'discipline',
      title: { vi: 'Ý thức tổ chức kỷ luật, phẩm chất đạo đức', en: 'Discipline and ethics' },
      maxPoints: 20,
      kind: 'base',
    },
    {
      code: 'results',
      title: { vi: 'Kết quả thực hiện chức trách, nhiệm vụ được giao', en: 'Results of assigned duties' },
      maxPoints: 70,
      kind: 'base',
    },
    { code: 'bonus', title: { vi: 'Điểm thưởng', en: 'Bonus points' }, maxPoints: 10, kind: 'bonus' },
  ],
  thresholds: THRESHOLDS_90_70_50,
  gradeLabels: {
    excellent: {
      vi: 'Loại A (Hoàn thành xuất sắc nhiệm vụ)',
      en: 'Grade A (duties completed with excellence)',
    },
    good: { vi: 'Loại B (Hoàn thành tốt nhiệm vụ)', en: 'Grade B (duties completed well)' },
    completed: { vi: 'Loại C (Hoàn thành nhiệm vụ)', en: 'Grade C (duties completed)' },
    notCompleted: { vi: 'Loại D (Không hoàn thành nhiệm vụ)', en: 'Grade D (duties not completed)' },
  },
  gradeCodes: { excellent: 'A', good: 'B', completed: 'C', notCompleted: 'D' },
  quota: {
    basis: 'graded',
    percent: 30,
    outstandingPercent: 40,
    perGroup: false,
    rule: ref(
      ID,
      'quota',
      `${DOC}, tỷ lệ khống chế loại A`,
      'Số người xếp loại A không vượt quá 30% số người được xếp loại; đơn vị có thành tích đặc biệt xuất sắc không vượt quá 40%.',
      'Grade A may go to at most 30% of the people graded, or 40% in a unit with especially outstanding achievements.',
    ),
  },
  disqualifiers: ['lowScore'],
  taskConditions: false,
  kpi: false,
  parameters: [
    {
      key: 'quota.percent',
      value: 30,
      min: 0,
      max: 100,
      label: { vi: 'Tỷ lệ tối đa loại A (%)', en: 'Maximum share of grade A (%)' },
      note: {
        vi: 'Mức 30% lấy từ các bài báo tóm tắt Quyết định 3814; chưa đối chiếu được toàn văn.',
        en: 'The 30% comes from press summaries of Decision 3814; the full text has not been checked.',
      },
    },
    {
      key: 'quota.outstandingPercent',
      value: 40,
      min: 0,
      max: 100,
      label: {
        vi: 'Tỷ lệ tối đa loại A khi đơn vị có thành tích nổi bật (%)',
        en: 'Grade A cap for an outstanding unit (%)',
      },
      note: {
        vi: 'Báo chí nêu 40% "tổng số" người của đơn vị; chưa rõ mẫu số là toàn bộ biên chế hay số người được xếp loại, nên dùng chung mẫu số với mức 30%.',
        en: "The press gives 40% of the unit's headcount; whether that means everyone or only those graded is unclear, so the same basis as the 30% cap is used.",
      },
    },
    {
      key: 'quota.rounding',
      value: 'floor',
      options: ['floor', 'halfUp'],
      label: { vi: 'Làm tròn số người tối đa loại A', en: 'Rounding of the grade A limit' },
      note: {
        vi: 'Văn bản dùng "không vượt quá" nên mặc định làm tròn xuống; đơn vị dưới 4 người khi đó không có loại A. Chưa thấy hướng dẫn chính thức về làm tròn.',
        en: 'The text says "must not exceed", so the limit rounds down by default and units under 4 people get no grade A. No official guidance on rounding was found.',
      },
    },
  ],
  rules: {
    grades: {
      excellent: ref(
        ID,
        'grade.excellent',
        `${DOC}, mức xếp loại`,
        'Loại A: từ 90 điểm trở lên.',
        'Grade A: 90 points or more.',
      ),
      good: ref(
        ID,
        'grade.good',
        `${DOC}, mức xếp loại`,
        'Loại B: từ 70 đến dưới 90 điểm.',
        'Grade B: 70 to under 90 points.',
      ),
      completed: ref(
        ID,
        'grade.completed',
        `${DOC}, mức xếp loại`,
        'Loại C: từ 50 đến dưới 70 điểm.',
        'Grade C: 50 to under 70 points.',
      ),
      notCompleted: ref(
        ID,
        'grade.notCompleted',
        `${DOC}, mức xếp loại`,
        'Loại D: dưới 50 điểm.',
        'Grade D: under 50 points.',
      ),
    },
    disqualifiers: {
      lowScore: ref(
        ID,
        'disqualifier.lowScore',
        `${DOC}, mức xếp loại`,
        'Dưới 50 điểm: loại D.',
        'Under 50 points: grade D.',
      ),
    },
    conditions: {},
  },
};
