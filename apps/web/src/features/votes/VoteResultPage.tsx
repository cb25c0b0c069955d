import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { recordUrl, useVoteResult } from '../../api/votes';
import { type ChartOption, EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { formatShare, LEVEL_COLORS, LEVELS } from './format';

/** The result of a closed session: counts and shares of ballots collected per person, flags, the record. */
export default function VoteResultPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const result = useVoteResult(id, true);
  const r = result.data;
  const option = useMemo<ChartOption | null>(
    () =>
      r
        ? {
            tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => formatShare(v as number) },
            legend: { top: 0 },
            grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
            xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
            yAxis: { type: 'category', inverse: true, data: r.people.map((p) => p.fullName) },
            series: LEVELS.map((level) => ({
              name: t(`votes.levels.${level}`),
              type: 'bar',
              stack: 'share',
              color: LEVEL_COLORS[level],
              data: r.people.map((p) => p[`${level}Percent`] ?? 0),
            })),
          }
        : null,
    [r, t],
  );
  if (!r) return result.error ? <ErrorAlert error={result.error} /> : <PageLoader />;
  return (
    <>
      <PageTitle
        title={`${t('votes.result.title')}: ${r.title}`}
        extra={
          <Space>
            <Button id="record-docx" icon={<FileWordOutlined />} href={recordUrl(id, 'docx')} download>
              {t('votes.result.docx')}
            </Button>
            <Button id="record-xlsx" icon={<FileExcelOutlined />} href={recordUrl(id, 'xlsx')} download>
              {t('votes.result.xlsx')}
            </Button>
          </Space>
        }
      />
      {r.void ? (
        <Alert
          id="result-void"
          type="error"
          showIcon
          title={t('votes.result.voidHint')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('votes.setup.date')}>{formatDate(r.voteDate)}</Descriptions.Item>
        <Descriptions.Item label={t('votes.result.summoned')}>{r.summoned}</Descriptions.Item>
        <Descriptions.Item label={t('votes.result.issued')}>{r.issued}</Descriptions.Item>
        <Descriptions.Item label={t('votes.result.collected')}>{r.collected}</Descriptions.Item>
      </Descriptions>
      <Table
        id="vote-result-table"
        rowKey="personId"
        pagination={false}
        dataSource={r.people}
        scroll={{ x: true }}
        columns={[
          {
            title: t('votes.roster.name'),
            dataIndex: 'fullName',
            render: (v: string, p) => (
              <>
                <strong>{v}</strong>
                <div className="turnout-label">{p.post}</div>
              </>
            ),
          },
          ...LEVELS.map((level) => ({
            title: t(`votes.levels.${level}`),
            key: level,
            align: 'right' as const,
            render: (_: unknown, p: (typeof r.people)[number]) => (
              <span className={`share-${level}`}>
                {p[level]} ({formatShare(p[`${level}Percent`])})
              </span>
            ),
          })),
          { title: t('votes.result.invalid'), dataIndex: 'invalid', align: 'right' },
          {
            title: t('votes.result.flag'),
            dataIndex: 'flag',
            render: (f: 'none' | 'removeFromPlanning' | 'dismissal') =>
              f === 'none' ? (
                '—'
              ) : (
                <Tag color={f === 'dismissal' ? 'red' : 'orange'}>{t(`votes.flags.${f}`)}</Tag>
              ),
          },
        ]}
      />
      {option ? (
        <Card title={t('votes.result.chart')} style={{ marginTop: 16 }}>
          <EChart id="vote-result-chart" option={option} height={Math.max(160, 60 * r.people.length + 60)} />
        </Card>
      ) : null}
      <p className="turnout-label" style={{ marginTop: 12 }}>
        {t('votes.result.basis')}
      </p>
    </>
  );
}
