import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type EvaluationSummary, useMyEvaluations } from '../../api/evaluations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { StateTag, TotalCell } from './ui';

const OPEN_STATES = new Set([
  'draft',
  'returned',
  'selfAssessed',
  'inReview',
  'reviewed',
  'decided',
  'published',
  'complained',
]);

/** "Đánh giá của tôi": the caller's evaluations by period, the current one first. */
export default function MyEvaluationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mine = useMyEvaluations();
  if (mine.isPending) return <PageLoader />;
  // The server lists the latest period first.
  const items = mine.data ?? [];
  const current =
    items.find((e) => e.state === 'draft' || e.state === 'returned') ??
    items.find((e) => OPEN_STATES.has(e.state));

  const open = (e: EvaluationSummary) => navigate(`/evaluations/${e.id}`);
  return (
    <div className="narrow-page">
      <PageTitle title={t('evaluations.mine.title')} />
      {mine.isError ? <ErrorAlert error={mine.error} /> : null}
      {current ? (
        <Card className="mb-16 current-card" id="current-evaluation">
          <Typography.Text type="secondary">{t('evaluations.mine.current')}</Typography.Text>
          <Typography.Title level={4} className="mt-0">
            {current.cycleLabel}
          </Typography.Title>
          <div className="current-card-row">
            <StateTag state={current.state} late={current.late} />
            {current.dueDate ? (
              <Typography.Text type="secondary">
                {t('evaluations.dueOn', { date: formatDate(current.dueDate) })}
              </Typography.Text>
            ) : null}
          </div>
          <Button
            type="primary"
            size="large"
            block
            className="mt-12"
            id="open-current"
            onClick={() => open(current)}
          >
            {current.state === 'draft' || current.state === 'returned'
              ? t('evaluations.mine.fill')
              : t('evaluations.mine.view')}
          </Button>
        </Card>
      ) : null}
      <Card size="small" title={t('evaluations.mine.all')}>
        <List
          id="my-evaluations"
          dataSource={items}
          locale={{ emptyText: <Empty description={t('evaluations.mine.none')} /> }}
          renderItem={(e) => (
            <List.Item key={e.id} className="clickable-row" onClick={() => open(e)} extra={<RightOutlined />}>
              <List.Item.Meta
                title={e.cycleLabel}
                description={
                  <span className="my-row">
                    <StateTag state={e.state} late={e.late} /> {e.unitName}
                  </span>
                }
              />
              <TotalCell
                total={e.total ?? e.selfTotal}
                grade={e.grade ?? e.selfGrade}
                ruleSetId={e.ruleSetId}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
