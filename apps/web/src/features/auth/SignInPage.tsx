import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useMe, useSignIn } from '../../api/auth';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { useDocumentTitle } from '../../components/PageTitle';
import { AuthCard } from './AuthCard';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Only paths inside the app are followed after sign-in, never another site, and only by the user whose
 * session expired there: someone else signing in on the same computer starts at home.
 */
export function safeFrom(state: unknown, username: string): string {
  const { from, user } = (state ?? {}) as { from?: unknown; user?: unknown };
  if (typeof user === 'string' && user.toLowerCase() !== username.toLowerCase()) return '/';
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export default function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  useDocumentTitle(t('signIn.title'));

  if (me.isPending) return <PageLoader full />;
  if (me.data && !signIn.isSuccess) return <Navigate to="/" replace />;

  const submit = async (input: Credentials & { totpCode?: string }) => {
    try {
      const me = await signIn.mutateAsync(input);
      // The session gate sends a user with a pending step to that step.
      navigate(safeFrom(location.state, me.user.username), { replace: true });
    } catch (err) {
      if (isApiError(err, 'TOTP_REQUIRED'))
        setCredentials({ username: input.username, password: input.password });
    }
  };

  const err = signIn.error;
  const askingCode = credentials !== null;
  const showError = err && !(isApiError(err, 'TOTP_REQUIRED') && askingCode);

  return (
    <AuthCard title={askingCode ? t('signIn.totpTitle') : t('signIn.title')}>
      {showError ? <SignInError error={err} /> : null}
      {askingCode ? (
        <Form
          key="totp"
          layout="vertical"
          requiredMark={false}
          onFinish={(v: { totpCode: string }) => submit({ ...credentials, totpCode: v.totpCode.trim() })}
        >
          <Typography.Paragraph type="secondary">{t('signIn.totpHint')}</Typography.Paragraph>
          <Form.Item
            name="totpCode"
            label={t('signIn.totpCode')}
            rules={[
              { required: true, message: t('validation.totpCode') },
              { pattern: /^\s*\d{6}\s*$/, message: t('validation.totpCode') },
            ]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              autoFocus
              size="large"
              className="otp-input"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={signIn.isPending}>
            {t('signIn.verify')}
          </Button>
          <Button
            type="link"
            block
            onClick={() => {
              setCredentials(null);
              signIn.reset();
            }}
          >
            {t('signIn.back')}
          </Button>
        </Form>
      ) : (
        <Form key="password" layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              size="large"
              autoCapitalize="none"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={signIn.isPending}
            id="sign-in-submit"
          >
            {t('signIn.submit')}
          </Button>
        </Form>
      )}
    </AuthCard>
  );
}

function SignInError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error, 'ACCOUNT_LOCKED')) {
    const until = error.detail('lockedUntil')?.message;
    return (
      <Alert
        id="sign-in-error"
        type="error"
        showIcon
        className="mb-16"
        title={t('signIn.lockedTitle')}
        description={until ? t('signIn.lockedUntil', { time: formatDateTime(until) }) : t('signIn.locked')}
      />
    );
  }
  if (isApiError(error, 'INVALID_CREDENTIALS')) {
    return <Alert id="sign-in-error" type="error" showIcon className="mb-16" title={t('signIn.invalid')} />;
  }
  if (isApiError(error, 'RATE_LIMITED')) {
    return (
      <Alert id="sign-in-error" type="warning" showIcon className="mb-16" title={t('signIn.rateLimited')} />
    );
  }
  if (isApiError(error, 'TOTP_INVALID')) {
    return (
      <Alert id="sign-in-error" type="error" showIcon className="mb-16" title={t('signIn.totpInvalid')} />
    );
  }
  return (
    <div className="mb-16">
      <ErrorAlert error={error} id="sign-in-error" />
    </div>
  );
}
