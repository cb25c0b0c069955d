import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { type AnnualReviewSummary, useMyReviews } from './api';
import { AnnualGradeTag, ReviewStateTag } from './ui';

/** "Đánh giá năm của tôi": the caller's annual and mid-term reviews, the one to write first. */
export default function MyAnnualReviewsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyReviews();
  if (mine.isPending) return <PageLoader />;
  const items = mine.data ?? [];
  const current = items.find((r) => r.state === 'pending' && r.eligibility.status !== 'notReviewed');
  const open = (r: AnnualReviewSummary) => navigate(`/annual/reviews/${r.id}`);

  return (
    <div className="narrow-page">
      <PageTitle title={t('annual.mine.title')} />
      {mine.isError ? <ErrorAlert error={mine.error} /> : null}
      {current ? (
        <Card className="mb-16" id="current-review">
          <Typography.Text type="secondary">{t('annual.mine.current')}</Typography.Text>
          <Typography.Title level={4} className="mt-0">
            {current.periodLabel} · {t(`annual.tracksShort.${current.track}`)}
          </Typography.Title>
          <Typography.Paragraph type="secondary" className="mb-0">
            {[current.unitName, current.positionTitle].filter(Boolean).join(' · ')}
          </Typography.Paragraph>
          <ReviewStateTag state={current.state} />
          <Button
            type="primary"
            size="large"
            block
            className="mt-12"
            id="open-current-review"
            onClick={() => open(current)}
          >
            {t('annual.mine.write')}
          </Button>
        </Card>
      ) : null}
      <Card size="small" title={t('annual.mine.all')}>
        <List
          id="my-reviews"
          dataSource={items}
          locale={{ emptyText: <Empty description={t('annual.mine.none')} /> }}
          renderItem={(r) => (
            <List.Item
              key={r.id}
              id={`my-review-${r.id}`}
              className="clickable-row"
              onClick={() => open(r)}
              extra={<RightOutlined />}
            >
              <List.Item.Meta
                title={`${r.periodLabel} · ${t(`annual.tracksShort.${r.track}`)}`}
                description={
                  <>
                    <div>{[r.unitName, r.positionTitle].filter(Boolean).join(' · ')}</div>
                    <ReviewStateTag state={r.state} />
                    {r.state === 'decided' || r.state === 'published' ? (
                      <AnnualGradeTag grade={r.decidedGrade} ruleSetId={r.ruleSetId} />
                    ) : null}
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
