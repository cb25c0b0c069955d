import { BranchesOutlined, DeleteOutlined, MergeCellsOutlined, SplitCellsOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

export const RESTRUCTURE_KINDS = ['merge', 'split', 'move', 'dissolve'] as const;
export type RestructureKind = (typeof RESTRUCTURE_KINDS)[number];

const ICONS = {
  merge: <MergeCellsOutlined />,
  split: <SplitCellsOutlined />,
  move: <BranchesOutlined />,
  dissolve: <DeleteOutlined />,
};

export function restructurePath(kind: RestructureKind, unitId?: string): string {
  return `/org/restructure/${kind}${unitId ? `?unit=${unitId}` : ''}`;
}

/** Buttons that open the restructuring wizards, with the given unit chosen already. */
export function RestructureButtons({
  unitId,
  idPrefix = '',
  size,
}: {
  unitId?: string;
  idPrefix?: string;
  size?: 'small' | 'middle';
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Space wrap size={[8, 8]}>
      {RESTRUCTURE_KINDS.map((kind) => (
        <Button
          key={kind}
          id={`${idPrefix}${kind}-start`}
          size={size}
          icon={ICONS[kind]}
          danger={kind === 'dissolve'}
          onClick={() => navigate(restructurePath(kind, unitId))}
        >
          {t(`org.${kind}`)}
        </Button>
      ))}
    </Space>
  );
}
