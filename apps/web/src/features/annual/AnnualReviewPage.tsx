import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileWordOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { formatDecimal } from '@canbo/domain';
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/format';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { useCan } from '../../components/RequirePermission';
import { ReasonModal } from '../evaluations/ReasonModal';
import { type AnnualReviewDetail, selfReviewUrl, useReview, useReviewStep } from './api';
import { type ReviewAction, ReviewActionModal } from './ReviewActionModal';
import { ReviewSteps } from './ReviewSteps';
import { RollupEvidence } from './RollupEvidence';
import { SelfReviewForm } from './SelfReviewForm';
import { AnnualGradeTag, GRADES, ReviewStateTag, subjectName, useAnnualGrade, useRuleSetTitle } from './ui';

/** One person's (or collective's) annual review: evidence, self-review, comments, proposal, decision. */
export default function AnnualReviewPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useReview(id);
  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('annual.review.notFound')}
        extra={
          <LinkButton to="/annual/mine" icon={<ArrowLeftOutlined />}>
            {t('annual.nav.mine')}
          </LinkButton>
        }
      />
    );
  }
  if (!query.data) return <ErrorAlert error={query.error} />;
  return <ReviewView review={query.data} onReload={() => void query.refetch()} />;
}

function ReviewView({ review: r, onReload }: { review: AnnualReviewDetail; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const { message } = App.useApp();
  const can = useCan();
  const gradeName = useAnnualGrade();
  const ruleSetTitle = useRuleSetTitle();
  const step = useReviewStep();
  const [error, setError] = useState<unknown>(null);
  const [acting, setActing] = useState<ReviewAction | null>(null);
  const [reopening, setReopening] = useState(false);
  const [comment, setComment] = useState(r.collectiveComment ?? '');
  const conflict = isApiError(error) && error.status === 409 && error.code === 'CONFLICT';
  const e = r.eligibility;
  const cap = e.forced ?? e.cap;
  const collective = r.subject !== 'person';
  const canReopen =
    (can('evaluations.decide') || can('evaluations.manage')) &&
    (r.state === 'decided' || r.state === 'published') &&
    r.period.state === 'open';
  const backTo =
    can('evaluations.read') || can('evaluations.review') || can('evaluations.manage')
      ? `/annual/periods/${r.periodId}/units/${r.unitId}`
      : '/annual/mine';

  const saveComment = async () => {
    setError(null);
    try {
      await step.mutateAsync({
        id: r.id,
        action: 'comment',
        body: { comment: comment.trim(), version: r.version },
      });
      message.success(t('common.saved'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="annual-review-page">
      <LinkButton to={backTo} icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('common.back')}
      </LinkButton>
      <PageTitle title={subjectName(r)} extra={<ReviewStateTag state={r.state} />} />
      <Typography.Paragraph type="secondary" className="annual-subtitle" id="review-subtitle">
        {[
          r.period.label,
          collective ? t(`annual.subjects.${r.subject}`) : r.unitName,
          r.positionTitle,
          t(`annual.tracks.${r.track}`),
          ruleSetTitle(r.ruleSetId),
          t('annual.review.selfDue', { date: formatDate(r.period.selfDue) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      {conflict ? <ConflictAlert onReload={onReload} /> : null}
      {error && !conflict ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="review-error" />
        </div>
      ) : null}

      <Card size="small" title={t('annual.eligibility.title')} id="eligibility-card">
        <Space wrap>
          <Typography.Text strong id="eligibility-status">
            {t(`annual.eligibility.${e.status}`)}
          </Typography.Text>
          {cap ? (
            <Typography.Text type="warning">
              {t(e.forced ? 'annual.eligibility.forced' : 'annual.eligibility.cap', {
                grade: gradeName(cap, r.ruleSetId),
              })}
            </Typography.Text>
          ) : null}
          {e.status === 'notGraded' && !e.selfReviewRequired ? (
            <Typography.Text type="secondary">{t('annual.eligibility.noSelfReview')}</Typography.Text>
          ) : null}
        </Space>
        {e.reasons.length > 0 ? (
          <ul className="eligibility-reasons">
            {e.reasons.map((x) => (
              <li key={x.code}>
                {x.text[lang] || x.text.vi} <Typography.Text type="secondary">({x.article})</Typography.Text>
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <Card size="small" title={collective ? t('annual.collective.title') : t('annual.rollup.title')}>
        {collective && r.collective ? (
          <Descriptions size="small" column={1} id="collective-evidence">
            <Descriptions.Item label={t('annual.collective.members')}>
              {GRADES.map((g) => `${gradeName(g, r.ruleSetId)}: ${r.collective?.members[g] ?? 0}`).join('; ')}
              {r.collective.membersNotGraded > 0
                ? `; ${t('annual.collective.notGraded', { count: r.collective.membersNotGraded })}`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.collective.subordinates')}>
              {GRADES.map((g) => `${gradeName(g, r.ruleSetId)}: ${r.collective?.subordinates[g] ?? 0}`).join(
                '; ',
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.collective.discipline')}>
              {r.collective.disciplineInside ? t('common.yesValue') : t('common.noValue')}
            </Descriptions.Item>
            {r.proposedGrade ? (
              <Descriptions.Item label={t('annual.columns.system')}>
                <AnnualGradeTag grade={r.proposedGrade} ruleSetId={r.ruleSetId} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        ) : (
          <RollupEvidence review={r} />
        )}
      </Card>

      <Card
        size="small"
        title={t('annual.self.title')}
        id="self-card"
        extra={
          r.selfSubmittedAt ? (
            <Button
              size="small"
              id="self-docx"
              icon={<FileWordOutlined />}
              href={selfReviewUrl(r.id)}
              download
            >
              .docx
            </Button>
          ) : null
        }
      >
        {r.can.selfReview ? (
          <SelfReviewForm review={r} onError={setError} />
        ) : r.selfReview ? (
          <>
            <p className="review-text" id="self-review-shown">
              {r.selfReview}
            </p>
            <Descriptions size="small" column={1} className="mt-12">
              <Descriptions.Item label={t('annual.self.grade')}>
                <AnnualGradeTag grade={r.selfGrade} ruleSetId={r.ruleSetId} id="self-grade-shown" />
              </Descriptions.Item>
              {r.selfScore !== null ? (
                <Descriptions.Item label={t('annual.self.score')}>
                  {formatDecimal(r.selfScore, 2, { trimZeros: true })}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('annual.self.submittedAt')}>
                {formatDateTime(r.selfSubmittedAt)}
              </Descriptions.Item>
            </Descriptions>
          </>
        ) : (
          <Typography.Text type="secondary">{t('annual.self.none')}</Typography.Text>
        )}
      </Card>

      <Card size="small" title={t('annual.meeting.title')} id="meeting-comment-card">
        {r.meeting ? (
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('annual.meeting.date')}>
              {formatDate(r.meeting.meetingDate)}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.meeting.attendance')}>
              {r.meeting.present}/{r.meeting.summoned}
            </Descriptions.Item>
            <Descriptions.Item label={t('annual.meeting.chairedBy')}>
              {r.meeting.chairedBy ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Paragraph type="secondary">{t('annual.meeting.none')}</Typography.Paragraph>
        )}
        {r.can.comment ? (
          <Form layout="vertical" className="mt-12">
            <Form.Item label={t('annual.meeting.comment')}>
              <Input.TextArea
                id="collective-comment"
                rows={4}
                maxLength={4000}
                showCount
                value={comment}
                onChange={(ev) => setComment(ev.target.value)}
              />
            </Form.Item>
            <Button
              id="comment-save"
              disabled={!comment.trim()}
              loading={step.isPending}
              onClick={saveComment}
            >
              {t('annual.meeting.saveComment')}
            </Button>
          </Form>
        ) : r.collectiveComment ? (
          <>
            <Typography.Text strong>{t('annual.meeting.comment')}</Typography.Text>
            <blockquote className="step-comment" id="collective-comment-shown">
              {r.collectiveComment}
            </blockquote>
          </>
        ) : null}
      </Card>

      <Card
        size="small"
        title={t('annual.review.proposalTitle')}
        id="proposal-card"
        extra={
          r.can.propose ? (
            <Button
              size="small"
              type="primary"
              id="review-propose"
              icon={<EditOutlined />}
              onClick={() => setActing('propose')}
            >
              {t('annual.actions.propose')}
            </Button>
          ) : null
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('annual.columns.manager')}>
            <AnnualGradeTag grade={r.managerGrade} ruleSetId={r.ruleSetId} id="manager-grade" />
          </Descriptions.Item>
          {r.isLeader ? (
            <Descriptions.Item label={t('annual.actions.targets')}>
              {r.targetsOverfulfilledPercent === null
                ? '—'
                : `${formatDecimal(r.targetsOverfulfilledPercent, 2, { trimZeros: true })}%`}
            </Descriptions.Item>
          ) : null}
          {r.managerComment ? (
            <Descriptions.Item label={t('annual.actions.comment')}>
              <span className="review-text">{r.managerComment}</span>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        {r.linkage && !r.linkage.ok ? (
          <Alert
            type="warning"
            showIcon
            id="review-linkage"
            title={t('annual.review.linkage', { grade: gradeName(r.linkage.highestAllowed, r.ruleSetId) })}
            description={
              <ul className="linkage-list">
                {r.linkage.violations.map((v) => (
                  <li key={v.rule.code}>{v.message[lang] || v.message.vi}</li>
                ))}
              </ul>
            }
          />
        ) : null}
      </Card>

      <Card
        size="small"
        title={t('annual.review.decisionTitle')}
        id="decision-card"
        extra={
          <Space>
            {r.can.decide ? (
              <Button
                size="small"
                type="primary"
                id="review-decide"
                icon={<CheckCircleOutlined />}
                onClick={() => setActing('decide')}
              >
                {t('annual.actions.decide')}
              </Button>
            ) : null}
            {canReopen ? (
              <Button
                size="small"
                id="review-reopen"
                icon={<UndoOutlined />}
                onClick={() => setReopening(true)}
              >
                {t('annual.actions.reopen')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('annual.columns.decided')}>
            <AnnualGradeTag grade={r.decidedGrade} ruleSetId={r.ruleSetId} id="decided-grade" />
          </Descriptions.Item>
          {r.decisionComment ? (
            <Descriptions.Item label={t('annual.actions.comment')}>
              <span className="review-text">{r.decisionComment}</span>
            </Descriptions.Item>
          ) : null}
          {r.decidedAt ? (
            <Descriptions.Item label={t('annual.review.decidedAt')}>
              {formatDateTime(r.decidedAt)}
            </Descriptions.Item>
          ) : null}
          {r.publishedAt ? (
            <Descriptions.Item label={t('annual.review.publishedAt')}>
              {formatDateTime(r.publishedAt)}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>

      <Card size="small" title={t('annual.review.steps')}>
        <ReviewSteps review={r} />
      </Card>

      <ReviewActionModal
        review={acting ? r : null}
        action={acting ?? 'propose'}
        onClose={() => setActing(null)}
        onDone={(text) => message.success(text)}
      />
      <ReasonModal
        open={reopening}
        id="reopen"
        title={t('annual.actions.reopen')}
        hint={t('annual.actions.reopenHint')}
        okText={t('annual.actions.reopen')}
        onClose={() => setReopening(false)}
        onSubmit={async (reason) => {
          setError(null);
          try {
            await step.mutateAsync({ id: r.id, action: 'reopen', body: { reason, version: r.version } });
          } catch (err) {
            setError(err);
            throw err;
          }
        }}
      />
    </div>
  );
}
