import { formatDecimal, ruleSetById } from '@canbo/domain';
import { Alert, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../components/EChart';
import { formatDate } from '../../components/format';
import { gradeText } from '../evaluations/domain';
import type { AnnualReviewDetail } from './api';
import { AnnualGradeTag, GRADE_COLORS, GRADE_TAG } from './ui';

type Rollup = NonNullable<AnnualReviewDetail['rollup']>;
type Input = Rollup['inputs'][number];

const points = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatDecimal(v, 2, { trimZeros: true });

/** "01/2026" for a month, "01/01/2026 – 31/03/2026" for a longer stretch. */
function periodLabel(i: Input): string {
  const sameMonth = i.periodStart.slice(0, 7) === i.periodEnd.slice(0, 7);
  return sameMonth
    ? formatDate(i.periodStart, 'MM/YYYY')
    : `${formatDate(i.periodStart)} – ${formatDate(i.periodEnd)}`;
}

/** The months (or quarters) behind the system's proposal: a table, a small chart, the formula. */
export function RollupEvidence({ review }: { review: AnnualReviewDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const rollup = review.rollup;
  const option = useMemo<ChartOption | null>(() => {
    if (!rollup || rollup.inputs.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rollup.inputs.map((i) => formatDate(i.periodStart, 'MM/YY')) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'bar',
          name: t('annual.rollup.total'),
          barMaxWidth: 22,
          data: rollup.inputs.map((i) => ({
            value: i.total,
            itemStyle: { color: i.grade ? GRADE_COLORS[i.grade] : '#d9d9d9' },
          })),
        },
        {
          type: 'line',
          name: t('annual.rollup.average'),
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#595959' },
          data: rollup.inputs.map(() => rollup.score),
        },
      ],
    };
  }, [rollup, t]);

  if (!rollup) return <Typography.Text type="secondary">{t('annual.rollup.none')}</Typography.Text>;
  return (
    <div id="rollup-evidence">
      <div className="rollup-explanation" id="rollup-explanation">
        <div>
          <Typography.Text strong>{t('annual.rollup.proposal')}: </Typography.Text>
          {rollup.score !== null ? <strong id="rollup-score">{points(rollup.score)} </strong> : null}
          <AnnualGradeTag grade={rollup.grade} ruleSetId={review.ruleSetId} id="rollup-grade" />
        </div>
        <div>{rollup.explanation[lang] || rollup.explanation.vi}</div>
        <Typography.Text type="secondary" className="small-note">
          {t(`annual.rollup.formulas.${rollup.formula}`)} ·{' '}
          {t('annual.rollup.counted', { counted: rollup.counted, listed: rollup.listed })}
          {rollup.rule ? ` · ${rollup.rule.article}` : ''}
        </Typography.Text>
      </div>
      {option ? <EChart id="rollup-chart" option={option} height={180} /> : null}
      {rollup.inputs.length === 0 ? (
        <Alert type="info" showIcon title={t('annual.rollup.noMonths')} />
      ) : (
        <Table<Input>
          id="rollup-table"
          className="mt-12"
          size="small"
          rowKey={(i) => `${i.periodStart}:${i.ruleSetId}`}
          pagination={false}
          dataSource={rollup.inputs}
          columns={[
            { key: 'period', title: t('annual.rollup.period'), render: (_, i) => periodLabel(i) },
            {
              key: 'total',
              title: t('annual.rollup.total'),
              align: 'right',
              render: (_, i) => points(i.total),
            },
            {
              key: 'grade',
              title: t('annual.columns.grade'),
              render: (_, i) =>
                i.grade ? (
                  <Tooltip title={gradeText(i.ruleSetId, i.grade, lang)}>
                    <Tag color={GRADE_TAG[i.grade]} className="month-grade">
                      {ruleSetById(i.ruleSetId)?.gradeCodes[i.grade] ?? gradeText(i.ruleSetId, i.grade, lang)}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">{t('annual.rollup.notCounted')}</Typography.Text>
                ),
            },
            {
              key: 'unit',
              title: t('annual.columns.unit'),
              responsive: ['md'],
              render: (_, i) => i.unitName ?? '—',
            },
          ]}
        />
      )}
    </div>
  );
}
