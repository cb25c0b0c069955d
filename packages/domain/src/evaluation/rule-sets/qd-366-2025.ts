import type { RuleParameter, RuleSet } from '../types';
import { FOUR_GRADE_CODES, FOUR_GRADE_LABELS, ref, THRESHOLDS_90_70_50 } from './shared';

const ID = 'qd-366-2025';
const DOC = 'Quy định 366-QĐ/TW';
const ART11 = `${DOC}, Điều 11`;
/** 366's own list of grounds for KHTNV was not found: the rule set mirrors Decree 335 until checked. */
const MIRROR = `${ART11} khoản 4 (chưa đối chiếu; theo Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4)`;

const mirrorNote = {
  vi: 'Chưa tìm được danh sách trường hợp KHTNV của chính Quy định 366; mặc định áp dụng như Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4. Đặt false để bỏ điều kiện này.',
  en: "366's own list of grounds for not completed was not found; by default it mirrors Decree 335, Art. 20 cl. 4. Set false to drop this ground.",
};

function disqualifierSwitch(key: string, vi: string, en: string): RuleParameter {
  return { key, value: true, label: { vi, en }, note: mirrorNote };
}

/**
 * The Politburo's regulation on reviewing party organisations, members and cadres by term, year or
 * quarter (30/8/2025, replacing 124-QĐ/TW): 30 points of general criteria and 70 of task results, and
 * each grade also needs conditions on the task record (Art. 11).
 */
