import type { UnitPositionView, UnitView } from '@canbo/domain';
import { Alert, Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface PartOption {
  value: string;
  label: string;
}

interface Props {
  positions: UnitPositionView[];
  subUnits: UnitView[];
  parts: PartOption[];
  assigned: Record<string, string>;
  onAssign: (changes: Record<string, string>) => void;
  childAssigned: Record<string, string>;
  onAssignChild: (unitId: string, part: string) => void;
}

/** Step "who goes where": a destination for every post held in the split unit, and for its sub-units. */
export function SplitAssign({
  positions,
  subUnits,
  parts,
  assigned,
  onAssign,
  childAssigned,
  onAssignChild,
}: Props) {
  const { t } = useTranslation();
  const [restPart, setRestPart] = useState<string | undefined>(parts[0]?.value);
  const unassigned = positions.filter((p) => !assigned[p.id]);

  const assignRest = () => {
    if (!restPart) return;
    onAssign(Object.fromEntries(unassigned.map((p) => [p.id, restPart])));
  };

  return (
    <>
      <Typography.Title level={5}>
        {t('restructure.split.assignTitle', { count: positions.length })}
      </Typography.Title>
      {positions.length === 0 ? (
        <Alert className="mb-16" type="info" showIcon title={t('restructure.split.noPositions')} />
      ) : (
        <>
          <div className="toolbar split-rest" id="split-rest">
            <span className="split-rest-label">{t('restructure.split.assignRest')}</span>
            <Select
              id="split-rest-part"
              className="toolbar-select"
              value={restPart}
              onChange={setRestPart}
              options={parts}
              aria-label={t('restructure.split.assignRest')}
            />
            <Button
              id="split-assign-rest"
              onClick={assignRest}
              disabled={!restPart || unassigned.length === 0}
            >
              {t('restructure.split.apply', { count: unassigned.length })}
            </Button>
          </div>
          {unassigned.length > 0 ? (
            <Alert
              className="mb-16"
              type="warning"
              showIcon
              id="split-unassigned"
              title={t('restructure.split.unassigned', { count: unassigned.length })}
            />
          ) : null}
          <Table<UnitPositionView>
            id="split-assign-table"
            rowKey="id"
            size="small"
            dataSource={positions}
            scroll={{ x: 760 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              {
                title: t('person.fields.fullName'),
                dataIndex: 'fullName',
                key: 'name',
                width: 190,
                fixed: 'left',
              },
              {
                title: t('position.title'),
                dataIndex: 'title',
                key: 'title',
                width: 240,
                render: (title: string, p) => (
                  <Space size={4} wrap>
                    <span>{title}</span>
                    {p.isLeader ? <Tag color="blue">{t('position.isLeader')}</Tag> : null}
                    {p.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('restructure.split.assignTo'),
                key: 'part',
                width: 260,
                render: (_: unknown, p) => (
                  <Select
                    id={`split-assign-${p.id}`}
                    className="full-width"
                    status={assigned[p.id] ? undefined : 'warning'}
                    value={assigned[p.id]}
                    placeholder={t('restructure.split.pickPart')}
                    options={parts}
                    onChange={(part: string) => onAssign({ [p.id]: part })}
                    aria-label={t('restructure.split.assignTo')}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      {subUnits.length > 0 ? (
        <>
          <Typography.Title level={5} className="mt-12">
            {t('restructure.split.children', { count: subUnits.length })}
          </Typography.Title>
          <Table<UnitView>
            id="split-children-table"
            rowKey="id"
            size="small"
            dataSource={subUnits}
            scroll={{ x: 560 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('unit.name'), dataIndex: 'name', key: 'name', width: 260 },
              {
                title: t('restructure.split.assignTo'),
                key: 'part',
                width: 260,
                render: (_: unknown, u) => (
                  <Select
                    className="full-width"
                    allowClear
                    value={childAssigned[u.id]}
                    placeholder={t('restructure.split.defaultPartShort')}
                    options={parts}
                    onChange={(part: string) => onAssignChild(u.id, part)}
                    aria-label={t('restructure.split.assignTo')}
                  />
                ),
              },
            ]}
          />
        </>
      ) : null}
      <Form.Item
        name="defaultPart"
        htmlFor="split-default-part"
        label={t('restructure.split.defaultPart')}
        extra={t('restructure.split.defaultPartHint')}
        rules={[{ required: true, message: t('validation.required') }]}
        className="mt-12"
      >
        <Select id="split-default-part" options={parts} className="toolbar-unit" />
      </Form.Item>
    </>
  );
}
