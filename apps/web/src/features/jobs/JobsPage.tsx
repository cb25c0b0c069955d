import { RedoOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useJobs, useRetryJob } from '../../api/admin';
import type { Job, JobStatus } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { useErrorText } from '../../components/useErrorText';

const STATES: JobStatus[] = ['queued', 'running', 'done', 'failed'];
const STATE_COLORS: Record<JobStatus, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

export default function JobsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const can = useCan();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [state, setState] = useState<JobStatus | undefined>(undefined);
  const jobs = useJobs({ ...page, state });
  const retry = useRetryJob();

  const doRetry = (id: string) =>
    retry
      .mutateAsync(id)
      .then(() => message.success(t('jobs.retried')))
      .catch((err: unknown) => message.error(text.message(err)));

  const canRetry = can('jobs.manage');

  const columns: TableProps<Job>['columns'] = [
    {
      title: t('jobs.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 150,
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      title: t('jobs.state'),
      dataIndex: 'state',
      key: 'state',
      width: 150,
      // A failed job offers its retry right beside its state, where the eye already is.
      render: (s: JobStatus, j) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLORS[s]}>{t(`jobs.states.${s}`)}</Tag>
          {s === 'failed' && canRetry ? (
            <Button
              size="small"
              type="link"
              icon={<RedoOutlined />}
              onClick={() => doRetry(j.id)}
              className="retry-job"
              data-job-id={j.id}
            >
              {t('jobs.retry')}
            </Button>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('jobs.attempts'),
      key: 'attempts',
      width: 80,
      align: 'right',
      render: (_: unknown, j) => `${j.attempts}/${j.maxAttempts}`,
    },
    { title: t('jobs.runAt'), dataIndex: 'runAt', key: 'runAt', width: 130, render: formatDateTime },
    {
      title: t('jobs.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 130,
      render: formatDateTime,
    },
    {
      title: t('jobs.finishedAt'),
      dataIndex: 'finishedAt',
      key: 'finishedAt',
      width: 130,
      render: formatDateTime,
    },
    {
      title: t('jobs.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      render: (v: string | null) =>
        v ? (
          <Typography.Paragraph type="danger" className="job-error" ellipsis={{ rows: 2, tooltip: v }}>
            {v}
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('jobs.title')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => jobs.refetch()} id="jobs-refresh">
            {t('common.refresh')}
          </Button>
        }
      />
      <Card size="small">
        <div className="toolbar">
          <Select<JobStatus | 'all'>
            id="job-state"
            value={state ?? 'all'}
            className="toolbar-select"
            onChange={(v) => {
              setState(v === 'all' ? undefined : v);
              setPage((p) => ({ ...p, page: 1 }));
            }}
            options={[
              { value: 'all', label: t('jobs.allStates') },
              ...STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) })),
            ]}
            aria-label={t('jobs.state')}
          />
        </div>
        {jobs.isError ? <ErrorAlert error={jobs.error} /> : null}
        <Table<Job>
          id="jobs-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={jobs.data?.items ?? []}
          loading={jobs.isFetching}
          rowClassName={(j) => (j.state === 'failed' ? 'row-failed' : '')}
          scroll={{ x: 1120 }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: jobs.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (p, size) => setPage({ page: size !== page.pageSize ? 1 : p, pageSize: size }),
          }}
        />
      </Card>
    </>
  );
}
