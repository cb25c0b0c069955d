import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { useMyPerson } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageLoader } from '../../components/PageLoader';
import { PersonView } from './PersonView';

/** "Hồ sơ của tôi": the record linked to the signed-in account, read-only. */
export default function MyRecordPage() {
  const { t } = useTranslation();
  const person = useMyPerson();

  if (person.isPending) return <PageLoader />;
  if (isApiError(person.error) && person.error.status === 404) {
    return (
      <Result
        className="my-record-none"
        status="info"
        title={t('myRecord.title')}
        subTitle={t('myRecord.none')}
      />
    );
  }
  if (!person.data) return <ErrorAlert error={person.error} />;
  return (
    <PersonView
      person={person.data}
      onReload={() => void person.refetch()}
      readOnly
      title={t('myRecord.title')}
    />
  );
}
