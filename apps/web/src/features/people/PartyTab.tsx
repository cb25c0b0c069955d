import { EditOutlined, LockOutlined } from '@ant-design/icons';
import type { PersonProfile } from '@canbo/domain';
import { Alert, App, Button, Card, Descriptions, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdatePerson } from '../../api/people';
import { ConflictAlert } from '../../components/ConflictAlert';
import { fromIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { Masked, PartyStatusTag } from './Masked';
import { PartyFields } from './PartyFields';
import { type PartyFormValues, partyInput } from './personForm';

function PartyEditModal({
  person,
  onClose,
  onReload,
}: {
  person: PersonProfile;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdatePerson(person.id);
  const [form] = Form.useForm<PartyFormValues>();
  const [alertError, setAlertError] = useState<unknown>(null);
  const conflict = isApiError(update.error) && update.error.status === 409;
  const party = person.party;

  const submit = async (v: PartyFormValues) => {
    setAlertError(null);
    try {
      await update.mutateAsync({ party: partyInput(v), version: person.version });
      message.success(t('common.saved'));
      onClose();
    } catch (err) {
      if (isApiError(err) && err.status === 409) return;
      const rest = placeFieldErrors(
        form,
        err,
        (last, path) => (path.split('.').includes('party') ? last : undefined),
        i18n.language === 'en',
      );
      if (needsAlert(err, rest)) setAlertError(err);
    }
  };

  return (
    <Modal
      open
      title={t('party.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'party-edit-submit', loading: update.isPending }}
      width={{ xs: '100%', sm: 600 }}
    >
      {conflict ? (
        <ConflictAlert
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      ) : alertError ? (
        <div className="mb-16">
          <ErrorAlert error={alertError} />
        </div>
      ) : null}
      <Form<PartyFormValues>
        form={form}
        layout="vertical"
        id="party-edit-form"
        onFinish={submit}
        initialValues={{
          status: party?.status ?? 'none',
          admittedDate: fromIsoDate(party?.admittedDate),
          fullDate: fromIsoDate(party?.fullDate),
          cardNumber: party?.cardNumber ?? undefined,
        }}
      >
        <PartyFields prefix={[]} idPrefix="party-edit" birthDate={person.birthDate} />
      </Form>
    </Modal>
  );
}

/** Đảng viên: membership data, or dots and a lock where the user may not read it. */
export function PartyTab({ person, onReload }: { person: PersonProfile; onReload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const masked = person.partyMasked || !person.party;
  const p = person.party;
  const value = (v: React.ReactNode) => (masked ? <Masked /> : v);
  const canEdit = person.abilities.manage && person.abilities.readSensitive && !masked;

  return (
    <Card
      size="small"
      id="person-party"
      title={t('person.tabs.party')}
      extra={
        canEdit ? (
          <Button size="small" icon={<EditOutlined />} id="edit-party" onClick={() => setEditing(true)}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {masked ? (
        <Alert
          className="mb-16"
          type="info"
          showIcon
          icon={<LockOutlined />}
          title={t('party.maskedNotice')}
        />
      ) : null}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'status',
            label: t('party.status'),
            children: value(p ? <PartyStatusTag status={p.status} /> : null),
          },
          { key: 'card', label: t('party.cardNumber'), children: value(p?.cardNumber ?? '—') },
          { key: 'admitted', label: t('party.admittedDate'), children: value(formatDate(p?.admittedDate)) },
          { key: 'full', label: t('party.fullDate'), children: value(formatDate(p?.fullDate)) },
        ]}
      />
      {editing ? (
        <PartyEditModal person={person} onClose={() => setEditing(false)} onReload={onReload} />
      ) : null}
    </Card>
  );
}
