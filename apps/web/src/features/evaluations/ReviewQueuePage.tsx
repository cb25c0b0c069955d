import { CheckOutlined, SearchOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCycles } from '../../api/evaluationAdmin';
import {
  type BulkOutcome,
  type EvaluationSummary,
  useBulkReview,
  useEvaluations,
} from '../../api/evaluations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../components/useDebounced';
import { BulkResultModal } from './BulkResultModal';
import { type EvaluationState, stateText } from './domain';
import { StateTag, TotalCell } from './ui';

const PAGE_SIZES = [20, 50, 100, 200];
export const STATES: EvaluationState[] = [
  'draft',
  'returned',
  'selfAssessed',
  'inReview',
  'reviewed',
  'decided',
  'published',
  'complained',
  'final',
  'notEvaluated',
];
type Sort = 'name' | 'unit' | 'total' | 'state';

/** The reviewer's queue: what waits on the caller, filters, and bulk approval of unchanged items. */
export default function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const waiting = params.get('waiting') !== 'false';
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 350);
  const [selected, setSelected] = useState<EvaluationSummary[]>([]);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  // Names as they were when sent: approved rows leave the queue on refetch.
  const [sent, setSent] = useState<EvaluationSummary[]>([]);
  const bulk = useBulkReview();
  const cycles = useCycles({ page: 1, pageSize: 50, status: 'open' });

  const update = (changes: Record<string, string | number | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === undefined || v === '' || (k === 'page' && v === 1)) next.delete(k);
          else next.set(k, String(v));
        }
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the debounced search text settles
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: 1 });
  }, [q]);

  const sort = (get('sort') as Sort | undefined) ?? 'name';
  const list = useEvaluations({
    page,
    pageSize,
    q: get('q'),
    cycleId: get('cycleId'),
    unitId: get('unitId'),
    state: get('state') as EvaluationState | undefined,
    late: params.get('late') === 'true' ? true : undefined,
    waiting: waiting ? true : undefined,
    sort,
  });

  const approve = async () => {
    try {
      setSent(selected);
      const r = await bulk.mutateAsync({ items: selected.map((e) => ({ id: e.id, version: e.version })) });
      setOutcome(r);
      setSelected([]);
    } catch (err) {
      message.error(String((err as Error).message));
    }
  };

  const sortOrder = (key: Sort) => (sort === key ? ('ascend' as const) : null);

  return (
    <>
      <PageTitle
        title={t('evaluations.queue.title')}
        extra={
          <Tooltip title={t('evaluations.queue.bulkHint')}>
            <Button
              type="primary"
              id="bulk-approve"
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              loading={bulk.isPending}
              onClick={approve}
            >
              {t('evaluations.queue.bulk', { count: selected.length })}
            </Button>
          </Tooltip>
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Input
            id="queue-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('evaluations.queue.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="toolbar-search"
            aria-label={t('common.search')}
          />
          <Select
            id="queue-cycle"
            allowClear
            className="toolbar-select"
            placeholder={t('evaluations.queue.cycle')}
            value={get('cycleId')}
            onChange={(v) => update({ cycleId: v, page: 1 })}
            options={(cycles.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${c.label} · ${c.unitName}`,
            }))}
            popupMatchSelectWidth={false}
          />
          <UnitTreeSelect
            id="queue-unit"
            allowClear
            value={get('unitId')}
            onChange={(v) => update({ unitId: v, page: 1 })}
            placeholder={t('evaluations.queue.unit')}
            className="toolbar-unit"
          />
          <Select
            id="queue-state"
            allowClear
            className="toolbar-select"
            placeholder={t('evaluations.queue.state')}
            value={get('state')}
            onChange={(v) => update({ state: v, page: 1 })}
            options={STATES.map((s) => ({ value: s, label: stateText(s, i18n.language) }))}
          />
          <Space wrap>
            <Checkbox
              id="queue-waiting"
              checked={waiting}
              onChange={(e) => update({ waiting: e.target.checked ? undefined : 'false', page: 1 })}
            >
              {t('evaluations.queue.waiting')}
            </Checkbox>
            <Checkbox
              id="queue-late"
              checked={params.get('late') === 'true'}
              onChange={(e) => update({ late: e.target.checked ? 'true' : undefined, page: 1 })}
            >
              {t('evaluations.queue.lateOnly')}
            </Checkbox>
          </Space>
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<EvaluationSummary>
          id="queue-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1100 }}
          rowSelection={{
            selectedRowKeys: selected.map((e) => e.id),
            onChange: (_keys, rows) => setSelected(rows),
            getCheckboxProps: (r) => ({
              disabled: !r.unchanged || !(r.state === 'selfAssessed' || r.state === 'inReview'),
            }),
            preserveSelectedRowKeys: true,
          }}
          onChange={(_p, _f, sorter, extra) => {
            if (extra.action !== 'sort') return;
            const s = sorter as SorterResult<EvaluationSummary>;
            const key = (s.order ? s.columnKey : 'name') as Sort;
            update({ sort: key === 'name' ? undefined : key, page: 1 });
          }}
          columns={[
            {
              key: 'name',
              title: t('evaluations.columns.person'),
              sorter: true,
              sortOrder: sortOrder('name'),
              fixed: 'left',
              width: 220,
              render: (_, e) => (
                <Link to={`/evaluations/${e.id}`}>
                  {e.personName}
                  {e.isLeader ? <Tag className="ml-4">{t('evaluations.leader')}</Tag> : null}
                </Link>
              ),
            },
            {
              key: 'unit',
              title: t('evaluations.columns.unit'),
              dataIndex: 'unitName',
              sorter: true,
              sortOrder: sortOrder('unit'),
              width: 200,
            },
            {
              key: 'position',
              title: t('evaluations.columns.position'),
              dataIndex: 'positionTitle',
              width: 160,
            },
            { key: 'cycle', title: t('evaluations.columns.cycle'), dataIndex: 'cycleLabel', width: 120 },
            {
              key: 'state',
              title: t('evaluations.columns.state'),
              sorter: true,
              sortOrder: sortOrder('state'),
              width: 190,
              render: (_, e) => <StateTag state={e.state} late={e.late} />,
            },
            {
              key: 'self',
              title: t('evaluations.columns.self'),
              width: 190,
              render: (_, e) => <TotalCell total={e.selfTotal} grade={e.selfGrade} ruleSetId={e.ruleSetId} />,
            },
            {
              key: 'total',
              title: t('evaluations.columns.proposed'),
              sorter: true,
              sortOrder: sortOrder('total'),
              width: 190,
              render: (_, e) => (
                <>
                  <TotalCell total={e.total} grade={e.grade} ruleSetId={e.ruleSetId} />
                  {e.unchanged ? null : <Tag color="orange">{t('evaluations.queue.changed')}</Tag>}
                </>
              ),
            },
            {
              key: 'due',
              title: t('evaluations.columns.due'),
              width: 110,
              render: (_, e) => formatDate(e.dueDate),
            },
          ]}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, size) =>
              update({ page: size !== pageSize ? 1 : p, size: size === 20 ? undefined : size }),
          }}
        />
      </Card>
      <BulkResultModal outcome={outcome} items={sent} onClose={() => setOutcome(null)} />
    </>
  );
}
