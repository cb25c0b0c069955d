import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatPercent, type UnitType } from '@canbo/domain';
import { Button, Card, DatePicker, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useWeakOrgs, type WeakOrgView } from './api';
import { WeakOrgDesignateModal } from './WeakOrgDesignateModal';
import { WeakOrgPlanDrawer } from './WeakOrgPlanDrawer';

export const WEAK_STATUS_COLORS: Record<WeakOrgView['status'], string> = {
  planned: 'default',
  inProgress: 'processing',
  consolidated: 'success',
  notConsolidated: 'error',
};

const PAGE_SIZE = 20;

/** Weak base party organisations of a year and subtree, "Đã củng cố X/Y", each with its plan. */
export default function WeakOrgsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const unitId = params.get('unitId') ?? undefined;
  const year = Number(params.get('year')) || dayjs().year() - (dayjs().month() < 6 ? 1 : 0);
  const status = (params.get('status') as WeakOrgView['status'] | null) ?? undefined;
  const list = useWeakOrgs({ page, pageSize: PAGE_SIZE, unitId, year, status });
  const [editing, setEditing] = useState<WeakOrgView | null>(null);
  const [designating, setDesignating] = useState(false);
  const manage = can('evaluations.manage');
  const update = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k !== 'page') next.delete('page');
      return next;
    });
  const data = list.data;

  return (
    <>
      <PageTitle
        title={t('annual.weak.title')}
        extra={
          manage ? (
            <Button id="weak-designate" icon={<PlusOutlined />} onClick={() => setDesignating(true)}>
              {t('annual.weak.designate')}
            </Button>
          ) : null
        }
      />
      <Card size="small" className="mb-16">
        <div className="toolbar">
          <DatePicker
            id="weak-year"
            picker="year"
            format="YYYY"
            allowClear={false}
            value={dayjs(`${year}-01-01`)}
            onChange={(d) => update('year', d ? String(d.year()) : undefined)}
          />
          <UnitTreeSelect
            id="weak-unit"
            allowClear
            value={unitId}
            onChange={(v) => update('unitId', v)}
            className="toolbar-unit"
            placeholder={t('annual.weak.subtree')}
          />
          <Select
            id="weak-status"
            allowClear
            className="toolbar-select"
            placeholder={t('annual.weak.status')}
            value={status}
            onChange={(v) => update('status', v)}
            options={(['planned', 'inProgress', 'consolidated', 'notConsolidated'] as const).map((s) => ({
              value: s,
              label: t(`annual.weak.statuses.${s}`),
            }))}
          />
        </div>
        <div id="weak-summary">
          <Typography.Text type="secondary">{t('annual.weak.consolidated')}</Typography.Text>
          <div className="consolidated-figure" id="weak-consolidated">
            {data ? `${data.consolidated}/${data.totalWeak}` : '—'}
            {data && data.totalWeak > 0 ? (
              <Typography.Text type="secondary" className="small-note">
                {' '}
                ({formatPercent(data.consolidated, data.totalWeak)})
              </Typography.Text>
            ) : null}
          </div>
        </div>
      </Card>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Card size="small">
        <Table<WeakOrgView>
          id="weak-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={data?.items ?? []}
          scroll={{ x: 900 }}
          columns={[
            {
              key: 'unit',
              title: t('annual.weak.organisation'),
              render: (_, w) => <Link to={`/org/units/${w.unitId}`}>{w.unitName}</Link>,
            },
            {
              key: 'type',
              title: t('annual.weak.type'),
              render: (_, w) => t(`unitTypes.${w.unitType as UnitType}`),
            },
            {
              key: 'reason',
              title: t('annual.weak.reason'),
              render: (_, w) =>
                w.reason === 'graded' && w.reviewId ? (
                  <Link to={`/annual/reviews/${w.reviewId}`}>{t('annual.weak.reasons.graded')}</Link>
                ) : (
                  t(`annual.weak.reasons.${w.reason}`)
                ),
            },
            {
              key: 'status',
              title: t('annual.weak.status'),
              render: (_, w) => (
                <Tag color={WEAK_STATUS_COLORS[w.status]}>{t(`annual.weak.statuses.${w.status}`)}</Tag>
              ),
            },
            {
              key: 'measures',
              title: t('annual.weak.measures'),
              render: (_, w) => (
                <span>
                  {w.measures.filter((x) => x.doneOn).length}/{w.measures.length}
                  {w.overdue > 0 ? (
                    <Tag color="red" className="leader-tag">
                      {t('annual.weak.overdue', { count: w.overdue })}
                    </Tag>
                  ) : null}
                </span>
              ),
            },
            {
              key: 'consolidatedOn',
              title: t('annual.weak.consolidatedOn'),
              render: (_, w) => formatDate(w.consolidatedOn),
            },
            {
              key: 'edit',
              title: '',
              render: (_, w) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  className="weak-plan"
                  onClick={() => setEditing(w)}
                >
                  {manage ? t('annual.weak.plan') : t('annual.weak.view')}
                </Button>
              ),
            },
          ]}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p) => update('page', p === 1 ? undefined : String(p)),
          }}
        />
      </Card>
      <WeakOrgPlanDrawer org={editing} editable={manage} onClose={() => setEditing(null)} />
      <WeakOrgDesignateModal open={designating} year={year} onClose={() => setDesignating(false)} />
    </>
  );
}
