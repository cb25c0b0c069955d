import { ND_335_2025 as PERIODIC } from '../../evaluation/rule-sets/nd-335-2025';
import type { AnnualRuleSet } from '../types';
import {
  absenceCapMonths,
  excellentTargetsPercent,
  FOUR_GRADE_CODES,
  FOUR_GRADE_LABELS,
  managedGoodShare,
  minMonths,
  monthlyGradesParameters,
  notAboveCollective,
  quotaPercent,
  ref,
  rollupFormula,
  THRESHOLDS_90_70_50,
} from './shared';

const ID = 'nd-335-2025';
const DOC = 'Nghị định 335/2025/NĐ-CP';
/** The timing article: Art. 21 in the Lao Động reading used throughout, Art. 19 on one site. */
const TIMING = `${DOC}, Điều 21`;
const ND90 = 'Nghị định 90/2020/NĐ-CP';

/**
 * The year-end classification of civil servants under Decree 335/2025 (from 1/1/2026): the year's
 * score is the average of the monthly or quarterly scores (điểm trung bình), graded 90/70/50 with the
 * grounds of Art. 20 cl. 4 and the 20% cap of cl. 5. Cadres and public employees stay under Decree 90
 * (docs/rules/nd-335-2025.md, "Annual review").
 */
export const ANNUAL_ND_335_2025: AnnualRuleSet = {
  id: ID,
  track: 'state',
  title: {
    vi: 'Xếp loại chất lượng công chức cuối năm theo KPI',
    en: 'Year-end classification of civil servants by KPI',
  },
  source: PERIODIC.source,
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  subjects: ['person'],
  gradeLabels: FOUR_GRADE_LABELS,
  gradeCodes: FOUR_GRADE_CODES,
  thresholds: THRESHOLDS_90_70_50,
  quota: PERIODIC.quota,
  collectiveQuota: {
    basis: 'good',
    percent: 20,
    outstandingPercent: null,
    perGroup: true,
    rule: ref(
      ID,
      'quota.collective',
      `${DOC} (xếp loại cơ quan theo quy định riêng, chưa áp dụng ở đây)`,
      'Bộ quy tắc này không xếp loại tập thể; nếu cần, tập thể HTXSNV không quá 20% số HTTNV cùng nhóm.',
      'This rule set grades no collectives; where needed, excellent collectives are capped at 20% of the good ones in their group.',
    ),
  },
  disqualifiers: ['discipline', 'degradation', 'corruptionInManagedUnit'],
  parameters: [
    rollupFormula(
      'average',
      'Điều 21 khoản 1 (có nơi đánh số Điều 19): điểm cuối năm là “điểm trung bình” các kỳ hằng tháng, hằng quý. Tỷ lệ 70% các kỳ + 30% tiêu chí chung chỉ có ở bản dự thảo.',
      'Art. 21 cl. 1 (Art. 19 on one site): the year-end score is the “average score” of the monthly or quarterly periods. The 70% periods + 30% general split existed only in the draft.',
    ),
    ...monthlyGradesParameters(
      'Chỉ dùng khi chọn cách tổng hợp theo tháng.',
      'Used only with the monthly-grades formula.',
    ),
    minMonths(
      'Khoản 3 của điều về thời điểm xếp loại chỉ đọc được một phần (xếp loại theo thời gian công tác thực tế); mặc định 6 tháng theo Nghị định 90/2020/NĐ-CP, Điều 20.',
      'Clause 3 of the timing article was only partly readable (graded on the time actually worked); the 6-month default follows Decree 90, Art. 20.',
    ),
    absenceCapMonths(
      'Chưa thấy quy định tương ứng trong Nghị định 335; mặc định theo Nghị định 90/2020/NĐ-CP, Điều 20.',
      'No matching rule was seen in Decree 335; the default follows Decree 90, Art. 20.',
    ),
    excellentTargetsPercent(
      50,
      'Nghị định 335 đo kết quả đơn vị của lãnh đạo bằng các thành phần KPI, không thấy tỷ lệ chỉ tiêu vượt mức; mặc định 50% theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm c.',
      "Decree 335 measures a leader's unit through KPI components and no over-fulfilment share was seen; the 50% default follows Decree 90, Art. 4 point c.",
    ),
    managedGoodShare(
      'Nghị định 335 chỉ hạ thành phần kết quả đơn vị (100% hay 50%) khi có người KHTNV; tỷ lệ 70% đơn vị đạt HTTNV theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm d.',
      "Decree 335 only lowers the leader's unit component (100% or 50%) when someone is not completed; the 70% share of good units follows Decree 90, Art. 4 point d.",
    ),
    notAboveCollective(
      'Theo Nghị định 48/2023/NĐ-CP (chưa thấy nguyên văn); chưa thấy quy định tương ứng trong Nghị định 335.',
      'From Decree 48/2023 (wording not seen); no matching rule was seen in Decree 335.',
    ),
    quotaPercent(
      'Điều 20 khoản 5: không quá 20% số công chức HTTNV, trong cơ quan và trong từng nhóm nhiệm vụ tương đồng.',
      'Art. 20 cl. 5: at most 20% of the civil servants graded good, in the agency and in each group with similar tasks.',
    ),
    ...PERIODIC.parameters.filter((parameter) => parameter.key === 'quota.outstandingPercent'),
  ],
  rules: {
    grades: PERIODIC.rules.grades,
    disqualifiers: {
      discipline: PERIODIC.rules.disqualifiers.discipline,
      degradation: PERIODIC.rules.disqualifiers.degradation,
      corruptionInManagedUnit: PERIODIC.rules.disqualifiers.corruptionInManagedUnit,
    },
    eligibility: {
      shortService: ref(
        ID,
        'eligibility.shortService',
        `${TIMING} khoản 3 (chưa đọc trọn; mức 6 tháng theo ${ND90}, Điều 20)`,
        'Thời gian công tác thực tế trong năm dưới 6 tháng thì không xếp loại, nhưng vẫn phải kiểm điểm.',
        'Under 6 months actually worked in the year: no grade, but a self-review is still due.',
      ),
      maternity: ref(
        ID,
        'eligibility.maternity',
        `${TIMING} khoản 3`,
        'Nghỉ thai sản, nghỉ ốm, nghỉ có lý do chính đáng: xếp loại theo kết quả của thời gian công tác thực tế; không phải kiểm điểm khi nghỉ thai sản.',
        'Maternity, sick or other justified leave: graded on the results of the time actually worked; no self-review when on maternity leave.',
      ),
      absenceCap: ref(
        ID,
        'eligibility.absenceCap',
        `${ND90}, Điều 20 (áp dụng tương tự; Nghị định 335 chưa thấy quy định)`,
        'Nghỉ từ 3 đến dưới 6 tháng trong năm thì không xếp loại HTTNV trở lên.',
        'Absent 3 to under 6 months in the year: not graded good or above.',
      ),
    },
    linkage: {
      notAboveCollective: ref(
        ID,
        'linkage.notAboveCollective',
        'Nghị định 48/2023/NĐ-CP (chưa đối chiếu; Nghị định 335 chưa thấy quy định)',
        'Người đứng đầu không xếp loại cao hơn cơ quan, đơn vị do mình lãnh đạo.',
        'A head is not graded above the agency or unit they lead.',
      ),
      excellentTargets: ref(
        ID,
        'linkage.excellentTargets',
        `${DOC}, Điều 13–16 (tiêu chí lãnh đạo; mức 50% theo ${ND90}, Điều 4 điểm c)`,
        'Lãnh đạo HTXSNV: đơn vị phụ trách hoàn thành kế hoạch, ít nhất 50% chỉ tiêu vượt mức.',
        'Leader at excellent: the unit led meets its plan, at least 50% of targets over-fulfilled.',
      ),
      managedUnits: ref(
        ID,
        'linkage.managedUnits',
        `${DOC}, Điều 13–16 (kết quả đơn vị; tỷ lệ 70% theo ${ND90}, Điều 4 điểm d)`,
        'Lãnh đạo HTTNV trở lên: 100% đơn vị trực tiếp phụ trách đạt HTNV trở lên, ít nhất 70% đạt HTTNV trở lên.',
        'Leader at good or above: every directly managed unit at least completed, at least 70% good or above.',
      ),
    },
    collective: {
      excellentConditions: ref(
        ID,
        'collective.excellentConditions',
        `${DOC} (xếp loại cơ quan chưa áp dụng; điều kiện theo Quy định 366-QĐ/TW, Điều 11 khoản 1)`,
        'Tập thể HTXSNV: 100% nhiệm vụ đúng hạn, ít nhất 30% vượt mức, không có tổ chức hoặc thành viên lãnh đạo bị kỷ luật, đã khắc phục hạn chế.',
        'Collective at excellent: every task on time, at least 30% beyond the requirement, no subordinate body or leadership member disciplined, shortcomings remedied.',
      ),
    },
    rollup: {
      average: ref(
        ID,
        'rollup.average',
        `${TIMING} khoản 1`,
        'Xếp loại cuối năm theo điểm trung bình của kết quả theo dõi, đánh giá hằng tháng, hằng quý.',
        'The year-end grade follows the average score of the monthly or quarterly evaluations.',
      ),
      monthlyGrades: ref(
        ID,
        'rollup.monthlyGrades',
        'Quyết định 3814-QĐ/TU của Thành ủy Hà Nội (kết quả hằng tháng là căn cứ chính)',
        'HTXSNV khi điểm bình quân từ 90, hơn một nửa số tháng loại A và không có tháng loại D; nếu không, tối đa HTTNV.',
        'Excellent when the average is 90 or more, more than half the months are grade A and none is grade D; otherwise at most good.',
      ),
    },
  },
};
