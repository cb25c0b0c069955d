import type { OrgChangeInput } from '@canbo/domain';
import { Alert, Form, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
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
  newParentId: string;
  effectiveDate: Dayjs;
  decisionNumber?: string;
  note?: string;
}

function fieldOf(path: string): NamePath | undefined {
  const first = path.split('.')[0]!;
  if (first === 'unit') return 'unitId';
  return ['newParentId', 'effectiveDate', 'decisionNumber', 'note'].includes(first) ? first : undefined;
}

/** Điều chuyển: a unit and its whole subtree go under another parent from a date. */
export default function MoveWizard() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const preset = params.get('unit') ?? undefined;
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const flow = useChangeFlow();
  const unitId: string | undefined = Form.useWatch('unitId', { form, preserve: true }) ?? preset;
  const refs = useUnitRefs(unitId ? [unitId] : []);
  const unit = unitId ? refs.byId.get(unitId) : undefined;

  const preview = async () => {
    if (!(await stepValid(form))) return;
    const v = form.getFieldsValue(true) as Values;
    if (!unit) return;
    const input: OrgChangeInput = {
      kind: 'move',
      effectiveDate: toIsoDate(v.effectiveDate)!,
      decisionNumber: text(v.decisionNumber),
      note: text(v.note),
      unit: { id: unit.id, version: unit.version },
      newParentId: v.newParentId,
    };
    if (await flow.runPreview(input)) setStep(1);
  };

  const again = () => {
    flow.reset();
    form.resetFields();
    setStep(0);
  };

  return (
    <WizardFrame
      id="move-wizard"
      title={t('restructure.move.title')}
      intro={t('restructure.move.intro')}
      current={step}
      steps={[t('restructure.steps.details'), t('restructure.steps.preview'), t('restructure.steps.done')]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="move"
        initialValues={{ unitId: preset, effectiveDate: fromIsoDate(todayInVietnam()) }}
      >
        {step === 0 ? (
          <>
            <Form.Item
              name="unitId"
              htmlFor="move-unit"
              label={t('restructure.move.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitTreeSelect
                id="move-unit"
                initialLabel={unit ? `${unit.name} (${unit.code})` : undefined}
              />
            </Form.Item>
            {unit ? (
              <Typography.Paragraph type="secondary" className="small-note">
                {t('restructure.move.currentParent', {
                  name: unit.ancestors.at(-1)?.name ?? '—',
                })}
              </Typography.Paragraph>
            ) : null}
            {refs.error ? <ErrorAlert error={refs.error} /> : null}
            <Form.Item
              name="newParentId"
              htmlFor="move-parent"
              label={t('restructure.move.newParent')}
              rules={[
                { required: true, message: t('validation.required') },
                {
                  validator: (_, value) =>
                    value && value === unitId
                      ? Promise.reject(new Error(t('restructure.move.notItself')))
                      : Promise.resolve(),
                },
              ]}
            >
              <UnitTreeSelect id="move-parent" />
            </Form.Item>
            <ChangeCommonFields idPrefix="move" />
            <PreviewError flow={flow} form={form} fieldOf={fieldOf} />
            <WizardNav
              onNext={preview}
              kind="preview"
              nextId="move-preview"
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
          <Alert className="mt-12" type="warning" showIcon title={t('restructure.confirmWarning')} />
          <WizardNav
            onBack={() => setStep(0)}
            onNext={async () => {
              if (await flow.confirm()) setStep(2);
            }}
            kind="confirm"
            nextId="move-confirm"
            nextLabel={t('restructure.move.confirm')}
            loading={flow.applying}
          />
        </>
      ) : null}

      {step === 2 && flow.result ? <ChangeResult change={flow.result} onAgain={again} /> : null}
    </WizardFrame>
  );
}
