import { Card, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type GradeHistoryView, useGradeHistory } from '../../api/evaluationAdmin';
import { type ChartOption, EChart } from '../../components/EChart';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { useCan } from '../../components/RequirePermission';
import { FindingsCard } from './FindingsCard';
import { formatPoints, GRADE_COLORS, GradeTag, StateTag, useGradeLabel } from './ui';

type Item = GradeHistoryView['items'][number];

/** "Đánh giá" tab of a person: monthly totals coloured by grade, the list, and disqualifying findings. */
export function PersonEvaluationsTab({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const history = useGradeHistory(personId);
  const gradeLabel = useGradeLabel();
  const items = useMemo(
    () => [...(history.data?.items ?? [])].sort((a, b) => a.periodStart.localeCompare(b.periodStart)),
    [history.data],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const it = items[ps[0]?.dataIndex ?? 0];
          return it
            ? `${it.label}<br/>${formatPoints(it.total)} · ${it.grade ? gradeLabel(it.grade, it.ruleSetId) : '—'}`
            : '';
        },
      },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: items.map((i) => i.label) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: items.map((i) => ({
            value: i.total ?? 0,
            itemStyle: { color: i.grade ? GRADE_COLORS[i.grade] : '#bfbfbf' },
          })),
          label: { show: true, position: 'top', formatter: (p: { value: number }) => formatPoints(p.value) },
        },
      ],
    }),
    [items, gradeLabel],
  );

  if (history.isPending) return <PageLoader />;
  return (
    <>
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      <Card size="small" className="mb-16" title={t('evaluations.person.chart')}>
        {items.length === 0 ? (
          <Empty description={t('evaluations.person.none')} />
        ) : (
          <EChart id="grade-chart" option={option} height={260} />
        )}
      </Card>
      <Card size="small" className="mb-16" title={t('evaluations.person.list')}>
        <Table<Item>
          id="grade-history"
          rowKey="evaluationId"
          size="small"
          pagination={{ pageSize: 12, hideOnSinglePage: true }}
          dataSource={[...items].reverse()}
          scroll={{ x: 600 }}
          columns={[
            {
              key: 'label',
              title: t('evaluations.columns.cycle'),
              render: (_, i) => <Link to={`/evaluations/${i.evaluationId}`}>{i.label}</Link>,
            },
            { key: 'ruleSet', title: t('evaluations.frameworks.ruleSet'), dataIndex: 'ruleSetId' },
            {
              key: 'state',
              title: t('evaluations.columns.state'),
              render: (_, i) => <StateTag state={i.state} />,
            },
            {
              key: 'total',
              title: t('evaluations.columns.total'),
              align: 'right',
              render: (_, i) => formatPoints(i.total),
            },
            {
              key: 'grade',
              title: t('evaluations.columns.grade'),
              render: (_, i) => <GradeTag grade={i.grade} ruleSetId={i.ruleSetId} />,
            },
          ]}
        />
      </Card>
      {can('evaluations.manage') || can('evaluations.read') ? (
        <FindingsCard personId={personId} canAdd={can('evaluations.manage')} />
      ) : null}
    </>
  );
}
