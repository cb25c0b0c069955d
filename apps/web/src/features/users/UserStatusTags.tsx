import type { UserView } from '@canbo/domain';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, isLocked } from '../../components/format';

type Status = Pick<UserView, 'disabled' | 'lockedUntil' | 'mustChangePassword' | 'totpEnabled'>;

/** Why a user may not sign in right now, or what they must do first. */
export function UserStatusTags({ user, showTotp = false }: { user: Status; showTotp?: boolean }) {
  const { t } = useTranslation();
  const locked = isLocked(user.lockedUntil);
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="disabled" color="default">
        {t('users.status.disabled')}
      </Tag>,
    );
  if (locked) {
    tags.push(
      <Tooltip key="locked" title={t('users.status.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
        <Tag color="error">{t('users.status.locked')}</Tag>
      </Tooltip>,
    );
  }
  if (user.mustChangePassword)
    tags.push(
      <Tag key="pw" color="warning">
        {t('users.status.mustChange')}
      </Tag>,
    );
  if (showTotp && user.totpEnabled)
    tags.push(
      <Tag key="totp" color="processing">
        {t('users.status.totp')}
      </Tag>,
    );
  if (tags.length === 0)
    tags.push(
      <Tag key="active" color="success">
        {t('users.status.active')}
      </Tag>,
    );
  return (
    <Space size={[0, 4]} wrap>
      {tags}
    </Space>
  );
}
