import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

export function PasswordPolicy() {
  const { t } = useTranslation();
  return (
    <Alert
      type="info"
      icon={<InfoCircleOutlined />}
      showIcon
      className="mb-16"
      title={t('password.policyTitle')}
      description={
        <ul className="policy-list" id="password-policy">
          <li>{t('password.rules.minLength')}</li>
          <li>{t('password.rules.lettersDigits')}</li>
          <li>{t('password.rules.noUsername')}</li>
        </ul>
      }
    />
  );
}
