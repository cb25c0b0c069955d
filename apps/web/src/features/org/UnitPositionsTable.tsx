import type { UnitPositionView } from '@canbo/domain';
import { Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnitPositions } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

/** Posts held in the unit itself on the date (GET /api/units/:id/positions), in name order. */
export function UnitPositionsTable({ unitId, asOf }: { unitId: string; asOf?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useUnitPositions(unitId, { page, pageSize, asOf });
  const columns: TableProps<UnitPositionView>['columns'] = [
    {
      title: t('person.fields.fullName'),
      dataIndex: 'fullName',
      key: 'fullName',
      width: 200,
      fixed: 'left',
      render: (name: string, p) => <Link to={`/people/${p.personId}`}>{name}</Link>,
    },
    { title: t('person.fields.code'), dataIndex: 'personCode', key: 'code', width: 120 },
    {
      title: t('position.title'),
      dataIndex: 'title',
      key: 'title',
      width: 260,
      render: (title: string, p) => (
        <Space size={[4, 4]} wrap>
          <span>{title}</span>
          {p.isLeader ? <Tag color="blue">{t('position.isLeader')}</Tag> : null}
          {p.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('position.startDate'),
      dataIndex: 'startDate',
      key: 'startDate',
      width: 120,
      render: (d: string) => formatDate(d),
    },
    {
      title: t('position.endDate'),
      dataIndex: 'endDate',
      key: 'endDate',
      width: 120,
      render: (d: string | null) => formatDate(d),
    },
  ];
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Table<UnitPositionView>
      id="unit-positions"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      scroll={{ x: 820 }}
      locale={{ emptyText: t('unit.noPositions') }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        hideOnSinglePage: (list.data?.total ?? 0) <= 20,
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, size) => {
          setPage(size !== pageSize ? 1 : p);
          setPageSize(size);
        },
      }}
    />
  );
}
