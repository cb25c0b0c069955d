import { PlusOutlined } from '@ant-design/icons';
import { WORK_ITEM_STATUSES, type WorkItemStatus } from '@canbo/domain';
import { Button, Checkbox, Form, Input, Modal, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { useCreateWorkItem, useUpdateWorkItem, useWorkItems, type WorkItem } from '../../api/reports';
import { DateInput } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ReportFilters, useDefaultUnit } from './ReportFilters';

const STATUS_COLOR: Record<WorkItemStatus, string> = {
  planned: 'default',
  inProgress: 'processing',
  done: 'success',
  cancelled: 'default',
};

/** The work programme of a year and subtree: content, scheme, responsible unit, deadline, status, overdue. */
export default function WorkItemsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [unitId, setUnitId] = useState(useDefaultUnit());
  const [year, setYear] = useState(new Date().getFullYear());
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const list = useWorkItems({ unitId, year, ...(overdueOnly ? { overdue: 'true' as const } : {}) });
  const manage = me.permissions.includes('units.manage');
  return (
    <>
      <PageTitle
        title={t('reports.workItems.title')}
        extra={
          manage && unitId ? (
            <Button
              id="work-item-create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
            >
              {t('reports.workItems.create')}
            </Button>
          ) : null
        }
      />
      <ReportFilters unitId={unitId} onUnit={setUnitId} year={year} onYear={setYear} />
      <Checkbox
        id="work-items-overdue"
        checked={overdueOnly}
        onChange={(e) => setOverdueOnly(e.target.checked)}
      >
        {t('reports.workItems.overdueOnly')}
      </Checkbox>
      <ErrorAlert error={list.error} />
      <Table
        id="work-items"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('reports.workItems.content'), dataIndex: 'content' },
          { title: t('reports.workItems.scheme'), dataIndex: 'scheme', render: (s) => s ?? '—' },
          { title: t('reports.workItems.responsible'), dataIndex: 'responsibleUnitName' },
          {
            title: t('reports.workItems.deadline'),
            dataIndex: 'deadline',
            render: (d, r) => (
              <>
                {formatDate(d)} {r.overdue ? <Tag color="error">{t('reports.workItems.overdue')}</Tag> : null}
              </>
            ),
          },
          {
            title: t('reports.workItems.status'),
            dataIndex: 'status',
            render: (s: WorkItemStatus, r) =>
              manage ? (
                <StatusSelect item={r} />
              ) : (
                <Tag color={STATUS_COLOR[s]}>{t(`reports.statuses.${s}`)}</Tag>
              ),
          },
          {
            title: t('reports.workItems.completedOn'),
            dataIndex: 'completedOn',
            render: (d) => formatDate(d),
          },
        ]}
      />
      {creating && unitId ? (
        <CreateWorkItemModal unitId={unitId} year={year} onClose={() => setCreating(false)} />
      ) : null}
    </>
  );
}

function StatusSelect({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  const update = useUpdateWorkItem(item.id);
  return (
    <Select
      size="small"
      value={item.status}
      loading={update.isPending}
      style={{ width: 150 }}
      options={WORK_ITEM_STATUSES.map((s) => ({ value: s, label: t(`reports.statuses.${s}`) }))}
      onChange={(status) =>
        update.mutate({
          version: item.version,
          status,
          completedOn: status === 'done' ? dayjs().format('YYYY-MM-DD') : null,
        })
      }
    />
  );
}

function CreateWorkItemModal({
  unitId,
  year,
  onClose,
}: {
  unitId: string;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateWorkItem();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={t('reports.workItems.create')}
      onCancel={onClose}
      okButtonProps={{ id: 'work-item-save', loading: create.isPending }}
      onOk={async () => {
        const v = await form.validateFields();
        await create.mutateAsync({
          unitId,
          year,
          content: v.content,
          scheme: v.scheme || null,
          responsibleUnitId: v.responsibleUnitId,
          deadline: (v.deadline as Dayjs).format('YYYY-MM-DD'),
        });
        onClose();
      }}
    >
      <ErrorAlert error={create.error} />
      <Form form={form} layout="vertical" initialValues={{ responsibleUnitId: unitId }}>
        <Form.Item name="content" label={t('reports.workItems.content')} rules={[{ required: true }]}>
          <Input.TextArea id="work-item-content" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="scheme" label={t('reports.workItems.scheme')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="responsibleUnitId"
          label={t('reports.workItems.responsible')}
          rules={[{ required: true }]}
        >
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="deadline" label={t('reports.workItems.deadline')} rules={[{ required: true }]}>
          <DateInput id="work-item-deadline" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
