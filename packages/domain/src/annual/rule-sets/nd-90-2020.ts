import type { AnnualRuleSet } from '../types';
import {
  absenceCapMonths,
  disqualifierSwitch,
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

const ID = 'nd-90-2020';
const DOC = 'Nghị định 90/2020/NĐ-CP';
const AMENDED = 'Nghị định 48/2023/NĐ-CP sửa đổi Nghị định 90/2020/NĐ-CP';
const ART20 = `${DOC}, Điều 20`;
const HN = 'Quyết định 3814-QĐ/TU của Thành ủy Hà Nội';

const groundsNote = {
  vi: 'Chưa đọc được nguyên văn các điều về mức KHTNV của Nghị định 90; mặc định: bị kỷ luật trong năm hoặc có kết luận suy thoái thì xếp KHTNV, như Nghị định 335. Đặt false để bỏ điều kiện.',
  en: "Decree 90's articles on not completed were not read in full; by default a discipline in the year or a degradation conclusion means not completed, as in Decree 335. Set false to drop the ground.",
};

/**
 * The annual classification of cadres, civil servants and public employees (Decree 90/2020, in force
 * 20/8/2020, as amended by Decree 48/2023). It grades by criteria, not by points; in Hanoi the year's
 * monthly scores under 3814 are the main basis, so the proposal comes from the months
 * (docs/rules/nd-90-2020.md). From 1/1/2026 Decree 335 takes over for civil servants only.
 */
export const ND_90_2020: AnnualRuleSet = {
  id: ID,
  track: 'state',
  title: {
    vi: 'Đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức hằng năm',
    en: 'Annual quality classification of cadres, civil servants and public employees',
  },
  source: 'Nghị định 90/2020/NĐ-CP ngày 13/8/2020 của Chính phủ, sửa đổi bởi Nghị định 48/2023/NĐ-CP',
  effectiveFrom: '2020-08-20',
  effectiveTo: null,
  subjects: ['person'],
  gradeLabels: FOUR_GRADE_LABELS,
  gradeCodes: FOUR_GRADE_CODES,
  thresholds: THRESHOLDS_90_70_50,
  quota: {
    basis: 'good',
    percent: 20,
    outstandingPercent: null,
    perGroup: true,
    rule: ref(
      ID,
      'quota',
      AMENDED,
      'Tỷ lệ HTXSNV trong cơ quan và trong từng nhóm có nhiệm vụ tương đồng không vượt tỷ lệ đảng viên HTXSNV theo quy định của Đảng, tức 20% số HTTNV.',
      'The share graded excellent, in the agency and in each group with similar tasks, may not exceed the party members’ share under Party rules, i.e. 20% of those graded good.',
    ),
  },
  collectiveQuota: {
    basis: 'good',
    percent: 20,
    outstandingPercent: null,
    perGroup: true,
    rule: ref(
      ID,
      'quota.collective',
      `${DOC} (không xếp loại tập thể; theo Quy định 124-QĐ/TW, Điều 12)`,
      'Nghị định này không xếp loại tập thể; nếu cần, tập thể HTXSNV không quá 20% số HTTNV cùng nhóm.',
      'This decree grades no collectives; where needed, excellent collectives are capped at 20% of the good ones in their group.',
    ),
  },
  disqualifiers: ['discipline', 'degradation'],
  parameters: [
    rollupFormula(
      'monthlyGrades',
      'Nghị định 90 xếp loại theo tiêu chí, không theo điểm. Ở Hà Nội kết quả hằng tháng theo 3814 là căn cứ chính của xếp loại cuối năm nhưng không có công thức; mặc định lấy điểm bình quân các tháng kèm điều kiện về số tháng loại A và loại D.',
      'Decree 90 grades by criteria, not points. In Hanoi the monthly results under 3814 are the main basis of the year’s grade, but no formula was found; by default the average of the months, with conditions on the A and D months.',
    ),
    ...monthlyGradesParameters(
      'Không tìm thấy quy tắc thành văn; đây là cách đọc mặc định của “căn cứ chính” (HTXSNV cần đa số tháng loại A, không có tháng loại D). Đơn vị điều chỉnh theo hướng dẫn của mình.',
      'No written rule was found; this is the default reading of “main basis” (excellent needs a majority of A months and no D month). Agencies adjust it to their own guidance.',
    ),
    minMonths(
      'Điều 20 theo các trang tóm tắt (chưa đối chiếu công báo): làm việc dưới 6 tháng trong năm thì không xếp loại.',
      'Art. 20 as summarised by secondary sites (not checked against the gazette): under 6 months worked in the year means no grade.',
    ),
    absenceCapMonths(
      'Điều 20 theo các trang tóm tắt: nghỉ từ 3 đến dưới 6 tháng thì không xếp HTTNV trở lên; chưa đối chiếu công báo.',
      'Art. 20 as summarised: absent 3 to under 6 months cannot be graded good or above; not checked against the gazette.',
    ),
    excellentTargetsPercent(
      50,
      'Điều 4 điểm c (cán bộ) và Điều 12 (viên chức quản lý): ít nhất 50% chỉ tiêu vượt mức, theo trang hỏi đáp pháp luật.',
      'Art. 4 point c (cadres) and Art. 12 (managing public employees): at least 50% of targets over-fulfilled, per legal Q&A pages.',
    ),
    managedGoodShare(
      'Điều 4 điểm d: 100% đơn vị trực tiếp phụ trách đạt HTNV trở lên, trong đó ít nhất 70% đạt HTTNV trở lên, theo trang hỏi đáp pháp luật.',
      'Art. 4 point d: every directly managed unit at least completed, at least 70% of them good or above, per legal Q&A pages.',
    ),
    notAboveCollective(
      'Nghị định 48/2023 được cho là yêu cầu người đứng đầu không xếp cao hơn cơ quan mình lãnh đạo, nhưng chưa thấy nguyên văn.',
      'Decree 48/2023 is said to keep a head from being graded above the agency they lead, but the wording was not seen.',
    ),
    quotaPercent(
      'Nghị định 48/2023 gắn tỷ lệ với tỷ lệ đảng viên HTXSNV theo quy định của Đảng (20% số HTTNV theo Quy định 124-QĐ/TW).',
      "Decree 48/2023 ties the cap to the party members' share under Party rules (20% of good under 124-QĐ/TW).",
    ),
    disqualifierSwitch(
      'disqualifiers.discipline',
      'Bị kỷ luật trong năm thì xếp KHTNV',
      'A discipline in the year means not completed',
      groundsNote,
    ),
    disqualifierSwitch(
      'disqualifiers.degradation',
      'Kết luận suy thoái thì xếp KHTNV',
      'A degradation conclusion means not completed',
      groundsNote,
    ),
  ],
  rules: {
    grades: {
      excellent: ref(
        ID,
        'grade.excellent',
        `${DOC}, Điều 4 và Điều 12`,
        'HTXSNV: các tiêu chí chung đạt mức tốt, nhiệm vụ hoàn thành đúng hạn, có chất lượng; khi năm được chấm điểm hằng tháng, điểm bình quân từ 90 trở lên.',
        'Excellent: the general criteria met well and the tasks done on time with quality; where the year was scored monthly, an average of 90 or more.',
      ),
      good: ref(
        ID,
        'grade.good',
        `${DOC}, Điều 13 và các điều tương ứng của Chương II`,
        'HTTNV: hoàn thành đúng hạn, bảo đảm chất lượng các nhiệm vụ; điểm bình quân từ 70 đến dưới 90.',
        'Good: the tasks done on time with the quality required; an average of 70 to under 90.',
      ),
      completed: ref(
        ID,
        'grade.completed',
        `${DOC}, Chương II`,
        'HTNV: hoàn thành nhiệm vụ nhưng còn hạn chế; điểm bình quân từ 50 đến dưới 70.',
        'Completed: the tasks done with some shortcomings; an average of 50 to under 70.',
      ),
      notCompleted: ref(
        ID,
        'grade.notCompleted',
        `${DOC}, Chương II`,
        'KHTNV: điểm bình quân dưới 50, hoặc thuộc trường hợp buộc xếp KHTNV.',
        'Not completed: an average under 50, or one of the grounds that force it.',
      ),
    },
    disqualifiers: {
      discipline: ref(
        ID,
        'disqualifier.discipline',
        `${DOC}, Chương II (các điều về mức KHTNV; chưa đối chiếu)`,
        'Bị xử lý kỷ luật trong năm đánh giá.',
        'Disciplined in the year reviewed.',
      ),
      degradation: ref(
        ID,
        'disqualifier.degradation',
        `${DOC}, Chương II (các điều về mức KHTNV; chưa đối chiếu)`,
        'Có biểu hiện suy thoái về tư tưởng chính trị, đạo đức, lối sống đã được kết luận.',
        'A concluded finding of political, moral or lifestyle degradation.',
      ),
    },
    eligibility: {
      shortService: ref(
        ID,
        'eligibility.shortService',
        ART20,
        'Thời gian công tác thực tế trong năm dưới 6 tháng thì không xếp loại, nhưng vẫn phải kiểm điểm.',
        'Under 6 months actually worked in the year: no grade, but a self-review is still due.',
      ),
      maternity: ref(
        ID,
        'eligibility.maternity',
        ART20,
        'Nghỉ thai sản: không phải kiểm điểm khi không đủ thời gian; xếp loại theo thời gian làm việc thực tế.',
        'Maternity leave: no self-review when short of time; graded on the time actually worked.',
      ),
      absenceCap: ref(
        ID,
        'eligibility.absenceCap',
        ART20,
        'Nghỉ từ 3 đến dưới 6 tháng trong năm thì vẫn đánh giá nhưng không xếp loại HTTNV trở lên.',
        'Absent 3 to under 6 months in the year: reviewed, but not graded good or above.',
      ),
    },
    linkage: {
      notAboveCollective: ref(
        ID,
        'linkage.notAboveCollective',
        `${AMENDED} (chưa đối chiếu)`,
        'Người đứng đầu không xếp loại cao hơn cơ quan, đơn vị do mình lãnh đạo.',
        'A head is not graded above the agency or unit they lead.',
      ),
      excellentTargets: ref(
        ID,
        'linkage.excellentTargets',
        `${DOC}, Điều 4 điểm c`,
        'Lãnh đạo HTXSNV: cơ quan, đơn vị phụ trách hoàn thành các chỉ tiêu, trong đó ít nhất 50% vượt mức.',
        'Leader at excellent: the agency led meets its targets, at least 50% of them over-fulfilled.',
      ),
      managedUnits: ref(
        ID,
        'linkage.managedUnits',
        `${DOC}, Điều 4 điểm d`,
        'Lãnh đạo HTTNV trở lên: 100% đơn vị trực tiếp phụ trách đạt HTNV trở lên, ít nhất 70% đạt HTTNV trở lên.',
        'Leader at good or above: every directly managed unit at least completed, at least 70% good or above.',
      ),
    },
    collective: {
      excellentConditions: ref(
        ID,
        'collective.excellentConditions',
        `${DOC} (không xếp loại tập thể; theo Quy định 124-QĐ/TW, Điều 12)`,
        'Tập thể HTXSNV: hoàn thành đúng hạn mọi nhiệm vụ, có nhiệm vụ vượt mức, không có tổ chức hoặc thành viên lãnh đạo bị kỷ luật.',
        'Collective at excellent: every task on time, some exceeding, no subordinate body or leadership member disciplined.',
      ),
    },
    rollup: {
      average: ref(
        ID,
        'rollup.average',
        `${HN} (kết quả hằng tháng là căn cứ chính)`,
        'Đề xuất theo điểm bình quân các kỳ được đánh giá trong năm.',
        "The proposal follows the average of the year's evaluated periods.",
      ),
      monthlyGrades: ref(
        ID,
        'rollup.monthlyGrades',
        `${HN} (kết quả hằng tháng là căn cứ chính)`,
        'HTXSNV khi điểm bình quân từ 90, hơn một nửa số tháng loại A và không có tháng loại D; nếu không, tối đa HTTNV.',
        'Excellent when the average is 90 or more, more than half the months are grade A and none is grade D; otherwise at most good.',
      ),
    },
  },
};
