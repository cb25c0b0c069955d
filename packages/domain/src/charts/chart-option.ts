import { formatDecimal, formatInteger } from '../formats/numbers';

/**
 * The charts of reports and the dashboard as plain ECharts options, built from a small spec. The
 * server renders them to PNG for the .docx and PDF (apps/server/src/documents/charts.ts) and the web
 * shows the same option on screen, so a chart looks alike in both. Numbers on labels are written
 * the Vietnamese way ("3.314", "41,43%").
 */

export const CHART_KINDS = ['bar', 'stackedBar', 'line', 'pie', 'pyramid'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartSeriesSpec {
  name: string;
  values: (number | null)[];
}

export interface ChartSpec {
  kind: ChartKind;
  title?: string | null;
  /** Categories of the axis (bar, line), slices (pie) or age tiers from the youngest (pyramid). */
  categories: string[];
  /** Pyramid: exactly two series, the left one (men) first. */
  series: ChartSeriesSpec[];
  /** 'percent' writes values as "41,43%". */
  valueUnit?: 'count' | 'percent';
}

export const CHART_COLOURS = ['#1f4e79', '#c00000', '#548235', '#bf8f00', '#7030a0', '#2e75b6', '#843c0c'];

export function formatChartValue(value: number | null | undefined, unit: ChartSpec['valueUnit']): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  if (unit === 'percent') return `${formatDecimal(value, 2, { trimZeros: true })}%`;
  return Number.isInteger(value) ? formatInteger(value) : formatDecimal(value, 1);
}

type Option = Record<string, unknown>;

/** The next "round" number at or above v (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k): a tidy axis end. */
function niceCeiling(v: number): number {
  const power = 10 ** Math.floor(Math.log10(v));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= v) ?? 10;
  return step * power;
}

/** The ECharts option of a spec (no animation: the same picture on screen and on paper). */
export function chartOption(spec: ChartSpec, options: { fontFamily?: string } = {}): Option {
  const fmt = (v: unknown) => formatChartValue(typeof v === 'number' ? v : null, spec.valueUnit);
  const textStyle = { fontFamily: options.fontFamily ?? 'Times New Roman, Tinos, serif', fontSize: 14 };
  const base: Option = {
    animation: false,
    color: CHART_COLOURS,
    textStyle,
    backgroundColor: '#ffffff',
    ...(spec.title
      ? {
          title: {
            text: spec.title,
            left: 'center',
            textStyle: { ...textStyle, fontSize: 16, fontWeight: 'bold' },
          },
        }
      : {}),
    legend: { bottom: 0, textStyle },
    tooltip: { trigger: spec.kind === 'pie' ? 'item' : 'axis', valueFormatter: fmt },
  };
  const top = spec.title ? 48 : 24;
  const grid = { left: 16, right: 24, top, bottom: 48, containLabel: true };
  const label = (position: string) => ({
    show: true,
    position,
    fontFamily: textStyle.fontFamily,
    fontSize: 12,
    formatter: (p: { value: unknown }) => fmt(Array.isArray(p.value) ? p.value[1] : p.value),
  });

  switch (spec.kind) {
    case 'pie':
      return {
        ...base,
        series: [
          {
            type: 'pie',
            radius: ['0%', '62%'],
            center: ['50%', '52%'],
            data: spec.categories.map((name, i) => ({ name, value: spec.series[0]?.values[i] ?? 0 })),
            label: {
              fontFamily: textStyle.fontFamily,
              fontSize: 13,
              formatter: (p: { name: string; value: number; percent: number }) =>
                `${p.name}: ${fmt(p.value)} (${formatDecimal(p.percent, 1, { trimZeros: true })}%)`,
            },
          },
        ],
      };
    case 'pyramid': {
      const [left, right] = spec.series;
      const magnitude = (v: number | null) => (v === null ? null : Math.abs(v));
      // A symmetric axis keeps 0 in the middle; labels sit inside the bars, clear of the tier names.
      const widest = Math.max(
        1,
        ...[...(left?.values ?? []), ...(right?.values ?? [])].map((v) => Math.abs(v ?? 0)),
      );
      const bound = niceCeiling(widest * 1.1);
      const inside = (position: string) => ({ ...label(position), color: '#ffffff', fontWeight: 'bold' });
      return {
        ...base,
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          valueFormatter: (v: unknown) => fmt(typeof v === 'number' ? Math.abs(v) : v),
        },
        grid,
        xAxis: {
          type: 'value',
          min: -bound,
          max: bound,
          interval: bound / 4,
          axisLabel: { formatter: (v: number) => fmt(Math.abs(v)) },
        },
        yAxis: { type: 'category', data: spec.categories, axisTick: { show: false } },
        series: [
          {
            name: left?.name ?? '',
            type: 'bar',
            stack: 'pyramid',
            data: (left?.values ?? []).map((v) => (v === null ? null : -Math.abs(v))),
            label: { ...inside('insideLeft'), formatter: (p: { value: number }) => fmt(magnitude(p.value)) },
          },
          {
            name: right?.name ?? '',
            type: 'bar',
            stack: 'pyramid',
            data: (right?.values ?? []).map(magnitude),
            label: inside('insideRight'),
          },
        ],
      };
    }
    case 'line':
      return {
        ...base,
        grid,
        xAxis: { type: 'category', data: spec.categories, boundaryGap: false },
        yAxis: { type: 'value', axisLabel: { formatter: fmt } },
        series: spec.series.map((s) => ({
          name: s.name,
          type: 'line',
          data: s.values,
          symbolSize: 7,
          label: label('top'),
        })),
      };
    default: {
      const stacked = spec.kind === 'stackedBar';
      return {
        ...base,
        grid,
        xAxis: {
          type: 'category',
          data: spec.categories,
          axisLabel: { interval: 0, width: 110, overflow: 'break' },
        },
        yAxis: { type: 'value', axisLabel: { formatter: fmt } },
        series: spec.series.map((s) => ({
          name: s.name,
          type: 'bar',
          ...(stacked ? { stack: 'total' } : {}),
          data: s.values,
          barMaxWidth: 56,
          label: stacked
            ? {
                ...label('inside'),
                formatter: (p: { value: unknown }) => (p.value === 0 ? '' : fmt(p.value)),
              }
            : label('top'),
        })),
      };
    }
  }
}
