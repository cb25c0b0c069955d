import { ArrowLeftOutlined, CalendarOutlined, LockOutlined, SyncOutlined } from '@ant-design/icons';
import { formatInteger, formatRatio, ruleSetById } from '@canbo/domain';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Progress,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../api/auth';
import { type CloseResult, type MonitorLine, useCycleMutations, useMonitor } from '../../api/evaluationAdmin';
import type { EvaluationSummary } from '../../api/evaluations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { CloseResultModal } from './CloseResultModal';
import { CycleDeadlinesModal } from './CycleDeadlinesModal';
import { MonitorChart } from './MonitorChart';
import { formatPoints, GRADE_COLORS, StateTag, useGradeLabel } from './ui';

const GRADES = ['excellent', 'good', 'completed', 'notCompleted'] as const;

const crumb = (label: string, onClick: () => void) => (
  <Button type="link" size="small" className="crumb-button" onClick={onClick}>
    {label}
  </Button>
);

/**
 * Where the monitor starts: the cycle's whole subtree for officers and inspectors; for heads and
 * managers (who see only their units) the unit of their first review grant.
 */
function useStartUnit(): { id: string; name: string } | undefined {
  const me = useCurrentUser();
  const can = useCan();
  if (can('evaluations.read') || can('evaluations.manage')) return undefined;
  const grant = me.grants.find((g) => g.role === 'head' || g.role === 'manager');
  return grant ? { id: grant.unitId, name: grant.unitName } : undefined;
}

