import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** The frame of the signed-out screens: product name, language switch, one card. */
export function AuthCard({ title, children }: { title: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-page">
      <div className="auth-lang">
        <LanguageSwitch />
      </div>
      <div className="auth-brand">
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <Typography.Title level={2} className="auth-brand-name">
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
      </div>
      <Card className="auth-card" title={title}>
        {children}
      </Card>
      <Typography.Text type="secondary" className="auth-footer">
        {t('app.footer')}
      </Typography.Text>
    </div>
  );
}
