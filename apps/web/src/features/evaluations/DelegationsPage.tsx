import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Delegation,
  useDelegationCandidates,
  useDelegationMutations,
  useDelegations,
} from '../../api/evaluationAdmin';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { useDebounced } from '../../components/useDebounced';

interface Values {
  toUserId?: string;
  validFrom?: Dayjs;
  validTo?: Dayjs;
  reason?: string;
}

/** The deputy: someone in the caller's review or decision scopes (not the whole user list, which needs users.read). */
function DeputyPicker({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const candidates = useDelegationCandidates(q);
  return (
    <Select
      id="delegate-user"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={candidates.isFetching}
      placeholder={t('evaluations.delegations.pickUser')}
      options={(candidates.data?.items ?? []).map((u) => ({
        value: u.id,
        label: `${u.displayName} · ${u.unitName}`,
      }))}
      notFoundContent={
        candidates.isError
          ? t('evaluations.delegations.cannotSearch')
          : candidates.isFetching
            ? undefined
            : t('evaluations.delegations.noCandidates')
      }
    />
  );
}

/** "Ủy quyền": a reviewer hands review and decision work to a named deputy for a date range. */
export default function DelegationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useDelegations();
  const m = useDelegationMutations();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await m.create.mutateAsync({
        toUserId: v.toUserId as string,
        validFrom: toIsoDate(v.validFrom) as string,
        validTo: toIsoDate(v.validTo) as string,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      message.success(t('common.saved'));
      form.resetFields();
      setOpen(false);
    } catch (err) {
      setError(err);
    }
  };

  const columns = (given: boolean) => [
    {
      key: 'who',
      title: given ? t('evaluations.delegations.to') : t('evaluations.delegations.from'),
      render: (_: unknown, d: Delegation) => (given ? d.toName : d.fromName),
    },
    {
      key: 'range',
      title: t('evaluations.delegations.range'),
      render: (_: unknown, d: Delegation) => `${formatDate(d.validFrom)} – ${formatDate(d.validTo)}`,
    },
    { key: 'reason', title: t('evaluations.delegations.reason'), dataIndex: 'reason' },
    {
      key: 'status',
      title: t('evaluations.delegations.status'),
      render: (_: unknown, d: Delegation) =>
        d.revokedAt ? (
          <Tag>{t('evaluations.delegations.revoked')}</Tag>
        ) : d.active ? (
          <Tag color="green">{t('evaluations.delegations.active')}</Tag>
        ) : (
          <Tag color="default">{t('evaluations.delegations.inactive')}</Tag>
        ),
    },
    ...(given
      ? [
          {
            key: 'revoke',
            title: '',
            render: (_: unknown, d: Delegation) =>
              d.revokedAt ? null : (
                <Popconfirm
                  title={t('evaluations.delegations.revokeConfirm')}
                  okText={t('common.yes')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => m.revoke.mutateAsync(d.id).catch(setError)}
                >
                  <Button size="small" danger>
                    {t('evaluations.delegations.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageTitle
        title={t('evaluations.delegations.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} id="create-delegation" onClick={() => setOpen(true)}>
            {t('evaluations.delegations.create')}
          </Button>
        }
      />
      {error ? <ErrorAlert error={error} /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Card size="small" className="mb-16" title={t('evaluations.delegations.given')}>
        <Table<Delegation>
          id="delegations-given"
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isFetching}
          dataSource={list.data?.given ?? []}
          columns={columns(true)}
          scroll={{ x: 700 }}
        />
      </Card>
      <Card size="small" title={t('evaluations.delegations.received')}>
        <Table<Delegation>
          id="delegations-received"
          rowKey="id"
          size="small"
          pagination={false}
          loading={list.isFetching}
          dataSource={list.data?.received ?? []}
          columns={columns(false)}
          scroll={{ x: 700 }}
        />
      </Card>
      <Modal
        open={open}
        title={t('evaluations.delegations.create')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ loading: m.create.isPending, id: 'delegation-save' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" name="delegation" onFinish={submit}>
          <Form.Item name="toUserId" label={t('evaluations.delegations.to')} rules={[{ required: true }]}>
            <DeputyPicker />
          </Form.Item>
          <Form.Item
            name="validFrom"
            label={t('evaluations.delegations.validFrom')}
            rules={[{ required: true }]}
          >
            <DateInput className="full-width" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('evaluations.delegations.validTo')}
            dependencies={['validFrom']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => {
                  const from = getFieldValue('validFrom') as Dayjs | undefined;
                  return !v || !from || !v.isBefore(from, 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('evaluations.delegations.rangeInvalid')));
                },
              }),
            ]}
          >
            <DateInput className="full-width" />
          </Form.Item>
          <Form.Item name="reason" label={t('evaluations.delegations.reason')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
