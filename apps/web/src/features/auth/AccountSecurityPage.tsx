import { CheckCircleTwoTone, ExclamationCircleTwoTone } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser, useTotpDisable } from '../../api/auth';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';

export default function AccountSecurityPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const disable = useTotpDisable();
  const [form] = Form.useForm<{ password: string }>();
  const on = me.user.totpEnabled;

  const submit = async ({ password }: { password: string }) => {
    try {
      await disable.mutateAsync(password);
      form.resetFields();
      message.success(t('totp.disabled'));
    } catch (err) {
      if (isApiError(err, 'WRONG_PASSWORD'))
        form.setFields([{ name: 'password', errors: [t('password.wrongCurrent')] }]);
    }
  };

  return (
    <div className="narrow-page">
      <PageTitle title={t('account.title')} />
      <Space orientation="vertical" size="middle" className="full-width">
        <Card title={t('account.profile')} size="small">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('users.username')}>{me.user.username}</Descriptions.Item>
            <Descriptions.Item label={t('users.displayName')}>{me.user.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('users.email')}>{me.user.email ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Link to="/account/password">{t('header.changePassword')}</Link>
        </Card>
        <Card title={t('totp.title')} size="small">
          <Space align="start" className="mb-16">
            {on ? (
              <CheckCircleTwoTone twoToneColor="#52c41a" className="status-icon" />
            ) : (
              <ExclamationCircleTwoTone twoToneColor="#faad14" className="status-icon" />
            )}
            <div>
              <Tag color={on ? 'success' : 'warning'} id="totp-status" data-enabled={on}>
                {on ? t('totp.statusOn') : t('totp.statusOff')}
              </Tag>
              <Typography.Paragraph type="secondary" className="mt-8">
                {t('totp.explain')}
              </Typography.Paragraph>
            </div>
          </Space>
          {on ? (
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
              <Typography.Paragraph>{t('totp.disableIntro')}</Typography.Paragraph>
              <input
                type="text"
                name="username"
                value={me.user.username}
                autoComplete="username"
                readOnly
                hidden
              />
              <Form.Item
                name="password"
                htmlFor="disable-password"
                label={t('password.current')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Input.Password id="disable-password" autoComplete="current-password" />
              </Form.Item>
              {disable.error && !isApiError(disable.error, 'WRONG_PASSWORD') ? (
                <div className="mb-16">
                  <ErrorAlert error={disable.error} />
                </div>
              ) : null}
              <Button danger htmlType="submit" loading={disable.isPending} id="disable-totp-submit">
                {t('totp.disable')}
              </Button>
            </Form>
          ) : (
            <LinkButton to="/account/two-factor" type="primary" id="enable-totp">
              {t('totp.enable')}
            </LinkButton>
          )}
        </Card>
      </Space>
    </div>
  );
}
