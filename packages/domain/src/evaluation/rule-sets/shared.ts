import type { RuleRef } from '../types';

/** A rule reference; `code` is prefixed with the rule set's id so stored results stay unambiguous. */
export function ref(ruleSetId: string, code: string, article: string, vi: string, en: string): RuleRef {
  return { code: `${ruleSetId}/${code}`, article, text: { vi, en } };
}

/** All three rule sets grade on the same 100-point scale with the same cut-offs. */
export const THRESHOLDS_90_70_50 = { excellent: 90, good: 70, completed: 50 } as const;

export const FOUR_GRADE_LABELS = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Duties completed with excellence' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Duties completed well' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Duties completed' },
  notCompleted: { vi: 'Không hoàn thành nhiệm vụ', en: 'Duties not completed' },
} as const;

export const FOUR_GRADE_CODES = {
  excellent: 'HTXSNV',
  good: 'HTTNV',
  completed: 'HTNV',
  notCompleted: 'KHTNV',
} as const;
