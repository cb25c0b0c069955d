import { PlusOutlined } from '@ant-design/icons';
import { TARGET_KINDS, TARGET_MEASURES } from '@canbo/domain';
import { Button, Form, Input, InputNumber, Modal, Progress, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { type Target, useAddProgress, useCreateTarget, useTargets } from '../../api/reports';
import { DateInput } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { PersonSelect } from '../users/PersonSelect';
import { ReportFilters, useDefaultUnit } from './ReportFilters';

/** "Chỉ tiêu": targets of a year and subtree with "29/70 (41,43%)" progress; officers record progress. */
export default function TargetsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [unitId, setUnitId] = useState(useDefaultUnit());
  const [year, setYear] = useState(new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [progressOf, setProgressOf] = useState<Target | null>(null);
  const list = useTargets({ unitId, year });
  const manage = me.permissions.includes('units.manage');
  return (
    <>
      <PageTitle
        title={t('reports.targets.title')}
        extra={
          manage && unitId ? (
            <Button
              id="target-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('reports.targets.create')}
            </Button>
          ) : null
        }
      />
      <ReportFilters unitId={unitId} onUnit={setUnitId} year={year} onYear={setYear} />
      <ErrorAlert error={list.error} />
      <Table
        id="targets"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        expandable={{
          rowExpandable: (r) => r.entries.length > 0,
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.entries}
              columns={[
                { title: t('reports.progress.date'), dataIndex: 'entryDate', render: (d) => formatDate(d) },
                { title: t('reports.progress.amount'), dataIndex: 'amount', align: 'right' },
                {
                  title: t('reports.progress.link'),
                  key: 'link',
                  render: (_, e) => e.linkedUnit?.name ?? e.linkedPerson?.fullName ?? '—',
                },
                { title: t('reports.progress.note'), dataIndex: 'note' },
              ]}
            />
          ),
        }}
        columns={[
          { title: t('reports.targets.code'), dataIndex: 'code', width: 110 },
          {
            title: t('reports.targets.titleColumn'),
            dataIndex: 'title',
            render: (title, r) => (
              <>
                {title} <Tag>{t(`reports.kinds.${r.kind}`)}</Tag>
                <div className="muted">{r.unitName}</div>
              </>
            ),
          },
          {
            title: t('reports.targets.progress'),
            key: 'progress',
            width: 320,
            render: (_, r) => (
              <>
                <Progress percent={Math.min(r.percent ?? 0, 100)} showInfo={false} />
                <span className="target-display">
                  {r.display} {t(`reports.measures.${r.measure}`)}
                </span>
              </>
            ),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  width: 140,
                  render: (_: unknown, r: Target) => (
                    <Button size="small" onClick={() => setProgressOf(r)}>
                      {t('reports.progress.add')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {creating && unitId ? (
        <CreateTargetModal unitId={unitId} year={year} onClose={() => setCreating(false)} />
      ) : null}
      {progressOf ? <ProgressModal target={progressOf} onClose={() => setProgressOf(null)} /> : null}
    </>
  );
}

function CreateTargetModal({ unitId, year, onClose }: { unitId: string; year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateTarget();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t('reports.targets.create')}
      onCancel={onClose}
      okButtonProps={{ id: 'target-save', loading: create.isPending }}
      onOk={async () => {
        const v = await form.validateFields();
        await create.mutateAsync({ unitId, year, ...v });
        onClose();
      }}
    >
      <ErrorAlert error={create.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'foundOrganisations', measure: 'organisations' }}
      >
        <Form.Item name="code" label={t('reports.targets.code')} rules={[{ required: true }]}>
          <Input id="target-code" maxLength={40} />
        </Form.Item>
        <Form.Item name="title" label={t('reports.targets.titleColumn')} rules={[{ required: true }]}>
          <Input.TextArea id="target-title" rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="kind" label={t('reports.targets.kind')}>
          <Select options={TARGET_KINDS.map((k) => ({ value: k, label: t(`reports.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="measure" label={t('reports.targets.measure')}>
          <Select options={TARGET_MEASURES.map((m) => ({ value: m, label: t(`reports.measures.${m}`) }))} />
        </Form.Item>
        <Form.Item name="target" label={t('reports.targets.target')} rules={[{ required: true }]}>
          <InputNumber id="target-number" min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ProgressModal({ target, onClose }: { target: Target; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddProgress(target.id);
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={`${t('reports.progress.add')}: ${target.title}`}
      onCancel={onClose}
      okButtonProps={{ id: 'progress-save', loading: add.isPending }}
      onOk={async () => {
        const v = await form.validateFields();
        await add.mutateAsync({
          version: target.version,
          entryDate: (v.entryDate as Dayjs).format('YYYY-MM-DD'),
          amount: v.amount,
          note: v.note || null,
          linkedUnitId: v.linkedUnitId ?? null,
          linkedPersonId: v.linkedPersonId ?? null,
        });
        onClose();
      }}
    >
      <ErrorAlert error={add.error} />
      <Form form={form} layout="vertical" initialValues={{ amount: 1 }}>
        <Form.Item name="entryDate" label={t('reports.progress.date')} rules={[{ required: true }]}>
          <DateInput id="progress-date" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={t('reports.progress.amount')} rules={[{ required: true }]}>
          <InputNumber id="progress-amount" style={{ width: '100%' }} />
        </Form.Item>
        {target.kind === 'foundOrganisations' ? (
          <Form.Item name="linkedUnitId" label={t('reports.progress.linkUnit')}>
            <UnitTreeSelect allowClear />
          </Form.Item>
        ) : null}
        {target.kind === 'admitMembers' ? (
          <Form.Item name="linkedPersonId" label={t('reports.progress.linkPerson')}>
            <PersonSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="note" label={t('reports.progress.note')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
