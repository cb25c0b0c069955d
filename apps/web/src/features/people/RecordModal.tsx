import { Alert, AutoComplete, Col, Form, Input, Modal, Row, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { needsAlert, placeFieldErrors } from '../../components/formErrors';
import { searchKey } from '../../components/text';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

export interface FieldSpec {
  name: string;
  label: string;
  /** `suggest`: free text with `options` offered as it is typed (matched without diacritics). */
  kind: 'text' | 'textarea' | 'select' | 'suggest' | 'date' | 'switch' | 'unit';
  required?: boolean;
  max?: number;
  options?: { value: string; label: string }[];
  /** Dates: may not lie after today. */
  notFuture?: boolean;
  /** Dates: must come after the date in this field. */
  after?: string;
  /** Dates: must come after this fixed date ('YYYY-MM-DD'), named by `minLabel`. */
  minDate?: string;
  minLabel?: string;
  /** Column width out of 24 on wider screens. */
  span?: number;
  /** Unit picker: label of the current unit before the tree is loaded. */
  unitLabel?: string;
  placeholder?: string;
}

type Values = Record<string, string | boolean | Dayjs | undefined>;

interface Props {
  open: boolean;
  title: string;
  /** The form's name: its inputs get ids `<idPrefix>_<field>`. */
  idPrefix: string;
  fields: FieldSpec[];
  /** The row being edited, as the API sent it; absent for a new row. */
  record?: Record<string, unknown>;
  /** Values of a new row. */
  defaults?: Record<string, unknown>;
  /** No dated event may lie before the person's birth ('YYYY-MM-DD'). */
  birthDate?: string;
  /** Sends the change (all fields of a new row; only the changed ones of an edited row, null for cleared). */
  onSave: (payload: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  onReload: () => void;
  okText?: string;
}

function toForm(fields: FieldSpec[], source: Record<string, unknown> = {}): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = source[f.name];
    if (f.kind === 'date') out[f.name] = fromIsoDate(v as string | null);
    else if (f.kind === 'switch') out[f.name] = Boolean(v);
    else out[f.name] = v === null || v === undefined ? undefined : (v as string);
  }
  return out;
}

function toApi(f: FieldSpec, v: unknown): unknown {
  if (f.kind === 'date') return toIsoDate(v as Dayjs | undefined) ?? null;
  if (f.kind === 'switch') return Boolean(v);
  if (typeof v === 'string') return v.trim() || null;
  return v ?? null;
}

/** A small form for one row of a record's section (a post, a discipline, an award, a course). */
export function RecordModal({
  open,
  title,
  idPrefix,
  fields,
  record,
  defaults,
  birthDate,
  onSave,
  onClose,
  onReload,
  okText,
}: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nothing, setNothing] = useState(false);
  const conflict = isApiError(error) && error.status === 409;

  const submit = async (values: Values) => {
    setError(null);
    const payload: Record<string, unknown> = {};
    for (const f of fields) {
      const next = toApi(f, values[f.name]);
      if (record) {
        if (next !== (record[f.name] ?? (f.kind === 'switch' ? false : null))) payload[f.name] = next;
      } else if (next !== null) payload[f.name] = next;
    }
    setNothing(Boolean(record) && Object.keys(payload).length === 0);
    if (record && Object.keys(payload).length === 0) return;
    setSaving(true);
    try {
      await onSave(payload);
      onClose();
    } catch (err) {
      if (!(isApiError(err) && err.status === 409)) {
        const rest = placeFieldErrors(
          form,
          err,
          fields.map((f) => f.name),
          i18n.language === 'en',
        );
        if (needsAlert(err, rest)) setError(err);
      } else setError(err);
    } finally {
      setSaving(false);
    }
  };

  const rulesOf = (f: FieldSpec): Rule[] => {
    const rules: Rule[] = [];
    if (f.required) {
      // `whitespace` turns the check into a string check: only for typed text.
      const typed = f.kind === 'text' || f.kind === 'textarea' || f.kind === 'suggest';
      rules.push({
        required: true,
        ...(typed ? { whitespace: true } : {}),
        message: t('validation.required'),
      });
    }
    if (f.max) rules.push({ max: f.max, message: t('validation.maxLength', { max: f.max }) });
    if (f.kind === 'date') {
      rules.push(({ getFieldValue }) => ({
        validator: (_, v: Dayjs | undefined) => {
          const d = toIsoDate(v);
          if (!d) return Promise.resolve();
          if (f.notFuture && d > todayInVietnam())
            return Promise.reject(new Error(t('validation.notFuture')));
          if (birthDate && d < birthDate) return Promise.reject(new Error(t('validation.beforeBirth')));
          const earlier = f.after ? toIsoDate(getFieldValue(f.after) as Dayjs | undefined) : undefined;
          const earlierLabel = fields.find((x) => x.name === f.after)?.label ?? '';
          if (f.minDate && d <= f.minDate)
            return Promise.reject(
              new Error(t('validation.afterField', { field: (f.minLabel ?? '').toLowerCase() })),
            );
          if (earlier && d <= earlier)
            return Promise.reject(
              new Error(t('validation.afterField', { field: earlierLabel.toLowerCase() })),
            );
          return Promise.resolve();
        },
      }));
    }
    return rules;
  };

  const input = (f: FieldSpec) => {
    const id = `${idPrefix}_${f.name}`;
    switch (f.kind) {
      case 'textarea':
        return <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={f.placeholder} />;
      case 'select':
        return <Select id={id} options={f.options} allowClear={!f.required} />;
      case 'suggest':
        return (
          <AutoComplete
            id={id}
            options={f.options}
            placeholder={f.placeholder}
            filterOption={(typed, option) =>
              searchKey(`${option?.value} ${option?.label}`).includes(searchKey(typed))
            }
          />
        );
      case 'date':
        return <DateInput id={id} notFuture={f.notFuture} className="full-width" />;
      case 'switch':
        return <Switch id={id} />;
      case 'unit':
        return <UnitTreeSelect id={id} initialLabel={f.unitLabel} />;
      default:
        return <Input id={id} placeholder={f.placeholder} autoComplete="off" />;
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: `${idPrefix}-submit`, loading: saving }}
      width={{ xs: '100%', sm: 640 }}
      destroyOnHidden
    >
      {conflict ? (
        <ConflictAlert
          onReload={() => {
            onReload();
            onClose();
          }}
        />
      ) : error ? (
        <div className="mb-16">
          <ErrorAlert error={error} />
        </div>
      ) : null}
      {nothing ? <Alert className="mb-16" type="info" showIcon title={t('common.unchanged')} /> : null}
      <Form<Values>
        form={form}
        name={idPrefix}
        layout="vertical"
        onFinish={submit}
        initialValues={toForm(fields, record ?? defaults)}
      >
        <Row gutter={12}>
          {fields.map((f) => (
            <Col key={f.name} xs={24} sm={f.span ?? 24}>
              <Form.Item
                name={f.name}
                htmlFor={`${idPrefix}_${f.name}`}
                label={f.label}
                rules={rulesOf(f)}
                valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
                dependencies={f.after ? [f.after] : undefined}
              >
                {input(f)}
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
