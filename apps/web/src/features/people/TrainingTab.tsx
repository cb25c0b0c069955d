import type { PersonProfile } from '@canbo/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { SectionTable } from './SectionTable';
import { trainingFields } from './sectionSpecs';

/** Đào tạo, bồi dưỡng: courses and degrees. */
export function TrainingTab({ person, onReload }: { person: PersonProfile; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <SectionTable
      personId={person.id}
      section="trainings"
      title={t('person.tabs.training')}
      rows={person.trainings}
      canManage={person.abilities.manage}
      birthDate={person.birthDate}
      onReload={onReload}
      idBase="training"
      addLabel={t('training.add')}
      emptyText={t('training.none')}
      fields={trainingFields(t)}
      scrollX={1100}
      columns={[
        {
          title: t('training.period'),
          key: 'period',
          width: 200,
          render: (_: unknown, c) =>
            `${formatDate(c.startDate)} – ${c.endDate ? formatDate(c.endDate) : '…'}`,
        },
        {
          title: t('training.kind'),
          dataIndex: 'kind',
          key: 'kind',
          width: 190,
          render: (k: PersonProfile['trainings'][number]['kind']) => (
            <Tag color="cyan">{t(`trainingKinds.${k}`)}</Tag>
          ),
        },
        { title: t('training.course'), dataIndex: 'course', key: 'course', width: 260 },
        { title: t('training.institution'), dataIndex: 'institution', key: 'institution', width: 220 },
        { title: t('training.certificate'), dataIndex: 'certificate', key: 'certificate', width: 160 },
      ]}
    />
  );
}
