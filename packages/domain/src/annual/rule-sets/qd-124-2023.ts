import type { AnnualRuleSet } from '../types';
import {
  absenceCapMonths,
  collectiveExceedingPercent,
  collectiveQuotaPercent,
  disqualifierSwitch,
  excellentTargetsPercent,
  FOUR_GRADE_CODES,
  FOUR_GRADE_LABELS,
  managedGoodShare,
  minMembershipMonths,
  minMonths,
  monthlyGradesParameters,
  notAboveCollective,
  quotaPercent,
  ref,
  rollupFormula,
  THRESHOLDS_90_70_50,
} from './shared';

const ID = 'qd-124-2023';
const DOC = 'Quy định 124-QĐ/TW';
const ART5 = `${DOC}, Điều 5 khoản 2`;
const ART12 = `${DOC}, Điều 12`;
const ND90 = 'Nghị định 90/2020/NĐ-CP, Điều 20';
const HN = 'Quyết định 3814-QĐ/TU của Thành ủy Hà Nội';

const groundsNote = {
  vi: 'Chưa đọc được danh sách trường hợp KHTNV của Quy định 124; mặc định: bị kỷ luật trong năm hoặc có kết luận suy thoái thì xếp KHTNV. Đặt false để bỏ điều kiện.',
  en: "124's list of grounds for not completed was not read; by default a discipline in the year or a degradation conclusion means not completed. Set false to drop the ground.",
};

/**
 * The Politburo's regulation on the annual review of party organisations and party members
 * (4/10/2023, replacing 132-QĐ/TW; replaced by 366-QĐ/TW on 30/8/2025). Four grades for collectives,
 * leadership collectives and members, graded by criteria; members admitted less than six months ago
 * and suspended members are not reviewed (docs/rules/qd-124-2023.md).
 */
