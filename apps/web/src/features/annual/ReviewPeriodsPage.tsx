import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { formatPercent } from '@canbo/domain';
import { Button, Card, Input, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../components/useDebounced';
import { type ReviewPeriodView, usePeriods } from './api';
import { PeriodCreateDrawer } from './PeriodCreateDrawer';
import { PeriodStateTag } from './ui';

const PAGE_SIZE = 20;

/** Done: decided or published, over everyone reviewed. */
export function periodDone(p: ReviewPeriodView): { done: number; of: number } {
  const c = p.counts;
  return { done: c.decided + c.published, of: Math.max(0, c.people + c.collectives - c.notReviewed) };
}

/** Annual and mid-term review periods in scope: search (with or without diacritics), open a new one. */
export default function ReviewPeriodsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unitId = params.get('unitId') ?? undefined;
  const kind = (params.get('kind') as ReviewPeriodView['kind'] | null) ?? undefined;
  const state = (params.get('state') as ReviewPeriodView['state'] | null) ?? undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 300);
  const update = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'page') next.delete('page');
      return next;
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the URL follows the debounced text only
  useEffect(() => {
    if ((params.get('q') ?? '') !== q) update('q', q || undefined);
  }, [q]);
  const list = usePeriods({ page, pageSize: PAGE_SIZE, q: q || undefined, unitId, kind, state });

  return (
    <>
      <PageTitle
        title={t('annual.periods.title')}
        extra={
          can('evaluations.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              id="period-create"
              onClick={() => setCreating(true)}
            >
              {t('annual.periods.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Input
            id="periods-search"
            allowClear
            className="toolbar-search"
            prefix={<SearchOutlined />}
            placeholder={t('annual.periods.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
          <UnitTreeSelect
            id="periods-unit"
            allowClear
            value={unitId}
            onChange={(v) => update('unitId', v)}
            className="toolbar-unit"
            placeholder={t('annual.periods.unit')}
          />
          <Select
            id="periods-kind"
            allowClear
            className="toolbar-select"
            placeholder={t('annual.periods.kind')}
            value={kind}
            onChange={(v) => update('kind', v)}
            options={[
              { value: 'annual', label: t('annual.periods.kinds.annual') },
              { value: 'midterm', label: t('annual.periods.kinds.midterm') },
            ]}
          />
          <Select
            id="periods-state"
            allowClear
            className="toolbar-select"
            placeholder={t('annual.periods.state')}
            value={state}
            onChange={(v) => update('state', v)}
            options={(['preparing', 'open', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`annual.periods.states.${s}`),
            }))}
          />
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<ReviewPeriodView>
          id="periods-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            {
              key: 'label',
              title: t('annual.periods.label'),
              render: (_, p) => <Link to={`/annual/periods/${p.id}`}>{p.label}</Link>,
            },
            {
              key: 'kind',
              title: t('annual.periods.kind'),
              render: (_, p) => (
                <Tag color={p.kind === 'annual' ? 'geekblue' : 'purple'}>
                  {t(`annual.periods.kinds.${p.kind}`)}
                </Tag>
              ),
            },
            { key: 'unit', title: t('annual.periods.unit'), dataIndex: 'unitName' },
            {
              key: 'span',
              title: t('annual.periods.span'),
              render: (_, p) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`,
            },
            {
              key: 'state',
              title: t('annual.periods.state'),
              render: (_, p) => <PeriodStateTag state={p.state} />,
            },
            {
              key: 'done',
              title: t('annual.periods.done'),
              align: 'right',
              render: (_, p) => {
                const { done, of } = periodDone(p);
                return `${done}/${of} (${formatPercent(done, of)})`;
              },
            },
            {
              key: 'due',
              title: t('annual.periods.decisionDue'),
              render: (_, p) => formatDate(p.decisionDue),
            },
          ]}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p) => update('page', p === 1 ? undefined : String(p)),
          }}
        />
      </Card>
      <PeriodCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
