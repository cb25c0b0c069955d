import {
  ApartmentOutlined,
  AppstoreOutlined,
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  FlagOutlined,
  GlobalOutlined,
  ReadOutlined,
  ShopOutlined,
  StarOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import type { UnitStatus, UnitType } from '@canbo/domain';
import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const LOOK: Record<UnitType, { icon: ReactNode; color: string }> = {
  city_party_committee: { icon: <StarOutlined />, color: 'red' },
  affiliated_party_committee: { icon: <FlagOutlined />, color: 'volcano' },
  base_party_committee: { icon: <ClusterOutlined />, color: 'volcano' },
  base_party_cell: { icon: <TeamOutlined />, color: 'orange' },
  party_cell: { icon: <UsergroupAddOutlined />, color: 'orange' },
  state_agency: { icon: <BankOutlined />, color: 'blue' },
  public_service_unit: { icon: <ReadOutlined />, color: 'cyan' },
  enterprise: { icon: <ShopOutlined />, color: 'gold' },
  mass_organisation: { icon: <GlobalOutlined />, color: 'purple' },
  commune: { icon: <EnvironmentOutlined />, color: 'green' },
  department: { icon: <ApartmentOutlined />, color: 'geekblue' },
  other: { icon: <AppstoreOutlined />, color: 'default' },
};

/** The icon of a unit type, coloured like its tag; the type's name on hover. */
export function UnitTypeIcon({ type }: { type: UnitType }) {
  const { t } = useTranslation();
  const look = LOOK[type] ?? LOOK.other;
  return (
    <Tooltip title={t(`unitTypes.${type}`)}>
      <span
        className={`unit-type-icon unit-type-${look.color}`}
        role="img"
        aria-label={t(`unitTypes.${type}`)}
      >
        {look.icon}
      </span>
    </Tooltip>
  );
}

/** The unit type as a tag with its icon. */
export function UnitTypeTag({ type }: { type: UnitType }) {
  const { t } = useTranslation();
  const look = LOOK[type] ?? LOOK.other;
  return (
    <Tag color={look.color} icon={look.icon} className="unit-type-tag">
      {t(`unitTypes.${type}`)}
    </Tag>
  );
}

const STATUS_COLOR: Record<UnitStatus, string> = {
  active: 'success',
  dissolved: 'default',
  merged: 'warning',
  split: 'processing',
};

export function UnitStatusTag({ status }: { status: UnitStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`unitStatus.${status}`)}</Tag>;
}
