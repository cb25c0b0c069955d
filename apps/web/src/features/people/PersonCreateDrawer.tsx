import type { CreatePersonInput } from '@canbo/domain';
import { App, Button, Drawer, Form, Grid, Space, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreatePerson } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { useCan } from '../../components/RequirePermission';
import { PartyFields } from './PartyFields';
import { PersonFields } from './PersonFields';
import { createValues, type PersonFormValues, SECTION_FIELDS } from './personForm';

const ALL_FIELDS: readonly string[] = [
  ...SECTION_FIELDS.identity,
  ...SECTION_FIELDS.employment,
  ...SECTION_FIELDS.qualifications,
];

/** Where a server detail belongs in this form: `party.fullDate` → ['party', 'fullDate'], `body.cccd` → 'cccd'. */
export function personFieldOf(path: string): NamePath | undefined {
  const segments = path.split('.').filter((s) => s !== 'body');
  if (segments[0] === 'party' && segments[1]) return ['party', segments[1]];
  const last = segments.at(-1) ?? '';
  return ALL_FIELDS.includes(last) ? last : undefined;
}

/** A new record: identity, work and qualifications, and party data for users who may write it. */
export function PersonCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const can = useCan();
  const sensitive = can('people.readSensitive');
  const screens = Grid.useBreakpoint();
  const create = useCreatePerson();
  const [form] = Form.useForm<PersonFormValues>();
  const [alertError, setAlertError] = useState<unknown>(null);

  const close = () => {
    form.resetFields();
    create.reset();
    setAlertError(null);
    onClose();
  };

  const submit = async (values: PersonFormValues) => {
    setAlertError(null);
    try {
      const person = await create.mutateAsync(createValues(values) as CreatePersonInput);
      message.success(t('person.created', { name: person.fullName }));
      close();
      navigate(`/people/${person.id}`);
    } catch (err) {
      const rest = placeFieldErrors(form, err, (_last, path) => personFieldOf(path), i18n.language === 'en');
      if (needsAlert(err, rest)) setAlertError(err);
    }
  };

  return (
    <Drawer
      title={t('person.createTitle')}
      open={open}
      onClose={close}
      size={screens.md === false ? '100%' : 720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            id="create-person-submit"
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
      <Form<PersonFormValues>
        form={form}
        layout="vertical"
        id="create-person-form"
        onFinish={submit}
        scrollToFirstError
        initialValues={{
          ethnicity: 'Kinh',
          staffCategory: 'civil_servant',
          party: sensitive ? { status: 'none' } : undefined,
        }}
      >
        <Typography.Title level={5}>{t('person.sections.identity')}</Typography.Title>
        <PersonFields section="identity" idPrefix="new-person" sensitive={sensitive} creating />
        <Typography.Title level={5}>{t('person.sections.employment')}</Typography.Title>
        <PersonFields section="employment" idPrefix="new-person" sensitive={sensitive} creating />
        <Typography.Title level={5}>{t('person.sections.qualifications')}</Typography.Title>
        <PersonFields section="qualifications" idPrefix="new-person" sensitive={sensitive} creating />
        {sensitive ? (
          <>
            <Typography.Title level={5}>{t('person.tabs.party')}</Typography.Title>
            <PartyFields prefix={['party']} idPrefix="new-person-party" birthDate={{ field: 'birthDate' }} />
          </>
        ) : null}
      </Form>
    </Drawer>
  );
}
