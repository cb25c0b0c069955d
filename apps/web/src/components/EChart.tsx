import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { BarChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

// Every chart of the app draws through this one component: the chart kinds and components any page uses.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  TreemapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/** Canvas text needs a real family (CSS "inherit" is ignored): the page's own sans-serif stack. */
export const CHART_FONT = 'Roboto, "Segoe UI", "Helvetica Neue", Arial, sans-serif';

/** What a click on a bar, point or tile reports: its index in the series and its data item. */
export interface ChartClick {
  dataIndex: number;
  data: unknown;
}

interface Props {
  option: ChartOption;
  height: number;
  id?: string;
  onClick?: (event: ChartClick) => void;
  /** With a file name (without ".png"), a button under the chart saves it as a PNG (getDataURL). */
  pngName?: string;
  style?: CSSProperties;
}

/** An ECharts chart that follows its container's width. */
export function EChart({ option, height, id, onClick, pngName, style }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  const canvas = <div id={id} ref={ref} style={{ width: '100%', height, ...style }} />;
  if (!pngName) return canvas;
  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
    if (!url) return;
    const a = document.createElement('a');
    a.href = url;
    a.download = `${pngName}.png`;
    a.click();
  };
  return (
    <div className="echart-with-png">
      {canvas}
      <Button id={id ? `${id}-png` : undefined} size="small" icon={<DownloadOutlined />} onClick={savePng}>
        {t('common.savePng')}
      </Button>
    </div>
  );
}
