import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../api/evaluations';
import { formatDateTime } from '../../components/format';
import { actionText, stateText } from './domain';
import { formatPoints, GradeTag } from './ui';

const ACTION_COLOR: Record<string, string> = {
  submitSelf: 'blue',
  review: 'green',
  decide: 'green',
  publish: 'green',
  finalise: 'gray',
  return: 'red',
  complain: 'orange',
  reopen: 'orange',
  lapse: 'gray',
};

/** Who did what and when, with the score and rule computed at each step. */
export function StepTimeline({ ev }: { ev: EvaluationDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  if (ev.steps.length === 0) return <Empty description={t('evaluations.history.none')} />;
  return (
    <Timeline
      className="step-timeline"
      items={ev.steps.map((s) => ({
        key: s.id,
        color: ACTION_COLOR[s.action] ?? 'blue',
        content: (
          <div className="step-item">
            <div className="step-head">
              <strong>{actionText(s.action, i18n.language)}</strong>
              {s.level > 0 && (s.action === 'review' || s.action === 'return') ? (
                <Tag>{t('evaluations.history.level', { level: s.level })}</Tag>
              ) : null}
              {s.bulk ? <Tag color="purple">{t('evaluations.history.bulk')}</Tag> : null}
              <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
            </div>
            <div>
              {s.actorName}
              {s.onBehalfOf ? (
                <Typography.Text type="secondary">
                  {' '}
                  ({t('evaluations.history.onBehalfOf', { name: s.onBehalfOf })})
                </Typography.Text>
              ) : null}
              {' · '}
              <Typography.Text type="secondary">
                {stateText(s.fromState, i18n.language)} → {stateText(s.toState, i18n.language)}
              </Typography.Text>
            </div>
            {s.total !== null ? (
              <div className="step-score">
                {formatPoints(s.total)} {t('evaluations.points')}{' '}
                <GradeTag grade={s.grade} ruleSetId={ev.ruleSetId} />
                {s.rule ? (
                  <Typography.Text type="secondary" className="step-rule">
                    {s.rule.text[lang] || s.rule.text.vi}
                  </Typography.Text>
                ) : null}
              </div>
            ) : null}
            {s.comment ? <blockquote className="step-comment">{s.comment}</blockquote> : null}
          </div>
        ),
      }))}
    />
  );
}
