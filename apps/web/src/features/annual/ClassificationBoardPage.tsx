import {
  ArrowLeftOutlined,
  FileExcelOutlined,
  FileWordOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { QuotaMeters } from '../evaluations/QuotaMeters';
import {
  type AnnualReviewSummary,
  type BoardSubject,
  classificationUrl,
  type Track,
  useBoard,
  useBoardMutations,
} from './api';
import { BoardTable } from './BoardTable';
import { MeetingForm } from './MeetingForm';
import { type ReviewAction, ReviewActionModal } from './ReviewActionModal';
import { type ReviewState, useRuleSetTitle } from './ui';

const STATES: ReviewState[] = ['pending', 'selfReviewed', 'proposed', 'decided', 'published', 'notReviewed'];

/**
 * The unit's classification board: people or the collectives it decides, on the state or the party
 * track; the quota meters on the grades in play, leaders whose grade breaks the link with their
 * unit, the unit meeting, a proposal or decision per row, publication and the tables to print.
 */
export default function ClassificationBoardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message, modal } = App.useApp();
  const can = useCan();
  const ruleSetTitle = useRuleSetTitle();
  const { id = '', unitId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const subject: BoardSubject = params.get('subject') === 'collective' ? 'collective' : 'person';
  // Collectives are reviewed on the party track only.
  const track: Track = subject === 'collective' || params.get('track') === 'party' ? 'party' : 'state';
  const board = useBoard(id, unitId, track, subject);
  const m = useBoardMutations(id, unitId);
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<{ review: AnnualReviewSummary; action: ReviewAction } | null>(null);
  const setParam = (k: string, v: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (v) next.set(k, v);
        else next.delete(k);
        return next;
      },
      { replace: true },
    );

  if (board.isPending) return <PageLoader />;
  if (!board.data) return <ErrorAlert error={board.error} />;
  const b = board.data;
  const open = b.period.state === 'open';
  const conflict = isApiError(error) && error.status === 409 && error.code === 'CONFLICT';

  const publish = () =>
    modal.confirm({
      title: t('annual.board.publishConfirm'),
      content: t('annual.board.publishHint'),
      okText: t('annual.board.publish'),
      okButtonProps: { id: 'publish-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          const r = await m.publish.mutateAsync();
          message.success(t('annual.board.published', { count: r.published }));
          if (r.weakOrganisations > 0)
            message.warning(t('annual.board.weakAdded', { count: r.weakOrganisations }));
        } catch (err) {
          setError(err);
        }
      },
    });

  const content = (
    <>
      <div className="board-toolbar">
        {subject === 'person' ? (
          <Segmented
            id="board-track"
            value={track}
            onChange={(v) => setParam('track', v === 'party' ? 'party' : undefined)}
            options={[
              { value: 'state', label: t('annual.tracks.state') },
              { value: 'party', label: t('annual.tracks.party') },
            ]}
          />
        ) : (
          <Tag color="red">{t('annual.tracks.party')}</Tag>
        )}
        <Typography.Text type="secondary" className="small-note">
          {b.ruleSetIds.map(ruleSetTitle).join(' · ')}
        </Typography.Text>
      </div>
      <div className="board-progress mb-16" id="board-progress">
        {STATES.map((s) => (
          <Tag key={s} id={`progress-${s}`}>
            {t(`annual.states.${s}`)}: <strong>{b.progress[s] ?? 0}</strong>
          </Tag>
        ))}
      </div>
      {b.quota.length > 0 ? <QuotaMeters quota={b.quota} /> : null}
      {b.linkageWarnings.length > 0 ? (
        <Alert
          id="linkage-warnings"
          className="mb-16"
          type="warning"
          showIcon
          title={t('annual.board.linkageTitle', { count: b.linkageWarnings.length })}
          description={
            <ul className="linkage-list">
              {b.linkageWarnings.map((w) => (
                <li key={w.reviewId}>
                  <strong>{w.name}</strong>: {w.violations.map((v) => v[lang] || v.vi).join('; ')}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <Card size="small" title={t('annual.board.rows', { count: b.items.length })}>
        <BoardTable
          items={b.items}
          subject={subject}
          canPropose={open && can('evaluations.review')}
          canDecide={open && b.canDecide}
          onAction={(review, action) => setActing({ review, action })}
        />
      </Card>
    </>
  );

  return (
    <>
      <LinkButton to={`/annual/periods/${id}`} icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {b.period.label}
      </LinkButton>
      <PageTitle
        title={`${b.unit.name} · ${b.period.label}`}
        extra={
          <Space wrap>
            <Button
              id="classification-docx"
              icon={<FileWordOutlined />}
              href={classificationUrl(id, unitId, 'docx', track, subject)}
              download
            >
              .docx
            </Button>
            <Button
              id="classification-xlsx"
              icon={<FileExcelOutlined />}
              href={classificationUrl(id, unitId, 'xlsx', track, subject)}
              download
            >
              .xlsx
            </Button>
            <Button
              id="board-publish"
              type="primary"
              icon={<NotificationOutlined />}
              disabled={!b.canPublish}
              loading={m.publish.isPending}
              onClick={publish}
            >
              {t('annual.board.publish')}
            </Button>
          </Space>
        }
      />
      {conflict ? <ConflictAlert onReload={() => void board.refetch()} /> : null}
      {error && !conflict ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="board-error" />
        </div>
      ) : null}
      <Collapse
        className="mb-16 meeting-card"
        defaultActiveKey={b.meeting ? [] : ['meeting']}
        items={[
          {
            key: 'meeting',
            label: (
              <span>
                {t('annual.meeting.title')}{' '}
                {b.meeting ? (
                  <Tag color="green">{t('annual.meeting.recorded')}</Tag>
                ) : (
                  <Tag>{t('annual.meeting.none')}</Tag>
                )}
              </span>
            ),
            children: (
              <MeetingForm
                meeting={b.meeting}
                editable={open && can('evaluations.manage')}
                saving={m.meeting.isPending}
                onSave={async (body) => {
                  await m.meeting.mutateAsync(body);
                  message.success(t('common.saved'));
                }}
              />
            ),
          },
        ]}
      />
      <Tabs
        id="board-tabs"
        activeKey={subject}
        onChange={(k) => setParam('subject', k === 'collective' ? 'collective' : undefined)}
        items={[
          { key: 'person', label: t('annual.board.people'), children: subject === 'person' ? content : null },
          {
            key: 'collective',
            label: t('annual.board.collectives'),
            children: subject === 'collective' ? content : null,
          },
        ]}
      />
      <ReviewActionModal
        review={acting?.review ?? null}
        action={acting?.action ?? 'propose'}
        onClose={() => setActing(null)}
        onDone={(text) => message.success(text)}
      />
    </>
  );
}
