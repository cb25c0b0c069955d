import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, InputNumber, Row, Select, Space, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluationKpiProducts } from '../../api/evaluationAdmin';
import { type EvaluationDetail, type KpiEntry, useSaveKpi } from '../../api/evaluations';
import type { KpiDraftLine, KpiOutcome } from './domain';
import { ObjectiveCauseModal } from './ObjectiveCauseModal';
import { formatPoints } from './ui';

interface Props {
  ev: EvaluationDetail;
  lines: KpiDraftLine[];
  onChange: (lines: KpiDraftLine[]) => void;
  result: KpiOutcome | undefined;
  editable: boolean;
  /** A reviewer may attribute failures and delays to an objective cause. */
  reviewer: boolean;
  onError: (err: unknown) => void;
}

const FIELDS = ['assigned', 'completed', 'qualityFailures', 'delays'] as const;

/** Decree 335 KPI: products from the catalogue, assigned vs completed, failures and delays. */
export function KpiSection({ ev, lines, onChange, result, editable, reviewer, onError }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // The products this evaluation may use (its unit's catalogue and those above), which the person
  // may read although the catalogue itself is for evaluation grants.
  const products = useEvaluationKpiProducts(ev.id, editable);
  const save = useSaveKpi(ev.id);
  const [objective, setObjective] = useState<KpiEntry | null>(null);
  const entries = ev.kpi?.entries ?? [];
  const known = new Map(entries.map((e) => [e.productId, e]));
  for (const p of products.data?.items ?? []) {
    if (!known.has(p.id))
      known.set(p.id, { productCode: p.code, productName: p.name, measure: p.measure } as KpiEntry);
  }
  const used = new Set(lines.map((l) => l.productId));
  const options = (products.data?.items ?? [])
    .filter((p) => !used.has(p.id))
    .map((p) => ({ value: p.id, label: `${p.code} · ${p.name} (×${formatPoints(p.coefficient)})` }));

  const set = (i: number, field: (typeof FIELDS)[number], value: number) =>
    onChange(lines.map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  const add = (productId: string) => {
    const p = products.data?.items.find((x) => x.id === productId);
    if (p)
      onChange([
        ...lines,
        { productId, coefficient: p.coefficient, assigned: 0, completed: 0, qualityFailures: 0, delays: 0 },
      ]);
  };
  const submit = async () => {
    onError(null);
    try {
      await save.mutateAsync({
        entries: lines.map(({ productId, assigned, completed, qualityFailures, delays }) => ({
          productId,
          assigned,
          completed,
          qualityFailures,
          delays,
        })),
        version: ev.version,
      });
      message.success(t('evaluations.kpi.saved'));
    } catch (err) {
      onError(err);
    }
  };

  return (
    <div id="kpi">
      {result ? (
        <Row gutter={[12, 12]} className="mb-16" id="kpi-result">
          <Col xs={12} sm={6}>
            <Statistic
              title={t('evaluations.kpi.quantity')}
              value={`${formatPoints(result.quantityPercent)}%`}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('evaluations.kpi.quality')}
              value={`${formatPoints(result.qualityPercent)}%`}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('evaluations.kpi.schedule')}
              value={`${formatPoints(result.schedulePercent)}%`}
            />
          </Col>
          <Col xs={12} sm={6}>
            <Statistic
              title={t('evaluations.kpi.points')}
              value={formatPoints(result.points)}
              suffix="/ 70"
            />
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">
              {t('evaluations.kpi.converted', {
                completed: formatPoints(result.completedConverted),
                assigned: formatPoints(result.assignedConverted),
              })}
            </Typography.Text>
          </Col>
        </Row>
      ) : null}
      {lines.length === 0 ? <Empty description={t('evaluations.kpi.none')} /> : null}
      {lines.map((line, i) => {
        const info = known.get(line.productId);
        const entry = entries.find((e) => e.productId === line.productId);
        return (
          <Card
            key={line.productId}
            size="small"
            className="kpi-line"
            title={`${info?.productCode ?? ''} · ${info?.productName ?? ''}`}
            extra={
              editable ? (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => onChange(lines.filter((_, j) => j !== i))}
                />
              ) : null
            }
          >
            <Row gutter={[12, 8]}>
              {FIELDS.map((f) => (
                <Col xs={12} sm={6} key={f}>
                  <div className="kpi-field-label">{t(`evaluations.kpi.${f}`)}</div>
                  <InputNumber
                    id={`kpi-${i}-${f}`}
                    size="large"
                    min={0}
                    max={f === 'assigned' || f === 'completed' ? 100_000 : 1000}
                    precision={f === 'assigned' || f === 'completed' ? undefined : 0}
                    decimalSeparator=","
                    value={line[f]}
                    disabled={!editable}
                    inputMode="decimal"
                    onChange={(v) => set(i, f, typeof v === 'number' ? v : 0)}
                    className="full-width"
                  />
                </Col>
              ))}
            </Row>
            <Typography.Text type="secondary" className="small-note">
              {t('evaluations.kpi.coefficient', { value: formatPoints(line.coefficient) })}
              {info?.measure ? ` · ${info.measure}` : ''}
              {entry && (entry.objectiveQualityFailures > 0 || entry.objectiveDelays > 0)
                ? ` · ${t('evaluations.kpi.objectiveShown', {
                    failures: entry.objectiveQualityFailures,
                    delays: entry.objectiveDelays,
                  })}`
                : ''}
            </Typography.Text>
            {reviewer && entry && (entry.qualityFailures > 0 || entry.delays > 0) ? (
              <div>
                <Button size="small" type="link" onClick={() => setObjective(entry)} id={`objective-${i}`}>
                  {t('evaluations.kpi.objective')}
                </Button>
              </div>
            ) : null}
          </Card>
        );
      })}
      {editable ? (
        <Space wrap className="mt-12">
          <Select
            id="kpi-add"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('evaluations.kpi.addProduct')}
            options={options}
            value={null}
            onChange={(v: string) => add(v)}
            loading={products.isFetching}
            suffixIcon={<PlusOutlined />}
            style={{ minWidth: 260 }}
          />
          <Button id="kpi-save" icon={<SaveOutlined />} onClick={submit} loading={save.isPending}>
            {t('evaluations.kpi.save')}
          </Button>
        </Space>
      ) : null}
      <ObjectiveCauseModal ev={ev} entry={objective} onClose={() => setObjective(null)} onError={onError} />
    </div>
  );
}
