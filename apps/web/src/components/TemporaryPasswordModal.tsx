import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  password: string | null;
  username?: string;
  onClose: () => void;
}

/** Shows a generated password once; the administrator passes it on, the user changes it at sign-in. */
export function TemporaryPasswordModal({ password, username, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (!password) return;
    try {
      await navigator.clipboard.writeText(password);
      message.success(t('common.copied'));
    } catch {
      message.warning(t('common.copyFailed'));
    }
  };
  return (
    <Modal
      open={password !== null}
      title={t('tempPassword.title')}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} id="temporary-password-close">
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {username ? t('tempPassword.introFor', { username }) : t('tempPassword.intro')}
      </Typography.Paragraph>
      <Space.Compact className="full-width">
        <Input readOnly value={password ?? ''} className="temp-password" id="temporary-password" />
        <Button icon={<CopyOutlined />} onClick={copy} id="copy-temporary-password">
          {t('common.copy')}
        </Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" className="mt-12">
        {t('tempPassword.warning')}
      </Typography.Paragraph>
    </Modal>
  );
}
