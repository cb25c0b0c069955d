import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type FrameworkView, useFrameworks } from '../../api/evaluationAdmin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { FrameworkCreateModal } from './FrameworkCreateModal';

const STATUSES = ['draft', 'published', 'retired'] as const;

/** Criteria frameworks: derived from a rule set or from another framework, versioned, published. */
export default function FrameworksPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [unitId, setUnitId] = useState<string>();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>();
  const [creating, setCreating] = useState(false);
  const list = useFrameworks({ page, pageSize: 20, unitId, status });
  return (
    <>
      <PageTitle
        title={t('evaluations.frameworks.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            id="create-framework"
            onClick={() => setCreating(true)}
          >
            {t('evaluations.frameworks.create')}
          </Button>
        }
      />
      <Card size="small">
        <div className="toolbar">
          <UnitTreeSelect
            allowClear
            value={unitId}
            onChange={(v) => {
              setUnitId(v);
              setPage(1);
            }}
            className="toolbar-unit"
          />
          <Select
            allowClear
            className="toolbar-select"
            placeholder={t('evaluations.frameworks.status')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={STATUSES.map((s) => ({ value: s, label: t(`evaluations.frameworks.statuses.${s}`) }))}
          />
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<FrameworkView>
          id="frameworks-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 800 }}
          columns={[
            {
              key: 'name',
              title: t('evaluations.frameworks.name'),
              render: (_, f) => <Link to={`/evaluations/frameworks/${f.id}`}>{f.name}</Link>,
            },
            {
              key: 'version',
              title: t('evaluations.frameworks.version'),
              render: (_, f) => `v${f.versionNo}`,
              width: 90,
            },
            { key: 'ruleSet', title: t('evaluations.frameworks.ruleSet'), dataIndex: 'ruleSetId' },
            { key: 'unit', title: t('evaluations.cycles.unit'), dataIndex: 'unitName' },
            {
              key: 'status',
              title: t('evaluations.frameworks.status'),
              render: (_, f) => (
                <Tag color={f.status === 'published' ? 'green' : f.status === 'draft' ? 'blue' : 'default'}>
                  {t(`evaluations.frameworks.statuses.${f.status}`)}
                </Tag>
              ),
            },
            {
              key: 'published',
              title: t('evaluations.frameworks.publishedAt'),
              render: (_, f) => formatDateTime(f.publishedAt),
            },
          ]}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: setPage,
          }}
        />
      </Card>
      <FrameworkCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
