import { FileWordOutlined, PrinterOutlined, ReloadOutlined, SettingOutlined } from '@ant-design/icons';
import type { ControlSignal, ControlUnitRow } from '@canbo/domain';
import {
  Alert,
  Button,
  Card,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useCycles } from '../../api/evaluationAdmin';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { reportUrl, useControlDashboard, useControlTrends, useRefreshControlFigures } from './api';
import { ControlCharts } from './ControlCharts';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { decimal, SIGNAL_COLORS } from './format';
import { useSignalText } from './useSignalText';
import './control.css';

/**
 * "Kiểm soát toàn bộ công tác đánh giá": pick a cycle and a subtree; KPI tiles, the charts, and the
 * units ranked by the weight of their red flags. A flag opens the people behind it and their trail.
 * The page prints as the control report (print stylesheet in control.css).
 */
export default function ControlDashboardPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const cycles = useCycles({ page: 1, pageSize: 50 });
  const cycleId = params.get('cycleId') ?? cycles.data?.items[0]?.id;
  const unitId = params.get('unitId') ?? undefined;
  const dashboard = useControlDashboard(cycleId, unitId);
  const refresh = useRefreshControlFigures();
  const trends = useControlTrends(cycleId, unitId);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const signalText = useSignalText();
  const d = dashboard.data;

  const update = (k: string, v: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (v) next.set(k, v);
      else next.delete(k);
      if (k === 'cycleId') next.delete('unitId');
      return next;
    });

  const cycleOptions = useMemo(
    () => (cycles.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.label} — ${c.unitName}` })),
    [cycles.data],
  );

  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${decimal(v)}%`);

  return (
    <div className="control-page">
      <PageTitle
        title={t('control.title')}
        extra={
          <Space className="no-print" wrap>
            <Link to="/control/thresholds">
              <Button icon={<SettingOutlined />} id="control-thresholds-link">
                {t('control.thresholdsLink')}
              </Button>
            </Link>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              disabled={!d}
              id="control-print"
            >
              {t('control.print')}
            </Button>
            <Button
              icon={<FileWordOutlined />}
              href={cycleId ? reportUrl(cycleId, unitId) : undefined}
              disabled={!d}
              id="control-docx"
            >
              {t('control.docx')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">{t('control.subtitle')}</Typography.Paragraph>
      <Card size="small" className="no-print control-toolbar">
        <div className="toolbar">
          <Select
            id="control-cycle"
            className="control-cycle"
            showSearch
            optionFilterProp="label"
            placeholder={t('control.cycle')}
            loading={cycles.isLoading}
            value={cycleId}
            onChange={(v) => update('cycleId', v)}
            options={cycleOptions}
          />
          <UnitTreeSelect
            id="control-unit"
            allowClear
            className="toolbar-unit"
            placeholder={t('control.unit')}
            value={unitId}
            onChange={(v) => update('unitId', v)}
          />
        </div>
      </Card>
      {cycles.isError ? <ErrorAlert error={cycles.error} /> : null}
      {dashboard.isError ? <ErrorAlert error={dashboard.error} /> : null}
      {!cycleId && !cycles.isLoading ? <Alert type="info" showIcon title={t('control.pickCycle')} /> : null}
      {d ? (
        <>
          <div className="print-only control-print-head">
            <strong>{d.unit.name}</strong> — {d.cycle.label}
          </div>
          <Space className="control-as-of" wrap>
            <Typography.Text type="secondary" id="control-as-of">
              {t('control.figuresAsOf', { time: formatDate(d.figuresAsOf, 'HH:mm DD/MM/YYYY') })}
            </Typography.Text>
            {d.canRefreshFigures ? (
              <Button
                id="control-refresh"
                className="no-print"
                size="small"
                icon={<ReloadOutlined />}
                loading={refresh.isPending}
                onClick={() => refresh.mutate({ cycleId: d.cycle.id, unitId: d.unit.id })}
              >
                {t('control.refreshFigures')}
              </Button>
            ) : null}
          </Space>
          {refresh.isError ? <ErrorAlert error={refresh.error} /> : null}
          <Row gutter={[12, 12]} className="control-kpis" id="control-kpis">
            <Kpi title={t('control.kpi.units')} value={d.kpis.units} />
            <Kpi
              title={t('control.kpi.flagged')}
              value={d.kpis.flaggedUnits}
              danger={d.kpis.flaggedUnits > 0}
              suffix={`/ ${d.kpis.units}`}
            />
            <Kpi
              title={`${t('control.kpi.completion')} (${d.kpis.decided}/${d.kpis.enrolled})`}
              value={pct(d.kpis.completion)}
            />
            <Kpi title={t('control.kpi.excellent')} value={pct(d.kpis.excellentShare)} />
            <Kpi title={t('control.kpi.selfMax')} value={pct(d.kpis.selfMaxShare)} />
            <Kpi title={t('control.kpi.unchanged')} value={pct(d.kpis.unchangedShare)} />
            <Kpi
              title={t('control.kpi.median')}
              value={
                d.kpis.medianReviewSeconds === null
                  ? '—'
                  : signalText('reviewTime', d.kpis.medianReviewSeconds)
              }
            />
            <Kpi title={t('control.kpi.late')} value={d.kpis.late} danger={d.kpis.late > 0} />
            <Kpi title={t('control.kpi.reopened')} value={d.kpis.reopened} danger={d.kpis.reopened > 0} />
          </Row>
          <ControlCharts dashboard={d} trends={trends.data} />
          <Card size="small" title={t('control.table.title')} className="control-table">
            <Table<ControlUnitRow>
              id="control-units"
              scroll={{ x: 'max-content' }}
              rowKey="unitId"
              size="small"
              loading={dashboard.isFetching}
              dataSource={d.units}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              rowClassName={(r) => (r.flags > 0 ? 'control-row-flagged' : '')}
              footer={() => t('control.table.shown', { shown: d.units.length, total: d.totalUnits })}
              columns={[
                { title: '#', width: 48, render: (_v, _r, i) => i + 1 },
                {
                  title: t('control.table.unit'),
                  dataIndex: 'unitName',
                  render: (name: string, r) => (
                    <Space size={4}>
                      <span>{name}</span>
                      {r.thresholdUnitId ? (
                        <Tooltip title={t('control.table.overridden')}>
                          <SettingOutlined className="control-muted" />
                        </Tooltip>
                      ) : null}
                    </Space>
                  ),
                },
                { title: t('control.table.enrolled'), dataIndex: 'enrolled', width: 90, align: 'right' },
                { title: t('control.table.flags'), dataIndex: 'flags', width: 90, align: 'right' },
                { title: t('control.table.weight'), dataIndex: 'weight', width: 90, align: 'right' },
                {
                  title: t('control.table.signals'),
                  render: (_v, r) => {
                    const fired = r.signals.filter((s) => s.fired);
                    if (fired.length === 0)
                      return <span className="control-muted">{t('control.table.none')}</span>;
                    return (
                      <Space size={[4, 4]} wrap>
                        {fired.map((s) => (
                          <Tag
                            key={s.signal}
                            color={SIGNAL_COLORS[s.signal]}
                            className="control-flag"
                            data-signal={s.signal}
                            onClick={() => setDrill(targetOf(d.cycle.id, r, s.signal, d.unit.id))}
                          >
                            {t(`control.signals.${s.signal}`)}: {signalText(s.signal, s.value)}
                          </Tag>
                        ))}
                      </Space>
                    );
                  },
                },
              ]}
            />
          </Card>
        </>
      ) : null}
      <DrillDrawer target={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

function targetOf(cycleId: string, r: ControlUnitRow, signal: ControlSignal, rootId: string): DrillTarget {
  return { cycleId, unitId: r.unitId, unitName: r.unitName, signal, rootId };
}

function Kpi({
  title,
  value,
  suffix,
  danger,
}: {
  title: string;
  value: number | string;
  suffix?: string;
  danger?: boolean;
}) {
  return (
    <Col xs={12} sm={8} md={6} xl={4} xxl={3}>
      <Card size="small" className="control-kpi">
        <Statistic
          title={title}
          value={value}
          suffix={suffix}
          styles={{ content: danger ? { color: '#cf1322' } : {} }}
        />
      </Card>
    </Col>
  );
}
