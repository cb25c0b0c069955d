import { DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Progress,
  Segmented,
  Space,
  Table,
  type TableProps,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTIVE_STATUSES,
  type ImportIssue,
  type ImportKind,
  type ImportRun,
  type ImportRunListItem,
  type ImportStatus,
  reportUrl,
  templateUrl,
  useImportRun,
  useImports,
  useUploadImport,
} from '../../api/imports';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';

const STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'default',
  validating: 'processing',
  applying: 'processing',
  applied: 'success',
  rejected: 'warning',
  failed: 'error',
};

/** How many problems the page lists; the report holds them all. */
const SHOWN_ERRORS = 50;

function StatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`imports.statuses.${status}`)}</Tag>;
}

/** The outcome of a finished run: counts, or the problems that stopped it. */
function RunResult({ run }: { run: ImportRun }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  if (run.status === 'applied') {
    return (
      <Alert
        id="import-result"
        type="success"
        showIcon
        title={t('imports.applied', { file: run.fileName })}
        description={t('imports.counts', {
          created: run.created,
          updated: run.updated,
          unchanged: run.unchanged,
        })}
      />
    );
  }
  if (run.status === 'failed') {
    return (
      <Alert
        id="import-result"
        type="error"
        showIcon
        title={t('imports.failed', { file: run.fileName })}
        description={(english ? run.messageEn : run.message) ?? run.message ?? undefined}
      />
    );
  }
  if (run.status !== 'rejected') return null;
  const columns: TableProps<ImportIssue>['columns'] = [
    { title: t('imports.row'), dataIndex: 'row', key: 'row', width: 70, align: 'right' },
    {
      title: t('imports.column'),
      key: 'column',
      width: 180,
      render: (_: unknown, e) => (e.cell ? `${e.column} (${e.cell})` : e.column),
    },
    { title: t('imports.value'), dataIndex: 'value', key: 'value', width: 160, ellipsis: true },
    {
      title: t('imports.message'),
      key: 'message',
      render: (_: unknown, e) => (english ? e.messageEn || e.message : e.message),
    },
  ];
  const shown = run.errors.slice(0, SHOWN_ERRORS);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        id="import-result"
        type="warning"
        showIcon
        title={t('imports.rejected', { file: run.fileName, count: run.errorCount })}
        description={t('imports.rejectedHint')}
        action={
          <Button id="import-report" icon={<DownloadOutlined />} href={reportUrl(run.id)} download>
            {t('imports.report')}
          </Button>
        }
      />
      <Typography.Text type="secondary">{t('imports.firstErrors', { count: shown.length })}</Typography.Text>
      <Table<ImportIssue>
        id="import-errors"
        size="small"
        rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
        columns={columns}
        dataSource={shown}
        pagination={false}
        scroll={{ x: 640 }}
      />
    </Space>
  );
}

export default function ImportsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('people');
  const [runId, setRunId] = useState<string | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const upload = useUploadImport();
  const run = useImportRun(runId);
  const list = useImports(page);
  const current = run.data;
  const active = current ? ACTIVE_STATUSES.includes(current.status) : false;
  const status = current?.status;

  // A run that has just finished changes the list of runs and, when applied, the data itself.
  useEffect(() => {
    if (!status || ACTIVE_STATUSES.includes(status)) return;
    void qc.invalidateQueries({ queryKey: ['imports', 'list'] });
    if (status === 'applied') {
      void qc.invalidateQueries({ queryKey: ['people'] });
      void qc.invalidateQueries({ queryKey: ['units'] });
    }
  }, [status, qc]);

  const columns: TableProps<ImportRunListItem>['columns'] = [
    {
      title: t('imports.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 100,
      render: (k: ImportKind) => t(`imports.kinds.${k}`),
    },
    { title: t('imports.file'), dataIndex: 'fileName', key: 'fileName', ellipsis: true },
    {
      title: t('imports.status'),
      dataIndex: 'status',
      key: 'status',
      width: 130,
      render: (s: ImportStatus) => <StatusTag status={s} />,
    },
    {
      title: t('imports.countsShort'),
      key: 'counts',
      width: 170,
      render: (_: unknown, r) => `${r.created} / ${r.updated} / ${r.unchanged}`,
    },
    {
      title: t('imports.errors'),
      key: 'errors',
      width: 120,
      render: (_: unknown, r) =>
        r.errorCount > 0 ? (
          <a href={reportUrl(r.id)} download className="import-report-link">
            {r.errorCount}
          </a>
        ) : (
          0
        ),
    },
    {
      title: t('imports.createdBy'),
      key: 'createdBy',
      width: 160,
      render: (_: unknown, r) => r.createdBy?.name ?? '',
    },
  ];

  return (
    <>
      <PageTitle title={t('imports.title')} />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card size="small">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('imports.kind')}</Typography.Text>
              <Segmented<ImportKind>
                id="import-kind"
                value={kind}
                onChange={(v) => setKind(v)}
                disabled={upload.isPending || active}
                options={[
                  { value: 'units', label: t('imports.kinds.units') },
                  { value: 'people', label: t('imports.kinds.people') },
                ]}
              />
              <Button id="import-template" icon={<FileExcelOutlined />} href={templateUrl(kind)} download>
                {t('imports.template')}
              </Button>
            </Space>
            <Upload.Dragger
              id="import-upload"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              multiple={false}
              maxCount={1}
              showUploadList={false}
              disabled={upload.isPending || active}
              beforeUpload={(file) => {
                if (!file.name.toLowerCase().endsWith('.xlsx')) {
                  upload.reset();
                  return Upload.LIST_IGNORE;
                }
                return true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                setRunId(null);
                upload
                  .mutateAsync({ kind, file: file as File })
                  .then((r) => {
                    setRunId(r.id);
                    onSuccess?.(r);
                  })
                  .catch((err: Error) => onError?.(err));
              }}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">
                {upload.isPending ? t('imports.uploading') : t('imports.drop')}
              </p>
              <p className="ant-upload-hint">{t('imports.dropHint')}</p>
            </Upload.Dragger>
            <ErrorAlert error={upload.error} id="import-upload-error" />
            <ErrorAlert error={run.error} />
            {current ? (
              <div id="import-status">
                <Space wrap>
                  <Typography.Text>{current.fileName}</Typography.Text>
                  <StatusTag status={current.status} />
                  {current.totalRows > 0 && active ? (
                    <Typography.Text type="secondary">
                      {t('imports.rows', { done: current.doneRows, total: current.totalRows })}
                    </Typography.Text>
                  ) : null}
                </Space>
                <div id="import-progress">
                  <Progress
                    percent={current.status === 'applied' ? 100 : current.percent}
                    status={
                      active
                        ? 'active'
                        : current.status === 'applied'
                          ? 'success'
                          : current.status === 'failed' || current.status === 'rejected'
                            ? 'exception'
                            : 'normal'
                    }
                  />
                </div>
              </div>
            ) : upload.isPending ? (
              <div id="import-progress">
                <Progress percent={0} status="active" />
              </div>
            ) : null}
            {current ? <RunResult run={current} /> : null}
          </Space>
        </Card>
        <Card
          size="small"
          title={t('imports.recent')}
          extra={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              onClick={() => void list.refetch()}
              aria-label={t('imports.refresh')}
            />
          }
        >
          <ErrorAlert error={list.error} />
          <Table<ImportRunListItem>
            id="imports-table"
            size="small"
            rowKey="id"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 900 }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => setPage({ ...page, page: p }),
            }}
          />
        </Card>
      </Space>
    </>
  );
}
