import { FileWordOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type PersonProfile, resumeUrl } from '../../api/people';
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

const PersonAnnualTab = lazy(() =>
  import('../annual/PersonAnnualTab').then((m) => ({ default: m.PersonAnnualTab })),
);

const TABS = [
  'resume',
  'career',
  'party',
  'rewards',
  'training',
  'evaluations',
  'annual',
  'history',
] as const;
type Tab = (typeof TABS)[number];

interface Props {
  person: PersonProfile;
  onReload: () => void;
  /** Hides every edit control, whatever the caller's abilities (the own record). */
  readOnly?: boolean;
  /** Shown above the title, e.g. a link back to the list. */
  back?: ReactNode;
  title?: string;
}

/** A person's record: title, subtitle and the tabs (résumé, career, party, …), tab kept in ?tab=. */
export function PersonView({ person, onReload, readOnly = false, back, title }: Props) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'resume';
  const p: PersonProfile = readOnly
    ? { ...person, abilities: { ...person.abilities, manage: false } }
    : person;
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
        title={title ?? p.fullName}
        extra={
          <Space wrap>
            <Typography.Text type="secondary" copyable id="person-code">
              {p.code}
            </Typography.Text>
            <Tag color={p.status === 'active' ? 'green' : 'default'}>{t(`personStatuses.${p.status}`)}</Tag>
            {readOnly ? null : <LinkedAccount personId={p.id} />}
            <Button id="resume-download" icon={<FileWordOutlined />} href={resumeUrl(p.id)} download>
              {t('person.downloadResume')}
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary" className="person-subtitle">
        {[
          title ? p.fullName : null,
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
            children: <ResumeTab person={p} onReload={onReload} />,
          },
          {
            key: 'career',
            label: t('person.tabs.career'),
            children: <CareerTab person={p} onReload={onReload} />,
          },
          {
            key: 'party',
            label: t('person.tabs.party'),
            children: <PartyTab person={p} onReload={onReload} />,
          },
          {
            key: 'rewards',
            label: t('person.tabs.rewards'),
            children: <RewardsTab person={p} onReload={onReload} />,
          },
          {
            key: 'training',
            label: t('person.tabs.training'),
            children: <TrainingTab person={p} onReload={onReload} />,
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
          {
            key: 'annual',
            label: t('annual.person.tab'),
            children: (
              <Suspense fallback={<PageLoader />}>
                <PersonAnnualTab personId={p.id} canManage={p.abilities.manage} />
              </Suspense>
            ),
          },
          { key: 'history', label: t('person.tabs.history'), children: <HistoryTab personId={p.id} /> },
        ]}
      />
    </>
  );
}
