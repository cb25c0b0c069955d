import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useWeakOrgMutations } from './api';

interface Values {
  unitId?: string;
  year: number;
  note?: string;
}

/** Designates a base party organisation as weak (not graded so, but named by the committee). */
export function WeakOrgDesignateModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { designate } = useWeakOrgMutations();
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    try {
      await designate.mutateAsync({ unitId: v.unitId as string, year: v.year, note: (v.note ?? '').trim() });
      form.resetFields();
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('annual.weak.designate')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'designate-ok', loading: designate.isPending }}
      destroyOnHidden
    >
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ year }} onFinish={submit}>
        <Form.Item name="unitId" label={t('annual.weak.organisation')} rules={[{ required: true }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="year" label={t('annual.periods.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('annual.weak.note')}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
