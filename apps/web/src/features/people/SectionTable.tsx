import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, type TableColumnType, Tooltip } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { type RecordSection, type RecordTypes, useRecordMutations } from '../../api/people';
import { useErrorText } from '../../components/useErrorText';
import { type FieldSpec, RecordModal } from './RecordModal';

type Row<S extends RecordSection> = RecordTypes[S]['view'];

interface Props<S extends RecordSection> {
  personId: string;
  section: S;
  title: string;
  rows: Row<S>[];
  columns: TableColumnType<Row<S>>[];
  fields: FieldSpec[];
  /** Fields for a row being edited, when they differ (e.g. a post's unit label). */
  editFields?: (row: Row<S>) => FieldSpec[];
  defaults?: Record<string, unknown>;
  canManage: boolean;
  birthDate: string;
  onReload: () => void;
  /** Element ids: `#add-<idBase>`, `#person-<section>`, modal form `<idBase>-form`. */
  idBase: string;
  addLabel: string;
  emptyText: string;
  /** More buttons per row (e.g. end a post). */
  rowActions?: (row: Row<S>) => ReactNode;
  scrollX?: number;
}

/** One section of the record (posts, disciplines, awards, courses): a table with add, edit and delete. */
export function SectionTable<S extends RecordSection>({
  personId,
  section,
  title,
  rows,
  columns,
  fields,
  editFields,
  defaults,
  canManage,
  birthDate,
  onReload,
  idBase,
  addLabel,
  emptyText,
  rowActions,
  scrollX = 800,
}: Props<S>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const mutations = useRecordMutations(personId, section);
  const [editing, setEditing] = useState<Row<S> | 'new' | null>(null);

  const remove = async (row: Row<S>) => {
    try {
      await mutations.remove.mutateAsync({ itemId: row.id, version: row.version });
      message.success(t('common.deleted'));
    } catch (err) {
      message.error(errorText.message(err));
      if (isApiError(err) && err.status === 409) onReload();
    }
  };

  const actions: TableColumnType<Row<S>> = {
    title: t('common.actions'),
    key: 'actions',
    width: 130,
    fixed: 'right',
    render: (_: unknown, row) => (
      <Space size={0}>
        {rowActions?.(row)}
        <Tooltip title={t('common.edit')}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined />}
            aria-label={t('common.edit')}
            onClick={() => setEditing(row)}
          />
        </Tooltip>
        <Popconfirm
          title={t('common.deleteConfirm')}
          description={t('common.deleteHint')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove(row)}
        >
          <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
        </Popconfirm>
      </Space>
    ),
  };

  const editingRow = editing && editing !== 'new' ? editing : undefined;

  return (
    <Card
      size="small"
      title={title}
      className="mb-16"
      extra={
        canManage ? (
          <Button
            size="small"
            type="primary"
            ghost
            icon={<PlusOutlined />}
            id={`add-${idBase}`}
            onClick={() => setEditing('new')}
          >
            {addLabel}
          </Button>
        ) : null
      }
    >
      <Table<Row<S>>
        id={`person-${section}`}
        rowKey="id"
        size="small"
        dataSource={rows}
        columns={canManage ? [...columns, actions] : columns}
        scroll={{ x: scrollX }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText }}
      />
      {editing ? (
        <RecordModal
          open
          title={editingRow ? t('common.editTitle', { what: title.toLowerCase() }) : addLabel}
          idPrefix={`${idBase}-form`}
          fields={editingRow && editFields ? editFields(editingRow) : fields}
          record={editingRow as Record<string, unknown> | undefined}
          defaults={defaults}
          birthDate={birthDate}
          onClose={() => setEditing(null)}
          onReload={onReload}
          onSave={async (payload) => {
            if (editingRow) {
              await mutations.update.mutateAsync({
                itemId: editingRow.id,
                input: { ...payload, version: editingRow.version } as RecordTypes[S]['update'],
              });
            } else {
              await mutations.add.mutateAsync(payload as RecordTypes[S]['create']);
            }
            message.success(t('common.saved'));
          }}
        />
      ) : null}
    </Card>
  );
}
