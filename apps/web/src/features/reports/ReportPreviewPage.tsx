import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { ReportTableData } from '@canbo/domain';
import { Alert, Button, Descriptions, Progress, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { reportFileUrl, useReportRun } from '../../api/reportBuilder';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { ReportChart } from './ReportChart';
import './report-preview.css';

function SectionTable({ table }: { table: ReportTableData }) {
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      className="report-table"
      rowKey={(_, i) => String(i)}
      dataSource={table.rows.map((cells) => ({ cells }))}
      rowClassName={(_, i) => (table.totalRow && i === table.rows.length - 1 ? 'report-total' : '')}
      columns={table.headers.map((title, c) => ({
        title,
        key: String(c),
        align: table.align[c] === 'right' ? 'right' : 'left',
        render: (_: unknown, r: { cells: string[] }) => r.cells[c],
      }))}
    />
  );
}

/** The on-screen preview of a built report: the document's heading, its sections, tables and charts. */
export default function ReportPreviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const run = useReportRun(id);
  if (run.isLoading) return <PageLoader />;
  if (run.error || !run.data) return <ErrorAlert error={run.error} />;
  const r = run.data;
  const data = r.data;
  return (
    <>
      <PageTitle
        title={`${t('reports.builder.previewTitle')}: ${r.title}`}
        extra={
          r.state === 'done' ? (
            <Space>
              <Button
                id="download-docx"
                icon={<FileWordOutlined />}
                href={reportFileUrl(r.id, 'docx')}
                download
              >
                .docx
              </Button>
              <Button
                id="download-xlsx"
                icon={<FileExcelOutlined />}
                href={reportFileUrl(r.id, 'xlsx')}
                download
              >
                .xlsx
              </Button>
              <Button id="download-pdf" icon={<FilePdfOutlined />} href={reportFileUrl(r.id, 'pdf')} download>
                PDF
              </Button>
            </Space>
          ) : null
        }
      />
      {r.state !== 'done' ? (
        r.state === 'failed' ? (
          <Alert type="error" showIcon message={r.error ?? t('reports.builder.states.failed')} />
        ) : (
          <Progress
            percent={r.percent}
            status="active"
            format={() => `${r.sectionsDone}/${r.sectionsTotal}`}
          />
        )
      ) : null}
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }} id="report-facts">
        <Descriptions.Item label={t('reports.unit')}>{r.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('reports.builder.template')}>{r.templateName}</Descriptions.Item>
        <Descriptions.Item label={t('reports.builder.period')}>
          {formatDate(r.from)} – {formatDate(r.to)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.builder.asOf')}>{formatDate(r.asOf)}</Descriptions.Item>
        <Descriptions.Item label={t('reports.builder.dataReadAt')}>
          {formatDateTime(r.dataReadAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('reports.builder.ruleSets')} span={2}>
          {r.ruleSets.length
            ? r.ruleSets.map((x) => `${x.ruleSetId} (${x.usedBy.join(', ')})`).join('; ')
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      {data ? (
        <div className="report-paper" id="report-preview">
          <div className="report-heading">
            <div className="report-heading-left">
              {data.superior ? <div>{data.superior.toLocaleUpperCase('vi')}</div> : null}
              <div className="report-issuer">{data.issuer.toLocaleUpperCase('vi')}</div>
              <div>*</div>
              <div>{data.number}</div>
            </div>
            <div className="report-heading-right">
              <div className="report-party">ĐẢNG CỘNG SẢN VIỆT NAM</div>
              <div className="report-date">{data.placeAndDate}</div>
            </div>
          </div>
          <div className="report-type">{data.type}</div>
          <div className="report-subject">{data.subject}</div>
          <p className="report-asof">{data.asOfLine}</p>
          {data.sections.map((s, i) => (
            <section key={s.number} className="report-section">
              <Typography.Title level={5}>
                {s.number}. {s.title.toLocaleUpperCase('vi')}
              </Typography.Title>
              {s.intro ? <p className="report-text">{s.intro}</p> : null}
              {s.highlights.map((h) => (
                <p key={h} className="report-text">
                  - {h}
                </p>
              ))}
              {s.tables.map((tb) => (
                <div key={tb.title} className="report-table-block">
                  <div className="report-table-title">{tb.title}</div>
                  <SectionTable table={tb} />
                </div>
              ))}
              {s.chart ? (
                <ReportChart
                  spec={s.chart}
                  id={`report-chart-${i + 1}`}
                  fileName={`${r.title} - ${s.number}`}
                />
              ) : null}
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
}
