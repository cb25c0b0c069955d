import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useChangePassword, useCurrentUser } from '../../api/auth';
import { isApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PasswordPolicy } from './PasswordPolicy';
import { passwordRules } from './passwordRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const change = useChangePassword();
  const [form] = Form.useForm<Values>();
  const forced = me.pending === 'password_change';

  const submit = async ({ currentPassword, newPassword }: Values) => {
    try {
      const next = await change.mutateAsync({ currentPassword, newPassword });
      message.success(t('password.changed'));
      form.resetFields();
      // A further step (two-factor enrolment) is picked up by the session gate.
      if (!next?.pending) navigate('/', { replace: true });
    } catch (err) {
      if (isApiError(err, 'WRONG_PASSWORD')) {
        form.setFields([{ name: 'currentPassword', errors: [t('password.wrongCurrent')] }]);
      }
    }
  };

  const error = change.error && !isApiError(change.error, 'WRONG_PASSWORD') ? change.error : null;

  return (
    <div className="narrow-page">
      <PageTitle title={t('password.title')} />
      <Card>
        {forced ? (
          <Alert
            type="warning"
            showIcon
            className="mb-16"
            title={t('password.forced')}
            id="password-forced"
          />
        ) : null}
        <PasswordPolicy />
        {error ? (
          <div className="mb-16">
            <ErrorAlert error={error} id="password-error" />
          </div>
        ) : null}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional">
          {/* Lets password managers store the new password under the right account. */}
          <input
            type="text"
            name="username"
            value={me.user.username}
            autoComplete="username"
            readOnly
            hidden
          />
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={passwordRules(t, me.user.username)}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            hasFeedback
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validation.passwordMismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} id="change-password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
