import type { RuleParameter, Text } from '../../evaluation/types';
import type { RollupFormula } from '../types';

export {
  FOUR_GRADE_CODES,
  FOUR_GRADE_LABELS,
  ref,
  THRESHOLDS_90_70_50,
} from '../../evaluation/rule-sets/shared';

/**
 * Builders for the parameters the four annual rule sets share. Each takes the note that explains,
 * for that rule set, why the value is a parameter (what the sources did and did not show).
 */

function note(vi: string, en: string): Text {
  return { vi, en };
}

export function rollupFormula(value: RollupFormula, vi: string, en: string): RuleParameter {
  return {
    key: 'rollup.formula',
    value,
    options: ['monthlyGrades', 'average'],
    label: {
      vi: 'Cách tổng hợp kết quả các kỳ thành đề xuất cuối năm',
      en: "How the periods' results become the year's proposal",
    },
    note: note(vi, en),
  };
}

/** The monthly-grades conditions (Hanoi practice under 3814): majority of A months, no D month. */
export function monthlyGradesParameters(vi: string, en: string): RuleParameter[] {
  return [
    {
      key: 'rollup.excellentMonthsPercent',
      value: 50,
      min: 0,
      max: 100,
      label: {
        vi: 'HTXSNV cần số tháng loại A nhiều hơn tỷ lệ này của số tháng được xếp loại (%)',
        en: 'Excellent needs more than this share of the graded months to be grade A (%)',
      },
      note: note(vi, en),
    },
    {
      key: 'rollup.notCompletedMonthBlocksExcellent',
      value: true,
      label: {
        vi: 'Có tháng loại D thì không đề xuất HTXSNV',
        en: 'A grade-D month rules out excellent',
      },
      note: note(vi, en),
    },
  ];
}

export function minMonths(vi: string, en: string): RuleParameter {
  return {
    key: 'eligibility.minMonths',
    value: 6,
    min: 0,
    max: 12,
    label: {
      vi: 'Số tháng công tác thực tế tối thiểu để được xếp loại',
      en: 'Months actually worked needed to be graded',
    },
    note: note(vi, en),
  };
}

export function absenceCapMonths(vi: string, en: string): RuleParameter {
  return {
    key: 'eligibility.absenceCapMonths',
    value: 3,
    min: 0,
    max: 12,
    label: {
      vi: 'Nghỉ từ số tháng này (đến dưới mức tối thiểu) thì không xếp loại HTTNV trở lên',
      en: 'Absent this many months (up to the minimum) caps the grade below good',
    },
    note: note(vi, en),
  };
}

export function minMembershipMonths(vi: string, en: string): RuleParameter {
  return {
    key: 'eligibility.minMembershipMonths',
    value: 6,
    min: 0,
    max: 24,
    label: {
      vi: 'Đảng viên mới kết nạp chưa đủ số tháng này thì không kiểm điểm, xếp loại',
      en: 'Members admitted fewer months ago than this are not reviewed',
    },
    note: note(vi, en),
  };
}

export function excellentTargetsPercent(value: number, vi: string, en: string): RuleParameter {
  return {
    key: 'linkage.excellentTargetsPercent',
    value,
    min: 0,
    max: 100,
    label: {
      vi: 'Lãnh đạo HTXSNV: tỷ lệ chỉ tiêu, nhiệm vụ của đơn vị hoàn thành vượt mức tối thiểu (%)',
      en: "Leader at excellent: minimum share of the unit's targets over-fulfilled (%)",
    },
    note: note(vi, en),
  };
}

export function managedGoodShare(vi: string, en: string): RuleParameter {
  return {
    key: 'linkage.managedGoodShare',
    value: 70,
    min: 0,
    max: 100,
    label: {
      vi: 'Lãnh đạo HTTNV trở lên: tỷ lệ đơn vị trực tiếp phụ trách đạt HTTNV trở lên tối thiểu (%)',
      en: 'Leader at good or above: minimum share of managed units graded good or above (%)',
    },
    note: note(vi, en),
  };
}

export function notAboveCollective(vi: string, en: string): RuleParameter {
  return {
    key: 'linkage.notAboveCollective',
    value: true,
    label: {
      vi: 'Người đứng đầu không được xếp loại cao hơn tập thể mình lãnh đạo',
      en: 'A head may not be graded above the collective they lead',
    },
    note: note(vi, en),
  };
}

export function quotaPercent(vi: string, en: string): RuleParameter {
  return {
    key: 'quota.percent',
    value: 20,
    min: 0,
    max: 100,
    label: {
      vi: 'Tỷ lệ tối đa cá nhân HTXSNV so với số HTTNV (%)',
      en: 'Excellent cap for individuals as a share of good grades (%)',
    },
    note: note(vi, en),
  };
}

export function collectiveQuotaPercent(vi: string, en: string): RuleParameter {
  return {
    key: 'quota.collectivePercent',
    value: 20,
    min: 0,
    max: 100,
    label: {
      vi: 'Tỷ lệ tối đa tập thể HTXSNV so với số tập thể HTTNV cùng nhóm (%)',
      en: 'Excellent cap for collectives as a share of good grades in their group (%)',
    },
    note: note(vi, en),
  };
}

export function collectiveExceedingPercent(vi: string, en: string): RuleParameter {
  return {
    key: 'collective.exceedingPercent',
    value: 30,
    min: 0,
    max: 100,
    label: {
      vi: 'Tập thể HTXSNV: tỷ lệ nhiệm vụ hoàn thành vượt mức tối thiểu (%)',
      en: 'Collective at excellent: minimum share of tasks exceeding (%)',
    },
    note: note(vi, en),
  };
}

export function disqualifierSwitch(key: string, vi: string, en: string, why: Text): RuleParameter {
  return { key, value: true, label: { vi, en }, note: why };
}
