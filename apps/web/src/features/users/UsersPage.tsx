import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { GrantView, Role, UserView } from '@canbo/domain';
import { Button, Card, Input, Space, Table, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useUsers } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { RoleTag } from '../../components/RoleTag';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../components/useDebounced';
import { CreateUserDrawer } from './CreateUserDrawer';
import { UserStatusTags } from './UserStatusTags';

/** List rows may carry the user's roles; the contract does not promise them, so both are optional. */
type UserRow = UserView & { grants?: GrantView[]; roles?: Role[] };

const PAGE_SIZES = [10, 20, 50, 100];

function rowRoles(row: UserRow): { role: Role; unitName?: string }[] {
  if (row.grants) return row.grants.map((g) => ({ role: g.role, unitName: g.unitName }));
  return (row.roles ?? []).map((role) => ({ role }));
}

export default function UsersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pageSize = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const unitId = params.get('unit') ?? undefined;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const q = useDebounced(search.trim(), 350);
  const [creating, setCreating] = useState(false);

  const update = (changes: Record<string, string | number | undefined>) => {
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
  };

  // A new search starts from the first page; only the settled text matters.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the debounced search text settles
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q: q || undefined, page: 1 });
  }, [q]);

  const list = useUsers({ page, pageSize, q: q || undefined, unitId });

  const columns: TableProps<UserRow>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      key: 'username',
      fixed: 'left',
      width: 140,
      render: (username: string, row) => <Link to={`/admin/users/${row.id}`}>{username}</Link>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName', key: 'displayName', width: 180 },
    { title: t('users.unit'), dataIndex: 'unitName', key: 'unitName', width: 190, ellipsis: true },
    {
      title: t('users.roles'),
      key: 'roles',
      width: 200,
      render: (_: unknown, row) => {
        const roles = rowRoles(row);
        return roles.length ? (
          <Space size={[0, 4]} wrap>
            {roles.map((r) => (
              <RoleTag key={`${r.role}:${r.unitName ?? ''}`} role={r.role} />
            ))}
          </Space>
        ) : (
          '—'
        );
      },
    },
    {
      title: t('users.statusTitle'),
      key: 'status',
      width: 170,
      render: (_: unknown, row) => <UserStatusTags user={row} />,
    },
    {
      title: t('users.lastSignIn'),
      dataIndex: 'lastSignInAt',
      key: 'lastSignInAt',
      width: 170,
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.never')),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('users.title')}
        extra={
          can('users.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} id="create-user">
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Input
            id="user-search"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            className="toolbar-search"
            aria-label={t('common.search')}
          />
          <UnitTreeSelect
            id="user-unit-filter"
            allowClear
            value={unitId}
            onChange={(v) => update({ unit: v, page: 1 })}
            placeholder={t('users.unitFilter')}
            className="toolbar-unit"
          />
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<UserRow>
          id="users-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 1020 }}
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
      <CreateUserDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
