import type { UnitView } from '@canbo/domain';
import { useQueryClient } from '@tanstack/react-query';
import { Empty, Grid, Spin, Tree, type TreeDataNode, Typography } from 'antd';
import { type Key, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitListQuery, useUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitStatusTag, UnitTypeIcon } from './UnitTypeTag';

interface Props {
  /** The tree as of this date; today when absent. */
  asOf?: string;
  /** A settled search text; two characters or more search the whole scope on the server. */
  q: string;
  selectedId?: string;
  onSelect: (unit: UnitView) => void;
}

function NodeTitle({ unit }: { unit: UnitView }) {
  return (
    <span className="unit-node" data-code={unit.code}>
      <UnitTypeIcon type={unit.type} />
      <span className="unit-node-name">{unit.name}</span>
      <Typography.Text type="secondary" className="unit-node-code">
        {unit.code}
      </Typography.Text>
      {unit.status !== 'active' ? <UnitStatusTag status={unit.status} /> : null}
    </span>
  );
}

/**
 * The org tree: the top of the user's scope, each level loaded from the server when it opens
 * (GET /api/units?parentId=…&asOf=…). A search shows the matching units as a flat list.
 * Mount it with a `key` of the date and the search so that a new question starts a new tree.
 */
export function OrgTree({ asOf, q, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const screens = Grid.useBreakpoint();
  const searching = q.length >= 2;
  const top = useUnits(searching ? { q, asOf } : { asOf });
  const [children, setChildren] = useState<Record<string, UnitView[]>>({});
  const [expanded, setExpanded] = useState<Key[]>([]);
  const known = useRef(new Map<string, UnitView>());

  // One root (the usual case): open it at once.
  useEffect(() => {
    const roots = top.data ?? [];
    if (!searching && roots.length === 1 && roots[0]!.hasChildren) setExpanded([roots[0]!.id]);
  }, [top.data, searching]);

  const load = async (id: string) => {
    const units = await qc.fetchQuery(unitListQuery({ parentId: id, asOf }));
    setChildren((prev) => ({ ...prev, [id]: units }));
  };

  const treeData = useMemo(() => {
    const build = (units: UnitView[]): TreeDataNode[] =>
      units.map((u) => {
        known.current.set(u.id, u);
        const kids = children[u.id];
        return {
          key: u.id,
          title: <NodeTitle unit={u} />,
          isLeaf: searching || !u.hasChildren,
          children: kids ? build(kids) : undefined,
        };
      });
    return build(top.data ?? []);
  }, [top.data, children, searching]);

  if (top.isPending) {
    return (
      <div className="page-loader">
        <Spin />
      </div>
    );
  }
  if (top.isError) return <ErrorAlert error={top.error} />;
  if (treeData.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={searching ? t('units.none') : t('org.empty')}
      />
    );
  }

  return (
    <>
      {searching ? (
        <Typography.Paragraph type="secondary" className="small-note" id="org-search-count">
          {(top.data?.length ?? 0) >= 100
            ? t('org.searchTruncated')
            : t('org.searchResults', { count: top.data?.length ?? 0 })}
        </Typography.Paragraph>
      ) : null}
      <div id="org-tree">
        <Tree
          className="org-tree"
          blockNode
          showLine
          height={screens.md === false ? 460 : 600}
          treeData={treeData}
          loadData={(node) => load(String(node.key))}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys)}
          selectedKeys={selectedId ? [selectedId] : []}
          onSelect={(_keys, info) => {
            const unit = known.current.get(String(info.node.key));
            if (unit) onSelect(unit);
          }}
        />
      </div>
    </>
  );
}
