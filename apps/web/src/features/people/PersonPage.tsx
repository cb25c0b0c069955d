import { ArrowLeftOutlined, FileWordOutlined } from '@ant-design/icons';
import { Button, Result, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { resumeUrl, usePerson } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LinkButton } from '../../components/LinkButton';
import { PageLoader } from '../../components/PageLoader';
import { PageTitle } from '../../components/PageTitle';
import { LinkedAccount } from '../users/LinkedAccount';
import { CareerTab } from './CareerTab';
import { HistoryTab } from './HistoryTab';
import { PartyTab } from './PartyTab';
import { ResumeTab } from './ResumeTab';
import { RewardsTab } from './RewardsTab';
import { TrainingTab } from './TrainingTab';

// Its charts are heavy: loaded only when the tab is opened.
const PersonEvaluationsTab = lazy(() =>
  import('../evaluations/PersonEvaluationsTab').then((m) => ({ default: m.PersonEvaluationsTab })),
);

const TABS = ['resume', 'career', 'party', 'rewards', 'training', 'evaluations', 'history'] as const;
type Tab = (typeof TABS)[number];

export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'resume';
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

  const p = person.data;
  const reload = () => void person.refetch();
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'resume') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      {back}
      <PageTitle
        title={p.fullName}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" copyable id="person-code">
              {p.code}
            </Typography.Text>
            <Tag color={p.status === 'active' ? 'green' : 'default'}>{t(`personStatuses.${p.status}`)}</Tag>
            <LinkedAccount personId={p.id} />
            <Button id="resume-download" icon={<FileWordOutlined />} href={resumeUrl(p.id)} download>
              {t('person.downloadResume')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary" className="person-subtitle">
        {[
          t(`sexes.${p.sex}`),
          t('person.age', { count: p.age }),
          t(`staffCategories.${p.staffCategory}`),
          p.positions.find((x) => x.current && !x.isConcurrent)?.title,
          p.unitName,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      <Tabs
        id="person-tabs"
        activeKey={tab}
        onChange={setTab}
        className="person-tabs"
        items={[
          {
            key: 'resume',
            label: t('person.tabs.resume'),
            children: <ResumeTab person={p} onReload={reload} />,
          },
          {
            key: 'career',
            label: t('person.tabs.career'),
            children: <CareerTab person={p} onReload={reload} />,
          },
          {
            key: 'party',
            label: t('person.tabs.party'),
            children: <PartyTab person={p} onReload={reload} />,
          },
          {
            key: 'rewards',
            label: t('person.tabs.rewards'),
            children: <RewardsTab person={p} onReload={reload} />,
          },
          {
            key: 'training',
            label: t('person.tabs.training'),
            children: <TrainingTab person={p} onReload={reload} />,
          },
          {
            key: 'evaluations',
            label: t('evaluations.person.tab'),
            children: (
              <Suspense fallback={<PageLoader />}>
                <PersonEvaluationsTab personId={p.id} />
              </Suspense>
            ),
          },
          { key: 'history', label: t('person.tabs.history'), children: <HistoryTab personId={p.id} /> },
        ]}
      />
    </>
  );
}
