import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../components/LinkButton';
import { useDocumentTitle } from '../../components/PageTitle';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.notFoundTitle'));
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('errors.notFoundText')}
      extra={
        <LinkButton to="/" type="primary" id="back-home">
          {t('errors.backHome')}
        </LinkButton>
      }
    />
  );
}
