import type { PersonListItem } from '@canbo/domain';
import { Space, type TableColumnType, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonSort } from '../../api/people';
import { formatDate } from '../../components/format';
import { CccdValue, Masked, PartyStatusTag } from './Masked';

export const PERSON_COLUMNS = [
  'fullName',
  'code',
  'sex',
  'birthDate',
  'age',
  'positions',
  'unitName',
  'staffCategory',
  'ethnicity',
  'cccd',
  'party',
  'status',
] as const;
export type PersonColumn = (typeof PERSON_COLUMNS)[number];

/** Shown unless the user chooses otherwise. */
export const DEFAULT_COLUMNS: PersonColumn[] = [
  'fullName',
  'code',
  'birthDate',
  'sex',
  'positions',
  'unitName',
  'staffCategory',
];

/** The column a list is sorted by on the server, for the header arrows. */
export interface SortState {
  sort: PersonSort;
  order: 'asc' | 'desc';
}

const SORT_OF: Partial<Record<PersonColumn, PersonSort>> = {
  fullName: 'name',
  birthDate: 'birthDate',
  code: 'code',
};

export function columnSort(column: PersonColumn): PersonSort | undefined {
  return SORT_OF[column];
}

function PositionsCell({ person }: { person: PersonListItem }) {
  const { t } = useTranslation();
  if (person.positions.length === 0) return <span className="muted">—</span>;
  return (
    <div className="positions-cell">
      {person.positions.map((p) => (
        <div key={p.id}>
          <span>{p.title}</span>
          <Typography.Text type="secondary"> · {p.unitName}</Typography.Text>
          {p.isConcurrent ? (
            <Tag color="purple" className="inline-tag">
              {t('position.isConcurrent')}
            </Tag>
          ) : null}
        </div>
      ))}
    </div>
  );
}

/** Column definitions of a people table, by key; `sort` puts the arrows on the sorted column. */
export function usePersonColumns(sort?: SortState): Record<PersonColumn, TableColumnType<PersonListItem>> {
  const { t } = useTranslation();
  const sorted = (column: PersonColumn): Partial<TableColumnType<PersonListItem>> => {
    const key = SORT_OF[column];
    if (!key || !sort) return {};
    const order: SortOrder = sort.sort === key ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
    return { sorter: true, sortOrder: order, sortDirections: ['ascend', 'descend', 'ascend'] };
  };
  return {
    code: { title: t('person.fields.code'), dataIndex: 'code', key: 'code', width: 140, ...sorted('code') },
    fullName: {
      title: t('person.fields.fullName'),
      dataIndex: 'fullName',
      key: 'fullName',
      width: 200,
      fixed: 'left',
      ...sorted('fullName'),
      render: (name: string, p) => (
        <Link to={`/people/${p.id}`} className="person-link">
          {name}
        </Link>
      ),
    },
    sex: {
      title: t('person.fields.sex'),
      dataIndex: 'sex',
      key: 'sex',
      width: 80,
      render: (sex: PersonListItem['sex']) => t(`sexes.${sex}`),
    },
    birthDate: {
      title: t('person.fields.birthDate'),
      dataIndex: 'birthDate',
      key: 'birthDate',
      width: 120,
      ...sorted('birthDate'),
      render: (d: string) => formatDate(d),
    },
    age: { title: t('person.fields.age'), dataIndex: 'age', key: 'age', width: 70, align: 'right' },
    positions: {
      title: t('people.columns.positions'),
      key: 'positions',
      width: 300,
      render: (_: unknown, p) => <PositionsCell person={p} />,
    },
    unitName: {
      title: t('people.columns.unitName'),
      dataIndex: 'unitName',
      key: 'unitName',
      width: 220,
      ellipsis: true,
    },
    staffCategory: {
      title: t('person.fields.staffCategory'),
      dataIndex: 'staffCategory',
      key: 'staffCategory',
      width: 160,
      render: (c: PersonListItem['staffCategory']) => t(`staffCategories.${c}`),
    },
    ethnicity: {
      title: t('person.fields.ethnicity'),
      dataIndex: 'ethnicity',
      key: 'ethnicity',
      width: 100,
    },
    cccd: {
      title: t('person.fields.cccd'),
      dataIndex: 'cccd',
      key: 'cccd',
      width: 150,
      render: (_: unknown, p) => <CccdValue cccd={p.cccd} masked={p.cccdMasked} />,
    },
    party: {
      title: t('people.columns.party'),
      key: 'party',
      width: 160,
      render: (_: unknown, p) =>
        p.partyMasked || !p.party ? <Masked /> : <PartyStatusTag status={p.party.status} />,
    },
    status: {
      title: t('person.fields.status'),
      dataIndex: 'status',
      key: 'status',
      width: 130,
      render: (s: PersonListItem['status']) => (
        <Space size={4}>
          <Tag color={s === 'active' ? 'green' : 'default'}>{t(`personStatuses.${s}`)}</Tag>
        </Space>
      ),
    },
  };
}
