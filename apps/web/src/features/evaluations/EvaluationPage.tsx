import { ArrowLeftOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useEvaluation } from '../../api/evaluations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { EvaluationForm } from './EvaluationForm';

/** One evaluation: the self-assessment form for the person, review and decision for their leaders. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useEvaluation(id);
  // A reload after a conflict starts the form again from what the server holds now.
  const [nonce, setNonce] = useState(0);

  if (query.isPending) return <PageLoader />;
  if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('evaluations.notFound')}
        extra={
          <LinkButton to="/evaluations/mine" icon={<ArrowLeftOutlined />}>
            {t('evaluations.nav.mine')}
          </LinkButton>
        }
      />
    );
  }
  if (!query.data) return <ErrorAlert error={query.error} />;
  const reload = () => void query.refetch().then(() => setNonce((n) => n + 1));
  return <EvaluationForm key={`${id}:${nonce}`} ev={query.data} onReload={reload} />;
}
