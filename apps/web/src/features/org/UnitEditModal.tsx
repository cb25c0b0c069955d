import type { UnitDetail, UpdateUnitInput } from '@canbo/domain';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useUpdateUnit } from '../../api/units';
import { ConflictAlert } from '../../components/ConflictAlert';
import { UNIT_LEVEL_LIST } from '../../components/codeLists';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { text, UNIT_CODE_PATTERN, useUnitTypeOptions } from './UnitFields';

interface Values {
  effectiveDate: Dayjs;
  code: string;
  name: string;
  shortName?: string;
  type: UnitDetail['type'];
  level?: string;
  isPartyOrg: boolean;
  address?: string;
  adminArea?: string;
  decisionNumber?: string;
  note?: string;
}

const FIELDS = [
  'effectiveDate',
  'code',
  'name',
  'shortName',
  'type',
  'level',
  'isPartyOrg',
  'address',
  'adminArea',
  'decisionNumber',
  'note',
];

interface Props {
  unit: UnitDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}

/** Only what changed goes to the server; an emptied optional field is sent as null. */
function changes(unit: UnitDetail, v: Values): Partial<UpdateUnitInput> {
  const out: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
  if (!same(v.code.trim(), unit.code)) out.code = v.code.trim();
  if (!same(v.name.trim(), unit.name)) out.name = v.name.trim();
  if (!same(text(v.shortName), unit.shortName)) out.shortName = text(v.shortName) ?? null;
  if (v.type !== unit.type) out.type = v.type;
  if (!same(v.level, unit.level)) out.level = v.level ?? null;
  if (v.isPartyOrg !== unit.isPartyOrg) out.isPartyOrg = v.isPartyOrg;
  if (!same(text(v.address), unit.address)) out.address = text(v.address) ?? null;
  if (!same(text(v.adminArea), unit.adminArea)) out.adminArea = text(v.adminArea) ?? null;
  return out as Partial<UpdateUnitInput>;
}

/** Rename a unit or correct its attributes from an effective date: the old name stays in its history. */
export function UnitEditModal({ unit, open, onClose, onReload }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateUnit(unit.id);
  const typeOptions = useUnitTypeOptions();
  const [form] = Form.useForm<Values>();
  const [alertError, setAlertError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const conflict = isApiError(update.error) && update.error.status === 409;

  const close = () => {
    update.reset();
    setAlertError(null);
    setNothing(false);
    onClose();
  };

  const submit = async (v: Values) => {
    setAlertError(null);
    const diff = changes(unit, v);
    setNothing(Object.keys(diff).length === 0);
    if (Object.keys(diff).length === 0) return;
    try {
      await update.mutateAsync({
        ...diff,
        version: unit.version,
        effectiveDate: toIsoDate(v.effectiveDate)!,
        decisionNumber: text(v.decisionNumber),
        note: text(v.note),
      } as UpdateUnitInput);
      message.success(t('unit.renamed'));
      close();
    } catch (err) {
      if (isApiError(err) && err.status === 409) return;
      const rest = placeFieldErrors(form, err, FIELDS, i18n.language === 'en');
      if (needsAlert(err, rest)) setAlertError(err);
    }
  };

  return (
    <Modal
      title={t('unit.renameTitle')}
      open={open}
      onCancel={close}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: 'rename-unit-submit', loading: update.isPending }}
      width={{ xs: '100%', sm: 600 }}
      destroyOnHidden
    >
      {conflict ? (
        <ConflictAlert
          onReload={() => {
            update.reset();
            onReload();
            close();
          }}
        />
      ) : null}
      {alertError ? (
        <div className="mb-16">
          <ErrorAlert error={alertError} />
        </div>
      ) : null}
      {nothing ? <Alert className="mb-16" type="info" showIcon title={t('common.unchanged')} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        id="rename-unit-form"
        onFinish={submit}
        initialValues={{
          effectiveDate: fromIsoDate(todayInVietnam()),
          code: unit.code,
          name: unit.name,
          shortName: unit.shortName ?? undefined,
          type: unit.type,
          level: unit.level ?? undefined,
          isPartyOrg: unit.isPartyOrg,
          address: unit.address ?? undefined,
          adminArea: unit.adminArea ?? undefined,
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="effectiveDate"
              htmlFor="rename-effectiveDate"
              label={t('unit.effectiveDate')}
              extra={t('unit.effectiveHint')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <DateInput id="rename-effectiveDate" notFuture />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="decisionNumber"
              htmlFor="rename-decisionNumber"
              label={t('unit.decisionNumber')}
              rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
            >
              <Input id="rename-decisionNumber" placeholder="1656/NQ-UBTVQH15" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="name"
              htmlFor="rename-name"
              label={t('unit.name')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 300, message: t('validation.maxLength', { max: 300 }) },
              ]}
            >
              <Input id="rename-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="shortName"
              htmlFor="rename-shortName"
              label={t('unit.shortName')}
              rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
            >
              <Input id="rename-shortName" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              htmlFor="rename-code"
              label={t('unit.code')}
              rules={[
                { required: true, whitespace: true, message: t('validation.required') },
                { max: 50, message: t('validation.maxLength', { max: 50 }) },
                { pattern: UNIT_CODE_PATTERN, message: t('validation.unitCode') },
              ]}
            >
              <Input id="rename-code" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="type" htmlFor="rename-type" label={t('unit.type')}>
              <Select id="rename-type" options={typeOptions} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="level" htmlFor="rename-level" label={t('unit.level')}>
              <Select
                id="rename-level"
                allowClear
                options={UNIT_LEVEL_LIST.map((level) => ({ value: level, label: t(`unitLevels.${level}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="isPartyOrg"
              htmlFor="rename-isPartyOrg"
              label={t('unit.isPartyOrg')}
              valuePropName="checked"
            >
              <Switch id="rename-isPartyOrg" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="adminArea" htmlFor="rename-adminArea" label={t('unit.adminArea')}>
              <Input id="rename-adminArea" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" htmlFor="rename-address" label={t('unit.address')}>
              <Input id="rename-address" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="note"
              htmlFor="rename-note"
              label={t('unit.note')}
              rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
            >
              <Input.TextArea id="rename-note" autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
