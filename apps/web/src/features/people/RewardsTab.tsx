import type { PersonProfile } from '@canbo/domain';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { SectionTable } from './SectionTable';
import { awardFields, disciplineFields } from './sectionSpecs';

/** Khen thưởng, kỷ luật: awards and disciplines, newest first. */
export function RewardsTab({ person, onReload }: { person: PersonProfile; onReload: () => void }) {
  const { t } = useTranslation();
  const common = {
    personId: person.id,
    canManage: person.abilities.manage,
    birthDate: person.birthDate,
    onReload,
  };
  return (
    <>
      <SectionTable
        {...common}
        section="awards"
        title={t('award.sectionTitle')}
        rows={person.awards}
        idBase="award"
        addLabel={t('award.add')}
        emptyText={t('award.none')}
        fields={awardFields(t)}
        columns={[
          {
            title: t('award.decisionDate'),
            dataIndex: 'decisionDate',
            key: 'date',
            width: 120,
            render: (d: string) => formatDate(d),
          },
          {
            title: t('award.kind'),
            dataIndex: 'kind',
            key: 'kind',
            width: 170,
            render: (k: PersonProfile['awards'][number]['kind']) => (
              <Tag color="gold">{t(`awardKinds.${k}`)}</Tag>
            ),
          },
          { title: t('award.title'), dataIndex: 'title', key: 'title', width: 300 },
          { title: t('award.decisionNumber'), dataIndex: 'decisionNumber', key: 'number', width: 140 },
          { title: t('award.issuer'), dataIndex: 'issuer', key: 'issuer', width: 200 },
        ]}
        scrollX={1060}
      />
      <SectionTable
        {...common}
        section="disciplines"
        title={t('discipline.sectionTitle')}
        rows={person.disciplines}
        idBase="discipline"
        addLabel={t('discipline.add')}
        emptyText={t('discipline.none')}
        fields={disciplineFields(t)}
        columns={[
          {
            title: t('discipline.decisionDate'),
            dataIndex: 'decisionDate',
            key: 'date',
            width: 120,
            render: (d: string) => formatDate(d),
          },
          {
            title: t('discipline.form'),
            dataIndex: 'form',
            key: 'form',
            width: 170,
            render: (f: PersonProfile['disciplines'][number]['form'], d) => (
              <>
                <Tag color={d.inForce ? 'red' : 'default'}>{t(`disciplineForms.${f}`)}</Tag>
                {d.inForce ? <Tag color="volcano">{t('discipline.inForce')}</Tag> : null}
              </>
            ),
          },
          { title: t('discipline.reason'), dataIndex: 'reason', key: 'reason', width: 260, ellipsis: true },
          { title: t('discipline.decisionNumber'), dataIndex: 'decisionNumber', key: 'number', width: 140 },
          { title: t('discipline.issuer'), dataIndex: 'issuer', key: 'issuer', width: 180 },
          {
            title: t('discipline.expiryDate'),
            dataIndex: 'expiryDate',
            key: 'expiry',
            width: 130,
            render: (d: string | null) => formatDate(d),
          },
        ]}
        scrollX={1140}
      />
    </>
  );
}
