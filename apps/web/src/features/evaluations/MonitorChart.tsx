import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonitorLine } from '../../api/evaluationAdmin';
import { type ChartOption, EChart } from '../../components/EChart';

/** Steps of the workflow as bands of the stacked bar, in order, each with the states it counts. */
const BANDS = [
  { key: 'notSelf', states: ['draft', 'returned'], color: '#d9d9d9' },
  { key: 'self', states: ['selfAssessed'], color: '#87e8de' },
  { key: 'review', states: ['inReview'], color: '#69b1ff' },
  { key: 'decision', states: ['reviewed'], color: '#1677ff' },
  { key: 'decided', states: ['decided', 'complained'], color: '#9254de' },
  { key: 'published', states: ['published', 'final'], color: '#52c41a' },
  { key: 'notEvaluated', states: ['notEvaluated'], color: '#ff7875' },
] as const;

/** How many people of each unit stand at each step: one stacked bar per unit; a click drills down. */
export function MonitorChart({ rows, onPick }: { rows: MonitorLine[]; onPick: (row: MonitorLine) => void }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const names = rows.map((r) => r.unitName);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        // Each band lists the workflow states it counts.
        extraCssText: 'max-width: 360px; white-space: normal;',
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: BANDS.map((band) => ({
        type: 'bar',
        stack: 'steps',
        name: t(`evaluations.monitor.bands.${band.key}`),
        itemStyle: { color: band.color },
        barMaxWidth: 26,
        emphasis: { focus: 'series' },
        data: rows.map((r) => band.states.reduce((n, s) => n + (r.counts[s] ?? 0), 0)),
      })),
    };
  }, [rows, t]);
  const height = Math.max(160, 60 + rows.length * 34);
  return (
    <EChart
      id="monitor-chart"
      option={option}
      height={height}
      onClick={({ dataIndex }) => {
        const row = rows[dataIndex];
        if (row) onPick(row);
      }}
    />
  );
}
