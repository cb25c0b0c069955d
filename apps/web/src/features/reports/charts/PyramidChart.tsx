import { chartOption, formatDecimal, formatInteger, type IndicatorTable, percentValue } from '@canbo/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart, CHART_FONT as FONT } from '../../../components/EChart';

type Lang = 'vi' | 'en';

/** The table has the pyramid's columns: an age tier crossed with men and women. */
export function isPyramidTable(table: IndicatorTable): boolean {
  const keys = new Set(table.columns.map((c) => c.key));
  return keys.has('tier') && keys.has('male') && keys.has('female');
}

/**
 * The structure pyramid (age × sex): one horizontal bar per age tier, the youngest at the bottom,
 * men to the left and women to the right; the tooltip gives each count with its share of all
 * people of known sex and age (half up, two decimals). The same ECharts option as the reports'
 * pyramid (`chartOption` from @canbo/domain), so screen and paper agree.
 */
export function PyramidChart({ table, lang }: { table: IndicatorTable; lang: Lang }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const label = (key: string) => table.columns.find((c) => c.key === key)?.label[lang] ?? key;
    const count = (r: IndicatorTable['rows'][number], key: string) =>
      typeof r.values[key] === 'number' ? (r.values[key] as number) : 0;
    const tiers = table.rows.map((r) => r.labels.tier?.[lang] ?? String(r.values.tier));
    const men = table.rows.map((r) => count(r, 'male'));
    const women = table.rows.map((r) => count(r, 'female'));
    const whole = [...men, ...women].reduce((a, b) => a + b, 0);
    const share = (n: number) => {
      const p = percentValue(n, whole);
      return p === null ? '' : ` (${formatDecimal(p, 2)}%)`;
    };
    const base = chartOption(
      {
        kind: 'pyramid',
        title: `${t('reports.indicators.pyramidTitle')} — ${table.unitName}`,
        categories: tiers,
        series: [
          { name: label('male'), values: men },
          { name: label('female'), values: women },
        ],
        valueUnit: 'count',
      },
      { fontFamily: FONT },
    );
    return {
      ...base,
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { axisValueLabel: string; seriesName: string; value: number; marker: string }[]) =>
          [
            items[0]?.axisValueLabel ?? '',
            ...items.map((p) => {
              const n = Math.abs(p.value ?? 0);
              return `${p.marker}${p.seriesName}: ${formatInteger(n)}${share(n)}`;
            }),
          ].join('<br/>'),
      },
    } as ChartOption;
  }, [table, lang, t]);

  return (
    <EChart
      id="indicator-pyramid"
      option={option}
      height={Math.max(300, 90 * table.rows.length + 140)}
      pngName={`thap-tuoi-${table.asOf}`}
    />
  );
}
