import type { OrgChangeInput } from '@canbo/domain';
import { Alert, Descriptions, Form, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUnitSummary } from '../../../api/units';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../../components/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { text } from '../UnitFields';
import { ChangePreview } from './ChangePreview';
import { ApplyError, PreviewError } from './FlowErrors';
import { useChangeFlow } from './useChangeFlow';
import { useUnitRefs } from './useUnitRefs';
import { ChangeCommonFields, ChangeResult, stepValid, WizardFrame, WizardNav } from './WizardParts';

interface Values {
  unitId: string;
  childrenTo?: string;
  peopleTo?: string;
  effectiveDate: Dayjs;
  decisionNumber?: string;
  note?: string;
}

function fieldOf(path: string): NamePath | undefined {
  const first = path.split('.')[0]!;
  if (first === 'unit') return 'unitId';
  return ['childrenTo', 'peopleTo', 'effectiveDate', 'decisionNumber', 'note'].includes(first)
    ? first
    : undefined;
}

/** Giải thể: the unit closes; its sub-units and its people go to the units named. */
export default function DissolveWizard() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const preset = params.get('unit') ?? undefined;
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const flow = useChangeFlow();
  const unitId: string | undefined = Form.useWatch('unitId', { form, preserve: true }) ?? preset;
  const refs = useUnitRefs(unitId ? [unitId] : []);
  const unit = unitId ? refs.byId.get(unitId) : undefined;
  const summary = useUnitSummary(unitId);
  const s = summary.data;
  const needsChildren = (s?.childUnits ?? 0) > 0;
  const needsPeople = (s?.positions ?? 0) > 0 || (s?.recordsKept ?? 0) > 0;

  const preview = async () => {
    if (!(await stepValid(form))) return;
    const v = form.getFieldsValue(true) as Values;
    if (!unit) return;
    const input: OrgChangeInput = {
      kind: 'dissolve',
      effectiveDate: toIsoDate(v.effectiveDate)!,
      decisionNumber: text(v.decisionNumber),
      note: text(v.note),
      unit: { id: unit.id, version: unit.version },
      childrenTo: v.childrenTo,
      peopleTo: v.peopleTo,
    };
    if (await flow.runPreview(input)) setStep(1);
  };

  const again = () => {
    flow.reset();
    form.resetFields();
    setStep(0);
  };

  const notSelf = {
    validator: (_: unknown, value: string | undefined) =>
      value && value === unitId
        ? Promise.reject(new Error(t('restructure.move.notItself')))
        : Promise.resolve(),
  };

  return (
    <WizardFrame
      id="dissolve-wizard"
      title={t('restructure.dissolve.title')}
      intro={t('restructure.dissolve.intro')}
      current={step}
      steps={[t('restructure.steps.details'), t('restructure.steps.preview'), t('restructure.steps.done')]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="dissolve"
        initialValues={{ unitId: preset, effectiveDate: fromIsoDate(todayInVietnam()) }}
      >
        {step === 0 ? (
          <>
            <Form.Item
              name="unitId"
              htmlFor="dissolve-unit"
              label={t('restructure.dissolve.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitTreeSelect
                id="dissolve-unit"
                initialLabel={unit ? `${unit.name} (${unit.code})` : undefined}
              />
            </Form.Item>
            {refs.error ? <ErrorAlert error={refs.error} /> : null}
            {s ? (
              <Descriptions
                size="small"
                className="mb-16"
                column={{ xs: 1, sm: 3 }}
                items={[
                  { key: 'children', label: t('unit.summary.childUnits'), children: s.childUnits },
                  { key: 'positions', label: t('unit.summary.positions'), children: s.positions },
                  { key: 'records', label: t('unit.summary.recordsKept'), children: s.recordsKept },
                ]}
              />
            ) : null}
            <Form.Item
              name="childrenTo"
              htmlFor="dissolve-children-to"
              label={t('restructure.dissolve.childrenTo')}
              extra={needsChildren ? undefined : t('restructure.dissolve.notNeeded')}
              rules={[{ required: needsChildren, message: t('validation.required') }, notSelf]}
            >
              <UnitTreeSelect id="dissolve-children-to" allowClear />
            </Form.Item>
            <Form.Item
              name="peopleTo"
              htmlFor="dissolve-people-to"
              label={t('restructure.dissolve.peopleTo')}
              extra={needsPeople ? undefined : t('restructure.dissolve.notNeeded')}
              rules={[{ required: needsPeople, message: t('validation.required') }, notSelf]}
            >
              <UnitTreeSelect id="dissolve-people-to" allowClear />
            </Form.Item>
            <ChangeCommonFields idPrefix="dissolve" />
            <PreviewError flow={flow} form={form} fieldOf={fieldOf} />
            <WizardNav
              onNext={preview}
              kind="preview"
              nextId="dissolve-preview"
              nextLabel={t('restructure.previewButton')}
              loading={flow.previewing || (Boolean(unitId) && refs.loading)}
            />
          </>
        ) : null}
      </Form>

      {step === 1 && flow.preview ? (
        <>
          <Typography.Title level={5}>{t('restructure.previewTitle')}</Typography.Title>
          <ChangePreview preview={flow.preview} names={new Map(unit ? [[unit.id, unit.name]] : [])} />
          <ApplyError
            flow={flow}
            onReload={async () => {
              await flow.reload();
              await refs.refetch();
              setStep(0);
            }}
          />
          <Alert className="mt-12" type="error" showIcon title={t('restructure.dissolve.warning')} />
          <WizardNav
            onBack={() => setStep(0)}
            onNext={async () => {
              if (await flow.confirm()) setStep(2);
            }}
            kind="confirm"
            danger
            nextId="dissolve-confirm"
            nextLabel={t('restructure.dissolve.confirm')}
            loading={flow.applying}
          />
        </>
      ) : null}

      {step === 2 && flow.result ? <ChangeResult change={flow.result} onAgain={again} /> : null}
    </WizardFrame>
  );
}
