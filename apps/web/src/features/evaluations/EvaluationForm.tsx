import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Checkbox, Form, Input, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import type { EvaluationDetail } from '../../api/evaluations';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageTitle } from '../../components/PageTitle';
import { Comparison } from './Comparison';
import { CriteriaForm } from './CriteriaForm';
import {
  kpiOf,
  linesFromEntries,
  preview,
  type ScoreOutcome,
  type Scores,
  sameScores,
  selfScoresOf,
} from './domain';
import { EvaluationActions } from './EvaluationActions';
import { KpiSection } from './KpiSection';
import { ScoreBar } from './ScoreBar';
import { StepTimeline } from './StepTimeline';
import { TaskList } from './TaskList';
import { StateTag } from './ui';

interface Props {
  ev: EvaluationDetail;
  onReload: () => void;
}

export function EvaluationForm({ ev, onReload }: Props) {
  const { t } = useTranslation();
  const allowed = new Set(ev.allowed);
  const selfMode = allowed.has('saveDraft') || allowed.has('submitSelf');
  const reviewMode = allowed.has('review') || allowed.has('decide');
  const editable = selfMode || reviewMode;
  const [scores, setScores] = useState<Scores>(() => ({ ...ev.scores }));
  const [comment, setComment] = useState(() => (selfMode ? (ev.selfComment ?? '') : ''));
  const [remedied, setRemedied] = useState<boolean | undefined>(ev.facts.shortcomingsRemedied ?? undefined);
  const [kpiLines, setKpiLines] = useState(() => linesFromEntries(ev.kpi?.entries ?? []));
  const [error, setError] = useState<unknown>(null);
  const [openedAt] = useState(() => new Date().toISOString());
  const [tab, setTab] = useState('score');

  const kpi = useMemo(() => kpiOf(ev, kpiLines), [ev, kpiLines]);
  const live = useMemo(
    () => preview(ev, scores, ev.tasks, kpi, ev.ruleSetId === 'qd-366-2025' ? remedied : undefined),
    [ev, scores, kpi, remedied],
  );
  // What is stored is shown as stored: a result is never recomputed silently.
  const shown: ScoreOutcome | null =
    editable || ev.total === null || ev.grade === null || !ev.rule
      ? live
      : ({
          ...(live ?? { groups: [], disqualifiers: [] }),
          total: ev.total,
          grade: ev.grade,
          gradeByPoints: ev.grade,
          rule: ev.rule,
        } as ScoreOutcome);
  const selfScores = selfScoresOf(ev);
  const changed = reviewMode && !sameScores(scores, ev.scores);
  const commentMissing = changed && !comment.trim();
  const lastReturn = [...ev.steps].reverse().find((s) => s.action === 'return');
  const conflict = isApiError(error) && error.status === 409;
  const backTo = selfMode || allowed.has('complain') ? '/evaluations/mine' : '/evaluations/review';
  const caption = selfMode
    ? t('evaluations.form.captionSelf')
    : reviewMode
      ? t('evaluations.form.captionProposed')
      : t('evaluations.form.captionResult');

  const scoring = (
    <>
      <CriteriaForm
        ev={ev}
        scores={scores}
        editable={editable}
        result={live}
        selfScores={reviewMode ? selfScores : null}
        kpiPoints={kpi?.points}
        onChange={(code, value) => setScores((s) => ({ ...s, [code]: value }))}
      />
      {ev.ruleSetId === 'qd-366-2025' && selfMode ? (
        <Checkbox
          id="shortcomings-remedied"
          className="mt-12"
          checked={remedied ?? false}
          onChange={(e) => setRemedied(e.target.checked)}
        >
          {t('evaluations.form.remedied')}
        </Checkbox>
      ) : null}
      {editable ? (
        <Form layout="vertical" className="mt-12">
          <Form.Item
            label={selfMode ? t('evaluations.form.selfComment') : t('evaluations.form.reviewComment')}
            required={commentMissing || changed}
            validateStatus={commentMissing ? 'error' : undefined}
            help={commentMissing ? t('evaluations.form.commentRequired') : undefined}
          >
            <Input.TextArea
              id={selfMode ? 'self-comment' : 'review-comment'}
              rows={3}
              maxLength={4000}
              showCount
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </Form.Item>
        </Form>
      ) : ev.selfComment ? (
        <div className="mt-12">
          <Typography.Text strong>{t('evaluations.form.selfComment')}</Typography.Text>
          <blockquote className="step-comment">{ev.selfComment}</blockquote>
        </div>
      ) : null}
    </>
  );

  const items = [
    { key: 'score', label: t('evaluations.tabs.score'), children: scoring },
    {
      key: 'tasks',
      label: (
        <Badge count={ev.tasks.length} size="small" offset={[8, -2]} color="#8c8c8c">
          {t('evaluations.tabs.tasks')}
        </Badge>
      ),
      children: <TaskList ev={ev} editable={selfMode} onReload={onReload} />,
    },
    ...(ev.kpi
      ? [
          {
            key: 'kpi',
            label: t('evaluations.tabs.kpi'),
            children: (
              <KpiSection
                ev={ev}
                lines={kpiLines}
                onChange={setKpiLines}
                result={kpi}
                editable={selfMode}
                reviewer={reviewMode}
                onError={setError}
              />
            ),
          },
        ]
      : []),
    ...(selfScores
      ? [
          {
            key: 'compare',
            label: t('evaluations.tabs.compare'),
            children: (
              <Comparison
                ev={ev}
                self={selfScores}
                final={reviewMode ? scores : ev.scores}
                selfTotal={ev.selfTotal}
                selfGrade={ev.selfGrade}
                finalTotal={reviewMode ? (live?.total ?? null) : ev.total}
                finalGrade={reviewMode ? (live?.grade ?? null) : ev.grade}
              />
            ),
          },
        ]
      : []),
    { key: 'history', label: t('evaluations.tabs.history'), children: <StepTimeline ev={ev} /> },
  ];

  return (
    <div className="evaluation-page">
      <LinkButton to={backTo} icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('common.back')}
      </LinkButton>
      <PageTitle title={ev.personName} extra={<StateTag state={ev.state} late={ev.late} />} />
      <Typography.Paragraph type="secondary" className="evaluation-subtitle" id="evaluation-subtitle">
        {[
          ev.cycleLabel,
          ev.unitName,
          ev.positionTitle,
          `${ev.framework.name} (v${ev.framework.versionNo})`,
          ev.dueDate ? t('evaluations.dueOn', { date: formatDate(ev.dueDate) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      {ev.state === 'returned' && lastReturn ? (
        <Alert
          className="mb-16"
          type="warning"
          showIcon
          id="returned-alert"
          title={t('evaluations.returnedBy', {
            name: lastReturn.actorName,
            at: formatDateTime(lastReturn.at),
          })}
          description={lastReturn.comment}
        />
      ) : null}
      {ev.complaintUntil && allowed.has('complain') ? (
        <Alert
          className="mb-16"
          type="info"
          showIcon
          title={t('evaluations.complaintWindow', { date: formatDate(ev.complaintUntil) })}
        />
      ) : null}
      {conflict ? <ConflictAlert onReload={onReload} /> : null}
      {error && !conflict ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="evaluation-error" />
        </div>
      ) : null}
      <Tabs id="evaluation-tabs" activeKey={tab} onChange={setTab} items={items} />
      <ScoreBar result={shown} ruleSetId={ev.ruleSetId} caption={caption}>
        {ev.allowed.length > 0 ? (
          <div className="score-bar-buttons">
            <EvaluationActions
              ev={ev}
              scores={scores}
              comment={comment}
              shortcomingsRemedied={ev.ruleSetId === 'qd-366-2025' && selfMode ? remedied : undefined}
              openedAt={openedAt}
              onError={setError}
            />
          </div>
        ) : null}
      </ScoreBar>
    </div>
  );
}
