import { Alert, Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/auth';
import { formatDate } from '../../components/format';
import { useDocumentTitle } from '../../components/PageTitle';
import { RoleTag } from '../../components/RoleTag';

export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  useDocumentTitle(t('nav.home'));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card id="welcome">
          <Typography.Title level={3} className="mt-0">
            {t('home.welcome', { name: me.user.displayName })}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
          {!me.user.totpEnabled ? (
            <Alert type="info" showIcon className="mb-16" title={t('home.totpSuggestion')} />
          ) : null}
          <Typography.Title level={5}>{t('home.grantsTitle')}</Typography.Title>
          {me.grants.length === 0 ? (
            <Empty description={t('home.noGrants')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <ul id="my-grants" className="grant-list">
              {me.grants.map((g) => (
                <li key={g.id}>
                  <RoleTag role={g.role} />
                  <span className="grant-unit-name">{g.unitName}</span>
                  <Typography.Text type="secondary" className="grant-since">
                    {t('home.since', { date: formatDate(g.createdAt) })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t('home.accountTitle')} size="small">
          <Typography.Paragraph>
            <Typography.Text type="secondary">{t('users.username')}: </Typography.Text>
            <Typography.Text strong>{me.user.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            <Typography.Text type="secondary">{t('users.email')}: </Typography.Text>
            {me.user.email ?? '—'}
          </Typography.Paragraph>
          <Typography.Paragraph className="mb-0">
            <Typography.Text type="secondary">{t('totp.title')}: </Typography.Text>
            {me.user.totpEnabled ? t('totp.statusOn') : t('totp.statusOff')}
          </Typography.Paragraph>
        </Card>
      </Col>
    </Row>
  );
}
