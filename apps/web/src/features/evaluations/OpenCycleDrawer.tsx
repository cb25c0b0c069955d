import { App, Button, DatePicker, Drawer, Form, InputNumber, Segmented, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCycleMutations, useFrameworks } from '../../api/evaluationAdmin';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

interface Values {
  unitId?: string;
  frameworkId?: string;
  periodKind: 'month' | 'quarter';
  period?: Dayjs;
  selfDue?: Dayjs;
  reviewDue?: Dayjs;
  decisionDue?: Dayjs;
  complaintDays: number;
  autoNext: boolean;
}

/** Start of the month or quarter that holds `d`. */
function periodStart(d: Dayjs, kind: 'month' | 'quarter'): Dayjs {
  const m = d.startOf('month');
  return kind === 'month' ? m : m.month(Math.floor(m.month() / 3) * 3);
}

/** The documented defaults, counted from the period's last day: +3, +6, +9 days. */
function defaultDeadlines(d: Dayjs, kind: 'month' | 'quarter') {
  const end = periodStart(d, kind)
    .add(kind === 'month' ? 1 : 3, 'month')
    .subtract(1, 'day');
  return { selfDue: end.add(3, 'day'), reviewDue: end.add(6, 'day'), decisionDue: end.add(9, 'day') };
}

/** "Mở kỳ đánh giá": a subtree, a published framework, a month or quarter and its deadlines. */
export function OpenCycleDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const frameworks = useFrameworks({ page: 1, pageSize: 100, status: 'published' });
  const { create } = useCycleMutations();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('periodKind', form) ?? 'month';
  const now = dayjs();
  const initial: Values = {
    periodKind: 'month',
    period: now.startOf('month'),
    complaintDays: 5,
    autoNext: true,
    ...defaultDeadlines(now, 'month'),
  };

  const onValues = (changed: Partial<Values>, all: Values) => {
    if ((changed.period || changed.periodKind) && all.period) {
      form.setFieldsValue(defaultDeadlines(all.period, all.periodKind));
    }
  };

  const submit = async (v: Values) => {
    setError(null);
    try {
      const cycle = await create.mutateAsync({
        unitId: v.unitId as string,
        frameworkId: v.frameworkId as string,
        periodKind: v.periodKind,
        periodStart: toIsoDate(periodStart(v.period as Dayjs, v.periodKind)) as string,
        deadlines: {
          selfDue: toIsoDate(v.selfDue) as string,
          reviewDue: toIsoDate(v.reviewDue) as string,
          decisionDue: toIsoDate(v.decisionDue) as string,
          complaintDays: v.complaintDays,
        },
        autoNext: v.autoNext,
      });
      onClose();
      if (cycle.skipped > 0) message.info(t('evaluations.cycles.skippedElsewhere', { count: cycle.skipped }));
      navigate(`/evaluations/cycles/${cycle.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('evaluations.cycles.open')}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            id="cycle-open-save"
            loading={create.isPending}
            onClick={() => form.submit()}
          >
            {t('evaluations.cycles.openAction')}
          </Button>
        </Space>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="cycle"
        initialValues={initial}
        onValuesChange={onValues}
        onFinish={submit}
      >
        <Form.Item name="unitId" label={t('evaluations.cycles.unit')} rules={[{ required: true }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="frameworkId" label={t('evaluations.cycles.framework')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={frameworks.isFetching}
            options={(frameworks.data?.items ?? []).map((f) => ({
              value: f.id,
              label: `${f.name} (v${f.versionNo}) · ${f.unitName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="periodKind" label={t('evaluations.cycles.periodKind')}>
          <Segmented
            options={[
              { value: 'month', label: t('evaluations.cycles.month') },
              { value: 'quarter', label: t('evaluations.cycles.quarter') },
            ]}
          />
        </Form.Item>
        <Form.Item name="period" label={t('evaluations.cycles.period')} rules={[{ required: true }]}>
          <DatePicker
            picker={kind}
            format={kind === 'month' ? 'MM/YYYY' : '[Q]Q/YYYY'}
            className="full-width"
          />
        </Form.Item>
        <Form.Item name="selfDue" label={t('evaluations.cycles.selfDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item name="reviewDue" label={t('evaluations.cycles.reviewDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item
          name="decisionDue"
          label={t('evaluations.cycles.decisionDue')}
          rules={[{ required: true }]}
        >
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item name="complaintDays" label={t('evaluations.cycles.complaintDays')}>
          <InputNumber min={0} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="autoNext"
          label={t('evaluations.cycles.autoNext')}
          valuePropName="checked"
          extra={t('evaluations.cycles.autoNextHint')}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
