import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../api/evaluations';
import { compare, type Grade, type Scores } from './domain';
import { formatPoints, GradeTag } from './ui';

interface Props {
  ev: EvaluationDetail;
  self: Scores;
  final: Scores;
  selfTotal: number | null;
  selfGrade: Grade | null;
  finalTotal: number | null;
  finalGrade: Grade | null;
}

/** "Tự đánh giá / Kết quả cuối cùng" side by side, criterion by criterion. */
export function Comparison({ ev, self, final, selfTotal, selfGrade, finalTotal, finalGrade }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const titles = useMemo(() => {
    const map = new Map<string, string>();
    const walk = (nodes: EvaluationDetail['framework']['criteria']) => {
      for (const n of nodes) {
        map.set(n.code, n.title[lang] || n.title.vi);
        walk(n.children ?? []);
      }
    };
    walk(ev.framework.criteria);
    return map;
  }, [ev, lang]);
  const rows = useMemo(() => compare(ev, self, final), [ev, self, final]);

  return (
    <Table
      id="comparison"
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={rows}
      tableLayout="fixed"
      rowClassName={(r) => (r.delta !== 0 ? 'row-changed' : '')}
      columns={[
        {
          title: t('evaluations.compare.criterion'),
          dataIndex: 'code',
          render: (code: string) => (
            <span>
              {titles.get(code) ?? ''}{' '}
              <Typography.Text type="secondary" className="compare-code">
                {code}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: t('evaluations.compare.self'),
          dataIndex: 'before',
          width: 110,
          align: 'right',
          render: formatPoints,
        },
        {
          title: t('evaluations.compare.final'),
          dataIndex: 'after',
          width: 120,
          align: 'right',
          render: formatPoints,
        },
        {
          title: t('evaluations.compare.delta'),
          dataIndex: 'delta',
          width: 64,
          align: 'right',
          render: (d: number) =>
            d === 0 ? (
              ''
            ) : (
              <span className={d > 0 ? 'delta-up' : 'delta-down'}>
                {d > 0 ? `+${formatPoints(d)}` : formatPoints(d)}
              </span>
            ),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>
            <strong>{t('evaluations.compare.total')}</strong>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <strong>{formatPoints(selfTotal)}</strong>
            <div>
              <GradeTag grade={selfGrade} ruleSetId={ev.ruleSetId} />
            </div>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <strong>{formatPoints(finalTotal)}</strong>
            <div>
              <GradeTag grade={finalGrade} ruleSetId={ev.ruleSetId} />
            </div>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            {selfTotal !== null && finalTotal !== null && selfTotal !== finalTotal
              ? formatPoints(Math.round((finalTotal - selfTotal) * 100) / 100)
              : ''}
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
