import type { OrgChangeCounts, OrgChangePreview } from '@canbo/domain';
import { Alert, Collapse, Descriptions, Space, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GrantEffect, PositionTransfer } from '../../../api/org';
import { uniqueParticipants } from '../participants';

const COUNT_KEYS: (keyof OrgChangeCounts)[] = [
  'unitsCreated',
  'unitsClosed',
  'unitsRenamed',
  'unitsReparented',
  'unitsRepathed',
  'positionsEnded',
  'positionsCreated',
  'positionsMoved',
  'peopleMoved',
  'accountsMoved',
  'grantsMoved',
  'grantsKept',
];

interface Props {
  preview: OrgChangePreview;
  /** Names of units known to the wizard (the preview's participants are added). */
  names?: Map<string, string>;
}

/** What an operation would touch, from POST /api/org/changes/preview: counts, units, posts, records, grants. */
export function ChangePreview({ preview, names = new Map() }: Props) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const unitNames = new Map(names);
  for (const p of preview.participants) unitNames.set(p.unitId, p.name);
  for (const r of preview.reparented) unitNames.set(r.unitId, r.name);
  const nameOf = (id: string) => unitNames.get(id) ?? '…';
  const c = preview.counts;

  return (
    <div id="preview-panel">
      {preview.warnings.map((w) => (
        <Alert
          key={w.code}
          className="mb-16"
          type="warning"
          showIcon
          title={english ? w.messageEn : w.message}
        />
      ))}
      {preview.truncated ? (
        <Alert className="mb-16" type="info" showIcon title={t('restructure.truncated')} />
      ) : null}
      <Descriptions
        id="preview-counts"
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        className="mb-16"
        items={COUNT_KEYS.filter(
          (k) => c[k] > 0 || ['positionsEnded', 'peopleMoved', 'unitsClosed'].includes(k),
        ).map((k) => ({
          key: k,
          label: t(`restructure.counts.${k}`),
          children: <strong data-count={k}>{c[k].toLocaleString('vi-VN')}</strong>,
        }))}
      />
      <Typography.Title level={5}>{t('restructure.participants')}</Typography.Title>
      <div className="participants mb-16" id="preview-participants">
        {uniqueParticipants(preview.participants).map((p) => (
          <div key={`${p.unitId}:${p.role}`} className="participant">
            <Tag
              color={
                p.role === 'created'
                  ? 'green'
                  : p.role === 'source' || p.role === 'subject'
                    ? 'orange'
                    : 'blue'
              }
            >
              {t(`participantRoles.${p.role}`)}
            </Tag>
            <span>{p.name}</span> <Typography.Text type="secondary">({p.code})</Typography.Text>
          </div>
        ))}
      </div>
      <Collapse
        defaultActiveKey={['positions']}
        items={[
          {
            key: 'positions',
            label: t('restructure.positionsList', { count: preview.positions.length }),
            children: (
              <Table<PositionTransfer>
                id="preview-positions"
                rowKey="positionId"
                size="small"
                dataSource={preview.positions}
                scroll={{ x: 860 }}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  {
                    title: t('person.fields.fullName'),
                    dataIndex: 'fullName',
                    key: 'fullName',
                    width: 190,
                    render: (name: string, p) => (
                      <Link to={`/people/${p.personId}`} target="_blank">
                        {name}
                      </Link>
                    ),
                  },
                  {
                    title: t('position.title'),
                    dataIndex: 'title',
                    key: 'title',
                    width: 220,
                    render: (title: string, p) => (
                      <Space size={4} wrap>
                        <span>{title}</span>
                        {p.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
                      </Space>
                    ),
                  },
                  {
                    title: t('restructure.from'),
                    dataIndex: 'fromUnitId',
                    key: 'from',
                    width: 180,
                    render: (id: string) => nameOf(id),
                  },
                  {
                    title: t('restructure.to'),
                    dataIndex: 'toUnitId',
                    key: 'to',
                    width: 180,
                    render: (id: string) => nameOf(id),
                  },
                  {
                    title: t('restructure.action'),
                    dataIndex: 'action',
                    key: 'action',
                    width: 150,
                    render: (a: PositionTransfer['action']) =>
                      a === 'move' ? t('restructure.actionMove') : t('restructure.actionEndRecreate'),
                  },
                ]}
              />
            ),
          },
          {
            key: 'people',
            label: t('restructure.peopleList', { count: preview.people.length }),
            children: (
              <Table
                rowKey="personId"
                size="small"
                dataSource={preview.people}
                scroll={{ x: 600 }}
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                columns={[
                  { title: t('person.fields.fullName'), dataIndex: 'fullName', key: 'fullName', width: 200 },
                  { title: t('person.fields.code'), dataIndex: 'personCode', key: 'code', width: 120 },
                  { title: t('restructure.from'), dataIndex: 'fromUnitId', key: 'from', render: nameOf },
                  { title: t('restructure.to'), dataIndex: 'toUnitId', key: 'to', render: nameOf },
                ]}
              />
            ),
          },
          ...(preview.reparented.length > 0
            ? [
                {
                  key: 'reparented',
                  label: t('restructure.reparentedList', { count: preview.reparented.length }),
                  children: (
                    <Table
                      rowKey="unitId"
                      size="small"
                      dataSource={preview.reparented}
                      scroll={{ x: 560 }}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: t('unit.name'), dataIndex: 'name', key: 'name' },
                        { title: t('unit.code'), dataIndex: 'code', key: 'code', width: 140 },
                        {
                          title: t('restructure.newParent'),
                          dataIndex: 'newParentId',
                          key: 'parent',
                          render: nameOf,
                        },
                      ]}
                    />
                  ),
                },
              ]
            : []),
          ...(preview.grants.length > 0
            ? [
                {
                  key: 'grants',
                  label: t('restructure.grantsList', { count: preview.grants.length }),
                  children: (
                    <Table<GrantEffect>
                      rowKey="grantId"
                      size="small"
                      dataSource={preview.grants}
                      scroll={{ x: 560 }}
                      pagination={{ pageSize: 10, hideOnSinglePage: true }}
                      columns={[
                        { title: t('users.displayName'), dataIndex: 'displayName', key: 'name' },
                        {
                          title: t('users.role'),
                          dataIndex: 'role',
                          key: 'role',
                          render: (r: string) => roleLabel(r, t),
                        },
                        { title: t('users.unit'), dataIndex: 'unitId', key: 'unit', render: nameOf },
                        {
                          title: t('restructure.action'),
                          dataIndex: 'action',
                          key: 'action',
                          render: (a: GrantEffect['action'], g) =>
                            a === 'moved'
                              ? `${t('restructure.grantMoved')} → ${g.toUnitId ? nameOf(g.toUnitId) : ''}`
                              : t('restructure.grantKept'),
                        },
                      ]}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function roleLabel(role: string, t: TFunction): string {
  const roles = ['admin', 'officer', 'head', 'manager', 'staff', 'inspector'] as const;
  return (roles as readonly string[]).includes(role) ? t(`roles.${role as (typeof roles)[number]}`) : role;
}
