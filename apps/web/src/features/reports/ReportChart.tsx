import { chartOption, type ReportChartSpec } from '@canbo/domain';
import { useMemo } from 'react';
import { type ChartOption, EChart } from '../../components/EChart';

/**
 * A report chart on screen: the same ECharts option the server draws into the .docx and PDF
 * (`chartOption` from @canbo/domain), with a button that saves it as a PNG.
 */
export function ReportChart({ spec, id, fileName }: { spec: ReportChartSpec; id: string; fileName: string }) {
  const option = useMemo(() => chartOption(spec) as ChartOption, [spec]);
  return (
    <div className="report-chart">
      <EChart id={id} option={option} height={420} style={{ maxWidth: 820 }} pngName={fileName} />
    </div>
  );
}
