import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type AnnualReviewSummary, useReviewStep } from './api';
import { type Grade, GradeSelect, gradeInPlay, subjectName, useAnnualGrade } from './ui';

export type ReviewAction = 'propose' | 'decide';

interface Props {
  review: AnnualReviewSummary | null;
  action: ReviewAction;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * The manager's proposal or the head's decision on one row: a grade within the eligibility cap, a
 * comment, and for leaders the share of the unit's targets over-fulfilled (the leader–unit link).
 * Refusals (cap, link, quota) come back from the server with the rule and the numbers.
 */
export function ReviewActionModal({ review, action, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const label = useAnnualGrade();
  const step = useReviewStep();
  const [grade, setGrade] = useState<Grade | null>(null);
  const [comment, setComment] = useState('');
  const [targets, setTargets] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!review) return;
    setGrade(action === 'decide' ? gradeInPlay(review) : (review.managerGrade ?? review.proposedGrade));
    setComment('');
    setTargets(null);
    setError(null);
  }, [review, action]);

  if (!review) return null;
  const e = review.eligibility;
  const notGraded = e.status === 'notGraded';
  const cap = e.forced ?? e.cap;

  const submit = async () => {
    if (!grade) return;
    setError(null);
    try {
      const note = comment.trim() || undefined;
      if (action === 'propose') {
        await step.mutateAsync({
          id: review.id,
          action: 'propose',
          body: {
            grade,
            comment: note,
            ...(review.isLeader && targets !== null ? { targetsOverfulfilledPercent: targets } : {}),
            version: review.version,
          },
        });
        onDone(t('annual.actions.proposed'));
      } else {
        await step.mutateAsync({
          id: review.id,
          action: 'decide',
          body: { grade, comment: note, version: review.version },
        });
        onDone(t('annual.actions.decided'));
      }
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open
      title={`${t(`annual.actions.${action}`)} · ${subjectName(review)}`}
      onCancel={onClose}
      onOk={submit}
      okText={t(`annual.actions.${action}`)}
      cancelText={t('common.cancel')}
      okButtonProps={{ id: `${action}-ok`, disabled: !grade, loading: step.isPending }}
      destroyOnHidden
    >
      {notGraded ? (
        <Alert className="mb-16" type="warning" showIcon title={t('annual.eligibility.notGradedHint')} />
      ) : null}
      {cap && !notGraded ? (
        <Alert
          className="mb-16"
          type="info"
          showIcon
          title={t(e.forced ? 'annual.eligibility.forced' : 'annual.eligibility.cap', {
            grade: label(cap, review.ruleSetId),
          })}
        />
      ) : null}
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id={`${action}-error`} />
        </div>
      ) : null}
      <Form layout="vertical">
        <Form.Item label={t('annual.columns.grade')} required>
          <GradeSelect
            id={`${action}-grade`}
            value={grade}
            onChange={setGrade}
            ruleSetId={review.ruleSetId}
            max={cap}
          />
        </Form.Item>
        {action === 'propose' && review.isLeader ? (
          <Form.Item label={t('annual.actions.targets')} extra={t('annual.actions.targetsHint')}>
            <InputNumber
              id="propose-targets"
              min={0}
              max={100}
              precision={2}
              decimalSeparator=","
              suffix="%"
              value={targets}
              onChange={(v) => setTargets(v)}
              className="full-width"
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('annual.actions.comment')}>
          <Input.TextArea
            id={`${action}-comment`}
            rows={3}
            maxLength={4000}
            showCount
            value={comment}
            onChange={(ev) => setComment(ev.target.value)}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
