import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CriterionInput } from '@canbo/domain';
import { Button, Input, InputNumber, Space, Table, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addChild, codePath, type Row, toRows, updateAt } from './criteriaTree';
import { formatPoints } from './ui';

interface Props {
  tree: CriterionInput[];
  onChange: (tree: CriterionInput[]) => void;
  readOnly: boolean;
  /** Paths ("results/results.1") that have a validation issue. */
  flagged: Set<string>;
}

/** The criteria tree as an editable table: titles, maximum points, guidance; sub-criteria added or removed. */
export function CriteriaEditor({ tree, onChange, readOnly, flagged }: Props) {
  const { t } = useTranslation();
  const rows = toRows(tree);
  // Everything open by default, also rows added later; the user may fold some.
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const edit = (row: Row, fn: (n: CriterionInput) => CriterionInput | null) =>
    onChange(updateAt(tree, row.path, fn));
  const allKeys: string[] = [];
  const collect = (rs: Row[]) => {
    for (const r of rs) {
      allKeys.push(r.key);
      collect(r.children ?? []);
    }
  };
  collect(rows);

  return (
    <Table<Row>
      id="criteria-editor"
      size="small"
      pagination={false}
      dataSource={rows}
      expandable={{
        expandedRowKeys: allKeys.filter((k) => !collapsed.has(k)),
        onExpand: (open, r) =>
          setCollapsed((prev) => {
            const next = new Set(prev);
            if (open) next.delete(r.key);
            else next.add(r.key);
            return next;
          }),
      }}
      scroll={{ x: 1100 }}
      rowClassName={(r) => (flagged.has(codePath(tree, r.path)) ? 'row-failed' : '')}
      columns={[
        {
          key: 'code',
          title: t('evaluations.frameworks.code'),
          width: 200,
          render: (_, r) =>
            readOnly || r.depth === 0 ? (
              <strong>{r.node.code}</strong>
            ) : (
              <Input
                size="small"
                value={r.node.code}
                maxLength={40}
                onChange={(e) => edit(r, (n) => ({ ...n, code: e.target.value }))}
              />
            ),
        },
        {
          key: 'title',
          title: t('evaluations.frameworks.criterionTitle'),
          render: (_, r) =>
            readOnly ? (
              r.node.title.vi
            ) : (
              <Space direction="vertical" size={2} className="full-width">
                <Input
                  size="small"
                  value={r.node.title.vi}
                  placeholder="Tiếng Việt"
                  onChange={(e) => edit(r, (n) => ({ ...n, title: { ...n.title, vi: e.target.value } }))}
                />
                <Input
                  size="small"
                  value={r.node.title.en}
                  placeholder="English"
                  onChange={(e) => edit(r, (n) => ({ ...n, title: { ...n.title, en: e.target.value } }))}
                />
              </Space>
            ),
        },
        {
          key: 'max',
          title: t('evaluations.frameworks.maxPoints'),
          width: 110,
          render: (_, r) =>
            readOnly || r.depth === 0 ? (
              formatPoints(r.node.maxPoints)
            ) : (
              <InputNumber
                size="small"
                min={0.01}
                max={100}
                step={0.5}
                decimalSeparator=","
                value={r.node.maxPoints}
                onChange={(v) => edit(r, (n) => ({ ...n, maxPoints: typeof v === 'number' ? v : 0 }))}
              />
            ),
        },
        {
          key: 'guidance',
          title: t('evaluations.frameworks.guidance'),
          width: 300,
          render: (_, r) =>
            readOnly ? (
              <span className="small-note">{r.node.guidance?.vi}</span>
            ) : (
              <Input.TextArea
                size="small"
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={r.node.guidance?.vi ?? ''}
                onChange={(e) =>
                  edit(r, (n) => ({ ...n, guidance: { vi: e.target.value, en: n.guidance?.en ?? '' } }))
                }
              />
            ),
        },
        {
          key: 'actions',
          title: '',
          width: 90,
          render: (_, r) =>
            readOnly ? null : (
              <Space size={0}>
                <Tooltip title={t('evaluations.frameworks.addChild')}>
                  <Button
                    type="text"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => onChange(addChild(tree, r.path))}
                  />
                </Tooltip>
                {r.depth > 0 ? (
                  <Tooltip title={t('common.delete')}>
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => edit(r, () => null)}
                    />
                  </Tooltip>
                ) : null}
              </Space>
            ),
        },
      ]}
    />
  );
}
