import { ArrowLeftOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { usePerson } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PersonView } from './PersonView';

export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const person = usePerson(id);

  const back = (
    <LinkButton to="/people" icon={<ArrowLeftOutlined />} type="link" className="back-link">
      {t('person.backToList')}
    </LinkButton>
  );

  if (person.isPending) return <PageLoader />;
  if (isApiError(person.error) && (person.error.status === 404 || person.error.status === 400)) {
    return <Result status="404" title={t('person.notFound')} extra={back} />;
  }
  if (!person.data) return <ErrorAlert error={person.error} />;
  return <PersonView person={person.data} onReload={() => void person.refetch()} back={back} />;
}
