import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../components/PageTitle';
import { BallotForm } from './BallotForm';

/** The public ballot page reached by a voter's link (/phieu/<code>): no account, no menu. */
export default function BallotPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  useDocumentTitle(t('votes.ballot.title'));
  return <BallotForm code={code} />;
}