export const QD_124_2023: AnnualRuleSet = {
  id: ID,
  track: 'party',
  title: {
    vi: 'Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm tổ chức đảng, đảng viên, tập thể, cá nhân lãnh đạo',
    en: 'Annual review and classification of party organisations, party members and leaders',
  },
  source: 'Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị',
  effectiveFrom: '2023-10-04',
  effectiveTo: '2025-08-29',
  subjects: ['person', 'organisation', 'leadership'],
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
      `${ART12} (tỷ lệ đảng viên theo hướng dẫn của Ban Tổ chức Trung ương)`,
      'Số đảng viên HTXSNV không vượt quá 20% số đảng viên HTTNV trong từng tổ chức đảng.',
      'Members graded excellent may not exceed 20% of those graded good in each party organisation.',
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
      ART12,
      'Số tập thể HTXSNV không vượt quá 20% số tập thể HTTNV trong từng nhóm có vai trò, chức năng tương đồng.',
      'Collectives graded excellent may not exceed 20% of the good ones in each group of similar role and function.',
    ),
  },
  disqualifiers: ['discipline', 'degradation'],
  parameters: [
    rollupFormula(
      'monthlyGrades',
      'Quy định 124 xếp loại theo tiêu chí, không theo điểm; ở Hà Nội các tháng được chấm theo 3814. Mặc định: điểm bình quân các tháng kèm điều kiện về tháng loại A và loại D.',
      'Regulation 124 grades by criteria, not points; in Hanoi the months were scored under 3814. By default the average of the months, with conditions on the A and D months.',
    ),
    ...monthlyGradesParameters(
      'Không tìm thấy quy tắc thành văn; đây là cách đọc mặc định của “căn cứ chính” (HTXSNV cần đa số tháng loại A, không có tháng loại D).',
      'No written rule was found; this is the default reading of “main basis” (excellent needs a majority of A months and no D month).',
    ),
    minMonths(
      'Quy định 124 không nêu thời gian công tác tối thiểu trong phần đọc được; mặc định theo Nghị định 90/2020/NĐ-CP, Điều 20. Đặt 0 để bỏ.',
      'The readable part of 124 states no minimum time worked; the default follows Decree 90, Art. 20. Set 0 to drop it.',
    ),
    absenceCapMonths(
      'Như trên: theo Nghị định 90/2020/NĐ-CP, Điều 20.',
      'As above: follows Decree 90, Art. 20.',
    ),
    minMembershipMonths(
      'Điều 5 khoản 2 theo bản tóm tắt có dẫn điều: đảng viên mới kết nạp chưa đủ 6 tháng không kiểm điểm.',
      'Art. 5 cl. 2 as paraphrased with the article cited: members admitted less than 6 months ago are not reviewed.',
    ),
    excellentTargetsPercent(
      30,
      'Chưa thấy mức của Quy định 124 cho lãnh đạo; mặc định 30% như Quy định 366-QĐ/TW, Điều 11 khoản 1.',
      "124's figure for leaders was not seen; the 30% default follows 366-QĐ/TW, Art. 11 cl. 1.",
    ),
    managedGoodShare(
      'Quy định 124 gắn kết quả cá nhân với tập thể nhưng không thấy tỷ lệ; mặc định 70% theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm d.',
      "124 ties the individual's grade to the collective's but no ratio was seen; the 70% default follows Decree 90, Art. 4 point d.",
    ),
    notAboveCollective(
      'Nguyên tắc gắn kết quả cá nhân với tập thể (trang tóm tắt); quy tắc cụ thể chưa thấy.',
      "The principle that the individual's grade follows the collective's (secondary summary); no explicit rule seen.",
    ),
    quotaPercent(
      'Mức 20% số HTTNV trong từng tổ chức cơ sở đảng là của Hướng dẫn 21-HD/BTCTW (2019); hướng dẫn của Quy định 124 chưa đọc được.',
      'The 20% of good per base party organisation comes from guidance 21-HD/BTCTW (2019); the guidance under 124 was not read.',
    ),
    collectiveQuotaPercent(
      'Điều 12 theo bản tóm tắt tiếng Anh (lawnet): 20% số tập thể HTTNV trong nhóm tương đồng.',
      'Art. 12 as summarised in English (lawnet): 20% of the good collectives in a similar group.',
    ),
    collectiveExceedingPercent(
      'Quy định 124 yêu cầu kết quả nhiệm vụ xuất sắc, có sản phẩm cụ thể, không nêu tỷ lệ; mặc định 30% như Quy định 366-QĐ/TW.',
      '124 asks for excellent task results with concrete products but states no share; the 30% default follows 366-QĐ/TW.',
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
        ART12,
        'HTXSNV: tiêu biểu, kết quả nhiệm vụ xuất sắc có sản phẩm cụ thể; khi năm được chấm điểm hằng tháng, điểm bình quân từ 90 trở lên.',
        'Excellent: exemplary, with excellent task results and concrete products; where the year was scored monthly, an average of 90 or more.',
      ),
      good: ref(
        ID,
        'grade.good',
        ART12,
        'HTTNV: các tiêu chí đạt mức tốt; điểm bình quân từ 70 đến dưới 90.',
        'Good: the criteria met well; an average of 70 to under 90.',
      ),
      completed: ref(
        ID,
        'grade.completed',
        ART12,
        'HTNV: các tiêu chí đạt yêu cầu; điểm bình quân từ 50 đến dưới 70.',
        'Completed: the criteria met; an average of 50 to under 70.',
      ),
      notCompleted: ref(
        ID,
        'grade.notCompleted',
        ART12,
        'KHTNV: điểm bình quân dưới 50, hoặc thuộc trường hợp buộc xếp KHTNV.',
        'Not completed: an average under 50, or one of the grounds that force it.',
      ),
    },
    disqualifiers: {
      discipline: ref(
        ID,
        'disqualifier.discipline',
        `${ART12} (chưa đối chiếu)`,
        'Bị kỷ luật trong năm đánh giá.',
        'Disciplined in the year reviewed.',
      ),
      degradation: ref(
        ID,
        'disqualifier.degradation',
        `${ART12} (chưa đối chiếu)`,
        'Có kết luận về suy thoái tư tưởng chính trị, đạo đức, lối sống.',
        'A conclusion of political, moral or lifestyle degradation.',
      ),
    },
    eligibility: {
      shortService: ref(
        ID,
        'eligibility.shortService',
        `${ND90} (áp dụng tương tự; Quy định 124 chưa thấy quy định)`,
        'Thời gian công tác thực tế trong năm dưới 6 tháng thì không xếp loại, nhưng vẫn phải kiểm điểm.',
        'Under 6 months actually worked in the year: no grade, but a self-review is still due.',
      ),
      maternity: ref(
        ID,
        'eligibility.maternity',
        `${ND90} (áp dụng tương tự)`,
        'Nghỉ thai sản: không phải kiểm điểm khi không đủ thời gian.',
        'Maternity leave: no self-review when short of time.',
      ),
      absenceCap: ref(
        ID,
        'eligibility.absenceCap',
        `${ND90} (áp dụng tương tự)`,
        'Nghỉ từ 3 đến dưới 6 tháng trong năm thì không xếp loại HTTNV trở lên.',
        'Absent 3 to under 6 months in the year: not graded good or above.',
      ),
      newMember: ref(
        ID,
        'eligibility.newMember',
        ART5,
        'Đảng viên mới kết nạp chưa đủ 6 tháng tính đến thời điểm kiểm điểm thì không kiểm điểm, xếp loại.',
        'A member admitted less than 6 months before the review is not reviewed or graded.',
      ),
      suspended: ref(
        ID,
        'eligibility.suspended',
        ART5,
        'Đảng viên bị đình chỉ sinh hoạt đảng thì không kiểm điểm, xếp loại.',
        'A member suspended from party activities is not reviewed or graded.',
      ),
      notMember: ref(
        ID,
        'eligibility.notMember',
        ART5,
        'Chỉ đảng viên (dự bị, chính thức) được kiểm điểm, xếp loại theo Quy định này.',
        'Only party members (probationary or full) are reviewed under this regulation.',
      ),
    },
    linkage: {
      notAboveCollective: ref(
        ID,
        'linkage.notAboveCollective',
        `${DOC} (nguyên tắc gắn kết quả cá nhân với tập thể)`,
        'Người đứng đầu không xếp loại cao hơn tập thể mình lãnh đạo.',
        'A head is not graded above the collective they lead.',
      ),
      excellentTargets: ref(
        ID,
        'linkage.excellentTargets',
        `${ART12} (mức 30% theo Quy định 366-QĐ/TW, Điều 11 khoản 1)`,
        'Lãnh đạo HTXSNV: lĩnh vực, đơn vị trực tiếp phụ trách hoàn thành nhiệm vụ, ít nhất 30% vượt mức.',
        'Leader at excellent: the areas led complete their tasks, at least 30% beyond what was required.',
      ),
      managedUnits: ref(
        ID,
        'linkage.managedUnits',
        `${DOC} (tỷ lệ 70% theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm d)`,
        'Lãnh đạo HTTNV trở lên: 100% đơn vị trực tiếp phụ trách đạt HTNV trở lên, ít nhất 70% đạt HTTNV trở lên.',
        'Leader at good or above: every directly managed unit at least completed, at least 70% good or above.',
      ),
    },
    collective: {
      excellentConditions: ref(
        ID,
        'collective.excellentConditions',
        ART12,
        'Tập thể HTXSNV: tiêu biểu, kết quả nhiệm vụ xuất sắc, đã khắc phục hạn chế, không có tổ chức trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật.',
        'Collective at excellent: exemplary, excellent task results, shortcomings remedied, no subordinate organisation or leadership member disciplined.',
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
