import { Form, Input, Modal, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFrameworkMutations, useFrameworks, useRuleSets } from '../../api/evaluationAdmin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import type { RuleSetId } from './domain';

interface Values {
  from: 'ruleSet' | 'framework';
  name: string;
  unitId?: string;
  ruleSetId?: RuleSetId;
  basedOnId?: string;
  newVersion: 'yes' | 'no';
}

/** A new draft framework from a rule set's default breakdown, or from an existing framework. */
export function FrameworkCreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch('from', form) ?? 'ruleSet';
  const ruleSets = useRuleSets();
  const frameworks = useFrameworks({ page: 1, pageSize: 100 });
  const { create } = useFrameworkMutations();
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setError(null);
    const base = frameworks.data?.items.find((f) => f.id === v.basedOnId);
    try {
      const f = await create.mutateAsync({
        name: v.name.trim(),
        unitId: v.unitId as string,
        ruleSetId: (from === 'framework' ? base?.ruleSetId : v.ruleSetId) as RuleSetId,
        ...(from === 'framework' && base ? { basedOnId: base.id, newVersion: v.newVersion === 'yes' } : {}),
      });
      onClose();
      navigate(`/evaluations/frameworks/${f.id}`);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={t('evaluations.frameworks.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: create.isPending, id: 'framework-create-ok' }}
      destroyOnHidden
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="framework"
        initialValues={{ from: 'ruleSet', newVersion: 'no' }}
        onFinish={submit}
      >
        <Form.Item name="from">
          <Segmented
            options={[
              { value: 'ruleSet', label: t('evaluations.frameworks.fromRuleSet') },
              { value: 'framework', label: t('evaluations.frameworks.fromFramework') },
            ]}
          />
        </Form.Item>
        {from === 'ruleSet' ? (
          <Form.Item
            name="ruleSetId"
            label={t('evaluations.frameworks.ruleSet')}
            rules={[{ required: true }]}
          >
            <Select
              loading={ruleSets.isFetching}
              options={(ruleSets.data ?? []).map((r) => ({
                value: r.id,
                label: `${r.title[lang]} (${r.source})`,
              }))}
              optionRender={(o) => <div className="wrap-option">{o.label}</div>}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="basedOnId"
              label={t('evaluations.frameworks.basedOn')}
              rules={[{ required: true }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(frameworks.data?.items ?? []).map((f) => ({
                  value: f.id,
                  label: `${f.name} (v${f.versionNo}) · ${f.unitName}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="newVersion" label={t('evaluations.frameworks.asWhat')}>
              <Segmented
                options={[
                  { value: 'yes', label: t('evaluations.frameworks.asNewVersion') },
                  { value: 'no', label: t('evaluations.frameworks.asNewFramework') },
                ]}
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('evaluations.frameworks.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="unitId" label={t('evaluations.frameworks.owner')} rules={[{ required: true }]}>
          <UnitTreeSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}
