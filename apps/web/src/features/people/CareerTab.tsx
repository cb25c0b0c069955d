import { StopOutlined } from '@ant-design/icons';
import type { PersonProfile, PositionView } from '@canbo/domain';
import { App, Button, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEndPosition } from '../../api/people';
import { todayInVietnam } from '../../components/dates';
import { formatDate } from '../../components/format';
import { RecordModal } from './RecordModal';
import { SectionTable } from './SectionTable';
import { endPositionFields, positionFields } from './sectionSpecs';

interface Props {
  person: PersonProfile;
  onReload: () => void;
}

/** Quá trình công tác: every post held, current ones first, concurrent posts marked. */
export function CareerTab({ person, onReload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const endPosition = useEndPosition(person.id);
  const [ending, setEnding] = useState<PositionView | null>(null);
  const canManage = person.abilities.manage;

  return (
    <>
      <SectionTable
        personId={person.id}
        section="positions"
        title={t('person.tabs.career')}
        rows={person.positions}
        canManage={canManage}
        birthDate={person.birthDate}
        onReload={onReload}
        idBase="position"
        addLabel={t('position.add')}
        emptyText={t('position.none')}
        fields={positionFields(t, person.unitName)}
        defaults={{ unitId: person.unitId, isLeader: false, isConcurrent: false }}
        editFields={(row) => positionFields(t, row.unitName)}
        scrollX={1000}
        rowActions={(row) =>
          row.current && !row.endDate ? (
            <Tooltip title={t('position.end')}>
              <Button
                type="text"
                size="small"
                icon={<StopOutlined />}
                aria-label={t('position.end')}
                onClick={() => setEnding(row)}
              />
            </Tooltip>
          ) : null
        }
        columns={[
          {
            title: t('position.title'),
            dataIndex: 'title',
            key: 'title',
            width: 260,
            render: (title: string, p) => (
              <Space size={[4, 4]} wrap>
                <span className={p.current ? 'strong' : undefined}>{title}</span>
                {p.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
                {p.isLeader ? <Tag color="blue">{t('position.isLeader')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('position.unit'),
            dataIndex: 'unitName',
            key: 'unit',
            width: 220,
            render: (name: string, p) => <Link to={`/org/units/${p.unitId}`}>{name}</Link>,
          },
          {
            title: t('position.period'),
            key: 'period',
            width: 200,
            render: (_: unknown, p) =>
              `${formatDate(p.startDate)} – ${p.endDate ? formatDate(p.endDate) : t('position.now')}`,
          },
          {
            title: t('position.state'),
            key: 'current',
            width: 110,
            render: (_: unknown, p) =>
              p.current ? <Tag color="green">{t('position.current')}</Tag> : <Tag>{t('position.ended')}</Tag>,
          },
          { title: t('position.decisionNumber'), dataIndex: 'decisionNumber', key: 'decision', width: 140 },
          {
            title: t('position.endReason'),
            dataIndex: 'endReason',
            key: 'endReason',
            width: 160,
            ellipsis: true,
          },
        ]}
      />
      {ending ? (
        <RecordModal
          open
          title={t('position.endTitle', { title: ending.title })}
          idPrefix="end-position-form"
          fields={endPositionFields(t, ending.startDate)}
          defaults={{ endDate: todayInVietnam() }}
          birthDate={person.birthDate}
          okText={t('position.end')}
          onClose={() => setEnding(null)}
          onReload={onReload}
          onSave={async (payload) => {
            await endPosition.mutateAsync({
              itemId: ending.id,
              input: {
                endDate: payload.endDate as string,
                endReason: (payload.endReason as string | null) ?? null,
                version: ending.version,
              },
            });
            message.success(t('position.ended'));
          }}
        />
      ) : null}
    </>
  );
}
