import { formatDecimal, formatInteger, type IndicatorByUnitView } from '@canbo/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartClick, type ChartOption, EChart, CHART_FONT as FONT } from '../../../components/EChart';

type Lang = 'vi' | 'en';

/** From low to high: light yellow to deep orange, dark enough at both ends for black labels. */
const SCALE = ['#fff7bc', '#fec44f', '#ec7014'];
const NO_FIGURE = '#d9d9d9';

export function formatHeadline(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit === 'percent' ? `${formatDecimal(value, 2)}%` : formatInteger(value);
}

interface Props {
  data: IndicatorByUnitView;
  lang: Lang;
  /** A tile clicked whose unit has children of its own. */
  onDrill: (unit: { id: string; name: string }) => void;
}

/**
 * The map of units: the direct children of a unit as a treemap, each tile sized by the unit's
 * headcount and coloured by the indicator's headline on a continuous scale (the visualMap legend);
 * units with nothing to count (0/0) are grey. A click on a unit with children drills into it.
 */
export function UnitMapChart({ data, lang, onDrill }: Props) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const unit = data.headline.unit;
    const values = data.items.map((i) => i.value).filter((v): v is number => v !== null);
    const lo = values.length ? Math.min(...values) : 0;
    const hi = values.length ? Math.max(...values) : 1;
    const [min, max] = lo === hi ? [Math.max(0, lo - 1), hi + 1] : [lo, hi];
    const people = data.items.reduce((a, i) => a + i.headcount, 0);
    // Empty units keep a small tile so they can still be seen and drilled into.
    const floor = Math.max(1, people * 0.01);
    const fmt = (v: number | null) => formatHeadline(v, unit);
    const headline = data.headline.label[lang];
    return {
      animation: false,
      textStyle: { fontFamily: FONT },
      title: {
        top: 0,
        itemGap: 10,
        textStyle: { fontFamily: FONT, fontSize: 16 },
        subtextStyle: { fontFamily: FONT, fontSize: 13, color: '#595959' },
        text: `${data.label[lang]} — ${data.unitName}`,
        subtext: `${headline}: ${fmt(data.value)} · ${t('reports.indicators.headcount')}: ${formatInteger(data.headcount)}`,
        left: 'center',
      },
      tooltip: {
        formatter: (p: {
          data: { name: string; headcount: number; figure: number | null; childCount: number };
        }) =>
          [
            `<b>${p.data.name}</b>`,
            `${headline}: ${fmt(p.data.figure)}`,
            `${t('reports.indicators.headcount')}: ${formatInteger(p.data.headcount)}`,
            p.data.childCount > 0 ? t('reports.indicators.mapDrill', { count: p.data.childCount }) : '',
          ]
            .filter(Boolean)
            .join('<br/>'),
      },
      visualMap: {
        type: 'continuous',
        min,
        max,
        dimension: 1,
        seriesIndex: 0,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: [fmt(max), fmt(min)],
        inRange: { color: SCALE },
        outOfRange: { color: NO_FIGURE },
      },
      series: [
        {
          type: 'treemap',
          top: 56,
          bottom: 56,
          left: 8,
          right: 8,
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          visualDimension: 1,
          label: {
            position: 'insideTopLeft',
            padding: 6,
            overflow: 'truncate',
            formatter: (p: { data: { name: string; figure: number | null; headcount: number } }) =>
              `{name|${p.data.name}}\n{figure|${fmt(p.data.figure)}} {people|${formatInteger(p.data.headcount)} ${t('reports.indicators.people')}}`,
            rich: {
              name: { fontFamily: FONT, fontSize: 13, lineHeight: 20, color: '#1f1f1f' },
              figure: {
                fontFamily: FONT,
                fontSize: 16,
                lineHeight: 24,
                fontWeight: 'bold',
                color: '#1f1f1f',
              },
              people: { fontFamily: FONT, fontSize: 12, lineHeight: 24, color: '#434343' },
            },
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2, gapWidth: 2 },
          data: data.items.map((i) => ({
            id: i.unitId,
            name: i.name,
            value: [Math.max(i.headcount, floor), i.value ?? Number.NaN],
            headcount: i.headcount,
            figure: i.value,
            childCount: i.childCount,
            ...(i.value === null ? { itemStyle: { color: NO_FIGURE } } : {}),
          })),
        },
      ],
    } as ChartOption;
  }, [data, lang, t]);

  const click = (e: ChartClick) => {
    const d = e.data as { id?: string; name?: string; childCount?: number } | undefined;
    if (d?.id && d.name && (d.childCount ?? 0) > 0) onDrill({ id: d.id, name: d.name });
  };

  return (
    <EChart
      id="indicator-unit-map"
      option={option}
      height={520}
      pngName={`ban-do-don-vi-${data.indicatorId}-${data.asOf}`}
      onClick={click}
    />
  );
}
