import {
  EyeOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Progress, Segmented, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import {
  type ReportFormat,
  type ReportRun,
  reportFileUrl,
  useCreateReportRun,
  useReportRuns,
  useReportTemplates,
} from '../../api/reportBuilder';
import { DateInput } from '../../components/DateInput';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageTitle';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDefaultUnit } from './ReportFilters';

type PeriodKind = 'firstHalf' | 'year' | 'custom';

const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
/** DateInput answers one date (never a range here). */
const one = (d: Dayjs | Dayjs[] | null): Dayjs | null => (Array.isArray(d) ? (d[0] ?? null) : d);

function periodOf(kind: PeriodKind, year: number, range: [Dayjs | null, Dayjs | null]) {
  if (kind === 'firstHalf') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (kind === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  return { from: iso(range[0]), to: iso(range[1]) };
}

const STATE_COLOUR = { queued: 'default', running: 'processing', done: 'success', failed: 'error' } as const;
const FILE_ICON = {
  docx: <FileWordOutlined />,
  xlsx: <FileExcelOutlined />,
  pdf: <FilePdfOutlined />,
} as const;

/** "Báo cáo sơ kết, tổng kết": pick a template, subtree, period and as-of date; build; follow; download. */
export default function ReportBuilderPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const manage = me.permissions.includes('units.manage');
  const templates = useReportTemplates();
  const [templateId, setTemplateId] = useState<string>('builtin-yearEnd');
  const [unitId, setUnitId] = useState(useDefaultUnit());
  const [periodKind, setPeriodKind] = useState<PeriodKind>('year');
  const [year, setYear] = useState(new Date().getFullYear());
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null]>([null, null]);
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const [documentNumber, setDocumentNumber] = useState('');
  const [place, setPlace] = useState('');
  const [page, setPage] = useState(1);
  const create = useCreateReportRun();
  const runs = useReportRuns({ unitId, page, pageSize: 10 });
  const period = periodOf(periodKind, year, range);

  const generate = () => {
    if (!unitId || !period.from || !period.to) return;
    create.mutate({
      templateId,
      unitId,
      from: period.from,
      to: period.to,
      ...(asOf ? { asOf: iso(asOf) } : {}),
      ...(documentNumber.trim() ? { documentNumber: documentNumber.trim() } : {}),
      ...(place.trim() ? { place: place.trim() } : {}),
    });
  };

  const chooseTemplate = (id: string) => {
    setTemplateId(id);
    const kind = templates.data?.items.find((x) => x.id === id)?.kind;
    if (kind === 'midYear') setPeriodKind('firstHalf');
    if (kind === 'yearEnd') setPeriodKind('year');
  };

  return (
    <>
      <PageTitle
        title={t('reports.builder.title')}
        extra={
          <Link to="/reports/templates">
            <Button id="report-templates" icon={<SettingOutlined />}>
              {t('reports.builder.templates')}
            </Button>
          </Link>
        }
      />
      {manage ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form layout="vertical">
            <Space wrap align="end" size="middle">
              <Form.Item label={t('reports.builder.template')}>
                <Select
                  id="report-template"
                  style={{ minWidth: 260 }}
                  value={templateId}
                  onChange={chooseTemplate}
                  loading={templates.isLoading}
                  options={(templates.data?.items ?? []).map((x) => ({
                    value: x.id,
                    label: x.builtIn ? x.name : `${x.name} (${x.unitName})`,
                  }))}
                />
              </Form.Item>
              <Form.Item label={t('reports.unit')}>
                <UnitTreeSelect
                  id="report-unit"
                  value={unitId}
                  onChange={setUnitId}
                  style={{ minWidth: 300 }}
                />
              </Form.Item>
              <Form.Item label={t('reports.builder.period')}>
                <Segmented
                  id="report-period"
                  value={periodKind}
                  onChange={(v) => setPeriodKind(v as PeriodKind)}
                  options={[
                    { value: 'firstHalf', label: t('reports.builder.firstHalf') },
                    { value: 'year', label: t('reports.builder.wholeYear') },
                    { value: 'custom', label: t('reports.builder.custom') },
                  ]}
                />
              </Form.Item>
              {periodKind === 'custom' ? (
                <Form.Item label={t('reports.builder.range')}>
                  <Space>
                    <DateInput
                      id="report-from"
                      value={range[0]}
                      onChange={(d) => setRange([one(d), range[1]])}
                    />
                    <DateInput
                      id="report-to"
                      value={range[1]}
                      onChange={(d) => setRange([range[0], one(d)])}
                    />
                  </Space>
                </Form.Item>
              ) : (
                <Form.Item label={t('reports.year')}>
                  <InputNumber
                    id="report-year"
                    min={2000}
                    max={2100}
                    value={year}
                    onChange={(v) => v && setYear(v)}
                  />
                </Form.Item>
              )}
              <Form.Item label={t('reports.builder.asOf')} tooltip={t('reports.builder.asOfHint')}>
                <DateInput id="report-as-of" value={asOf} onChange={(d) => setAsOf(one(d))} />
              </Form.Item>
              <Form.Item label={t('reports.builder.number')}>
                <Input
                  id="report-number"
                  placeholder="12-BC/ĐU"
                  value={documentNumber}
                  onChange={(e) => setDocumentNumber(e.target.value)}
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Form.Item label={t('reports.builder.place')}>
                <Input
                  id="report-place"
                  placeholder="Hà Nội"
                  value={place}
                  onChange={(e) => setPlace(e.target.value)}
                  style={{ width: 140 }}
                />
              </Form.Item>
              <Form.Item>
                <Button
                  id="report-generate"
                  type="primary"
                  loading={create.isPending}
                  disabled={!unitId || !period.from || !period.to}
                  onClick={generate}
                >
                  {t('reports.builder.generate')}
                </Button>
              </Form.Item>
            </Space>
          </Form>
          <ErrorAlert error={create.error} />
        </Card>
      ) : null}
      <ErrorAlert error={runs.error} />
      <Table<ReportRun>
        id="report-runs"
        rowKey="id"
        loading={runs.isLoading}
        dataSource={runs.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 10,
          total: runs.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('reports.builder.report'),
            key: 'title',
            render: (_, r) => (
              <>
                <div>{r.title}</div>
                <div className="muted">
                  {r.unitName} · {formatDate(r.from)} – {formatDate(r.to)} · {t('reports.builder.asOfShort')}{' '}
                  {formatDate(r.asOf)}
                </div>
              </>
            ),
          },
          {
            title: t('reports.builder.state'),
            key: 'state',
            width: 240,
            render: (_, r) => (
              <>
                <Tag color={STATE_COLOUR[r.state]}>{t(`reports.builder.states.${r.state}`)}</Tag>
                {r.state === 'queued' || r.state === 'running' ? (
                  <Progress
                    className="report-progress"
                    percent={r.percent}
                    size="small"
                    status="active"
                    format={() => `${r.sectionsDone}/${r.sectionsTotal}`}
                  />
                ) : null}
                {r.error ? <div className="muted">{r.error}</div> : null}
              </>
            ),
          },
          {
            title: t('reports.builder.created'),
            key: 'created',
            width: 170,
            render: (_, r) => (
              <>
                <div>{formatDateTime(r.createdAt)}</div>
                <div className="muted">{r.createdBy?.name}</div>
              </>
            ),
          },
          {
            title: t('reports.builder.files'),
            key: 'files',
            width: 300,
            render: (_, r) =>
              r.state === 'done' ? (
                <Space wrap>
                  <Link to={`/reports/runs/${r.id}`}>
                    <Button size="small" icon={<EyeOutlined />}>
                      {t('reports.builder.preview')}
                    </Button>
                  </Link>
                  {(['docx', 'xlsx', 'pdf'] as ReportFormat[]).map((f) => (
                    <Button key={f} size="small" icon={FILE_ICON[f]} href={reportFileUrl(r.id, f)} download>
                      {f.toUpperCase()}
                    </Button>
                  ))}
                </Space>
              ) : null,
          },
        ]}
      />
    </>
  );
}
