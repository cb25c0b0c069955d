import type { UnitView } from '@canbo/domain';
import { Table, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnits } from '../../api/units';
import { asOfSuffix } from '../../components/AsOfPicker';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { UnitStatusTag, UnitTypeTag } from './UnitTypeTag';

/** The sub-units of a unit, today or as of a date. */
export function UnitChildrenTable({ unitId, asOf }: { unitId: string; asOf?: string }) {
  const { t } = useTranslation();
  const list = useUnits({ parentId: unitId, asOf });
  const columns: TableProps<UnitView>['columns'] = [
    {
      title: t('unit.name'),
      dataIndex: 'name',
      key: 'name',
      width: 260,
      render: (name: string, u) => <Link to={`/org/units/${u.id}${asOfSuffix(asOf)}`}>{name}</Link>,
    },
    { title: t('unit.code'), dataIndex: 'code', key: 'code', width: 140 },
    {
      title: t('unit.type'),
      dataIndex: 'type',
      key: 'type',
      width: 200,
      render: (type: UnitView['type']) => <UnitTypeTag type={type} />,
    },
    {
      title: t('unit.status'),
      dataIndex: 'status',
      key: 'status',
      width: 140,
      render: (status: UnitView['status']) => <UnitStatusTag status={status} />,
    },
    {
      title: t('unit.validFrom'),
      dataIndex: 'validFrom',
      key: 'validFrom',
      width: 120,
      render: (d: string) => formatDate(d),
    },
  ];
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Table<UnitView>
      id="unit-children"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={list.data ?? []}
      loading={list.isFetching}
      scroll={{ x: 860 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { count: n }) }}
      locale={{ emptyText: t('unit.noChildren') }}
    />
  );
}
