import { Alert, Button, DatePicker, Drawer, Form, Input, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { usePeriodMutations } from './api';

interface Values {
  kind: 'annual' | 'midterm';
  unitId?: string;
  year?: Dayjs;
  termLabel?: string;
  periodStart?: Dayjs;
  periodEnd?: Dayjs;
  selfDue?: Dayjs;
  meetingDue?: Dayjs;
  decisionDue?: Dayjs;
}

/** The usual calendar: self-reviews by 10 December, meetings by the 20th, decisions by year end. */
function defaultDeadlines(end: Dayjs) {
  return {
    selfDue: end.subtract(21, 'day'),
    meetingDue: end.subtract(11, 'day'),
    decisionDue: end,
  };
}

/** "Mở kỳ đánh giá năm": a subtree, the year (or a term and its dates) and the deadlines. */
export function PeriodCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { create } = usePeriodMutations();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form) ?? 'annual';
  const year = dayjs().startOf('year');
  const initial: Values = { kind: 'annual', year, ...defaultDeadlines(year.endOf('year').startOf('day')) };

  const onValues = (changed: Partial<Values>, all: Values) => {
    if (changed.year && all.kind === 'annual') {
      form.setFieldsValue(defaultDeadlines(changed.year.endOf('year').startOf('day')));
    }
    if (changed.periodEnd && all.kind === 'midterm') form.setFieldsValue(defaultDeadlines(changed.periodEnd));
  };

  const submit = async (v: Values) => {
    setError(null);
    try {
      const period = await create.mutateAsync({
        kind: v.kind,
        unitId: v.unitId as string,
        ...(v.kind === 'annual'
          ? { year: v.year?.year() }
          : {
              termLabel: v.termLabel?.trim(),
              periodStart: toIsoDate(v.periodStart),
              periodEnd: toIsoDate(v.periodEnd),
            }),
        selfDue: toIsoDate(v.selfDue) as string,
        meetingDue: toIsoDate(v.meetingDue) as string,
        decisionDue: toIsoDate(v.decisionDue) as string,
      });
      onClose();
      navigate(`/annual/periods/${period.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('annual.periods.create')}
      size={480}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" id="period-save" loading={create.isPending} onClick={() => form.submit()}>
            {t('annual.periods.createAction')}
          </Button>
        </Space>
      }
    >
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="period-error" />
        </div>
      ) : null}
      <Form
        form={form}
        layout="vertical"
        name="period"
        initialValues={initial}
        onValuesChange={onValues}
        onFinish={submit}
      >
        <Form.Item name="kind" label={t('annual.periods.kind')}>
          <Segmented
            options={[
              { value: 'annual', label: t('annual.periods.kinds.annual') },
              { value: 'midterm', label: t('annual.periods.kinds.midterm') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('annual.periods.unit')}
          rules={[{ required: true }]}
          extra={t('annual.periods.unitHint')}
        >
          <UnitTreeSelect />
        </Form.Item>
        {kind === 'annual' ? (
          <Form.Item name="year" label={t('annual.periods.year')} rules={[{ required: true }]}>
            <DatePicker picker="year" format="YYYY" className="full-width" />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="termLabel"
              label={t('annual.periods.term')}
              rules={[{ required: true, max: 40 }]}
            >
              <Input placeholder="2025–2030" />
            </Form.Item>
            <Form.Item name="periodStart" label={t('annual.periods.start')} rules={[{ required: true }]}>
              <DateInput className="full-width" />
            </Form.Item>
            <Form.Item name="periodEnd" label={t('annual.periods.end')} rules={[{ required: true }]}>
              <DateInput className="full-width" />
            </Form.Item>
          </>
        )}
        <Form.Item name="selfDue" label={t('annual.periods.selfDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item name="meetingDue" label={t('annual.periods.meetingDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item name="decisionDue" label={t('annual.periods.decisionDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
      </Form>
      <Alert type="info" showIcon title={t('annual.periods.createHint')} />
    </Drawer>
  );
}
