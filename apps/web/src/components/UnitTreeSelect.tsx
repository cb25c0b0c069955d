import type { UnitView } from '@canbo/domain';
import { useQueryClient } from '@tanstack/react-query';
import { TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitListQuery, useUnits } from '../api/units';
import { searchKey } from './text';
import { useDebounced } from './useDebounced';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Label of the current value, for a unit that is not loaded in the tree yet. */
  initialLabel?: string;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  style?: React.CSSProperties;
  className?: string;
  'aria-label'?: string;
}

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const toNode = (u: UnitView, pId: string | null): Node => ({
  id: u.id,
  pId,
  value: u.id,
  title: `${u.name} (${u.code})`,
  isLeaf: !u.hasChildren,
});

/**
 * The tree behind both pickers: the top of the user's scope first, children loaded when a level
 * opens; typing two letters or more searches the whole scope on the server.
 */
function useUnitTreeData(initialLabel?: string) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const top = useUnits({});
  const [children, setChildren] = useState<Node[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const searching = q.length >= 2;
  const found = useUnits({ q }, searching);

  const treeData = useMemo<Node[]>(() => {
    if (searching && found.data) return found.data.map((u) => ({ ...toNode(u, null), isLeaf: true }));
    const roots = (top.data ?? []).map((u) => toNode(u, null));
    const seen = new Set(roots.map((n) => n.id));
    return [...roots, ...children.filter((n) => !seen.has(n.id))];
  }, [searching, found.data, top.data, children]);

  const labelOf = (id: string) =>
    labels[id] ?? treeData.find((n) => n.id === id)?.title ?? initialLabel ?? t('common.loading');
  const remember = (id: string) => setLabels((prev) => ({ ...prev, [id]: labelOf(id) }));

  const loadData = async (node: { value?: string | number }) => {
    const parentId = String(node.value);
    const units = await qc.fetchQuery(unitListQuery({ parentId }));
    setChildren((prev) => {
      const known = new Set(prev.map((n) => n.id));
      return [...prev, ...units.filter((u) => !known.has(u.id)).map((u) => toNode(u, parentId))];
    });
  };

  return {
    common: {
      treeDataSimpleMode: true,
      treeData,
      loadData: searching ? undefined : loadData,
      loading: top.isFetching || (searching && found.isFetching),
      showSearch: {
        searchValue: search,
        onSearch: setSearch,
        filterTreeNode: (input: string, node: { title?: unknown }) =>
          searching || searchKey(String(node.title)).includes(searchKey(input)),
      },
      notFoundContent: t('units.none'),
      popupMatchSelectWidth: false,
      treeNodeLabelProp: 'title',
      styles: { popup: { root: { maxWidth: 'min(480px, 95vw)' } } },
    },
    labelOf,
    remember,
  };
}

/** A unit picker over the org tree (one unit). */
export function UnitTreeSelect({ value, onChange, initialLabel, placeholder, ...rest }: Props) {
  const { t } = useTranslation();
  const tree = useUnitTreeData(initialLabel);
  return (
    <TreeSelect<{ value: string; label: React.ReactNode } | undefined>
      {...rest}
      {...tree.common}
      labelInValue
      value={value ? { value, label: tree.labelOf(value) } : undefined}
      onChange={(v) => {
        if (v) tree.remember(v.value);
        onChange?.(v?.value);
      }}
      placeholder={placeholder ?? t('units.pick')}
    />
  );
}

interface MultiProps extends Omit<Props, 'value' | 'onChange' | 'initialLabel'> {
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Labels of values not loaded in the tree yet. */
  labels?: Record<string, string>;
}

/** The same picker for several units (e.g. the units a merge joins). */
export function UnitMultiSelect({ value, onChange, labels, placeholder, ...rest }: MultiProps) {
  const { t } = useTranslation();
  const tree = useUnitTreeData();
  return (
    <TreeSelect<{ value: string; label: React.ReactNode }[]>
      {...rest}
      {...tree.common}
      multiple
      labelInValue
      value={(value ?? []).map((id) => ({ value: id, label: labels?.[id] ?? tree.labelOf(id) }))}
      onChange={(v) => {
        for (const item of v ?? []) tree.remember(item.value);
        onChange?.((v ?? []).map((item) => item.value));
      }}
      placeholder={placeholder ?? t('units.pickMany')}
    />
  );
}
