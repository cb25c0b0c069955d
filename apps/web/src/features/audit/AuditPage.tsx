import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Input, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditParams, useAudit, useVerifyAudit } from '../../api/admin';
import type { AuditEntry } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeSeconds } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { AuditChange } from './AuditChange';

type Filters = Pick<AuditParams, 'action' | 'entityType' | 'entityId'>;

export default function AuditPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const audit = useAudit({ ...page, ...filters });
  const verify = useVerifyAudit();

  const apply = () => {
    const clean = Object.fromEntries(
      Object.entries(draft).map(([k, v]) => [k, v?.trim() || undefined]),
    ) as Filters;
    setFilters(clean);
    setPage((p) => ({ ...p, page: 1 }));
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 72, align: 'right', fixed: 'left' },
    {
      title: t('audit.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (v: string) => formatDateTimeSeconds(v),
    },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      width: 180,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      width: 200,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('audit.entity'),
      key: 'entity',
      width: 260,
      ellipsis: true,
      render: (_: unknown, e) => (
        <span>
          {e.entityType}
          {e.entityId ? <Typography.Text type="secondary"> · {e.entityId}</Typography.Text> : null}
        </span>
      ),
    },
    { title: t('audit.ip'), dataIndex: 'ip', key: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  const check = verify.data;

  return (
    <>
      <PageTitle
        title={t('audit.title')}
        extra={
          <Button
            icon={<SafetyCertificateOutlined />}
            onClick={() => verify.mutate()}
            loading={verify.isPending}
            id="verify-audit"
          >
            {t('audit.verify')}
          </Button>
        }
      />
      {check ? (
        <Alert
          id="verify-result"
          data-ok={check.ok}
          className="mb-16"
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={check.ok ? 'success' : 'error'}
          title={
            check.ok
              ? t('audit.verifyOk', { count: check.checked })
              : t('audit.verifyBroken', { seq: check.broken?.seq ?? '?', reason: check.broken?.reason ?? '' })
          }
          description={check.ok ? undefined : t('audit.verifyChecked', { count: check.checked })}
        />
      ) : null}
      {verify.isError ? (
        <div className="mb-16">
          <ErrorAlert error={verify.error} />
        </div>
      ) : null}
      <Card size="small">
        <form
          className="toolbar"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Input
            id="audit-action"
            allowClear
            placeholder={t('audit.action')}
            value={draft.action}
            onChange={(e) => setDraft({ ...draft, action: e.target.value })}
          />
          <Input
            id="audit-entity-type"
            allowClear
            placeholder={t('audit.entityType')}
            value={draft.entityType}
            onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
          />
          <Input
            id="audit-entity-id"
            allowClear
            placeholder={t('audit.entityId')}
            value={draft.entityId}
            onChange={(e) => setDraft({ ...draft, entityId: e.target.value })}
          />
          <Button htmlType="submit" icon={<SearchOutlined />} id="audit-filter">
            {t('common.filter')}
          </Button>
        </form>
        {audit.isError ? <ErrorAlert error={audit.error} /> : null}
        <Table<AuditEntry>
          id="audit-table"
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={audit.data?.items ?? []}
          loading={audit.isFetching}
          scroll={{ x: 1020 }}
          expandable={{ expandedRowRender: (e) => <AuditChange entry={e} />, fixed: 'left' }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
          }}
        />
      </Card>
    </>
  );
}
