import { ROLES, type Role } from '@canbo/domain';
import { App, Button, Card, Checkbox, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveSecuritySettings, useSecuritySettings } from '../../api/admin';
import { isApiError } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';

export default function SecuritySettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const conflict = isApiError(save.error) && save.error.status === 409;

  if (settings.isPending) return <PageLoader />;
  if (!settings.data) return <ErrorAlert error={settings.error} />;
  const { version, totpRequiredRoles } = settings.data;

  const submit = async (v: { totpRequiredRoles: Role[] }) => {
    try {
      await save.mutateAsync({ totpRequiredRoles: v.totpRequiredRoles, version });
      message.success(t('settings.saved'));
    } catch {
      // Shown above the form.
    }
  };

  const reload = () => {
    save.reset();
    void settings.refetch();
  };

  return (
    <div className="narrow-page">
      <PageTitle title={t('settings.title')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
        {conflict ? (
          <ConflictAlert onReload={reload} />
        ) : save.error ? (
          <div className="mb-16">
            <ErrorAlert error={save.error} />
          </div>
        ) : null}
        <Form key={version} layout="vertical" initialValues={{ totpRequiredRoles }} onFinish={submit}>
          <Form.Item name="totpRequiredRoles" label={t('settings.rolesLabel')}>
            <Checkbox.Group className="role-checkboxes">
              {ROLES.map((role) => (
                <Checkbox key={role} value={role} id={`totp-role-${role}`}>
                  {t(`roles.${role}`)}
                </Checkbox>
              ))}
            </Checkbox.Group>
          </Form.Item>
          <Typography.Paragraph type="secondary" className="small-note">
            {t('settings.version', { version })}
          </Typography.Paragraph>
          <Button type="primary" htmlType="submit" loading={save.isPending} id="save-security">
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
