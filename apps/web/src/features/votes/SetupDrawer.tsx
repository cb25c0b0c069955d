import { Button, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePeople } from '../../api/people';
import { useCreateVoteSession } from '../../api/votes';
import { DateInput } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface Values {
  unitId?: string;
  title?: string;
  voteDate?: Dayjs;
  place?: string;
  documentNumber?: string;
  candidateIds?: string[];
  voterIds?: string[];
}

/** Set-up of a session: the unit, the people voted on (with the post printed on the ballot) and the roster. */
export function SetupDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const unitId = Form.useWatch('unitId', form);
  const candidateIds = Form.useWatch('candidateIds', form) ?? [];
  const [posts, setPosts] = useState<Record<string, string>>({});
  const people = usePeople({ unitId, page: 1, pageSize: 200 } as never, !!unitId);
  const create = useCreateVoteSession();
  const items = people.data?.items ?? [];
  const options = useMemo(() => items.map((p) => ({ value: p.id, label: p.fullName })), [items]);
  const byId = useMemo(() => new Map(items.map((p) => [p.id, p])), [items]);

  const submit = async (v: Values) => {
    const session = await create.mutateAsync({
      unitId: v.unitId!,
      title: v.title!,
      voteDate: v.voteDate!.format('YYYY-MM-DD'),
      place: v.place || null,
      documentNumber: v.documentNumber || null,
      candidates: (v.candidateIds ?? []).map((personId) => ({
        personId,
        post: posts[personId] ?? byId.get(personId)?.positions[0]?.title ?? '',
      })),
      voterIds: v.voterIds ?? [],
    });
    form.resetFields();
    onClose();
    navigate(`/votes/${session.id}`);
  };

  return (
    <Drawer open={open} onClose={onClose} size="large" title={t('votes.setup.title')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} id="vote-setup-form">
        <ErrorAlert error={create.error} />
        <Form.Item name="unitId" label={t('votes.setup.unit')} rules={[{ required: true }]}>
          <UnitTreeSelect
            id="vote-unit"
            onChange={() => form.setFieldsValue({ candidateIds: [], voterIds: [] })}
          />
        </Form.Item>
        <Form.Item name="title" label={t('votes.setup.name')} rules={[{ required: true, max: 300 }]}>
          <Input id="vote-title" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="voteDate" label={t('votes.setup.date')} rules={[{ required: true }]}>
            <DateInput id="vote-date" />
          </Form.Item>
          <Form.Item name="place" label={t('votes.setup.place')}>
            <Input id="vote-place" />
          </Form.Item>
          <Form.Item name="documentNumber" label={t('votes.setup.number')}>
            <Input id="vote-number" placeholder="12-BB/ĐU" />
          </Form.Item>
        </Space>
        <Form.Item name="candidateIds" label={t('votes.setup.candidates')} rules={[{ required: true }]}>
          <Select
            id="vote-candidates"
            mode="multiple"
            options={options}
            optionFilterProp="label"
            loading={people.isFetching}
          />
        </Form.Item>
        {candidateIds.map((id) => (
          <Form.Item key={id} label={`${t('votes.setup.post')} — ${byId.get(id)?.fullName ?? ''}`} required>
            <Input
              className="vote-post"
              value={posts[id] ?? byId.get(id)?.positions[0]?.title ?? ''}
              onChange={(e) => setPosts((prev) => ({ ...prev, [id]: e.target.value }))}
            />
          </Form.Item>
        ))}
        <Form.Item
          name="voterIds"
          label={
            <Space>
              {t('votes.setup.voters')}
              <Button
                size="small"
                id="vote-voters-all"
                onClick={() => form.setFieldsValue({ voterIds: items.map((p) => p.id) })}
              >
                {t('votes.setup.everyone')}
              </Button>
            </Space>
          }
          rules={[{ required: true }]}
        >
          <Select
            id="vote-voters"
            mode="multiple"
            options={options}
            optionFilterProp="label"
            maxTagCount={12}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('votes.setup.rules')}</Typography.Paragraph>
        <Button id="vote-setup-submit" type="primary" htmlType="submit" loading={create.isPending}>
          {t('votes.setup.create')}
        </Button>
      </Form>
    </Drawer>
  );
}
