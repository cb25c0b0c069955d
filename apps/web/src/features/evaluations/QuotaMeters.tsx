import { Card, Col, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Quota } from '../../api/evaluationAdmin';
import { useQuotaGroupLabel } from '../../components/quotaGroup';

/** Excellent grades against the limit, overall and per group of similar posts. */
export function QuotaMeters({ quota }: { quota: Quota[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const groupLabel = useQuotaGroupLabel();
  return (
    <Row gutter={[12, 12]} id="quota-meters" className="mb-16">
      {quota.map((q) => {
        const percent =
          q.limit > 0 ? Math.min(100, Math.round((q.excellent / q.limit) * 100)) : q.excellent > 0 ? 100 : 0;
        return (
          <Col xs={24} sm={12} lg={8} key={q.group ?? '_unit'}>
            <Card size="small" className={q.ok ? 'quota-card' : 'quota-card quota-over'}>
              <div className="quota-head">
                <Progress
                  type="dashboard"
                  size={96}
                  percent={percent}
                  status={q.ok ? (percent >= 100 ? 'normal' : 'success') : 'exception'}
                  format={() => `${q.excellent}/${q.limit}`}
                />
                <div>
                  <Typography.Text strong>
                    {q.group ? groupLabel(q.group) : t('evaluations.board.wholeUnit')}
                  </Typography.Text>
                  <div className="small-note">
                    {t(q.basis === 'good' ? 'evaluations.board.basisGood' : 'evaluations.board.basisGraded', {
                      graded: q.graded,
                      good: q.good,
                      percent: String(q.percent).replace('.', ','),
                    })}
                  </div>
                </div>
              </div>
              <Typography.Paragraph type={q.ok ? 'secondary' : 'danger'} className="quota-message mb-0">
                {q.message[lang] || q.message.vi}
              </Typography.Paragraph>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
