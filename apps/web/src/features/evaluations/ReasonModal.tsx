import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  title: string;
  hint?: string;
  okText: string;
  danger?: boolean;
  id: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the reason a step needs (return, complaint, reopen); nothing is sent without one. */
export function ReasonModal({ open, title, hint, okText, danger, id, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await onSubmit(reason.trim());
      form.resetFields();
      onClose();
    } catch {
      // The page shows the error; the modal closes so the alert is visible.
      onClose();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, loading: saving, id: `${id}-ok` }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" name={id} onFinish={submit}>
        <Form.Item
          name="reason"
          label={t('evaluations.actions.reason')}
          rules={[{ required: true, whitespace: true, message: t('evaluations.actions.reasonRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
