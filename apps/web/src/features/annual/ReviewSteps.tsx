import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { AnnualReviewDetail } from './api';
import { AnnualGradeTag } from './ui';

const COLOR: Record<AnnualReviewDetail['steps'][number]['action'], string> = {
  selfReview: 'blue',
  comment: 'gray',
  propose: 'blue',
  decide: 'green',
  publish: 'green',
  reopen: 'orange',
};

/** Who did what and when, with the grade of each step. */
export function ReviewSteps({ review }: { review: AnnualReviewDetail }) {
  const { t } = useTranslation();
  if (review.steps.length === 0) return <Empty description={t('annual.review.noSteps')} />;
  return (
    <Timeline
      className="review-steps"
      items={review.steps.map((s, i) => ({
        key: `${s.at}:${i}`,
        color: COLOR[s.action],
        content: (
          <div>
            <div>
              <strong>{t(`annual.steps.${s.action}`)}</strong>{' '}
              <Typography.Text type="secondary">{formatDateTime(s.at)}</Typography.Text>
            </div>
            <div>
              {s.actorName} {s.grade ? <AnnualGradeTag grade={s.grade} ruleSetId={review.ruleSetId} /> : null}
            </div>
            {s.comment ? <blockquote className="step-comment">{s.comment}</blockquote> : null}
          </div>
        ),
      }))}
    />
  );
}
