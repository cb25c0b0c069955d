import type { PersonListItem } from '@canbo/domain';
import { Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { usePersonColumns } from '../people/personColumns';

/**
 * People of the unit and its sub-units (records kept there or posts held there), on the date:
 * GET /api/people?unitId=…&asOf=…, paged on the server.
 */
export function UnitPeopleTable({ unitId, asOf }: { unitId: string; asOf?: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = usePeople({ unitId, asOf, page, pageSize });
  const c = usePersonColumns();
  if (list.isError) return <ErrorAlert error={list.error} />;
  return (
    <Table<PersonListItem>
      id="unit-people"
      rowKey="id"
      size="small"
      columns={[c.fullName, c.code, c.birthDate, c.positions, c.unitName, c.staffCategory]}
      dataSource={list.data?.items ?? []}
      loading={list.isFetching}
      scroll={{ x: 1120 }}
      locale={{ emptyText: t('unit.noPeople') }}
      pagination={{
        current: page,
        pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('common.total', { count: n }),
        onChange: (p, size) => {
          setPage(size !== pageSize ? 1 : p);
          setPageSize(size);
        },
      }}
    />
  );
}
