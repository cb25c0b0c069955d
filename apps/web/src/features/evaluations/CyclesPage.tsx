import { PlusOutlined } from '@ant-design/icons';
import { formatPercent } from '@canbo/domain';
import { Button, Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type CycleView, useCycles } from '../../api/evaluationAdmin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { OpenCycleDrawer } from './OpenCycleDrawer';

const DONE_STATES = ['decided', 'published', 'complained', 'final'] as const;

/** Evaluation cycles in scope: open a new one, follow completion. */
export default function CyclesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unitId = params.get('unitId') ?? undefined;
  const status = (params.get('status') as 'open' | 'closed' | null) ?? undefined;
  const list = useCycles({ page, pageSize: 20, unitId, status });
  const update = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'page') next.delete('page');
      return next;
    });

  return (
    <>
      <PageTitle
        title={t('evaluations.cycles.title')}
        extra={
          can('evaluations.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} id="open-cycle" onClick={() => setOpening(true)}>
              {t('evaluations.cycles.open')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <div className="toolbar">
          <UnitTreeSelect
            id="cycles-unit"
            allowClear
            value={unitId}
            onChange={(v) => update('unitId', v)}
            className="toolbar-unit"
            placeholder={t('evaluations.cycles.unit')}
          />
          <Select
            id="cycles-status"
            allowClear
            className="toolbar-select"
            placeholder={t('evaluations.cycles.status')}
            value={status}
            onChange={(v) => update('status', v)}
            options={[
              { value: 'open', label: t('evaluations.cycles.statuses.open') },
              { value: 'closed', label: t('evaluations.cycles.statuses.closed') },
            ]}
          />
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<CycleView>
          id="cycles-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            {
              key: 'label',
              title: t('evaluations.cycles.period'),
              render: (_, c) => <Link to={`/evaluations/cycles/${c.id}`}>{c.label}</Link>,
            },
            { key: 'unit', title: t('evaluations.cycles.unit'), dataIndex: 'unitName' },
            {
              key: 'framework',
              title: t('evaluations.cycles.framework'),
              render: (_, c) => `${c.frameworkName} (v${c.frameworkVersionNo})`,
            },
            {
              key: 'status',
              title: t('evaluations.cycles.status'),
              render: (_, c) => (
                <Tag color={c.status === 'open' ? 'green' : 'default'}>
                  {t(`evaluations.cycles.statuses.${c.status}`)}
                </Tag>
              ),
            },
            {
              key: 'completion',
              title: t('evaluations.cycles.completion'),
              align: 'right',
              render: (_, c) => {
                const done = DONE_STATES.reduce((n, s) => n + (c.counts[s] ?? 0), 0);
                return `${done}/${c.enrolled} (${formatPercent(done, c.enrolled)})`;
              },
            },
            {
              key: 'due',
              title: t('evaluations.cycles.decisionDue'),
              render: (_, c) => formatDate(c.deadlines.decisionDue),
            },
          ]}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p) => update('page', p === 1 ? undefined : String(p)),
          }}
        />
      </Card>
      <OpenCycleDrawer open={opening} onClose={() => setOpening(false)} />
    </>
  );
}