/** A cycle and its completion monitor, drilling down the unit tree. */
export default function CyclePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const gradeLabel = useGradeLabel();
  const { id = '' } = useParams();
  const start = useStartUnit();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const current = trail[trail.length - 1] ?? start;
  const monitor = useMonitor(id, current?.id);
  const m = useCycleMutations();
  const [error, setError] = useState<unknown>(null);
  const [closed, setClosed] = useState<CloseResult | null>(null);
  const [editing, setEditing] = useState(false);

  if (monitor.isPending) return <PageLoader />;
  if (!monitor.data) return <ErrorAlert error={monitor.error} />;
  const { cycle, rows, total, late } = monitor.data;
  const rs = cycle.ruleSetId;
  const here = current?.id ?? cycle.unitId;
  const baseName = start?.name ?? cycle.unitName;
  // The unit asked for comes first; the chart compares its children.
  const children = rows.filter((r) => r.unitId !== here);
  const codes = ruleSetById(rs)?.gradeCodes;
  const drill = (row: MonitorLine) => {
    if (row.unitId === here) return;
    setTrail((tr) => [...tr, { id: row.unitId, name: row.unitName }]);
  };

  const enrol = async () => {
    setError(null);
    try {
      const r = await m.enrol.mutateAsync(cycle.id);
      message.success(t('evaluations.cycles.enrolled', { added: r.added, rehomed: r.rehomed }));
      if (r.skipped > 0) message.info(t('evaluations.cycles.skippedElsewhere', { count: r.skipped }));
    } catch (err) {
      setError(err);
    }
  };
  const close = () =>
    modal.confirm({
      title: t('evaluations.cycles.closeConfirm'),
      content: t('evaluations.cycles.closeHint'),
      okText: t('evaluations.cycles.close'),
      okButtonProps: { danger: true, id: 'close-cycle-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          setClosed(await m.close.mutateAsync({ id: cycle.id, version: cycle.version }));
        } catch (err) {
          setError(err);
        }
      },
    });

  return (
    <>
      <LinkButton to="/evaluations/cycles" icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('evaluations.cycles.backToList')}
      </LinkButton>
      <PageTitle
        title={`${cycle.label} · ${cycle.unitName}`}
        extra={
          can('evaluations.manage') && cycle.status === 'open' ? (
            <Space wrap>
              <Button id="edit-deadlines" icon={<CalendarOutlined />} onClick={() => setEditing(true)}>
                {t('evaluations.cycles.editDeadlines')}
              </Button>
              <Button id="enrol" icon={<SyncOutlined />} loading={m.enrol.isPending} onClick={enrol}>
                {t('evaluations.cycles.enrol')}
              </Button>
              <Button
                id="close-cycle"
                danger
                icon={<LockOutlined />}
                loading={m.close.isPending}
                onClick={close}
              >
                {t('evaluations.cycles.close')}
              </Button>
            </Space>
          ) : (
            <Tag color={cycle.status === 'open' ? 'green' : 'default'}>
              {t(`evaluations.cycles.statuses.${cycle.status}`)}
            </Tag>
          )
        }
      />
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="cycle-error" />
        </div>
      ) : null}
      <Descriptions size="small" layout="vertical" column={{ xs: 2, lg: 3 }} className="mb-16 cycle-facts">
        <Descriptions.Item label={t('evaluations.cycles.framework')}>
          {cycle.frameworkName} (v{cycle.frameworkVersionNo})
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluations.cycles.selfDue')}>
          {formatDate(cycle.deadlines.selfDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluations.cycles.reviewDue')}>
          {formatDate(cycle.deadlines.reviewDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluations.cycles.decisionDue')}>
          {formatDate(cycle.deadlines.decisionDue)}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluations.cycles.complaintDays')}>
          {cycle.deadlines.complaintDays}
        </Descriptions.Item>
        <Descriptions.Item label={t('evaluations.cycles.autoNext')}>
          {cycle.autoNext ? t('evaluations.cycles.autoNextOn') : t('evaluations.cycles.autoNextOff')}
        </Descriptions.Item>
      </Descriptions>
      <Breadcrumb
        className="mb-16"
        items={[
          { title: crumb(baseName, () => setTrail([])) },
          ...trail.map((u, i) => ({
            title: crumb(u.name, () => setTrail((tr) => tr.slice(0, i + 1))),
          })),
        ]}
      />
      <Card size="small" className="mb-16" title={t('evaluations.monitor.title')}>
        <Space size={32} wrap className="mb-16">
          <div id="monitor-completion">
            <Typography.Text type="secondary" className="block-label">
              {t('evaluations.monitor.completion')}
            </Typography.Text>
            <Progress
              percent={total.completion}
              format={(p) => `${formatPoints(p ?? 0)}%`}
              style={{ width: 220 }}
            />
          </div>
          <div id="monitor-enrolled">
            <Typography.Text type="secondary">{t('evaluations.monitor.enrolled')}</Typography.Text>
            <div className="big-figure">{formatInteger(total.enrolled)}</div>
          </div>
          <div>
            <Typography.Text type="secondary">{t('evaluations.monitor.late')}</Typography.Text>
            <div className="big-figure late-figure">{formatInteger(total.late)}</div>
          </div>
        </Space>
        <MonitorChart rows={children.length > 0 ? children : rows} onPick={drill} />
      </Card>
      <Card size="small" className="mb-16" title={t('evaluations.monitor.units')}>
        <Table<MonitorLine>
          id="monitor-table"
          rowKey="unitId"
          size="small"
          pagination={false}
          dataSource={rows}
          scroll={{ x: 1000 }}
          onRow={(r) => ({
            onClick: () => drill(r),
            className: r.unitId === here ? 'row-total' : 'clickable-row',
          })}
          columns={[
            { key: 'unit', title: t('evaluations.columns.unit'), dataIndex: 'unitName' },
            {
              key: 'enrolled',
              title: t('evaluations.monitor.enrolled'),
              dataIndex: 'enrolled',
              align: 'right',
            },
            {
              key: 'completion',
              title: t('evaluations.monitor.completion'),
              width: 180,
              render: (_, r) => (
                <Progress percent={r.completion} size="small" format={(p) => `${formatPoints(p ?? 0)}%`} />
              ),
            },
            {
              key: 'late',
              title: t('evaluations.monitor.late'),
              align: 'right',
              render: (_, r) => (r.late > 0 ? <Tag color="red">{r.late}</Tag> : 0),
            },
            ...GRADES.map((g) => ({
              key: g,
              title: (
                <Tooltip title={gradeLabel(g, rs)}>
                  <span style={{ color: GRADE_COLORS[g] }}>{codes?.[g] ?? gradeLabel(g, rs)}</span>
                </Tooltip>
              ),
              align: 'right' as const,
              render: (_: unknown, r: MonitorLine) => r.grades[g] ?? 0,
            })),
            {
              key: 'share',
              title: t('evaluations.monitor.excellentShare'),
              render: (_, r) => {
                const graded = GRADES.reduce((n, g) => n + (r.grades[g] ?? 0), 0);
                return formatRatio(r.grades.excellent ?? 0, graded);
              },
            },
            {
              key: 'board',
              title: '',
              render: (_, r) => (
                <Link
                  to={`/evaluations/cycles/${cycle.id}/units/${r.unitId}`}
                  onClick={(e) => e.stopPropagation()}
                >
                  {t('evaluations.monitor.board')}
                </Link>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('evaluations.monitor.lateList', { count: late.length })}>
        <Table<EvaluationSummary>
          id="late-table"
          rowKey="id"
          size="small"
          dataSource={late}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 700 }}
          columns={[
            {
              key: 'name',
              title: t('evaluations.columns.person'),
              render: (_, e) => <Link to={`/evaluations/${e.id}`}>{e.personName}</Link>,
            },
            { key: 'unit', title: t('evaluations.columns.unit'), dataIndex: 'unitName' },
            {
              key: 'state',
              title: t('evaluations.columns.state'),
              render: (_, e) => <StateTag state={e.state} late />,
            },
            { key: 'due', title: t('evaluations.columns.due'), render: (_, e) => formatDate(e.dueDate) },
          ]}
        />
      </Card>
      <CloseResultModal result={closed} onClose={() => setClosed(null)} />
      <CycleDeadlinesModal
        cycle={cycle}
        open={editing}
        onClose={() => setEditing(false)}
        onReload={() => void monitor.refetch()}
      />
    </>
  );
}
