import { QD_366_2025 as PERIODIC } from '../../evaluation/rule-sets/qd-366-2025';
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

const ID = 'qd-366-2025';
const DOC = 'Quy định 366-QĐ/TW';
const ART11 = `${DOC}, Điều 11`;
const ND90 = 'Nghị định 90/2020/NĐ-CP, Điều 20';
/** 366's own text on who is exempt was not found: it is taken to carry 124's over. */
const EXEMPT = `${DOC} (chưa đối chiếu; theo Quy định 124-QĐ/TW, Điều 5 khoản 2)`;

const mirrorNote = {
  vi: 'Chưa tìm được danh sách trường hợp KHTNV của chính Quy định 366; mặc định áp dụng như Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4. Đặt false để bỏ điều kiện này.',
  en: "366's own list of grounds for not completed was not found; by default it mirrors Decree 335, Art. 20 cl. 4. Set false to drop this ground.",
};

/**
 * The annual review under Regulation 366-QĐ/TW (30/8/2025): party members, party organisations and
 * their leadership collectives, on the 30 + 70 point scale with the conditions of Art. 11. The year's
 * proposal is the average of the quarters (as Decree 335 does for civil servants), and a leader's
 * grade is tied to the areas and units they lead (docs/rules/qd-366-2025.md, "Annual review").
 */
