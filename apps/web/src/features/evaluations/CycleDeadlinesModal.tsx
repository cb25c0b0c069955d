import { Form, InputNumber, Modal, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { type CycleView, useCycleMutations } from '../../api/evaluationAdmin';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';

interface Values {
  selfDue?: Dayjs;
  reviewDue?: Dayjs;
  decisionDue?: Dayjs;
  complaintDays: number;
  autoNext: boolean;
}

const FIELDS = ['selfDue', 'reviewDue', 'decisionDue', 'complaintDays', 'autoNext'] as const;

/** The deadlines must follow one another, as the server checks (cycles.rules.ts). */
const notBefore =
  (other: 'selfDue' | 'reviewDue', message: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, v?: Dayjs) => {
      const before = getFieldValue(other) as Dayjs | undefined;
      return !v || !before || !v.isBefore(before, 'day')
        ? Promise.resolve()
        : Promise.reject(new Error(message));
    },
  });

/** "Sửa hạn": an officer moves an open cycle's deadlines or switches the automatic next cycle. */
export function CycleDeadlinesModal({
  cycle,
  open,
  onClose,
  onReload,
}: {
  cycle: CycleView;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { update } = useCycleMutations();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({
      selfDue: fromIsoDate(cycle.deadlines.selfDue),
      reviewDue: fromIsoDate(cycle.deadlines.reviewDue),
      decisionDue: fromIsoDate(cycle.deadlines.decisionDue),
      complaintDays: cycle.deadlines.complaintDays,
      autoNext: cycle.autoNext,
    });
    // Refilled when the modal opens or the cycle changes (a reload after a conflict).
  }, [open, cycle, form]);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await update.mutateAsync({
        id: cycle.id,
        input: {
          deadlines: {
            selfDue: toIsoDate(v.selfDue) as string,
            reviewDue: toIsoDate(v.reviewDue) as string,
            decisionDue: toIsoDate(v.decisionDue) as string,
            complaintDays: v.complaintDays,
          },
          autoNext: v.autoNext,
          version: cycle.version,
        },
      });
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 409) {
        setError(err);
        return;
      }
      const rest = placeFieldErrors(form, err, FIELDS, i18n.language === 'en');
      if (needsAlert(err, rest)) setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('evaluations.cycles.editDeadlinesTitle', { label: cycle.label })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: update.isPending, id: 'cycle-deadlines-save' }}
      destroyOnHidden
    >
      {isApiError(error) && error.status === 409 ? (
        <ConflictAlert
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      ) : error ? (
        <div className="mb-16">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" name="cycleDeadlines" onFinish={submit}>
        <Form.Item name="selfDue" label={t('evaluations.cycles.selfDue')} rules={[{ required: true }]}>
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item
          name="reviewDue"
          label={t('evaluations.cycles.reviewDue')}
          dependencies={['selfDue']}
          rules={[{ required: true }, notBefore('selfDue', t('evaluations.cycles.reviewBeforeSelf'))]}
        >
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item
          name="decisionDue"
          label={t('evaluations.cycles.decisionDue')}
          dependencies={['reviewDue']}
          rules={[{ required: true }, notBefore('reviewDue', t('evaluations.cycles.decisionBeforeReview'))]}
        >
          <DateInput className="full-width" />
        </Form.Item>
        <Form.Item
          name="complaintDays"
          label={t('evaluations.cycles.complaintDays')}
          rules={[{ required: true }]}
        >
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
    </Modal>
  );
}
