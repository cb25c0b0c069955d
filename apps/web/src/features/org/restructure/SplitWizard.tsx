import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgChangeInput, UnitPositionView, UnitView } from '@canbo/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { fetchAllUnitPositions, unitListQuery } from '../../../api/units';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../../components/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { text, UnitFields, type UnitFieldValues, unitSpec } from '../UnitFields';
import { ChangePreview } from './ChangePreview';
import { ApplyError, PreviewError } from './FlowErrors';
import { type PartOption, SplitAssign } from './SplitAssign';
import { useChangeFlow } from './useChangeFlow';
import { useUnitRefs } from './useUnitRefs';
import { ChangeCommonFields, ChangeResult, stepValid, WizardFrame, WizardNav } from './WizardParts';

interface Part extends UnitFieldValues {
  key: string;
}

interface Values {
  unitId: string;
  effectiveDate: Dayjs;
  decisionNumber?: string;
  note?: string;
  parts: Part[];
  defaultPart?: string;
}

function fieldOf(path: string): NamePath | undefined {
  const parts = path.split('.');
  if (parts[0] === 'unit') return 'unitId';
  if (parts[0] === 'parts' && parts[1] && parts[2]) return ['parts', Number(parts[1]), parts[2]];
  if (['effectiveDate', 'decisionNumber', 'note', 'defaultPart'].includes(parts[0]!)) return parts[0];
  return undefined;
}

