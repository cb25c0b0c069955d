import { formatDecimal, formatInteger, type IndicatorTable } from '@canbo/domain';
import { Alert, Breadcrumb, Button, Form, Input, Select, Space, Spin, Table, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type IndicatorParams,
  useIndicator,
  useIndicatorByUnit,
  useIndicatorRegistry,
} from '../../api/reports';
import { DateInput } from '../../components/DateInput';
import { EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { isPyramidTable, PyramidChart } from './charts/PyramidChart';
import { UnitMapChart } from './charts/UnitMapChart';
import { useDefaultUnit } from './ReportFilters';

type Lang = 'vi' | 'en';
type Row = IndicatorTable['rows'][number];

/** The row's dimension labels joined: "Tháng 03/2025 · Nữ". */
function rowLabel(columns: IndicatorTable['columns'], r: Row, lang: Lang) {
  return columns
    .filter((c) => c.kind === 'dimension')
    .map((c) => r.labels[c.key]?.[lang] ?? String(r.values[c.key] ?? ''))
    .join(' · ');
}

/**
 * Indicators explorer: pick an indicator, a subtree, a period and an as-of date → its table with a
 * bar chart (the pyramid for age × sex), and on the second tab the map of units: the subtree's
 * children coloured by the indicator's headline, drilled into by a click.
 */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language.startsWith('en') ? 'en' : 'vi';
  const registry = useIndicatorRegistry();
  const [form] = Form.useForm();
  const defaultUnit = useDefaultUnit();
  const [chosen, setChosen] = useState<{ id: string; params: IndicatorParams } | null>(null);
  const table = useIndicator(chosen?.id, chosen?.params ?? null);
  const current = registry.data?.items.find((i) => i.id === form.getFieldValue('indicator'));
  const [tab, setTab] = useState<'table' | 'map'>('table');
  /** The units drilled into on the map, below the chosen one. */
  const [drill, setDrill] = useState<{ id: string; name: string }[]>([]);
  const chosenDefinition = registry.data?.items.find((i) => i.id === chosen?.id);
  const mapUnitId = drill.at(-1)?.id ?? chosen?.params.unitId;
  const map = useIndicatorByUnit(
    tab === 'map' && chosenDefinition?.headline ? chosen?.id : undefined,
    chosen && mapUnitId ? { ...chosen.params, unitId: mapUnitId } : null,
  );

  const cell = (value: unknown, unit: string | null) => {
    if (value === null || value === undefined) return '—';
    if (typeof value !== 'number') return String(value);
    return unit === 'percent' ? `${formatDecimal(value, 2)}%` : formatInteger(value);
  };

  const option = useMemo(() => {
    const data = table.data;
    if (!data) return null;
    const counts = data.columns.filter((c) => c.kind === 'measure' && c.unit !== 'percent');
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      xAxis: {
        type: 'category',
        data: data.rows.map((r) => rowLabel(data.columns, r, lang)),
        axisLabel: { interval: 0, rotate: 20 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: counts.map((c) => ({
        type: 'bar',
        name: c.label[lang],
        data: data.rows.map((r) => (typeof r.values[c.key] === 'number' ? r.values[c.key] : 0)),
      })),
    };
  }, [table.data, lang]);

  return (
    <>
      <PageTitle title={t('reports.indicators.title')} />
      <ErrorAlert error={registry.error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{
          unitId: defaultUnit,
          from: dayjs().startOf('year'),
          to: dayjs(),
        }}
        onFinish={(v) => {
          setDrill([]);
          setChosen({
            id: v.indicator,
            params: {
              unitId: v.unitId,
              from: (v.from as Dayjs).format('YYYY-MM-DD'),
              to: (v.to as Dayjs).format('YYYY-MM-DD'),
              ...(v.asOf ? { asOf: (v.asOf as Dayjs).format('YYYY-MM-DD') } : {}),
              ...(v.bands ? { bands: v.bands } : {}),
            },
          });
        }}
      >
        <Space wrap align="start">
          <Form.Item name="indicator" label={t('reports.indicators.indicator')} rules={[{ required: true }]}>
            <Select
              id="indicator-select"
              style={{ minWidth: 320 }}
              loading={registry.isFetching}
              options={(registry.data?.items ?? []).map((i) => ({ value: i.id, label: i.label[lang] }))}
            />
          </Form.Item>
          <Form.Item name="unitId" label={t('reports.unit')} rules={[{ required: true }]}>
            <UnitTreeSelect style={{ minWidth: 280 }} />
          </Form.Item>
          <Form.Item name="from" label={t('reports.indicators.from')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="to" label={t('reports.indicators.to')} rules={[{ required: true }]}>
            <DateInput />
          </Form.Item>
          <Form.Item name="asOf" label={t('reports.indicators.asOf')}>
            <DateInput />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              registry.data?.items
                .find((i) => i.id === form.getFieldValue('indicator'))
                ?.parameters.some((p) => p.name === 'bands') ? (
                <Form.Item name="bands" label={t('reports.indicators.bands')}>
                  <Input placeholder="40,51" style={{ width: 120 }} />
                </Form.Item>
              ) : null
            }
          </Form.Item>
          <Button id="indicator-run" type="primary" htmlType="submit">
            {t('reports.indicators.run')}
          </Button>
        </Space>
      </Form>
      {current ? <p className="muted">{current.description[lang]}</p> : null}
      {chosen ? (
        <Tabs
          id="indicator-tabs"
          activeKey={tab}
          onChange={(k) => setTab(k as 'table' | 'map')}
          items={[
            {
              key: 'table',
              label: t('reports.indicators.tabTable'),
              children: (
                <>
                  <ErrorAlert error={table.error} />
                  {table.data ? (
                    <>
                      <Table
                        id="indicator-table"
                        style={{ marginTop: 16 }}
                        size="small"
                        rowKey={(r) => JSON.stringify(r.values)}
                        loading={table.isFetching}
                        dataSource={table.data.rows}
                        pagination={false}
                        columns={table.data.columns.map((c) => ({
                          key: c.key,
                          title: c.label[lang],
                          align: c.kind === 'measure' ? ('right' as const) : undefined,
                          render: (_: unknown, r: Row) =>
                            c.kind === 'dimension'
                              ? (r.labels[c.key]?.[lang] ?? String(r.values[c.key] ?? ''))
                              : cell(r.values[c.key], c.unit),
                        }))}
                        summary={() =>
                          table.data?.total ? (
                            <Table.Summary.Row>
                              {table.data.columns.map((c, i) => (
                                <Table.Summary.Cell
                                  key={c.key}
                                  index={i}
                                  align={c.kind === 'measure' ? 'right' : undefined}
                                >
                                  {i === 0
                                    ? t('reports.indicators.total')
                                    : c.kind === 'measure'
                                      ? cell(table.data?.total?.[c.key], c.unit)
                                      : ''}
                                </Table.Summary.Cell>
                              ))}
                            </Table.Summary.Row>
                          ) : null
                        }
                      />
                      {table.data.rows.length > 0 && isPyramidTable(table.data) ? (
                        <div style={{ marginTop: 16, maxWidth: 900 }}>
                          <PyramidChart table={table.data} lang={lang} />
                        </div>
                      ) : option && table.data.rows.length > 0 ? (
                        <div style={{ marginTop: 16 }}>
                          <EChart id="indicator-chart" option={option} height={360} />
                        </div>
                      ) : null}
                    </>
                  ) : null}
                </>
              ),
            },
            {
              key: 'map',
              label: t('reports.indicators.tabMap'),
              children: chosenDefinition?.headline ? (
                <>
                  <Breadcrumb
                    className="indicator-map-breadcrumb"
                    items={[{ id: chosen.params.unitId, name: table.data?.unitName ?? '…' }, ...drill].map(
                      (u, i, all) => ({
                        key: u.id,
                        title:
                          i === all.length - 1 ? (
                            u.name
                          ) : (
                            <Button type="link" size="small" onClick={() => setDrill(drill.slice(0, i))}>
                              {u.name}
                            </Button>
                          ),
                      }),
                    )}
                  />
                  <ErrorAlert error={map.error} />
                  <Spin spinning={map.isFetching}>
                    {map.data && map.data.items.length > 0 ? (
                      <div style={{ marginTop: 8 }}>
                        <UnitMapChart
                          data={map.data}
                          lang={lang}
                          onDrill={(u) => setDrill((d) => [...d, u])}
                        />
                      </div>
                    ) : map.data ? (
                      <Alert type="info" showIcon message={t('reports.indicators.mapEmpty')} />
                    ) : (
                      <div style={{ height: 120 }} />
                    )}
                  </Spin>
                </>
              ) : (
                <Alert type="info" showIcon message={t('reports.indicators.mapNoHeadline')} />
              ),
            },
          ]}
        />
      ) : null}
    </>
  );
}
