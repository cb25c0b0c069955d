import type { ReportSectionSpec, ReportTemplateView } from '@canbo/domain';

/**
 * The two templates every tenant has (docs/REPORTS.md, "Report builder"): the six-month review
 * (sơ kết 6 tháng) and the year-end review (tổng kết năm) of the organisation-building work, in the
 * order such reports read: the cadre force, party members, the monthly evaluation, the annual review
 * and weak organisations, confidence votes, restructuring, then the year's targets.
 */

const section = (
  s: Partial<ReportSectionSpec> & Pick<ReportSectionSpec, 'kind' | 'title'>,
): ReportSectionSpec => ({
  intro: null,
  indicators: [],
  decimals: 2,
  compare: false,
  chart: null,
  ...s,
});

const CADRES = section({
  kind: 'indicators',
  title: 'Tình hình đội ngũ cán bộ',
  intro:
    'Số lượng, cơ cấu đội ngũ cán bộ, công chức, viên chức trong đảng bộ tại ngày chốt số liệu, theo loại cán bộ và giới tính.',
  indicators: [{ id: 'people.byCategory' }, { id: 'people.bySex' }],
  decimals: 1,
  compare: true,
  chart: 'pie',
});

const PYRAMID = section({
  kind: 'indicators',
  title: 'Cơ cấu độ tuổi và giới tính',
  indicators: [{ id: 'people.byAgeAndSex' }],
  decimals: 1,
  chart: 'pyramid',
});

const MEMBERS = section({
  kind: 'indicators',
  title: 'Công tác đảng viên',
  indicators: [{ id: 'party.membersByStatus' }],
  compare: true,
  chart: 'bar',
});

const EVALUATION = section({
  kind: 'indicators',
  title: 'Đánh giá, xếp loại hằng tháng',
  intro: 'Kết quả theo dõi, đánh giá, xếp loại cán bộ, công chức hằng tháng trong kỳ báo cáo.',
  indicators: [{ id: 'evaluations.completion' }, { id: 'evaluations.grades' }],
  chart: 'stackedBar',
});

const TARGETS = section({
  kind: 'targets',
  title: 'Kết quả thực hiện các chỉ tiêu',
  intro: 'Kết quả thực hiện các chỉ tiêu công tác tổ chức xây dựng Đảng của năm (đạt được/chỉ tiêu).',
  compare: true,
});

export const BUILT_IN_TEMPLATES: readonly ReportTemplateView[] = [
  {
    id: 'builtin-midYear',
    name: 'Sơ kết 6 tháng',
    kind: 'midYear',
    builtIn: true,
    unitId: null,
    unitName: null,
    version: 1,
    updatedAt: null,
    sections: [CADRES, PYRAMID, MEMBERS, EVALUATION, TARGETS],
  },
  {
    id: 'builtin-yearEnd',
    name: 'Tổng kết năm',
    kind: 'yearEnd',
    builtIn: true,
    unitId: null,
    unitName: null,
    version: 1,
    updatedAt: null,
    sections: [
      CADRES,
      PYRAMID,
      section({
        kind: 'indicators',
        title: 'Trình độ lý luận chính trị',
        indicators: [{ id: 'people.byPoliticalTheory' }],
        decimals: 1,
        compare: true,
        chart: 'bar',
      }),
      MEMBERS,
      {
        ...EVALUATION,
        indicators: [...EVALUATION.indicators, { id: 'evaluations.quota' }],
        chart: 'stackedBar',
      },
      section({
        kind: 'indicators',
        title: 'Kiểm điểm, đánh giá, xếp loại cuối năm',
        intro:
          'Kết quả kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân năm; củng cố tổ chức cơ sở đảng yếu kém.',
        indicators: [{ id: 'annual.grades' }, { id: 'party.weakOrgs' }],
        compare: true,
      }),
      section({
        kind: 'indicators',
        title: 'Lấy phiếu tín nhiệm',
        indicators: [{ id: 'votes.outcomes' }],
      }),
      section({
        kind: 'indicators',
        title: 'Sắp xếp tổ chức bộ máy',
        indicators: [{ id: 'org.changes' }],
      }),
      TARGETS,
    ],
  },
];

export function builtInTemplate(id: string): ReportTemplateView | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}
