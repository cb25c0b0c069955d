import { App, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { type UserDetail, useUpdateUser } from '../../api/users';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { applyFieldErrors } from './formErrors';
import { PersonSelect } from './PersonSelect';

interface Values {
  displayName: string;
  email?: string | null;
  unitId: string;
  personId?: string | null;
}

interface Props {
  user: UserDetail;
  canEdit: boolean;
  onReload: () => void;
}

/**
 * Edits name, e-mail, unit and the personnel record the account belongs to; the version read is sent
 * back, a stale one answers 409 (a record already linked to another account is 409 PERSON_LINKED,
 * shown on its field).
 */
export function UserProfileForm({ user, canEdit, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUser(user.id);
  const [form] = Form.useForm<Values>();
  const [alertError, setAlertError] = useState<unknown>(null);
  const stale = (err: unknown) => isApiError(err) && err.status === 409 && !isApiError(err, 'PERSON_LINKED');
  const conflict = stale(update.error);

  const submit = async (v: Values) => {
    setAlertError(null);
    try {
      await update.mutateAsync({
        displayName: v.displayName.trim(),
        email: v.email?.trim() || null,
        unitId: v.unitId,
        ...((v.personId ?? null) !== user.personId ? { personId: v.personId ?? null } : {}),
        version: user.version,
      });
      message.success(t('users.saved'));
    } catch (err) {
      if (
        !stale(err) &&
        !applyFieldErrors(form, err, ['displayName', 'email', 'unitId', 'personId'], i18n.language === 'en')
      ) {
        setAlertError(err);
      }
    }
  };

  const reload = () => {
    update.reset();
    setAlertError(null);
    onReload();
  };

  return (
    <Card title={t('users.profile')} size="small" id="user-profile">
      {conflict ? (
        <ConflictAlert onReload={reload} />
      ) : alertError ? (
        <div className="mb-16">
          <ErrorAlert error={alertError} />
        </div>
      ) : null}
      {/* A new version re-reads the form from the server's values. */}
      <Form
        key={user.version}
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onFinish={submit}
        requiredMark="optional"
        initialValues={{
          displayName: user.displayName,
          email: user.email ?? '',
          unitId: user.unitId,
          personId: user.personId,
        }}
      >
        <Form.Item
          name="displayName"
          htmlFor="edit-displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input id="edit-displayName" />
        </Form.Item>
        <Form.Item
          name="email"
          htmlFor="edit-email"
          label={t('users.email')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input id="edit-email" type="email" />
        </Form.Item>
        <Form.Item
          name="unitId"
          htmlFor="edit-unit"
          label={t('users.unit')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <UnitTreeSelect id="edit-unit" initialLabel={user.unitName} />
        </Form.Item>
        <Form.Item
          name="personId"
          htmlFor="edit-person"
          label={t('users.person')}
          extra={
            user.personId ? (
              <Link to={`/people/${user.personId}`} id="user-person-link">
                {t('users.personOpen')}: {user.personName} ({user.personCode})
              </Link>
            ) : (
              <Typography.Text type="secondary">{t('users.noPerson')}</Typography.Text>
            )
          }
        >
          <PersonSelect
            id="edit-person"
            current={
              user.personId
                ? { id: user.personId, name: user.personName ?? '', code: user.personCode ?? '' }
                : null
            }
          />
        </Form.Item>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }} className="mb-16">
          <Descriptions.Item label={t('users.createdAt')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('users.lastSignIn')}>
            {user.lastSignInAt ? formatDateTime(user.lastSignInAt) : t('users.never')}
          </Descriptions.Item>
          <Descriptions.Item label={t('users.version')}>
            <span id="user-version">{user.version}</span>
          </Descriptions.Item>
        </Descriptions>
        {canEdit ? (
          <Button type="primary" htmlType="submit" loading={update.isPending} id="save-profile">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Card>
  );
}
