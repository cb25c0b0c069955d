import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Finding, useCreateFinding, useFindings } from '../../api/evaluationAdmin';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

const KINDS = ['degradation', 'corruptionInManagedUnit'] as const;

interface Values {
  kind: (typeof KINDS)[number];
  decisionNumber?: string;
  decisionDate?: Dayjs;
  issuer?: string;
  note?: string;
}

const opt = (v?: string) => (v?.trim() ? v.trim() : undefined);

/** Recorded conclusions that disqualify under Decree 335 (degradation; corruption in a managed unit). */
export function FindingsCard({ personId, canAdd }: { personId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const findings = useFindings(personId);
  const create = useCreateFinding(personId);
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: Values) => {
    setError(null);
    try {
      await create.mutateAsync({
        kind: v.kind,
        decisionDate: toIsoDate(v.decisionDate) as string,
        decisionNumber: opt(v.decisionNumber),
        issuer: opt(v.issuer),
        note: opt(v.note),
      });
      message.success(t('common.saved'));
      form.resetFields();
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Card
      size="small"
      title={t('evaluations.findings.title')}
      extra={
        canAdd ? (
          <Button size="small" icon={<PlusOutlined />} id="add-finding" onClick={() => setOpen(true)}>
            {t('evaluations.findings.add')}
          </Button>
        ) : null
      }
    >
      {findings.isError ? <ErrorAlert error={findings.error} /> : null}
      <Table<Finding>
        id="findings"
        rowKey="id"
        size="small"
        pagination={false}
        loading={findings.isFetching}
        dataSource={findings.data ?? []}
        scroll={{ x: 600 }}
        columns={[
          {
            key: 'kind',
            title: t('evaluations.findings.kind'),
            render: (_, f) => t(`evaluations.findings.kinds.${f.kind}`),
          },
          { key: 'number', title: t('evaluations.findings.decisionNumber'), dataIndex: 'decisionNumber' },
          {
            key: 'date',
            title: t('evaluations.findings.decisionDate'),
            render: (_, f) => formatDate(f.decisionDate),
          },
          { key: 'issuer', title: t('evaluations.findings.issuer'), dataIndex: 'issuer' },
          { key: 'note', title: t('evaluations.findings.note'), dataIndex: 'note' },
        ]}
      />
      <Modal
        open={open}
        title={t('evaluations.findings.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ loading: create.isPending, id: 'finding-save' }}
        destroyOnHidden
      >
        {error ? <ErrorAlert error={error} /> : null}
        <Form
          form={form}
          layout="vertical"
          name="finding"
          onFinish={submit}
          initialValues={{ kind: 'degradation' }}
        >
          <Form.Item name="kind" label={t('evaluations.findings.kind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`evaluations.findings.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="decisionNumber" label={t('evaluations.findings.decisionNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={t('evaluations.findings.decisionDate')}
            rules={[{ required: true }]}
          >
            <DateInput notFuture className="full-width" />
          </Form.Item>
          <Form.Item name="issuer" label={t('evaluations.findings.issuer')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="note" label={t('evaluations.findings.note')}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
