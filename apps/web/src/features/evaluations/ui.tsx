import { formatDecimal } from '@canbo/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { type EvaluationState, type Grade, gradeText, type RuleSetId, stateText } from './domain';
import './evaluations.css';

/** Points the Vietnamese way: "89,5", "70", "—" for none. */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return formatDecimal(value, 2, { trimZeros: true });
}

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: '#389e0d',
  good: '#1677ff',
  completed: '#d48806',
  notCompleted: '#cf1322',
};

const GRADE_TAG: Record<Grade, string> = {
  excellent: 'green',
  good: 'blue',
  completed: 'gold',
  notCompleted: 'red',
};

/** A grade in the words of its rule set, when known; else the common four-grade words. */
export function useGradeLabel() {
  const { t, i18n } = useTranslation();
  return (grade: Grade, ruleSetId?: RuleSetId) =>
    ruleSetId ? gradeText(ruleSetId, grade, i18n.language) : t(`evaluations.grades.${grade}`);
}

export function GradeTag({ grade, ruleSetId }: { grade: Grade | null | undefined; ruleSetId?: RuleSetId }) {
  const label = useGradeLabel();
  if (!grade) return <span className="muted">—</span>;
  return (
    <Tag color={GRADE_TAG[grade]} className="grade-tag">
      {label(grade, ruleSetId)}
    </Tag>
  );
}

const STATE_TAG: Record<EvaluationState, string> = {
  draft: 'default',
  returned: 'orange',
  selfAssessed: 'cyan',
  inReview: 'processing',
  reviewed: 'blue',
  decided: 'purple',
  published: 'green',
  complained: 'magenta',
  final: 'success',
  notEvaluated: 'default',
};

export function StateTag({ state, late }: { state: EvaluationState; late?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <span className="state-tag">
      <Tag color={STATE_TAG[state]}>{stateText(state, i18n.language)}</Tag>
      {late ? (
        <Tooltip title={t('evaluations.lateHint')}>
          <Tag color="red">{t('evaluations.late')}</Tag>
        </Tooltip>
      ) : null}
    </span>
  );
}

/** "89,5 · Hoàn thành tốt nhiệm vụ" in a table cell. */
export function TotalCell({
  total,
  grade,
  ruleSetId,
}: {
  total: number | null;
  grade: Grade | null;
  ruleSetId?: RuleSetId;
}) {
  if (total === null) return <span className="muted">—</span>;
  return (
    <span className="total-cell">
      <strong>{formatPoints(total)}</strong> <GradeTag grade={grade} ruleSetId={ruleSetId} />
    </span>
  );
}
