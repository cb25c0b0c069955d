import { Form, Input, InputNumber, Modal } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type EvaluationDetail, type KpiEntry, useObjectiveCause } from '../../api/evaluations';

interface Values {
  objectiveQualityFailures: number;
  objectiveDelays: number;
  note: string;
}

/** The reviewer attributes some failures or delays to an objective cause (audited, with a note). */
export function ObjectiveCauseModal({
  ev,
  entry,
  onClose,
  onError,
}: {
  ev: EvaluationDetail;
  entry: KpiEntry | null;
  onClose: () => void;
  onError: (err: unknown) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const m = useObjectiveCause(ev.id);
  useEffect(() => {
    if (entry)
      form.setFieldsValue({
        objectiveQualityFailures: entry.objectiveQualityFailures,
        objectiveDelays: entry.objectiveDelays,
        note: entry.objectiveNote ?? '',
      });
  }, [entry, form]);
  const submit = async (v: Values) => {
    if (!entry) return;
    onError(null);
    try {
      await m.mutateAsync({
        entryId: entry.id,
        input: { ...v, note: v.note.trim(), version: entry.version },
      });
    } catch (err) {
      onError(err);
    }
    onClose();
  };
  return (
    <Modal
      open={entry !== null}
      title={t('evaluations.kpi.objectiveTitle', { product: entry?.productName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: m.isPending, id: 'objective-save' }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="objective" onFinish={submit}>
        <Form.Item
          name="objectiveQualityFailures"
          label={t('evaluations.kpi.objectiveFailures', { max: entry?.qualityFailures ?? 0 })}
        >
          <InputNumber min={0} max={entry?.qualityFailures ?? 0} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item
          name="objectiveDelays"
          label={t('evaluations.kpi.objectiveDelays', { max: entry?.delays ?? 0 })}
        >
          <InputNumber min={0} max={entry?.delays ?? 0} precision={0} className="full-width" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('evaluations.kpi.objectiveNote')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
