import { InfoCircleOutlined } from '@ant-design/icons';
import { ruleSetById } from '@canbo/domain';
import { Form, Input, InputNumber, Select, Switch, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleSetId } from './domain';

type Value = number | string | boolean;

/** The rule set's uncertain parameters, each with its documented default, overridable per framework. */
export function FrameworkParameters({
  ruleSetId,
  values,
  onChange,
  readOnly,
}: {
  ruleSetId: RuleSetId;
  values: Record<string, Value>;
  onChange: (values: Record<string, Value>) => void;
  readOnly: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const ruleSet = ruleSetById(ruleSetId);
  if (!ruleSet || ruleSet.parameters.length === 0)
    return <span className="muted">{t('evaluations.frameworks.noParameters')}</span>;
  const set = (key: string, v: Value) => onChange({ ...values, [key]: v });
  return (
    <Form layout="vertical" id="framework-parameters">
      {ruleSet.parameters.map((p) => {
        const value = values[p.key] ?? p.value;
        const label = (
          <span>
            {p.label[lang]}{' '}
            <Tooltip title={p.note[lang]}>
              <InfoCircleOutlined />
            </Tooltip>
          </span>
        );
        return (
          <Form.Item
            key={p.key}
            label={label}
            extra={t('evaluations.frameworks.defaultValue', { value: String(p.value) })}
          >
            {typeof p.value === 'boolean' ? (
              <Switch checked={Boolean(value)} disabled={readOnly} onChange={(v) => set(p.key, v)} />
            ) : typeof p.value === 'number' ? (
              <InputNumber
                value={Number(value)}
                min={p.min}
                max={p.max}
                decimalSeparator=","
                disabled={readOnly}
                onChange={(v) => set(p.key, typeof v === 'number' ? v : p.value)}
              />
            ) : p.options ? (
              <Select
                value={String(value)}
                disabled={readOnly}
                options={p.options.map((o) => ({ value: o, label: o }))}
                onChange={(v) => set(p.key, v)}
                style={{ width: 240 }}
              />
            ) : (
              <Input value={String(value)} disabled={readOnly} onChange={(e) => set(p.key, e.target.value)} />
            )}
          </Form.Item>
        );
      })}
    </Form>
  );
}
