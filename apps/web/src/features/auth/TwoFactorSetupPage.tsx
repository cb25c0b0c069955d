import { Alert, App, Button, Card, Form, Input, Result, Space, Steps, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser, useTotpEnable, useTotpSetup } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type by hand. */
const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

export default function TwoFactorSetupPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [qr, setQr] = useState<string | null>(null);
  const started = useRef(false);
  const forced = me.pending === 'totp_enrollment';
  const alreadyOn = me.user.totpEnabled && !forced;

  useEffect(() => {
    // A new secret replaces the previous one on the server: ask exactly once per visit.
    if (alreadyOn || started.current) return;
    started.current = true;
    setup.mutate(undefined, {
      onSuccess: (data) => {
        QRCode.toDataURL(data.otpauthUri, { margin: 1, width: 220, errorCorrectionLevel: 'M' })
          .then(setQr)
          .catch(() => setQr(null));
      },
    });
  }, [alreadyOn, setup]);

  if (alreadyOn) {
    return (
      <Result
        status="success"
        title={t('totp.alreadyOn')}
        extra={
          <LinkButton to="/account/security" type="primary">
            {t('header.twoFactor')}
          </LinkButton>
        }
      />
    );
  }

  const submit = async ({ code }: { code: string }) => {
    try {
      await enable.mutateAsync(code.trim());
      message.success(t('totp.enabled'));
      navigate(forced ? '/' : '/account/security', { replace: true });
    } catch {
      // Shown below the form.
    }
  };

  const secret = setup.data?.secret;

  return (
    <div className="narrow-page">
      <PageTitle title={t('totp.setupTitle')} />
      <Card>
        {forced ? <Alert type="warning" showIcon className="mb-16" title={t('totp.forced')} /> : null}
        {setup.isError ? (
          <ErrorAlert
            error={setup.error}
            action={<Button onClick={() => setup.mutate()}>{t('common.retry')}</Button>}
          />
        ) : null}
        {setup.isPending ? <PageLoader /> : null}
        {secret ? (
          <Steps
            orientation="vertical"
            current={-1}
            items={[
              { title: t('totp.step1Title'), content: t('totp.step1') },
              {
                title: t('totp.step2Title'),
                content: (
                  <Space orientation="vertical" size="small">
                    <span>{t('totp.step2')}</span>
                    {qr ? (
                      <img src={qr} alt={t('totp.qrAlt')} className="totp-qr" width={220} height={220} />
                    ) : null}
                    <span>{t('totp.secretLabel')}</span>
                    <Typography.Text code copyable={{ text: secret }} className="totp-secret">
                      <span id="totp-secret" data-secret={secret}>
                        {groupSecret(secret)}
                      </span>
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('totp.step3Title'),
                content: (
                  <Form layout="vertical" onFinish={submit} className="mt-8">
                    <Form.Item
                      name="code"
                      htmlFor="enroll-code"
                      label={t('totp.codeLabel')}
                      rules={[
                        { required: true, message: t('validation.totpCode') },
                        { pattern: /^\s*\d{6}\s*$/, message: t('validation.totpCode') },
                      ]}
                    >
                      <Input
                        id="enroll-code"
                        inputMode="numeric"
                        autoComplete="one-time-code"
                        maxLength={6}
                        className="otp-input"
                      />
                    </Form.Item>
                    {enable.isError ? (
                      <div className="mb-16">
                        <ErrorAlert error={enable.error} />
                      </div>
                    ) : null}
                    <Button
                      type="primary"
                      htmlType="submit"
                      loading={enable.isPending}
                      id="enable-totp-submit"
                    >
                      {t('totp.enable')}
                    </Button>
                  </Form>
                ),
              },
            ]}
          />
        ) : null}
      </Card>
    </div>
  );
}
