import { App, Button, Drawer, Form, Grid, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUnit } from '../../api/units';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { PARTY_TYPES, UnitFields, type UnitFieldValues, unitSpec } from './UnitFields';

interface Values extends UnitFieldValues {
  validFrom?: Dayjs | null;
}

const FIELDS = [
  'code',
  'name',
  'shortName',
  'type',
  'level',
  'address',
  'adminArea',
  'isPartyOrg',
  'parentId',
  'validFrom',
];

interface Props {
  open: boolean;
  /** The parent chosen already (from the tree or the unit page). */
  parentId?: string;
  parentLabel?: string;
  onClose: () => void;
  onCreated?: (id: string) => void;
}

/** Creates a unit under a parent, from a start date (default today). */
export function UnitCreateDrawer({ open, parentId, parentLabel, onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const create = useCreateUnit();
  const [form] = Form.useForm<Values>();
  const [alertError, setAlertError] = useState<unknown>(null);

  useEffect(() => {
    if (open) form.setFieldsValue({ parentId });
  }, [open, parentId, form]);

  const close = () => {
    form.resetFields();
    create.reset();
    setAlertError(null);
    onClose();
  };

  const submit = async (v: Values) => {
    setAlertError(null);
    const spec = unitSpec(v);
    try {
      const unit = await create.mutateAsync({
        ...spec,
        parentId: spec.parentId!,
        validFrom: toIsoDate(v.validFrom),
      });
      message.success(t('unit.created', { name: unit.name }));
      close();
      onCreated?.(unit.id);
    } catch (err) {
      const rest = placeFieldErrors(
        form,
        err,
        (last) => (last === 'parent' ? 'parentId' : FIELDS.includes(last) ? last : undefined),
        i18n.language === 'en',
      );
      if (needsAlert(err, rest)) setAlertError(err);
    }
  };

  return (
    <Drawer
      title={t('unit.createTitle')}
      open={open}
      onClose={close}
      size={screens.sm === false ? '100%' : 520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            id="create-unit-submit"
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
      <Form<Values>
        form={form}
        layout="vertical"
        id="create-unit-form"
        onFinish={submit}
        initialValues={{ parentId, isPartyOrg: false }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.type && !form.isFieldTouched('isPartyOrg'))
            form.setFieldValue('isPartyOrg', PARTY_TYPES.includes(changed.type));
        }}
      >
        <UnitFields idPrefix="new-unit" parent="required" parentLabel={parentLabel} />
        <Form.Item
          name="validFrom"
          htmlFor="new-unit-validFrom"
          label={t('unit.validFrom')}
          extra={t('unit.validFromHint')}
        >
          <DateInput id="new-unit-validFrom" notFuture />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
