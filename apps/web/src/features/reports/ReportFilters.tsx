import { InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

/** The unit (subtree) and year every reports page starts from; the caller's first grant by default. */
export function useDefaultUnit(): string | undefined {
  const me = useCurrentUser();
  return me.grants[0]?.unitId;
}

export function ReportFilters(props: {
  unitId: string | undefined;
  onUnit: (id: string | undefined) => void;
  year: number;
  onYear: (year: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <UnitTreeSelect
        id="report-unit"
        aria-label={t('reports.unit')}
        value={props.unitId}
        onChange={props.onUnit}
        style={{ minWidth: 320 }}
      />
      <InputNumber
        id="report-year"
        aria-label={t('reports.year')}
        min={2000}
        max={2100}
        value={props.year}
        onChange={(v) => v && props.onYear(v)}
      />
    </Space>
  );
}
