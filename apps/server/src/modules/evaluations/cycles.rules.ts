import { type CreateCycleInput, MAX_DATE_YEAR, ruleSetById } from '@canbo/domain';
import type { z } from 'zod';
import { type ErrorDetail, RuleViolation } from '../../errors';
import { defaultDeadlines, isPeriodStart, type PeriodKind, periodEnd } from './cycles.periods';
import type { FrameworkRow } from './frameworks.repository';

/** The rules a cycle must meet to open (docs/EVALUATIONS.md, "Cycles"); each refusal names its field. */
export type Deadlines = z.infer<typeof CreateCycleInput>['deadlines'] & {};

export const refuse = (code: string, path: string, vi: string, en: string, more: ErrorDetail[] = []) =>
  new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }, ...more]);

export interface OpenSpec {
  unit: { id: string; name: string; path: string; status: string };
  framework: Pick<FrameworkRow, 'id' | 'name' | 'status' | 'rule_set_id' | 'unit_path' | 'version_no'>;
  periodKind: PeriodKind;
  periodStart: string;
  deadlines: Deadlines | undefined;
  autoNext: boolean;
  previousId: string | null;
}

/** The checks of docs/EVALUATIONS.md before a cycle opens; throws a 422 naming the field and the rule set. */
export function checkOpening(spec: OpenSpec): { periodEnd: string; deadlines: Deadlines } {
  const { framework: f, periodKind: kind, periodStart: start } = spec;
  if (spec.unit.status !== 'active') {
    throw refuse('UNIT_INACTIVE', 'unitId', 'Đơn vị không còn hoạt động.', 'The unit is no longer active.');
  }
  if (f.status !== 'published') {
    throw refuse(
      'FRAMEWORK_NOT_PUBLISHED',
      'frameworkId',
      `Khung tiêu chí "${f.name}" chưa được ban hành.`,
      `The framework "${f.name}" has not been published.`,
    );
  }
  if (!spec.unit.path.startsWith(f.unit_path)) {
    throw refuse(
      'FRAMEWORK_NOT_APPLICABLE',
      'frameworkId',
      'Khung tiêu chí phải thuộc đơn vị này hoặc đơn vị cấp trên của nó.',
      'The framework must belong to this unit or to a unit above it.',
    );
  }
  const ruleSet = ruleSetById(f.rule_set_id);
  if (!ruleSet)
    throw refuse('UNKNOWN_RULE_SET', 'frameworkId', 'Bộ quy tắc không tồn tại.', 'Unknown rule set.');
  if (!(ruleSet.periods as readonly string[]).includes(kind)) {
    const kindVi = kind === 'month' ? 'tháng' : 'quý';
    throw refuse(
      'PERIOD_NOT_ALLOWED',
      'periodKind',
      `Bộ quy tắc ${ruleSet.id} không đánh giá theo ${kindVi}.`,
      `The rule set ${ruleSet.id} has no ${kind}ly evaluation.`,
    );
  }
  if (!isPeriodStart(kind, start)) {
    throw refuse(
      'NOT_PERIOD_START',
      'periodStart',
      kind === 'month'
        ? 'Kỳ tháng phải bắt đầu từ ngày 01.'
        : 'Kỳ quý phải bắt đầu ngày 01/01, 01/04, 01/07 hoặc 01/10.',
      kind === 'month'
        ? 'A monthly period starts on the 1st.'
        : 'A quarter starts on 1 January, April, July or October.',
    );
  }
  if (start < ruleSet.effectiveFrom || (ruleSet.effectiveTo !== null && start >= ruleSet.effectiveTo)) {
    throw refuse(
      'RULE_SET_NOT_IN_FORCE',
      'periodStart',
      `Bộ quy tắc ${ruleSet.id} không có hiệu lực vào ${start} (hiệu lực từ ${ruleSet.effectiveFrom}${ruleSet.effectiveTo ? ` đến trước ${ruleSet.effectiveTo}` : ''}).`,
      `The rule set ${ruleSet.id} is not in force on ${start} (in force from ${ruleSet.effectiveFrom}${ruleSet.effectiveTo ? ` until ${ruleSet.effectiveTo}` : ''}).`,
    );
  }
  const end = periodEnd(kind, start);
  const deadlines = spec.deadlines ?? defaultDeadlines(end);
  checkDeadlines(start, deadlines);
  // Found by the body fuzz test: default deadlines of a period late in 2100 fall in 2101, outside the
  // calendar dates of the API (CalendarDate, years up to MAX_DATE_YEAR). The cycle was written and then
  // its view failed the response schema: a 500 after the commit. Refused before anything is written.
  if (deadlines.decisionDue > `${MAX_DATE_YEAR}-12-31`) {
    throw refuse(
      'DEADLINES',
      'periodStart',
      `Hạn của kỳ đánh giá phải trong năm ${MAX_DATE_YEAR} trở về trước.`,
      `The cycle's deadlines must fall in ${MAX_DATE_YEAR} or earlier.`,
    );
  }
  return { periodEnd: end, deadlines };
}

export function checkDeadlines(start: string, d: Deadlines): void {
  if (d.selfDue < start) {
    throw refuse(
      'DEADLINES',
      'deadlines.selfDue',
      'Hạn tự đánh giá không được trước đầu kỳ.',
      'The self-assessment deadline cannot be before the period starts.',
    );
  }
  if (d.reviewDue < d.selfDue) {
    throw refuse(
      'DEADLINES',
      'deadlines.reviewDue',
      'Hạn nhận xét không được trước hạn tự đánh giá.',
      'The review deadline cannot be before the self-assessment deadline.',
    );
  }
  if (d.decisionDue < d.reviewDue) {
    throw refuse(
      'DEADLINES',
      'deadlines.decisionDue',
      'Hạn quyết định không được trước hạn nhận xét.',
      'The decision deadline cannot be before the review deadline.',
    );
  }
}
