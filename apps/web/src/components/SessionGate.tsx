import { Button, Result } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { endedBySignOut, useMe } from '../api/auth';
import { PageLoader } from './PageLoader';
import { useErrorText } from './useErrorText';

/** Where a user with an unfinished step (first password, required two-factor) must go. */
export const PENDING_PATHS = {
  password_change: '/account/password',
  totp_enrollment: '/account/two-factor',
} as const;

/** What the sign-in page receives: where to go back to, and for whom (null: nobody was signed in). */
export interface ReturnState {
  from: string;
  user: string | null;
}

/**
 * Everything behind sign-in. Without a session: to the sign-in page, remembering where the user was
 * going and who they were — unless they signed out, so that the next person at a shared computer
 * starts afresh. With a pending step: only that step's page is reachable.
 */
export function SessionGate() {
  const { t } = useTranslation();
  const text = useErrorText();
  const location = useLocation();
  const { data: me, isPending, error, refetch } = useMe();
  const lastUser = useRef<string | null>(null);
  if (me) lastUser.current = me.user.username;

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
  if (!me) {
    if (endedBySignOut()) return <Navigate to="/sign-in" replace />;
    const state: ReturnState = { from: location.pathname + location.search, user: lastUser.current };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (me.pending && location.pathname !== PENDING_PATHS[me.pending]) {
    return <Navigate to={PENDING_PATHS[me.pending]} replace />;
  }
  return <Outlet />;
}
