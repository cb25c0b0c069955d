import type { PersonProfile, UpdatePersonInput } from '@canbo/domain';
import { Alert, App, Button, Drawer, Form, Grid, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdatePerson } from '../../api/people';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { PersonFields } from './PersonFields';
import {
  changedFields,
  type PersonFormValues,
  type PersonSection,
  SECTION_FIELDS,
  toFormValues,
} from './personForm';

interface Props {
  person: PersonProfile;
  section: PersonSection;
  onClose: () => void;
  onReload: () => void;
}

/**
 * Edits one section of the résumé. Only the changed fields are sent, with the version read;
 * a 409 says someone saved first and offers to reload.
 */
export function PersonEditDrawer({ person, section, onClose, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const update = useUpdatePerson(person.id);
  const [form] = Form.useForm<PersonFormValues>();
  const [alertError, setAlertError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const conflict = isApiError(update.error) && update.error.status === 409;
  const fields = SECTION_FIELDS[section];
  const sensitive = person.abilities.readSensitive;

  const submit = async (values: PersonFormValues) => {
    setAlertError(null);
    const diff = changedFields(person, values, fields);
    setNothing(Object.keys(diff).length === 0);
    if (Object.keys(diff).length === 0) return;
    try {
      await update.mutateAsync({ ...diff, version: person.version } as UpdatePersonInput);
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 409) return;
      const rest = placeFieldErrors(form, err, fields, i18n.language === 'en');
      if (needsAlert(err, rest)) setAlertError(err);
    }
  };

  return (
    <Drawer
      open
      title={t(`person.edit.${section}`)}
      onClose={onClose}
      size={screens.md === false ? '100%' : 640}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={update.isPending}
            onClick={() => form.submit()}
            id="person-edit-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {conflict ? (
        <ConflictAlert
          onReload={() => {
            update.reset();
            onReload();
            onClose();
          }}
        />
      ) : null}
      {alertError ? (
        <div className="mb-16">
          <ErrorAlert error={alertError} />
        </div>
      ) : null}
      {nothing ? <Alert className="mb-16" type="info" showIcon title={t('common.unchanged')} /> : null}
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        id="person-edit-form"
        onFinish={submit}
        scrollToFirstError
        initialValues={toFormValues(person, fields)}
      >
        <PersonFields
          section={section}
          idPrefix="edit-person"
          sensitive={sensitive}
          unitLabel={person.unitName}
          cccdMasked={person.cccdMasked}
        />
      </Form>
    </Drawer>
  );
}
