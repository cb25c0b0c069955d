import { ArrowLeftOutlined, CheckCircleOutlined, NotificationOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { type UnitBoard, useUnitBoard, useUnitBoardMutations } from '../../api/evaluationAdmin';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useQuotaGroupLabel } from '../../components/quotaGroup';
import { useCan } from '../../components/RequirePermission';
import { QuotaMeters } from './QuotaMeters';
import { ReasonModal } from './ReasonModal';
import { ReviewLevelsCard } from './ReviewLevelsCard';
import { StateTag, TotalCell } from './ui';

type BoardRow = UnitBoard['items'][number];

/**
 * The head's board: the unit's people, their grades and the quota, one-click decision and publication.
 * Leaders of the unit are decided by the level above: shown and marked, counted in the quota (the
 * unit's), left to that level by decide-all (docs/EVALUATIONS.md, "Workflow").
 */
export default function UnitBoardPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const groupLabel = useQuotaGroupLabel();
  const { cycleId = '', unitId = '' } = useParams();
  const board = useUnitBoard(cycleId, unitId);
  const m = useUnitBoardMutations(cycleId, unitId);
  const [error, setError] = useState<unknown>(null);
  const [marking, setMarking] = useState(false);

  if (board.isPending) return <PageLoader />;
  if (!board.data) return <ErrorAlert error={board.error} />;
  const b = board.data;
  const rs = b.cycle.ruleSetId;

  const act = (fn: () => Promise<unknown>, done: string) => async () => {
    setError(null);
    try {
      await fn();
      message.success(done);
    } catch (err) {
      setError(err);
    }
  };
  const confirm = (title: string, content: string, onOk: () => Promise<void>, id: string) =>
    modal.confirm({
      title,
      content,
      onOk,
      okButtonProps: { id },
      okText: t('common.yes'),
      cancelText: t('common.cancel'),
    });

  const setOutstanding = (outstanding: boolean, reason?: string) =>
    act(
      () =>
        m.outstanding.mutateAsync({ outstanding, ...(reason ? { reason } : {}), version: b.unit.version }),
      t('common.saved'),
    )();

  return (
    <>
      <LinkButton
        to={`/evaluations/cycles/${cycleId}`}
        icon={<ArrowLeftOutlined />}
        type="link"
        className="back-link"
      >
        {t('evaluations.board.backToCycle')}
      </LinkButton>
      <PageTitle
        title={`${b.unit.name} · ${b.cycle.label}`}
        extra={
          <Space wrap>
            <Tooltip title={b.canDecideAll ? undefined : t('evaluations.board.decideAllDisabled')}>
              <Button
                id="decide-all"
                type="primary"
                icon={<CheckCircleOutlined />}
                disabled={!b.canDecideAll}
                loading={m.decideAll.isPending}
                onClick={() =>
                  confirm(
                    t('evaluations.board.decideAllConfirm'),
                    t('evaluations.board.decideAllHint', { count: b.toDecide }),
                    act(() => m.decideAll.mutateAsync(), t('evaluations.board.decidedAll')),
                    'decide-all-ok',
                  )
                }
              >
                {t('evaluations.board.decideAll')}
              </Button>
            </Tooltip>
            <Button
              id="publish-unit"
              icon={<NotificationOutlined />}
              disabled={!b.canPublish}
              loading={m.publish.isPending}
              onClick={() =>
                confirm(
                  t('evaluations.board.publishConfirm'),
                  t('evaluations.board.publishHint', { days: b.cycle.deadlines.complaintDays }),
                  act(() => m.publish.mutateAsync(), t('evaluations.board.published')),
                  'publish-unit-ok',
                )
              }
            >
              {t('evaluations.board.publish')}
            </Button>
          </Space>
        }
      />
      {isApiError(error) && error.status === 409 ? (
        <ConflictAlert onReload={() => void board.refetch()} />
      ) : null}
      {error && !(isApiError(error) && error.status === 409) ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="board-error" />
        </div>
      ) : null}
      <Typography.Paragraph type="secondary">
        {b.unit.outstanding ? <Tag color="gold">{t('evaluations.board.outstanding')}</Tag> : null}
        {b.unit.outstandingReason}
      </Typography.Paragraph>
      <QuotaMeters quota={b.quota} />
      <Typography.Paragraph type="secondary" className="small-note" id="quota-basis-note">
        {t('evaluations.board.quotaCountsLeaders')}
      </Typography.Paragraph>
      {can('evaluations.manage') ? (
        <Card size="small" className="mb-16" title={t('evaluations.board.officerTitle')}>
          <Space wrap align="center">
            <Switch
              id="outstanding-switch"
              checked={b.unit.outstanding}
              loading={m.outstanding.isPending}
              onChange={(on) => (on ? setMarking(true) : void setOutstanding(false))}
            />
            <span>{t('evaluations.board.markOutstanding')}</span>
          </Space>
          <ReviewLevelsCard unitId={unitId} />
        </Card>
      ) : null}
      <Card size="small" title={t('evaluations.board.people', { count: b.items.length })}>
        <Table<BoardRow>
          id="board-table"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={b.items}
          rowClassName={(e) => (e.decidedAbove ? 'board-row-above' : '')}
          scroll={{ x: 900 }}
          columns={[
            {
              key: 'name',
              title: t('evaluations.columns.person'),
              render: (_, e) => (
                <>
                  <Link to={`/evaluations/${e.id}`}>
                    {e.personName}
                    {e.isLeader ? <Tag className="ml-4">{t('evaluations.leader')}</Tag> : null}
                  </Link>
                  {e.decidedAbove ? (
                    <Tooltip title={t('evaluations.board.decidedAboveHint')}>
                      <Tag color="purple" className="ml-4 decided-above-tag">
                        {t('evaluations.board.decidedAbove')}
                      </Tag>
                    </Tooltip>
                  ) : null}
                </>
              ),
            },
            { key: 'position', title: t('evaluations.columns.position'), dataIndex: 'positionTitle' },
            {
              key: 'group',
              title: t('evaluations.columns.titleGroup'),
              render: (_, e) => (e.titleGroup ? groupLabel(e.titleGroup) : null),
            },
            {
              key: 'state',
              title: t('evaluations.columns.state'),
              render: (_, e) => <StateTag state={e.state} late={e.late} />,
            },
            {
              key: 'self',
              title: t('evaluations.columns.self'),
              render: (_, e) => <TotalCell total={e.selfTotal} grade={e.selfGrade} ruleSetId={rs} />,
            },
            {
              key: 'proposed',
              title: t('evaluations.columns.proposed'),
              render: (_, e) => <TotalCell total={e.total} grade={e.grade} ruleSetId={rs} />,
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={marking}
        id="outstanding"
        title={t('evaluations.board.markOutstanding')}
        hint={t('evaluations.board.outstandingHint')}
        okText={t('common.save')}
        onClose={() => setMarking(false)}
        onSubmit={(reason) => setOutstanding(true, reason)}
      />
    </>
  );
}
