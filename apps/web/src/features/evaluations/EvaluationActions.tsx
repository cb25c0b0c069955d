import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type EvaluationDetail,
  useComplain,
  useDecide,
  useReopen,
  useReturn,
  useReview,
  useSaveDraft,
  useSubmitSelf,
} from '../../api/evaluations';
import { LinkButton } from '../../components/LinkButton';
import { type Scores, sameScores } from './domain';
import { ReasonModal } from './ReasonModal';

interface Props {
  ev: EvaluationDetail;
  scores: Scores;
  comment: string;
  shortcomingsRemedied?: boolean;
  /** When the page was opened (the step records it: time spent on the item). */
  openedAt: string;
  onError: (err: unknown) => void;
}

type Reason = 'return' | 'complain' | 'reopen' | null;

/** The buttons of the steps the caller may take now (EvaluationDetail.allowed), with their dialogs. */
export function EvaluationActions({ ev, scores, comment, shortcomingsRemedied, openedAt, onError }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [reason, setReason] = useState<Reason>(null);
  const allowed = new Set(ev.allowed);
  const saveDraft = useSaveDraft(ev.id);
  const submit = useSubmitSelf(ev.id);
  const review = useReview(ev.id);
  const decide = useDecide(ev.id);
  const ret = useReturn(ev.id);
  const complain = useComplain(ev.id);
  const reopen = useReopen(ev.id);
  const changed = !sameScores(scores, ev.scores);
  const trimmed = comment.trim();
  const missingComment = changed && !trimmed;

  const run = async (fn: () => Promise<unknown>, done: string) => {
    onError(null);
    try {
      await fn();
      message.success(done);
    } catch (err) {
      onError(err);
      throw err;
    }
  };
  const selfBody = () => ({
    scores,
    ...(trimmed ? { comment: trimmed } : {}),
    ...(shortcomingsRemedied !== undefined ? { shortcomingsRemedied } : {}),
    version: ev.version,
  });
  const stepBody = () => ({
    ...(changed ? { scores } : {}),
    ...(trimmed ? { comment: trimmed } : {}),
    openedAt,
    version: ev.version,
  });
  const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

  const confirmSubmit = () =>
    modal.confirm({
      title: t('evaluations.actions.submitConfirm'),
      content: t('evaluations.actions.submitHint'),
      okText: t('evaluations.actions.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { id: 'submit-confirm-ok' },
      onOk: () => quiet(run(() => submit.mutateAsync(selfBody()), t('evaluations.actions.submitted'))),
    });

  const step = (kind: 'review' | 'decide') => {
    if (missingComment) {
      onError(null);
      message.warning(t('evaluations.form.commentRequired'));
      document.getElementById('review-comment')?.focus();
      return;
    }
    const m = kind === 'review' ? review : decide;
    quiet(run(() => m.mutateAsync(stepBody()), t(`evaluations.actions.${kind}Done`)));
  };

  const reasonProps = {
    return: {
      title: t('evaluations.actions.returnTitle'),
      ok: t('evaluations.actions.return'),
      hint: t('evaluations.actions.returnHint'),
      fn: (r: string) => ret.mutateAsync({ reason: r, version: ev.version }),
    },
    complain: {
      title: t('evaluations.actions.complainTitle'),
      ok: t('evaluations.actions.complain'),
      hint: t('evaluations.actions.complainHint'),
      fn: (r: string) => complain.mutateAsync({ reason: r, version: ev.version }),
    },
    reopen: {
      title: t('evaluations.actions.reopenTitle'),
      ok: t('evaluations.actions.reopen'),
      hint: t('evaluations.actions.reopenHint'),
      fn: (r: string) => reopen.mutateAsync({ reason: r, version: ev.version }),
    },
  } as const;
  const current = reason ? reasonProps[reason] : null;

  return (
    <>
      {allowed.has('saveDraft') ? (
        <Button
          id="save-draft"
          size="large"
          icon={<SaveOutlined />}
          loading={saveDraft.isPending}
          onClick={() => quiet(run(() => saveDraft.mutateAsync(selfBody()), t('evaluations.actions.saved')))}
        >
          {t('evaluations.actions.saveDraft')}
        </Button>
      ) : null}
      {allowed.has('submitSelf') ? (
        <Button
          id="submit-self"
          size="large"
          type="primary"
          icon={<SendOutlined />}
          loading={submit.isPending}
          onClick={confirmSubmit}
        >
          {t('evaluations.actions.submit')}
        </Button>
      ) : null}
      {allowed.has('review') ? (
        <Button
          id="review"
          size="large"
          type="primary"
          icon={<CheckOutlined />}
          loading={review.isPending}
          onClick={() => step('review')}
        >
          {t('evaluations.actions.review')}
        </Button>
      ) : null}
      {allowed.has('decide') ? (
        <Button
          id="decide"
          size="large"
          type="primary"
          icon={<CheckOutlined />}
          loading={decide.isPending}
          onClick={() => step('decide')}
        >
          {t('evaluations.actions.decide')}
        </Button>
      ) : null}
      {allowed.has('return') ? (
        <Button
          id="return"
          size="large"
          danger
          icon={<RollbackOutlined />}
          onClick={() => setReason('return')}
        >
          {t('evaluations.actions.return')}
        </Button>
      ) : null}
      {allowed.has('complain') ? (
        <Button id="complain" size="large" onClick={() => setReason('complain')}>
          {t('evaluations.actions.complain')}
        </Button>
      ) : null}
      {allowed.has('reopen') ? (
        <Button id="reopen" size="large" danger onClick={() => setReason('reopen')}>
          {t('evaluations.actions.reopen')}
        </Button>
      ) : null}
      {allowed.has('publish') ? (
        <LinkButton id="open-board" size="large" to={`/evaluations/cycles/${ev.cycleId}/units/${ev.unitId}`}>
          {t('evaluations.actions.openBoard')}
        </LinkButton>
      ) : null}
      <ReasonModal
        open={current !== null}
        id={`reason-${reason ?? 'none'}`}
        title={current?.title ?? ''}
        hint={current?.hint}
        okText={current?.ok ?? ''}
        danger={reason !== 'complain'}
        onClose={() => setReason(null)}
        onSubmit={(r) =>
          current ? run(() => current.fn(r), t('evaluations.actions.sent')) : Promise.resolve()
        }
      />
    </>
  );
}