export const QD_366_2025: RuleSet = {
  id: ID,
  title: {
    vi: 'Kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân trong hệ thống chính trị',
    en: 'Review, evaluation and classification of collectives and individuals in the political system',
  },
  source: 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị',
  effectiveFrom: '2025-08-30',
  effectiveTo: null,
  periods: ['quarter', 'year'],
  groups: [
    {
      code: 'general',
      title: { vi: 'Nhóm tiêu chí chung', en: 'General criteria' },
      maxPoints: 30,
      kind: 'base',
    },
    {
      code: 'results',
      title: { vi: 'Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', en: 'Task results' },
      maxPoints: 70,
      kind: 'base',
    },
  ],
  thresholds: THRESHOLDS_90_70_50,
  gradeLabels: FOUR_GRADE_LABELS,
  gradeCodes: FOUR_GRADE_CODES,
  quota: {
    basis: 'good',
    percent: 20,
    outstandingPercent: null,
    perGroup: true,
    rule: ref(
      ID,
      'quota',
      'Quy định 124-QĐ/TW và Nghị định 335/2025/NĐ-CP, Điều 20 khoản 5 (Quy định 366-QĐ/TW chưa thấy quy định)',
      'Số HTXSNV không vượt quá 20% số HTTNV trong từng tổ chức và từng nhóm có vai trò tương đồng.',
      'Excellent grades may not exceed 20% of the good grades in each organisation and each group of similar roles.',
    ),
  },
  disqualifiers: ['lowScore', 'discipline', 'degradation'],
  taskConditions: true,
  kpi: false,
  parameters: [
    {
      key: 'quota.percent',
      value: 20,
      min: 0,
      max: 100,
      label: {
        vi: 'Tỷ lệ tối đa HTXSNV so với số HTTNV (%)',
        en: 'Excellent cap as a share of good grades (%)',
      },
      note: {
        vi: 'Phần đọc được của Quy định 366 không nêu tỷ lệ; mặc định 20% theo Quy định 124-QĐ/TW và Nghị định 335/2025/NĐ-CP.',
        en: 'The readable part of 366 states no ratio; the 20% default follows 124-QĐ/TW and Decree 335.',
      },
    },
    {
      key: 'conditions.exceedingPercent',
      value: 30,
      min: 0,
      max: 100,
      label: {
        vi: 'Tỷ lệ nhiệm vụ vượt mức tối thiểu để đạt HTXSNV (%)',
        en: 'Minimum share of tasks exceeding for excellent (%)',
      },
      note: {
        vi: 'Điều 11 khoản 1 nêu 30% qua trích dẫn của báo chí; để tham số cho đến khi đối chiếu bản gốc.',
        en: 'Art. 11 cl. 1 gives 30% as quoted by the press; a parameter until checked against the original.',
      },
    },
    {
      key: 'conditions.latePercent',
      value: 20,
      min: 0,
      max: 100,
      label: {
        vi: 'Tỷ lệ nhiệm vụ chậm tiến độ tối đa để đạt HTNV (%)',
        en: 'Maximum share of late tasks for completed (%)',
      },
      note: {
        vi: 'Mức 20% chỉ thấy trong bản tin tiếng Nhật của Lao Động, chưa thấy nguyên văn.',
        en: "The 20% was seen only in Lao Động's Japanese edition, not in the original wording.",
      },
    },
    disqualifierSwitch(
      'disqualifiers.discipline',
      'Kỷ luật trong năm thì xếp KHTNV',
      'A discipline in the year means not completed',
    ),
    disqualifierSwitch(
      'disqualifiers.degradation',
      'Kết luận suy thoái thì xếp KHTNV',
      'A degradation conclusion means not completed',
    ),
  ],
  rules: {
    grades: {
      excellent: ref(
        ID,
        'grade.excellent',
        `${ART11} khoản 1`,
        'HTXSNV: từ 90 điểm trở lên và đủ các điều kiện về nhiệm vụ.',
        'Excellent: 90 points or more and the task conditions met.',
      ),
      good: ref(
        ID,
        'grade.good',
        `${ART11} khoản 2`,
        'HTTNV: từ 70 đến dưới 90 điểm.',
        'Good: 70 to under 90 points.',
      ),
      completed: ref(
        ID,
        'grade.completed',
        `${ART11} khoản 3`,
        'HTNV: từ 50 đến dưới 70 điểm.',
        'Completed: 50 to under 70 points.',
      ),
      notCompleted: ref(
        ID,
        'grade.notCompleted',
        `${ART11} khoản 4`,
        'KHTNV: dưới 50 điểm.',
        'Not completed: under 50 points.',
      ),
    },
    disqualifiers: {
      lowScore: ref(
        ID,
        'disqualifier.lowScore',
        MIRROR,
        'Dưới 50 điểm thì xếp KHTNV.',
        'Under 50 points means not completed.',
      ),
      discipline: ref(
        ID,
        'disqualifier.discipline',
        MIRROR,
        'Bị kỷ luật từ khiển trách trở lên trong năm.',
        'Disciplined with a reprimand or heavier in the year.',
      ),
      degradation: ref(
        ID,
        'disqualifier.degradation',
        MIRROR,
        'Có kết luận về suy thoái tư tưởng chính trị, đạo đức, lối sống.',
        'A conclusion of political, moral or lifestyle degradation.',
      ),
    },
    conditions: {
      onTime: ref(
        ID,
        'condition.onTime',
        `${ART11} khoản 1 và khoản 2`,
        'HTXSNV và HTTNV cần hoàn thành đúng hạn toàn bộ nhiệm vụ được giao.',
        'Excellent and good need every assigned task done on time.',
      ),
      exceeding: ref(
        ID,
        'condition.exceeding',
        `${ART11} khoản 1`,
        'HTXSNV cần ít nhất 30% số nhiệm vụ hoàn thành vượt mức yêu cầu.',
        'Excellent needs at least 30% of the tasks done beyond what was required.',
      ),
      shortcomingsRemedied: ref(
        ID,
        'condition.shortcomingsRemedied',
        `${ART11} khoản 1`,
        'HTXSNV cần đã khắc phục toàn bộ hạn chế, khuyết điểm đã chỉ ra.',
        'Excellent needs every shortcoming identified earlier to be remedied.',
      ),
      allDone: ref(
        ID,
        'condition.allDone',
        `${ART11} khoản 3`,
        'HTNV cần hoàn thành toàn bộ nhiệm vụ được giao.',
        'Completed needs every assigned task done.',
      ),
      lateShare: ref(
        ID,
        'condition.lateShare',
        `${ART11} khoản 3`,
        'HTNV cho phép tối đa 20% số nhiệm vụ chậm tiến độ.',
        'Completed allows at most 20% of the tasks to be late.',
      ),
    },
  },
};
