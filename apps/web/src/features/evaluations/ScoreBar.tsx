import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSetId, ScoreOutcome } from './domain';
import { formatPoints, GRADE_COLORS, GradeTag, useGradeLabel } from './ui';

interface Props {
  result: ScoreOutcome | null;
  ruleSetId: RuleSetId;
  /** What the preview stands for: the self-assessment, a proposal, or the stored result. */
  caption: string;
  children?: ReactNode;
}

/** The live total, grade and deciding rule, kept in view at the bottom of the screen. */
export function ScoreBar({ result, ruleSetId, caption, children }: Props) {
  const { t, i18n } = useTranslation();
  const gradeLabel = useGradeLabel();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div className="score-bar" id="score-bar">
      <div className="score-bar-figures">
        <div className="score-bar-total" aria-live="polite">
          <span className="score-bar-caption">{caption}</span>
          <span
            className="score-bar-number"
            id="preview-total"
            style={{ color: result ? GRADE_COLORS[result.grade] : undefined }}
          >
            {result ? formatPoints(result.total) : '—'}
          </span>
          <span className="score-bar-unit">{t('evaluations.points')}</span>
        </div>
        <div className="score-bar-grade" id="preview-grade">
          {result ? <GradeTag grade={result.grade} ruleSetId={ruleSetId} /> : null}
        </div>
      </div>
      {result ? (
        <Typography.Paragraph
          className="score-bar-rule"
          type="secondary"
          ellipsis={{ rows: 1, expandable: 'collapsible', symbol: (open) => (open ? '▲' : '▼') }}
          id="preview-rule"
        >
          {result.rule.text[lang] || result.rule.text.vi}
          {result.rule.article ? ` (${result.rule.article})` : ''}
          {result.gradeByPoints !== result.grade
            ? ` · ${t('evaluations.form.byPoints', { grade: gradeLabel(result.gradeByPoints, ruleSetId) })}`
            : ''}
        </Typography.Paragraph>
      ) : null}
      {children ? <div className="score-bar-actions">{children}</div> : null}
    </div>
  );
}
