import type { CreateUserInput, Role } from '@canbo/domain';
import { App, Button, Drawer, Form, Grid, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useCreateUser } from '../../api/users';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TemporaryPasswordModal } from '../../components/TemporaryPasswordModal';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { applyFieldErrors } from './formErrors';
import { PersonSelect } from './PersonSelect';
import { roleOptions, useGrantableRoles } from './roles';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  unitId: string;
  personId?: string | null;
  role?: Role;
  grantUnitId?: string;
}

const FIELDS = ['username', 'displayName', 'email', 'unitId', 'personId'] as const;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/i;

export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const create = useCreateUser();
  const roles = useGrantableRoles();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [created, setCreated] = useState<{ username: string; password: string } | null>(null);
  const [alertError, setAlertError] = useState<unknown>(null);

  const close = () => {
    form.resetFields();
    create.reset();
    setAlertError(null);
    onClose();
  };

  const submit = async (v: Values) => {
    setAlertError(null);
    const input: CreateUserInput = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      email: v.email?.trim() || undefined,
      unitId: v.unitId,
      personId: v.personId ?? undefined,
      grants: v.role ? [{ role: v.role, unitId: v.grantUnitId ?? v.unitId }] : [],
    };
    try {
      const result = await create.mutateAsync(input);
      message.success(t('users.created', { username: result.user.username }));
      close();
      if (result.temporaryPassword)
        setCreated({ username: result.user.username, password: result.temporaryPassword });
    } catch (err) {
      const takenName =
        isApiError(err, 'USERNAME_TAKEN') ||
        (isApiError(err) && err.status === 409 && !isApiError(err, 'PERSON_LINKED'));
      if (takenName) {
        form.setFields([{ name: 'username', errors: [err.localized(i18n.language)] }]);
      } else if (!applyFieldErrors(form, err, FIELDS, i18n.language === 'en')) {
        setAlertError(err);
      }
    }
  };

  return (
    <>
      <Drawer
        title={t('users.createTitle')}
        open={open}
        onClose={close}
        size={screens.sm === false ? '100%' : 480}
        extra={
          <Space>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() => form.submit()}
              id="create-user-submit"
            >
              {t('common.create')}
            </Button>
          </Space>
        }
      >
        {alertError ? (
          <div className="mb-16">
            <ErrorAlert error={alertError} />
          </div>
        ) : null}
        <Form form={form} layout="vertical" onFinish={submit} id="create-user-form">
          <Form.Item
            name="username"
            htmlFor="new-username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            rules={[
              { required: true, message: t('validation.required') },
              { min: 3, max: 64, message: t('validation.usernameLength') },
              { pattern: USERNAME_PATTERN, message: t('validation.username') },
            ]}
          >
            <Input id="new-username" autoComplete="off" autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item
            name="displayName"
            htmlFor="new-displayName"
            label={t('users.displayName')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { max: 200, message: t('validation.maxLength', { max: 200 }) },
            ]}
          >
            <Input id="new-displayName" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="email"
            htmlFor="new-email"
            label={t('users.email')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input id="new-email" type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="unitId"
            htmlFor="new-unit"
            label={t('users.unit')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UnitTreeSelect id="new-unit" />
          </Form.Item>
          <Form.Item
            name="personId"
            htmlFor="new-person"
            label={t('users.person')}
            extra={t('users.personHint')}
          >
            <PersonSelect id="new-person" />
          </Form.Item>
          <Typography.Title level={5}>{t('users.initialGrant')}</Typography.Title>
          <Form.Item name="role" htmlFor="new-role" label={t('users.role')} extra={t('users.roleHint')}>
            <Select
              id="new-role"
              allowClear
              options={roleOptions(t, roles)}
              placeholder={t('users.noRole')}
            />
          </Form.Item>
          {role ? (
            <Form.Item
              name="grantUnitId"
              htmlFor="new-grant-unit"
              label={t('users.grantUnit')}
              extra={t('users.grantUnitHint')}
            >
              <UnitTreeSelect id="new-grant-unit" allowClear />
            </Form.Item>
          ) : null}
        </Form>
      </Drawer>
      <TemporaryPasswordModal
        password={created?.password ?? null}
        username={created?.username}
        onClose={() => setCreated(null)}
      />
    </>
  );
}
