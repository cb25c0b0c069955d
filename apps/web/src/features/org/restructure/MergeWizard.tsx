import type { OrgChangeInput } from '@canbo/domain';
import { Alert, Col, Form, Radio, Row, Table, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUnit } from '../../../api/units';
import { fromIsoDate, todayInVietnam, toIsoDate } from '../../../components/dates';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { UnitMultiSelect, UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { text, UnitFields, type UnitFieldValues, unitSpec } from '../UnitFields';
import { UnitStatusTag, UnitTypeTag } from '../UnitTypeTag';
import { ChangePreview } from './ChangePreview';
import { ApplyError, PreviewError } from './FlowErrors';
import { useChangeFlow } from './useChangeFlow';
import { useUnitRefs } from './useUnitRefs';
import { ChangeCommonFields, ChangeResult, stepValid, WizardFrame, WizardNav } from './WizardParts';

interface Values {
  sources: string[];
  target: 'new' | 'existing';
  newUnit: UnitFieldValues;
  targetId?: string;
  effectiveDate: Dayjs;
  decisionNumber?: string;
  note?: string;
  grants: 'keep' | 'moveToSuccessor';
}

function fieldOf(path: string): NamePath | undefined {
  const parts = path.split('.');
  if (parts[0] === 'sources') return 'sources';
  if (parts[0] === 'into' && parts[2] === 'id') return 'targetId';
  if (parts[0] === 'into' && parts[1] === 'unit' && parts[2]) return ['newUnit', parts[2]];
  if (['effectiveDate', 'decisionNumber', 'note'].includes(parts[0]!)) return parts[0];
  return undefined;
}

/** Sáp nhập: units A, B, … into a new unit or an existing one, from an effective date. */
export default function MergeWizard() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const preset = params.get('unit');
  const [form] = Form.useForm<Values>();
  const [step, setStep] = useState(0);
  const flow = useChangeFlow();
  const sources: string[] = Form.useWatch('sources', { form, preserve: true }) ?? (preset ? [preset] : []);
  const target: Values['target'] = Form.useWatch('target', { form, preserve: true }) ?? 'new';
  const targetId: string | undefined = Form.useWatch('targetId', { form, preserve: true });
  const refs = useUnitRefs(sources);
  const targetUnit = useUnit(target === 'existing' ? targetId : undefined);

  const toTarget = async () => {
    if (!(await stepValid(form))) return;
    // The new unit goes where the first unit merged was, unless the user says otherwise.
    const first = refs.byId.get(sources[0]!);
    if (first?.parentId && !form.getFieldValue(['newUnit', 'parentId']))
      form.setFieldValue(['newUnit', 'parentId'], first.parentId);
    setStep(1);
  };

  const buildInput = (v: Values): OrgChangeInput | null => {
    const refsOk = v.sources.every((id) => refs.byId.has(id));
    if (!refsOk) return null;
    const common = {
      effectiveDate: toIsoDate(v.effectiveDate)!,
      decisionNumber: text(v.decisionNumber),
      note: text(v.note),
    };
    const sourceRefs = v.sources.map((id) => ({ id, version: refs.byId.get(id)!.version }));
    if (v.target === 'existing') {
      if (!targetUnit.data) return null;
      return {
        kind: 'merge',
        ...common,
        sources: sourceRefs,
        into: { kind: 'existing', unit: { id: targetUnit.data.id, version: targetUnit.data.version } },
        grants: v.grants,
      };
    }
    return {
      kind: 'merge',
      ...common,
      sources: sourceRefs,
      into: { kind: 'new', unit: unitSpec(v.newUnit) },
      grants: v.grants,
    };
  };

  const preview = async () => {
    if (!(await stepValid(form))) return;
    const input = buildInput(form.getFieldsValue(true) as Values);
    if (input && (await flow.runPreview(input))) setStep(2);
  };

  const again = () => {
    flow.reset();
    form.resetFields();
    setStep(0);
  };

  const names = new Map(refs.units.map((u) => [u.id, u.name]));
  if (targetUnit.data) names.set(targetUnit.data.id, targetUnit.data.name);

  return (
    <WizardFrame
      id="merge-wizard"
      title={t('restructure.merge.title')}
      intro={t('restructure.merge.intro')}
      current={step}
      steps={[
        t('restructure.steps.units'),
        t('restructure.steps.target'),
        t('restructure.steps.preview'),
        t('restructure.steps.done'),
      ]}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="merge"
        initialValues={{
          sources: preset ? [preset] : [],
          target: 'new',
          grants: 'keep',
          effectiveDate: fromIsoDate(todayInVietnam()),
        }}
      >
        {step === 0 ? (
          <>
            <Form.Item
              name="sources"
              htmlFor="merge-units"
              label={t('restructure.merge.sources')}
              extra={t('restructure.merge.sourcesHint')}
              rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
            >
              <UnitMultiSelect
                id="merge-units"
                className="full-width"
                labels={Object.fromEntries(refs.units.map((u) => [u.id, `${u.name} (${u.code})`]))}
              />
            </Form.Item>
            {refs.error ? <ErrorAlert error={refs.error} /> : null}
            {refs.units.length > 0 ? (
              <Table
                id="merge-units-list"
                rowKey="id"
                size="small"
                className="mb-16"
                pagination={false}
                scroll={{ x: 640 }}
                dataSource={refs.units}
                columns={[
                  { title: t('unit.name'), dataIndex: 'name', key: 'name', width: 220 },
                  { title: t('unit.code'), dataIndex: 'code', key: 'code', width: 120 },
                  {
                    title: t('unit.type'),
                    dataIndex: 'type',
                    key: 'type',
                    width: 180,
                    render: (type) => <UnitTypeTag type={type} />,
                  },
                  {
                    title: t('unit.parent'),
                    key: 'parent',
                    width: 200,
                    render: (_: unknown, u) => u.ancestors.at(-1)?.name ?? '—',
                  },
                  {
                    title: t('unit.status'),
                    dataIndex: 'status',
                    key: 'status',
                    width: 120,
                    render: (s) => <UnitStatusTag status={s} />,
                  },
                ]}
              />
            ) : null}
            <WizardNav onNext={toTarget} nextId="merge-next" loading={refs.loading && sources.length > 0} />
          </>
        ) : null}

        {step === 1 ? (
          <>
            <Form.Item name="target" label={t('restructure.merge.targetKind')}>
              <Radio.Group>
                <Radio value="new" id="merge-target-new">
                  {t('restructure.merge.targetNew')}
                </Radio>
                <Radio value="existing" id="merge-target-existing">
                  {t('restructure.merge.targetExisting')}
                </Radio>
              </Radio.Group>
            </Form.Item>
            {target === 'new' ? (
              <UnitFields
                prefix={['newUnit']}
                idPrefix="merge-new"
                parent="required"
                parentLabel={refs.units[0]?.ancestors.at(-1)?.name}
                compact
              />
            ) : (
              <Form.Item
                name="targetId"
                htmlFor="merge-target-unit"
                label={t('restructure.merge.targetUnit')}
                rules={[
                  { required: true, message: t('validation.required') },
                  {
                    validator: (_, value) =>
                      value && sources.includes(value)
                        ? Promise.reject(new Error(t('restructure.merge.targetInSources')))
                        : Promise.resolve(),
                  },
                ]}
              >
                <UnitTreeSelect id="merge-target-unit" />
              </Form.Item>
            )}
            <ChangeCommonFields idPrefix="merge" />
            <Row>
              <Col span={24}>
                <Form.Item
                  name="grants"
                  label={t('restructure.merge.grants')}
                  extra={t('restructure.merge.grantsHint')}
                >
                  <Radio.Group id="merge-grants">
                    <Radio value="keep">{t('restructure.merge.grantsKeep')}</Radio>
                    <Radio value="moveToSuccessor">{t('restructure.merge.grantsMove')}</Radio>
                  </Radio.Group>
                </Form.Item>
              </Col>
            </Row>
            <PreviewError flow={flow} form={form} fieldOf={fieldOf} />
            <WizardNav
              onBack={() => setStep(0)}
              onNext={preview}
              kind="preview"
              nextId="merge-preview"
              nextLabel={t('restructure.previewButton')}
              loading={flow.previewing}
            />
          </>
        ) : null}
      </Form>

      {step === 2 && flow.preview ? (
        <>
          <Typography.Title level={5}>{t('restructure.previewTitle')}</Typography.Title>
          <ChangePreview preview={flow.preview} names={names} />
          <ApplyError
            flow={flow}
            onReload={async () => {
              await flow.reload();
              await refs.refetch();
              setStep(1);
            }}
          />
          <Alert className="mt-12" type="warning" showIcon title={t('restructure.confirmWarning')} />
          <WizardNav
            onBack={() => setStep(1)}
            onNext={async () => {
              if (await flow.confirm()) setStep(3);
            }}
            kind="confirm"
            nextId="merge-confirm"
            nextLabel={t('restructure.merge.confirm')}
            loading={flow.applying}
          />
        </>
      ) : null}

      {step === 3 && flow.result ? <ChangeResult change={flow.result} onAgain={again} /> : null}
    </WizardFrame>
  );
}
