import type { ControlDashboard, ControlTrends } from '@canbo/domain';
import { Card, Col, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../components/EChart';

const GRADES = [
  { key: 'excellent', color: '#389e0d' },
  { key: 'good', color: '#1677ff' },
  { key: 'completed', color: '#faad14' },
  { key: 'notCompleted', color: '#cf1322' },
] as const;

/**
 * The dashboard's charts: grades per period of the subtree (stacked bars), the share decided per
 * cycle (line), and how many units each signal fires in (bars, most frequent first).
 */
export function ControlCharts({
  dashboard,
  trends,
}: {
  dashboard: ControlDashboard;
  trends?: ControlTrends | undefined;
}) {
  const { t } = useTranslation();
  const periods = trends?.periods ?? [];

  const grades = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 12, bottom: 32, containLabel: true },
      xAxis: { type: 'category', data: periods.map((p) => p.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: GRADES.map((g) => ({
        type: 'bar',
        stack: 'grades',
        name: t(`evaluations.grades.${g.key}`),
        itemStyle: { color: g.color },
        barMaxWidth: 36,
        data: periods.map((p) => p.grades[g.key]),
      })),
    }),
    [periods, t],
  );

  const completion = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v).replace('.', ',')}%` },
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: periods.map((p) => p.label) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'line',
          name: t('control.charts.completionSeries'),
          data: periods.map((p) => p.completion),
          areaStyle: { opacity: 0.15 },
          symbolSize: 8,
          itemStyle: { color: '#722ed1' },
        },
      ],
    }),
    [periods, t],
  );

  const signals = useMemo<ChartOption>(() => {
    const sorted = [...dashboard.signalTotals].sort((a, b) => b.units - a.units);
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: sorted.map((s) => t(`control.signals.${s.signal}`)),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('control.charts.units'),
          data: sorted.map((s) => s.units),
          itemStyle: { color: '#cf1322' },
          barMaxWidth: 20,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [dashboard.signalTotals, t]);

  return (
    <Row gutter={[12, 12]} className="control-charts">
      <Col xs={24} lg={9}>
        <Card size="small" title={t('control.charts.grades')}>
          <EChart id="control-chart-grades" option={grades} height={240} />
        </Card>
      </Col>
      <Col xs={24} lg={7}>
        <Card size="small" title={t('control.charts.completion')}>
          <EChart id="control-chart-completion" option={completion} height={240} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('control.charts.signals')}>
          <EChart id="control-chart-signals" option={signals} height={240} />
        </Card>
      </Col>
    </Row>
  );
}
