import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';

function Json({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined)
    return <Typography.Text type="secondary">{t('audit.empty')}</Typography.Text>;
  return <pre className="json-block">{JSON.stringify(value, null, 2)}</pre>;
}

/** The recorded state before and after the action, side by side. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <div className="audit-change">
      <Row gutter={[16, 8]}>
        <Col xs={24} md={12}>
          <div className="json-title">{t('audit.before')}</div>
          <Json value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <div className="json-title">{t('audit.after')}</div>
          <Json value={entry.after} />
        </Col>
      </Row>
      {entry.requestId ? (
        <Typography.Text type="secondary" className="small-note">
          {t('audit.requestId')}: {entry.requestId}
        </Typography.Text>
      ) : null}
    </div>
  );
}
