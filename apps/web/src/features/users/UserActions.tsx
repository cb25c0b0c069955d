import {
  KeyOutlined,
  SafetyOutlined,
  StopOutlined,
  UnlockOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type UserDetail,
  useResetPassword,
  useResetTotp,
  useUnlockUser,
  useUpdateUser,
} from '../../api/users';
import { formatDateTime, isLocked } from '../../components/format';
import { TemporaryPasswordModal } from '../../components/TemporaryPasswordModal';
import { useErrorText } from '../../components/useErrorText';

/** Account interventions by an administrator or organisation officer; each is audited on the server. */
export function UserActions({ user, canManage }: { user: UserDetail; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = useErrorText();
  const resetPassword = useResetPassword(user.id);
  const unlock = useUnlockUser(user.id);
  const resetTotp = useResetTotp(user.id);
  const update = useUpdateUser(user.id);
  const [tempPassword, setTempPassword] = useState<string | null>(null);
  const locked = isLocked(user.lockedUntil);

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
    } catch (err) {
      message.error(text.message(err));
    }
  };

  if (!canManage) {
    return (
      <Card title={t('users.actions')} size="small">
        <Typography.Text type="secondary">{t('users.readOnly')}</Typography.Text>
      </Card>
    );
  }

  return (
    <Card title={t('users.actions')} size="small" id="user-actions">
      <Space orientation="vertical" className="full-width">
        <Popconfirm
          title={t('users.resetPasswordConfirm')}
          onConfirm={() =>
            run(
              async () => setTempPassword((await resetPassword.mutateAsync()).temporaryPassword),
              t('users.passwordReset'),
            )
          }
          okText={t('common.yes')}
          cancelText={t('common.no')}
        >
          <Button block icon={<KeyOutlined />} loading={resetPassword.isPending} id="reset-password">
            {t('users.resetPassword')}
          </Button>
        </Popconfirm>
        <Button
          block
          icon={<UnlockOutlined />}
          disabled={!locked}
          loading={unlock.isPending}
          onClick={() => run(() => unlock.mutateAsync(), t('users.unlocked'))}
          id="unlock-user"
        >
          {locked ? t('users.unlockUntil', { time: formatDateTime(user.lockedUntil) }) : t('users.unlock')}
        </Button>
        <Popconfirm
          title={t('users.resetTotpConfirm')}
          onConfirm={() => run(() => resetTotp.mutateAsync(), t('users.totpReset'))}
          okText={t('common.yes')}
          cancelText={t('common.no')}
          disabled={!user.totpEnabled}
        >
          <Button
            block
            icon={<SafetyOutlined />}
            disabled={!user.totpEnabled}
            loading={resetTotp.isPending}
            id="reset-totp"
          >
            {t('users.resetTotp')}
          </Button>
        </Popconfirm>
        <Popconfirm
          title={user.disabled ? t('users.enableConfirm') : t('users.disableConfirm')}
          onConfirm={() =>
            run(
              () => update.mutateAsync({ disabled: !user.disabled, version: user.version }),
              user.disabled ? t('users.enabled') : t('users.disabled'),
            )
          }
          okText={t('common.yes')}
          cancelText={t('common.no')}
        >
          <Button
            block
            danger={!user.disabled}
            icon={user.disabled ? <UserSwitchOutlined /> : <StopOutlined />}
            loading={update.isPending}
            id="toggle-disabled"
          >
            {user.disabled ? t('users.enable') : t('users.disable')}
          </Button>
        </Popconfirm>
      </Space>
      <TemporaryPasswordModal
        password={tempPassword}
        username={user.username}
        onClose={() => setTempPassword(null)}
      />
    </Card>
  );
}
