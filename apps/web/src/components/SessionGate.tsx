import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/auth';
import { PageLoader } from './PageLoader';
import { useErrorText } from './useErrorText';

/** Where a user with an unfinished step (first password, required two-factor) must go. */
export const PENDING_PATHS = {
  password_change: '/account/password',
  totp_enrollment: '/account/two-factor',
} as const;

/**
 * Everything behind sign-in. Without a session: to the sign-in page, remembering where the
 * user was going. With a pending step: only that step's page is reachable.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const text = useErrorText();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();

  if (isPending) return <PageLoader full />;
  if (error && !me) {
    return (
      <Result
        status="500"
        title={t('errors.serverTitle')}
        subTitle={text.message(error)}
        extra={
          <Button type="primary" onClick={() => refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  if (me.pending && location.pathname !== PENDING_PATHS[me.pending]) {
    return <Navigate to={PENDING_PATHS[me.pending]} replace />;
  }
  return <Outlet />;
}
