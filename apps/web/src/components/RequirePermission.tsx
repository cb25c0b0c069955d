import type { Permission } from '@canbo/domain';
import { Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../api/auth';
import { LinkButton } from './LinkButton';

export function useCan() {
  const me = useCurrentUser();
  return (permission: Permission) => me.permissions.includes(permission);
}

/** Renders the page only for users holding the permission (any of several); others see a plain refusal. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission | Permission[];
  children: ReactNode;
}) {
  const can = useCan();
  const { t } = useTranslation();
  if ((Array.isArray(permission) ? permission : [permission]).some(can)) return children;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbiddenText')}
      extra={
        <LinkButton to="/" type="primary">
          {t('errors.backHome')}
        </LinkButton>
      }
    />
  );
}
