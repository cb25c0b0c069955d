import { ArrowLeftOutlined, LockOutlined, SyncOutlined } from '@ant-design/icons';
import type { PeriodUnitsView } from '@canbo/domain';
import { formatPercent } from '@canbo/domain';
import { App, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { usePeriod, usePeriodMutations, usePeriodUnits } from './api';
import { periodDone } from './ReviewPeriodsPage';
import { PeriodStateTag, type ReviewState, useRuleSetTitle } from './ui';

type UnitProgress = PeriodUnitsView['items'][number];

const STATES: ReviewState[] = ['pending', 'selfReviewed', 'proposed', 'decided', 'published', 'notReviewed'];

/** Reviews of the unit that count toward completion (not-reviewed ones are out), and those done. */
function unitDone(u: UnitProgress): { done: number; reviewed: number } {
  const reviewed = u.people + u.collectives - u.states.notReviewed;
  return { done: u.states.decided + u.states.published, reviewed };
}

/** One period: its progress, the units of the subtree with theirs, prepare again and close. */
export default function ReviewPeriodPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const can = useCan();
  const ruleSetTitle = useRuleSetTitle();
  const { id = '' } = useParams();
  const period = usePeriod(id);
  const p = period.data;
  const units = usePeriodUnits(id, p !== undefined && p.state !== 'preparing');
  const m = usePeriodMutations();
  const [error, setError] = useState<unknown>(null);

  if (period.isPending) return <PageLoader />;
  if (!p) return <ErrorAlert error={period.error} />;
  const manage = can('evaluations.manage');
  const { done, of } = periodDone(p);
  const c = p.counts;
  const preparing = p.preparation;

  const act = (fn: () => Promise<unknown>, done: string) => async () => {
    setError(null);
    try {
      await fn();
      message.success(done);
    } catch (err) {
      setError(err);
    }
  };
  const close = () =>
    modal.confirm({
      title: t('annual.period.closeConfirm'),
      content: t('annual.period.closeHint'),
      okText: t('annual.period.close'),
      okButtonProps: { danger: true, id: 'period-close-ok' },
      cancelText: t('common.cancel'),
      onOk: act(() => m.close.mutateAsync({ id: p.id, version: p.version }), t('annual.period.closed')),
    });

  return (
    <>
      <LinkButton to="/annual/periods" icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('annual.periods.title')}
      </LinkButton>
      <PageTitle
        title={`${p.label} · ${p.unitName}`}
        extra={
          <Space wrap>
            <PeriodStateTag state={p.state} />
            {manage && p.state === 'open' ? (
              <>
                <Button
                  id="period-prepare"
                  icon={<SyncOutlined />}
                  loading={m.prepare.isPending}
                  onClick={act(
                    () => m.prepare.mutateAsync({ id: p.id, version: p.version }),
                    t('annual.period.preparing'),
                  )}
                >
                  {t('annual.period.prepare')}
                </Button>
                <Button id="period-close" danger icon={<LockOutlined />} onClick={close}>
                  {t('annual.period.close')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="period-error" />
        </div>
      ) : null}
      {p.state === 'preparing' ? (
        <Card size="small" className="mb-16 preparing-box" id="period-preparing">
          <Typography.Text strong>{t('annual.period.preparingTitle')}</Typography.Text>
          <Progress
            percent={
              preparing && preparing.total > 0 ? Math.floor((preparing.done / preparing.total) * 100) : 0
            }
            status={preparing?.state === 'failed' ? 'exception' : 'active'}
          />
          <Typography.Text type="secondary">
            {t('annual.period.preparingHint', { people: c.people, collectives: c.collectives })}
          </Typography.Text>
        </Card>
      ) : null}
      <Descriptions size="small" layout="vertical" column={{ xs: 2, lg: 4 }} className="mb-16">
        <Descriptions.Item label={t('annual.periods.span')}>
          {formatDate(p.periodStart)} – {formatDate(p.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.periods.selfDue')}>{formatDate(p.selfDue)}</Descriptions.Item>
        <Descriptions.Item label={t('annual.periods.meetingDue')}>
          {formatDate(p.meetingDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.periods.decisionDue')}>
          {formatDate(p.decisionDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.period.stateRules')}>
          {ruleSetTitle(p.stateRuleSetId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('annual.period.partyRules')}>
          {ruleSetTitle(p.partyRuleSetId)}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" className="mb-16" title={t('annual.period.progress')}>
        <div className="annual-figures" id="period-counts">
          <div className="annual-figure">
            <div className="figure-label">{t('annual.period.done')}</div>
            <Progress percent={of > 0 ? Math.round((done / of) * 100) : 0} style={{ width: 220 }} />
            <div className="small-note">
              {done}/{of} ({formatPercent(done, of)})
            </div>
          </div>
          {(
            [
              ['people', c.people],
              ['collectives', c.collectives],
              ['selfReviewed', c.selfReviewed],
              ['proposed', c.proposed],
              ['decided', c.decided],
              ['published', c.published],
              ['notReviewed', c.notReviewed],
            ] as const
          ).map(([key, value]) => (
            <div className="annual-figure" key={key} id={`count-${key}`}>
              <div className="figure-value">{value}</div>
              <div className="figure-label">{t(`annual.period.counts.${key}`)}</div>
            </div>
          ))}
        </div>
      </Card>
      <Card size="small" title={t('annual.period.units')}>
        {units.isError ? <ErrorAlert error={units.error} /> : null}
        <Table<UnitProgress>
          id="period-units"
          rowKey="unitId"
          size="small"
          loading={units.isFetching}
          dataSource={units.data ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 900 }}
          columns={[
            {
              key: 'unit',
              title: t('annual.columns.unit'),
              render: (_, u) => <Link to={`/annual/periods/${p.id}/units/${u.unitId}`}>{u.unitName}</Link>,
            },
            { key: 'people', title: t('annual.period.counts.people'), dataIndex: 'people', align: 'right' },
            {
              key: 'collectives',
              title: t('annual.period.counts.collectives'),
              dataIndex: 'collectives',
              align: 'right',
            },
            {
              key: 'done',
              title: t('annual.period.done'),
              width: 180,
              render: (_, u) => {
                const { done, reviewed } = unitDone(u);
                return (
                  <Progress
                    size="small"
                    percent={reviewed > 0 ? Math.round((done / reviewed) * 100) : 0}
                    format={() => `${done}/${reviewed}`}
                  />
                );
              },
            },
            {
              key: 'states',
              title: t('annual.columns.state'),
              render: (_, u) =>
                STATES.filter((s) => u.states[s]).map((s) => (
                  <Tag key={s}>
                    {t(`annual.states.${s}`)}: {u.states[s]}
                  </Tag>
                )),
            },
            {
              key: 'board',
              title: '',
              render: (_, u) => (
                <Link to={`/annual/periods/${p.id}/units/${u.unitId}`}>{t('annual.period.board')}</Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
