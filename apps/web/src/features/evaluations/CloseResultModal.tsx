import { Alert, List, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CloseResult } from '../../api/evaluationAdmin';
import { useQuotaGroupLabel } from '../../components/quotaGroup';

/** What closing the cycle did: results made final, items lapsed, quota violations that refused it. */
export function CloseResultModal({ result, onClose }: { result: CloseResult | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const groupLabel = useQuotaGroupLabel();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Modal
      open={result !== null}
      title={t('evaluations.cycles.closeResult')}
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.close')}
    >
      {result ? (
        <>
          <Typography.Paragraph id="close-summary">
            {t('evaluations.cycles.closeSummary', {
              finalised: result.finalised,
              notEvaluated: result.notEvaluated,
            })}
          </Typography.Paragraph>
          {result.quotaViolations.length > 0 ? (
            <>
              <Alert type="error" showIcon title={t('evaluations.cycles.violations')} className="mb-16" />
              <List
                size="small"
                dataSource={result.quotaViolations}
                renderItem={(v) => (
                  <List.Item key={`${v.unitId}:${v.group ?? ''}`}>
                    <List.Item.Meta
                      title={`${v.unitName}${v.group ? ` · ${groupLabel(v.group)}` : ''}`}
                      description={v.message[lang]}
                    />
                  </List.Item>
                )}
              />
            </>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
