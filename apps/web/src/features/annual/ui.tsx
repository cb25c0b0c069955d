import { annualRuleSetById, GRADES, type Grade } from '@canbo/domain';
import { Select, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnualReviewSummary, ReviewPeriodView } from './api';
import './annual.css';

export type AnnualRuleSetId = AnnualReviewSummary['ruleSetId'];
export type ReviewState = AnnualReviewSummary['state'];
export { GRADES, type Grade };

const lang = (l: string): 'vi' | 'en' => (l.startsWith('en') ? 'en' : 'vi');

/** The grade in the words of the annual rule set ("Hoàn thành tốt nhiệm vụ"), else the common words. */
export function useAnnualGrade() {
  const { t, i18n } = useTranslation();
  return (grade: Grade, ruleSetId?: AnnualRuleSetId) => {
    const ruleSet = ruleSetId ? annualRuleSetById(ruleSetId) : undefined;
    return ruleSet ? ruleSet.gradeLabels[grade][lang(i18n.language)] : t(`evaluations.grades.${grade}`);
  };
}

/** The rule set's title ("Nghị định 90/2020/NĐ-CP …"), or its id. */
export function useRuleSetTitle() {
  const { i18n } = useTranslation();
  return (id: AnnualRuleSetId) => annualRuleSetById(id)?.title[lang(i18n.language)] ?? id;
}

export const GRADE_TAG: Record<Grade, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'gold',
  notCompleted: 'red',
};

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  completed: '#d48806',
  notCompleted: '#cf1322',
};

export function AnnualGradeTag({
  grade,
  ruleSetId,
  id,
  compact,
}: {
  grade: Grade | null | undefined;
  ruleSetId?: AnnualRuleSetId;
  id?: string;
  /** The rule set's short code ("HTTNV"), the full words on hover: for dense tables. */
  compact?: boolean;
}) {
  const label = useAnnualGrade();
  if (!grade) return <span className="muted">—</span>;
  const code = compact && ruleSetId ? annualRuleSetById(ruleSetId)?.gradeCodes[grade] : undefined;
  if (code) {
    return (
      <Tooltip title={label(grade, ruleSetId)}>
        <Tag id={id} color={GRADE_TAG[grade]} className="grade-tag">
          {code}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag id={id} color={GRADE_TAG[grade]} className="grade-tag">
      {label(grade, ruleSetId)}
    </Tag>
  );
}

/** The four grades of the rule set, best first; `max` leaves out those above a cap. */
export function GradeSelect({
  id,
  value,
  onChange,
  ruleSetId,
  max,
  allowClear,
  placeholder,
}: {
  id?: string;
  value?: Grade | null;
  onChange?: (g: Grade | null) => void;
  ruleSetId?: AnnualRuleSetId;
  max?: Grade | null;
  allowClear?: boolean;
  placeholder?: string;
}) {
  const label = useAnnualGrade();
  const from = max ? GRADES.indexOf(max) : 0;
  return (
    <Select
      id={id}
      className="grade-select"
      value={value ?? undefined}
      allowClear={allowClear}
      placeholder={placeholder}
      onChange={(g) => onChange?.((g as Grade | undefined) ?? null)}
      options={GRADES.map((g, i) => ({
        value: g,
        label: label(g, ruleSetId),
        disabled: i < from,
        className: `grade-option-${g}`,
      }))}
    />
  );
}

const STATE_TAG: Record<ReviewState, string> = {
  pending: 'default',
  selfReviewed: 'cyan',
  proposed: 'blue',
  decided: 'purple',
  published: 'green',
  notReviewed: 'default',
};

export function ReviewStateTag({ state }: { state: ReviewState }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_TAG[state]} className="review-state">
      {t(`annual.states.${state}`)}
    </Tag>
  );
}

const PERIOD_TAG: Record<ReviewPeriodView['state'], string> = {
  preparing: 'processing',
  open: 'green',
  closed: 'default',
};

export function PeriodStateTag({ state }: { state: ReviewPeriodView['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={PERIOD_TAG[state]} id="period-state">
      {t(`annual.periods.states.${state}`)}
    </Tag>
  );
}

/** Collectives are named by their unit; people by their name. */
export function subjectName(r: AnnualReviewSummary): string {
  return r.personName ?? r.unitName;
}

/** The grade in play on a row: decided, else the manager's, else the system's proposal. */
export function gradeInPlay(r: AnnualReviewSummary): Grade | null {
  return r.decidedGrade ?? r.managerGrade ?? r.proposedGrade;
}