/** Chia tách: one unit into several new ones, choosing for every post where it goes. */
export default function SplitWizard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const preset = params.get('unit') ?? undefined;
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const flow = useChangeFlow();
  const unitId: string | undefined = Form.useWatch('unitId', { form, preserve: true }) ?? preset;
  const refs = useUnitRefs(unitId ? [unitId] : []);
  const unit = unitId ? refs.byId.get(unitId) : undefined;
  const watchedParts: Part[] | undefined = Form.useWatch('parts', { form, preserve: true });
  const [positions, setPositions] = useState<UnitPositionView[]>([]);
  const [children, setChildren] = useState<UnitView[]>([]);
  const [assigned, setAssigned] = useState<Record<string, string>>({});
  const [childAssigned, setChildAssigned] = useState<Record<string, string>>({});
  const [loadingPosts, setLoadingPosts] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [nextKey, setNextKey] = useState(3);

  const partOptions: PartOption[] = (watchedParts ?? []).map((p, i) => ({
    value: p?.key ?? `P${i + 1}`,
    label: p?.name?.trim() || t('restructure.split.partLabel', { n: i + 1 }),
  }));

  const toParts = async () => {
    if (!(await stepValid(form))) return;
    setStep(1);
  };

  /** The posts held in the unit on the effective date, and its sub-units, to be assigned. */
  const toAssign = async () => {
    if (!(await stepValid(form))) return;
    const v = form.getFieldsValue(true) as Values;
    setLoadingPosts(true);
    setLoadError(null);
    try {
      const [posts, kids] = await Promise.all([
        fetchAllUnitPositions(v.unitId, toIsoDate(v.effectiveDate)!),
        qc.fetchQuery({ ...unitListQuery({ parentId: v.unitId }), staleTime: 0 }),
      ]);
      setPositions(posts);
      setChildren(kids);
      const keys = new Set(v.parts.map((p) => p.key));
      // Keep earlier choices that still name a part.
      setAssigned((prev) => Object.fromEntries(Object.entries(prev).filter(([, k]) => keys.has(k))));
      setChildAssigned((prev) => Object.fromEntries(Object.entries(prev).filter(([, k]) => keys.has(k))));
      if (!v.defaultPart || !keys.has(v.defaultPart)) form.setFieldValue('defaultPart', v.parts[0]?.key);
      setStep(2);
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoadingPosts(false);
    }
  };

  const unassignedCount = positions.filter((p) => !assigned[p.id]).length;

  const preview = async () => {
    if (!(await stepValid(form))) return;
    if (unassignedCount > 0) {
      message.warning(t('restructure.split.unassigned', { count: unassignedCount }));
      return;
    }
    if (!unit) return;
    const v = form.getFieldsValue(true) as Values;
    const input: OrgChangeInput = {
      kind: 'split',
      effectiveDate: toIsoDate(v.effectiveDate)!,
      decisionNumber: text(v.decisionNumber),
      note: text(v.note),
      unit: { id: unit.id, version: unit.version },
      parts: v.parts.map((p) => ({ ...unitSpec(p), key: p.key })),
      positions: positions.map((p) => ({ positionId: p.id, part: assigned[p.id]! })),
      children: Object.entries(childAssigned)
        .filter(([, part]) => part)
        .map(([childId, part]) => ({ unitId: childId, part })),
      people: [],
      defaultPart: v.defaultPart,
    };
    if (await flow.runPreview(input)) setStep(3);
  };

  const again = () => {
    flow.reset();
    form.resetFields();
    setAssigned({});
    setChildAssigned({});
    setStep(0);
  };

  const names = new Map<string, string>();
  if (unit) names.set(unit.id, unit.name);

  return (
    <WizardFrame
      id="split-wizard"
      title={t('restructure.split.title')}
      intro={t('restructure.split.intro')}
      current={step}
      steps={[
        t('restructure.steps.details'),
        t('restructure.steps.parts'),
        t('restructure.steps.assign'),
        t('restructure.steps.preview'),
        t('restructure.steps.done'),
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="split"
        initialValues={{
          unitId: preset,
          effectiveDate: fromIsoDate(todayInVietnam()),
          parts: [
            { key: 'P1', code: '', name: '', type: 'commune' },
            { key: 'P2', code: '', name: '', type: 'commune' },
          ],
        }}
      >
        {step === 0 ? (
          <>
            <Form.Item
              name="unitId"
              htmlFor="split-unit"
              label={t('restructure.split.unit')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <UnitTreeSelect
                id="split-unit"
                initialLabel={unit ? `${unit.name} (${unit.code})` : undefined}
              />
            </Form.Item>
            {refs.error ? <ErrorAlert error={refs.error} /> : null}
            <ChangeCommonFields idPrefix="split" />
            <WizardNav
              onNext={async () => {
                // The parts are of the split unit's type unless the user changes them.
                if (unit && !form.isFieldTouched(['parts', 0, 'type'])) {
                  const parts = (form.getFieldValue('parts') as Part[]).map((p) => ({
                    ...p,
                    type: unit.type,
                  }));
                  form.setFieldValue('parts', parts);
                }
                await toParts();
              }}
              nextId="split-next"
            />
          </>
        ) : null}

        {step === 1 ? (
          <>
            <Form.List name="parts">
              {(fields, { add, remove }) => (
                <div id="split-parts">
                  {fields.map((field, index) => (
                    <Card
                      key={field.key}
                      size="small"
                      className="mb-16"
                      title={partOptions[index]?.label ?? t('restructure.split.partLabel', { n: index + 1 })}
                      extra={
                        fields.length > 2 ? (
                          <Button
                            size="small"
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            onClick={() => remove(field.name)}
                            aria-label={t('common.delete')}
                          />
                        ) : null
                      }
                    >
                      <Form.Item name={[field.name, 'key']} hidden>
                        <input type="hidden" />
                      </Form.Item>
                      <UnitFields
                        prefix={[field.name]}
                        idPrefix={`split-part-${index}`}
                        parent="optional"
                        parentHint={t('restructure.split.parentHint')}
                        compact
                      />
                    </Card>
                  ))}
                  {fields.length < 20 ? (
                    <Button
                      id="split-add-part"
                      icon={<PlusOutlined />}
                      onClick={() => {
                        add({ key: `P${nextKey}`, code: '', name: '', type: unit?.type ?? 'commune' });
                        setNextKey((n) => n + 1);
                      }}
                    >
                      {t('restructure.split.addPart')}
                    </Button>
                  ) : null}
                </div>
              )}
            </Form.List>
            {loadError ? (
              <div className="mt-12">
                <ErrorAlert error={loadError} />
              </div>
            ) : null}
            <WizardNav
              onBack={() => setStep(0)}
              onNext={toAssign}
              nextId="split-next-assign"
              loading={loadingPosts}
            />
          </>
        ) : null}

        {step === 2 ? (
          <>
            <SplitAssign
              positions={positions}
              subUnits={children}
              parts={partOptions}
              assigned={assigned}
              onAssign={(changes) => setAssigned((prev) => ({ ...prev, ...changes }))}
              childAssigned={childAssigned}
              onAssignChild={(id, part) => setChildAssigned((prev) => ({ ...prev, [id]: part }))}
            />
            <PreviewError flow={flow} form={form} fieldOf={fieldOf} />
            <WizardNav
              onBack={() => setStep(1)}
              onNext={preview}
              kind="preview"
              nextId="split-preview"
              nextLabel={t('restructure.previewButton')}
              loading={flow.previewing}
            />
          </>
        ) : null}
      </Form>

      {step === 3 && flow.preview ? (
        <>
          <Typography.Title level={5}>{t('restructure.previewTitle')}</Typography.Title>
          <ChangePreview preview={flow.preview} names={names} />
          <ApplyError
            flow={flow}
            onReload={async () => {
              await flow.reload();
              await refs.refetch();
              setStep(2);
            }}
          />
          <Alert className="mt-12" type="warning" showIcon title={t('restructure.confirmWarning')} />
          <WizardNav
            onBack={() => setStep(2)}
            onNext={async () => {
              if (await flow.confirm()) setStep(4);
            }}
            kind="confirm"
            nextId="split-confirm"
            nextLabel={t('restructure.split.confirm')}
            loading={flow.applying}
          />
        </>
      ) : null}

      {step === 4 && flow.result ? <ChangeResult change={flow.result} onAgain={again} /> : null}
    </WizardFrame>
  );
}
