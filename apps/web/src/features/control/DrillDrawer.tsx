import type { ControlPerson, ControlSignal } from '@canbo/domain';
import { Alert, Button, Descriptions, Drawer, Empty, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTimeSeconds } from '../../components/format';
import { actionText, type EvaluationState, type Grade, stateText } from '../evaluations/domain';
import { formatPoints, GradeTag, StateTag } from '../evaluations/ui';
import { useControlDrill, useControlTrail } from './api';
import { decimal } from './format';
import { useSignalText } from './useSignalText';

export interface DrillTarget {
  cycleId: string;
  unitId: string;
  unitName: string;
  signal: ControlSignal;
  rootId: string;
}

const fmt = (v: number | string | null) => (v === null ? '—' : typeof v === 'number' ? decimal(v) : v);

/** A unit's signal: its value against the threshold, the figures behind it, and the people it rests on. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const drill = useControlDrill(target);
  const signalText = useSignalText();
  const [open, setOpen] = useState<string | null>(null);
  const r = drill.data?.result;
  const label = (k: string) => (t(`control.numbers.${k}` as never) as string) || k;
  /** A figure in words where it is a code (a grade, a state, why the top grade fired). */
  const show = (k: string, v: number | string | null) => {
    if (typeof v !== 'string') return fmt(v);
    if (k === 'collectiveGrade') return t(`evaluations.grades.${v as Grade}`);
    if (k === 'reason') return t(`control.reasons.${v as 'subtree' | 'collective' | 'both'}`);
    if (k === 'state') return stateText(v as EvaluationState, i18n.language);
    return v;
  };

  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setOpen(null);
        onClose();
      }}
      size="large"
      title={
        target
          ? t('control.drawer.title', {
              signal: t(`control.signals.${target.signal}`),
              unit: target.unitName,
            })
          : ''
      }
      className="control-drawer"
    >
      {drill.isError ? <ErrorAlert error={drill.error} /> : null}
      {drill.isLoading ? <Spin /> : null}
      {target && r ? (
        <>
          <Typography.Paragraph type="secondary">{t(`control.hints.${target.signal}`)}</Typography.Paragraph>
          <Descriptions size="small" column={2} bordered className="mb-16">
            <Descriptions.Item label={t('control.drawer.value')}>
              {signalText(r.signal, r.value)}
            </Descriptions.Item>
            <Descriptions.Item label={t('control.drawer.threshold')}>
              {signalText(r.signal, r.threshold)}{' '}
              {!r.enabled ? (
                <Tag>{t('control.drawer.disabled')}</Tag>
              ) : r.fired ? (
                <Tag color="red">{t('control.drawer.fired')}</Tag>
              ) : (
                <Tag color="green">{t('control.drawer.quiet')}</Tag>
              )}
            </Descriptions.Item>
            {Object.entries(r.numbers)
              .filter(([, v]) => v !== null)
              .map(([k, v]) => (
                <Descriptions.Item key={k} label={label(k)}>
                  {show(k, v)}
                </Descriptions.Item>
              ))}
          </Descriptions>
          <Typography.Title level={5}>{t('control.drawer.people')}</Typography.Title>
          {drill.data?.truncated ? (
            <Alert type="info" showIcon title={t('control.drawer.truncated')} />
          ) : null}
          <Table<ControlPerson>
            id="control-people"
            scroll={{ x: 'max-content' }}
            rowKey="evaluationId"
            size="small"
            dataSource={drill.data?.people ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            expandable={{
              expandedRowKeys: open ? [open] : [],
              onExpand: (expanded, p) => setOpen(expanded ? p.evaluationId : null),
              expandedRowRender: (p) => <Trail evaluationId={p.evaluationId} />,
            }}
            columns={[
              { title: t('control.drawer.name'), dataIndex: 'fullName' },
              {
                title: t('control.drawer.state'),
                render: (_v, p) => <StateTag state={p.state as EvaluationState} late={p.late} />,
              },
              {
                title: t('control.drawer.self'),
                align: 'right',
                render: (_v, p) => formatPoints(p.selfTotal),
              },
              { title: t('control.drawer.total'), align: 'right', render: (_v, p) => formatPoints(p.total) },
              {
                title: t('control.drawer.grade'),
                render: (_v, p) => <GradeTag grade={p.grade as Grade | null} />,
              },
              {
                title: t('control.drawer.detail'),
                render: (_v, p) =>
                  Object.entries(p.detail)
                    .filter(([, v]) => v !== null)
                    .map(([k, v]) => `${label(k)}: ${show(k, v)}`)
                    .join(' · '),
              },
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}

/** One person's workflow steps (with the time spent and whether scores changed) and audit entries. */
function Trail({ evaluationId }: { evaluationId: string }) {
  const { t, i18n } = useTranslation();
  const trail = useControlTrail(evaluationId);
  if (trail.isLoading) return <Spin size="small" />;
  if (trail.isError) return <ErrorAlert error={trail.error} />;
  const data = trail.data;
  if (!data) return null;
  return (
    <div className="control-trail">
      <Link to={`/evaluations/${evaluationId}`}>
        <Button size="small">{t('control.drawer.open')}</Button>
      </Link>
      <Typography.Text strong className="control-trail-heading">
        {t('control.drawer.steps')}
      </Typography.Text>
      {data.steps.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      <Timeline
        items={data.steps.map((s) => ({
          color: s.action === 'reopen' ? 'red' : s.bulk ? 'orange' : 'blue',
          content: (
            <span>
              <strong>{actionText(s.action as never, i18n.language)}</strong> · {s.actorName} ·{' '}
              {formatDateTimeSeconds(s.at)}
              {s.total !== null ? ` · ${formatPoints(s.total)}` : ''}
              {s.seconds !== null
                ? ` · ${t('control.drawer.seconds', { value: decimal(s.seconds, 1) })}`
                : ''}
              {s.bulk ? ` · ${t('control.drawer.bulk')}` : ''}
              {s.scoresChanged === false ? ` · ${t('control.drawer.unchanged')}` : ''}
              {s.scoresChanged === true ? ` · ${t('control.drawer.changed')}` : ''}
              {s.comment ? <div className="control-muted">{s.comment}</div> : null}
            </span>
          ),
        }))}
      />
      <Typography.Text strong className="control-trail-heading">
        {t('control.drawer.audit')}
      </Typography.Text>
      {data.audit.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      <ul className="control-audit">
        {data.audit.map((a) => (
          <li key={a.seq}>
            #{a.seq} · {formatDateTimeSeconds(a.at)} · {a.actorName ?? '—'} · <code>{a.action}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