export const ANNUAL_QD_366_2025: AnnualRuleSet = {
  id: ID,
  track: 'party',
  title: {
    vi: 'Kiểm điểm, đánh giá, xếp loại chất lượng hằng năm tập thể, cá nhân trong hệ thống chính trị',
    en: 'Annual review and classification of collectives and individuals in the political system',
  },
  source: PERIODIC.source,
  effectiveFrom: '2025-08-30',
  effectiveTo: null,
  subjects: ['person', 'organisation', 'leadership'],
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
      'Quy định 124-QĐ/TW, Điều 12 (Quy định 366-QĐ/TW chưa thấy quy định)',
      'Số tập thể HTXSNV không vượt quá 20% số tập thể HTTNV trong từng nhóm có vai trò, chức năng tương đồng.',
      'Collectives graded excellent may not exceed 20% of the good ones in each group of similar role and function.',
    ),
  },
  disqualifiers: ['discipline', 'degradation', 'corruptionInManagedUnit'],
  parameters: [
    rollupFormula(
      'average',
      'Quy định 366 chấm điểm theo quý và năm nhưng chưa thấy cách tổng hợp; mặc định lấy trung bình các kỳ như Nghị định 335/2025/NĐ-CP (“điểm trung bình”).',
      '366 scores quarters and years but how they combine was not seen; the default is the average of the periods, as Decree 335 does (“điểm trung bình”).',
    ),
    ...monthlyGradesParameters(
      'Chỉ dùng khi chọn cách tổng hợp theo tháng (các năm chấm theo 3814).',
      'Used only with the monthly-grades formula (years scored under 3814).',
    ),
    minMonths(
      'Phần đọc được của Quy định 366 không nêu thời gian công tác tối thiểu; mặc định theo Nghị định 90/2020/NĐ-CP, Điều 20. Đặt 0 để bỏ.',
      'The readable part of 366 states no minimum time worked; the default follows Decree 90, Art. 20. Set 0 to drop it.',
    ),
    absenceCapMonths(
      'Như trên: theo Nghị định 90/2020/NĐ-CP, Điều 20.',
      'As above: follows Decree 90, Art. 20.',
    ),
    minMembershipMonths(
      'Chưa thấy quy định của Quy định 366 về người không kiểm điểm; mặc định giữ 6 tháng của Quy định 124-QĐ/TW, Điều 5 khoản 2.',
      "366's rule on who is exempt was not found; the default keeps 124's 6 months (Art. 5 cl. 2).",
    ),
    excellentTargetsPercent(
      30,
      'Điều 11 khoản 1 (trích nguyên văn qua trang hỏi đáp): lĩnh vực, đơn vị do lãnh đạo trực tiếp phụ trách có ít nhất 30% nhiệm vụ vượt mức.',
      'Art. 11 cl. 1 (quoted word for word by a Q&A page): the areas a leader leads have at least 30% of tasks done beyond the requirement.',
    ),
    managedGoodShare(
      'Điều 11 yêu cầu lĩnh vực do lãnh đạo phụ trách hoàn thành 100% nhiệm vụ nhưng không nêu tỷ lệ đơn vị đạt HTTNV; mặc định 70% theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm d.',
      'Art. 11 asks that the areas a leader leads complete all tasks but states no share of good units; the 70% default follows Decree 90, Art. 4 point d.',
    ),
    notAboveCollective(
      'Nguyên tắc gắn kết quả cá nhân với tập thể; quy tắc cụ thể của Quy định 366 chưa thấy.',
      "The principle that the individual's grade follows the collective's; 366's explicit rule was not seen.",
    ),
    quotaPercent(
      'Phần đọc được của Quy định 366 không nêu tỷ lệ; mặc định 20% theo Quy định 124-QĐ/TW và Nghị định 335/2025/NĐ-CP.',
      'The readable part of 366 states no ratio; the 20% default follows 124-QĐ/TW and Decree 335.',
    ),
    collectiveQuotaPercent(
      'Như trên; Quy định 124 đặt 20% cho tập thể trong nhóm tương đồng.',
      'As above; 124 set 20% for collectives within a similar group.',
    ),
    collectiveExceedingPercent(
      'Điều 11 khoản 1 (trích nguyên văn): ít nhất 30% số nhiệm vụ hoàn thành vượt mức.',
      'Art. 11 cl. 1 (quoted word for word): at least 30% of tasks done beyond the requirement.',
    ),
    disqualifierSwitch(
      'disqualifiers.discipline',
      'Kỷ luật trong năm thì xếp KHTNV',
      'A discipline in the year means not completed',
      mirrorNote,
    ),
    disqualifierSwitch(
      'disqualifiers.degradation',
      'Kết luận suy thoái thì xếp KHTNV',
      'A degradation conclusion means not completed',
      mirrorNote,
    ),
    disqualifierSwitch(
      'disqualifiers.corruptionInManagedUnit',
      'Đơn vị do lãnh đạo phụ trách có tham nhũng thì lãnh đạo xếp KHTNV',
      'Corruption in a unit a leader manages means not completed for the leader',
      mirrorNote,
    ),
  ],
  rules: {
    grades: PERIODIC.rules.grades,
    disqualifiers: {
      discipline: PERIODIC.rules.disqualifiers.discipline,
      degradation: PERIODIC.rules.disqualifiers.degradation,
      corruptionInManagedUnit: ref(
        ID,
        'disqualifier.corruptionInManagedUnit',
        `${ART11} khoản 4 (chưa đối chiếu; theo Nghị định 335/2025/NĐ-CP, Điều 20 khoản 4 điểm d)`,
        'Lãnh đạo có cơ quan, đơn vị trực tiếp phụ trách bị xử lý về tham ô, tham nhũng, lãng phí.',
        'A leader whose directly led body was dealt with for embezzlement, corruption or waste.',
      ),
    },
    eligibility: {
      shortService: ref(
        ID,
        'eligibility.shortService',
        `${ND90} (áp dụng tương tự; Quy định 366 chưa thấy quy định)`,
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
        EXEMPT,
        'Đảng viên mới kết nạp chưa đủ 6 tháng tính đến thời điểm kiểm điểm thì không kiểm điểm, xếp loại.',
        'A member admitted less than 6 months before the review is not reviewed or graded.',
      ),
      suspended: ref(
        ID,
        'eligibility.suspended',
        EXEMPT,
        'Đảng viên bị đình chỉ sinh hoạt đảng thì không kiểm điểm, xếp loại.',
        'A member suspended from party activities is not reviewed or graded.',
      ),
      notMember: ref(
        ID,
        'eligibility.notMember',
        EXEMPT,
        'Chỉ đảng viên (dự bị, chính thức) được kiểm điểm, xếp loại theo Quy định này.',
        'Only party members (probationary or full) are reviewed under this regulation.',
      ),
    },
    linkage: {
      notAboveCollective: ref(
        ID,
        'linkage.notAboveCollective',
        `${DOC} (nguyên tắc gắn kết quả cá nhân với tập thể; chưa đối chiếu)`,
        'Người đứng đầu không xếp loại cao hơn tập thể mình lãnh đạo.',
        'A head is not graded above the collective they lead.',
      ),
      excellentTargets: ref(
        ID,
        'linkage.excellentTargets',
        `${ART11} khoản 1`,
        'Lãnh đạo HTXSNV: địa phương, lĩnh vực, đơn vị trực tiếp phụ trách hoàn thành 100% nhiệm vụ, ít nhất 30% vượt mức.',
        'Leader at excellent: the localities, fields and units led complete every task, at least 30% beyond the requirement.',
      ),
      managedUnits: ref(
        ID,
        'linkage.managedUnits',
        `${ART11} khoản 1 và khoản 2 (tỷ lệ 70% theo Nghị định 90/2020/NĐ-CP, Điều 4 điểm d)`,
        'Lãnh đạo HTTNV trở lên: 100% đơn vị trực tiếp phụ trách đạt HTNV trở lên, ít nhất 70% đạt HTTNV trở lên.',
        'Leader at good or above: every directly managed unit at least completed, at least 70% good or above.',
      ),
    },
    collective: {
      excellentConditions: ref(
        ID,
        'collective.excellentConditions',
        `${ART11} khoản 1`,
        'Tập thể HTXSNV: 100% nhiệm vụ đúng hạn, ít nhất 30% vượt mức, không có đơn vị trực thuộc hoặc thành viên tập thể lãnh đạo bị kỷ luật, đã khắc phục hạn chế đã chỉ ra.',
        'Collective at excellent: every task on time, at least 30% beyond the requirement, no subordinate unit or leadership member disciplined, earlier shortcomings remedied.',
      ),
    },
    rollup: {
      average: ref(
        ID,
        'rollup.average',
        `${DOC} (đánh giá theo quý; trung bình theo Nghị định 335/2025/NĐ-CP)`,
        'Điểm đề xuất cuối năm là trung bình điểm các quý (kỳ) được đánh giá.',
        "The year's proposed score is the average of the evaluated quarters (periods).",
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
