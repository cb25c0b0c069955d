import { SendOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AnnualReviewDetail, useReviewStep } from './api';
import { type Grade, GradeSelect } from './ui';

interface Props {
  review: AnnualReviewDetail;
  onError: (err: unknown) => void;
}

/**
 * The bản tự kiểm điểm: strengths, shortcomings, causes and remedies in one big text, the grade the
 * person (or collective) proposes, and for collectives the self-assessed score. Someone not graded
 * this period still writes it, without a grade.
 */
export function SelfReviewForm({ review, onError }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const step = useReviewStep();
  const collective = review.subject !== 'person';
  const notGraded = review.eligibility.status === 'notGraded';
  const cap = review.eligibility.forced ?? review.eligibility.cap;
  const [text, setText] = useState(review.selfReview ?? '');
  const [grade, setGrade] = useState<Grade | null>(
    review.selfGrade ?? (notGraded ? null : review.proposedGrade),
  );
  const [score, setScore] = useState<number | null>(review.selfScore);
  const missing = !text.trim() || (!notGraded && !grade) || (collective && score === null);

  const send = () =>
    modal.confirm({
      title: t('annual.self.confirm'),
      content: t('annual.self.confirmHint'),
      okText: t('annual.self.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { id: 'self-confirm-ok' },
      onOk: async () => {
        onError(null);
        try {
          await step.mutateAsync({
            id: review.id,
            action: 'self',
            body: {
              selfReview: text.trim(),
              proposedGrade: notGraded ? null : grade,
              ...(collective ? { score } : {}),
              version: review.version,
            },
          });
          message.success(t('annual.self.submitted'));
        } catch (err) {
          onError(err);
        }
      },
    });

  return (
    <Form layout="vertical" id="self-review-form">
      <Form.Item label={t('annual.self.text')} required>
        <Typography.Paragraph type="secondary" className="small-note self-hint">
          {t('annual.self.textHint')}
        </Typography.Paragraph>
        <Input.TextArea
          id="self-review-text"
          className="self-review-text"
          autoSize={{ minRows: 10, maxRows: 30 }}
          maxLength={20000}
          showCount
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Form.Item>
      {collective ? (
        <Form.Item label={t('annual.self.score')} extra={t('annual.self.scoreHint')} required>
          <InputNumber
            id="self-score"
            min={0}
            max={100}
            precision={2}
            decimalSeparator=","
            value={score}
            onChange={(v) => setScore(v)}
            className="full-width"
          />
        </Form.Item>
      ) : null}
      {notGraded ? (
        <Typography.Paragraph type="secondary">{t('annual.self.notGraded')}</Typography.Paragraph>
      ) : (
        <Form.Item label={t('annual.self.grade')} required>
          <GradeSelect
            id="self-grade"
            value={grade}
            onChange={setGrade}
            ruleSetId={review.ruleSetId}
            max={cap}
          />
        </Form.Item>
      )}
      <div className="self-actions">
        <Button
          type="primary"
          size="large"
          id="self-submit"
          icon={<SendOutlined />}
          disabled={missing}
          loading={step.isPending}
          onClick={send}
        >
          {review.selfSubmittedAt ? t('annual.self.resubmit') : t('annual.self.submit')}
        </Button>
      </div>
    </Form>
  );
}
