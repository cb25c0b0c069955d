import { QuestionCircleOutlined } from '@ant-design/icons';
import type { CriterionInput } from '@canbo/domain';
import { Button, Collapse, InputNumber, Popover, Slider, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationDetail } from '../../api/evaluations';
import { type Leaf, leavesByGroup, type ScoreOutcome, type Scores } from './domain';
import { formatPoints } from './ui';

interface Props {
  ev: EvaluationDetail;
  scores: Scores;
  onChange: (code: string, value: number) => void;
  editable: boolean;
  /** The result of the live preview (points per group). */
  result: ScoreOutcome | null;
  /** Shown beside each leaf for reviewers: what the person gave themselves. */
  selfScores?: Scores | null;
  /** Points of the KPI group, when computed from the KPI record. */
  kpiPoints?: number;
}

function Guidance({ text, title }: { text: string; title: string }) {
  const { t } = useTranslation();
  return (
    <Popover
      trigger="click"
      title={title}
      content={<div className="guidance-text">{text}</div>}
      styles={{ root: { maxWidth: 'min(420px, 92vw)' } }}
    >
      <Button
        type="text"
        size="small"
        icon={<QuestionCircleOutlined />}
        aria-label={t('evaluations.form.guidance')}
        className="guidance-btn"
      />
    </Popover>
  );
}

type Titles = { vi: string; en: string }[];

/** For each leaf code, the titles of the sub-criteria between its group and itself. */
function ancestry(criteria: CriterionInput[]): Map<string, Titles> {
  const out = new Map<string, Titles>();
  const walk = (node: CriterionInput, above: Titles) => {
    if (!node.children?.length) out.set(node.code, above);
    for (const child of node.children ?? []) walk(child, [...above, node.title]);
  };
  for (const group of criteria) for (const child of group.children ?? []) walk(child, []);
  return out;
}

function LeafRow({
  leaf,
  parents,
  lang,
  value,
  self,
  editable,
  onChange,
}: {
  leaf: Leaf;
  parents: Titles;
  lang: 'vi' | 'en';
  value: number;
  self: number | undefined;
  editable: boolean;
  onChange: (value: number) => void;
}) {
  const { t } = useTranslation();
  const n = leaf.node;
  const title = n.title[lang] || n.title.vi;
  const guidance = n.guidance ? n.guidance[lang] || n.guidance.vi : '';
  const kpi = n.source === 'kpi';
  const step = n.maxPoints <= 5 ? 0.25 : 0.5;
  return (
    <div className="leaf-row" id={`leaf-${n.code}`}>
      <div className="leaf-head">
        <div className="leaf-title">
          {parents.length > 0 ? (
            <Typography.Text type="secondary" className="leaf-path">
              {parents.map((p) => p[lang] || p.vi).join(' › ')}
            </Typography.Text>
          ) : null}
          <span className="leaf-name">{title}</span>
          <Typography.Text type="secondary" className="leaf-max">
            <Tag className="leaf-code">{n.code}</Tag>
            {t('evaluations.form.max', { points: formatPoints(n.maxPoints) })}
          </Typography.Text>
        </div>
        {guidance ? <Guidance text={guidance} title={title} /> : null}
      </div>
      {kpi ? (
        <Typography.Text type="secondary">{t('evaluations.form.kpiComputed')}</Typography.Text>
      ) : editable ? (
        <div className="leaf-input">
          <Slider
            min={0}
            max={n.maxPoints}
            step={step}
            value={value}
            onChange={(v) => onChange(v)}
            tooltip={{ formatter: (v) => formatPoints(v ?? 0) }}
            className="leaf-slider"
          />
          <InputNumber<number>
            id={`score-${n.code}`}
            size="large"
            min={0}
            max={n.maxPoints}
            step={step}
            value={value}
            inputMode="decimal"
            formatter={(v, info) => (info.userTyping ? info.input : formatPoints(Number(v ?? 0)))}
            parser={(v) => Number((v ?? '').replace(',', '.')) || 0}
            onChange={(v) => onChange(typeof v === 'number' ? v : 0)}
            className="leaf-number"
            aria-label={title}
          />
        </div>
      ) : (
        <div className="leaf-value" id={`score-${n.code}`}>
          <strong>{formatPoints(value)}</strong>
          <Typography.Text type="secondary">/{formatPoints(n.maxPoints)}</Typography.Text>
        </div>
      )}
      {self !== undefined && self !== value ? (
        <Typography.Text type="warning" className="leaf-self">
          {t('evaluations.form.selfWas', { points: formatPoints(self) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** The criteria as collapsible groups, one input per leaf bounded by its maximum. */
export function CriteriaForm({ ev, scores, onChange, editable, result, selfScores, kpiPoints }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const groups = useMemo(() => leavesByGroup(ev.ruleSetId, ev.framework.criteria), [ev]);
  const parents = useMemo(() => ancestry(ev.framework.criteria), [ev]);
  const pointsOf = (code: string) => result?.groups.find((g) => g.code === code)?.points;

  return (
    <Collapse
      className="criteria-groups"
      defaultActiveKey={groups.map((g) => g.group.code)}
      items={groups.map(({ group, leaves }) => {
        const allKpi = leaves.every((l) => l.node.source === 'kpi');
        const points = allKpi && kpiPoints !== undefined ? kpiPoints : pointsOf(group.code);
        return {
          key: group.code,
          label: (
            <div className="group-head">
              <span className="group-title">{group.title[lang] || group.title.vi}</span>
              <span className="group-points" id={`group-points-${group.code}`}>
                {formatPoints(points ?? 0)}/{formatPoints(group.maxPoints)}
              </span>
            </div>
          ),
          children: (
            <div className="leaf-list">
              {leaves.map((leaf) => (
                <LeafRow
                  key={leaf.node.code}
                  leaf={leaf}
                  parents={parents.get(leaf.node.code) ?? []}
                  lang={lang}
                  value={scores[leaf.node.code] ?? 0}
                  self={selfScores ? (selfScores[leaf.node.code] ?? 0) : undefined}
                  editable={editable}
                  onChange={(v) => onChange(leaf.node.code, v)}
                />
              ))}
              {leaves.length === 0 ? (
                <Typography.Text type="secondary">{t('evaluations.form.noLeaves')}</Typography.Text>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
