import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BulkOutcome, EvaluationSummary } from '../../api/evaluations';

/** What a bulk approval did, item by item. */
export function BulkResultModal({
  outcome,
  items,
  onClose,
}: {
  outcome: BulkOutcome | null;
  items: EvaluationSummary[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const name = (id: string) => items.find((e) => e.id === id)?.personName ?? id;
  const rows = outcome
    ? [
        ...outcome.done.map((d) => ({ id: d.id, ok: true, text: t('evaluations.queue.approved') })),
        ...outcome.failed.map((f) => ({ id: f.id, ok: false, text: f.message })),
      ]
    : [];
  return (
    <Modal
      open={outcome !== null}
      title={t('evaluations.queue.resultTitle', {
        done: outcome?.done.length ?? 0,
        failed: outcome?.failed.length ?? 0,
      })}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.close')}
    >
      <List
        id="bulk-results"
        size="small"
        dataSource={rows}
        renderItem={(r) => (
          <List.Item key={r.id}>
            <span>
              {r.ok ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              )}{' '}
              {name(r.id)}
            </span>
            <Typography.Text type={r.ok ? 'secondary' : 'danger'}>{r.text}</Typography.Text>
          </List.Item>
        )}
      />
    </Modal>
  );
}
