import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Permission } from '@canbo/domain';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCurrentUser } from '../api/auth';

interface NavItem {
  path: string;
  label:
    | 'nav.home'
    | 'nav.org'
    | 'nav.people'
    | 'nav.imports'
    | 'nav.users'
    | 'nav.security'
    | 'nav.audit'
    | 'nav.jobs';
  icon: ReactNode;
  permission?: Permission;
}

const NAV: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, permission: 'units.read' },
  { path: '/people', label: 'nav.people', icon: <IdcardOutlined />, permission: 'people.read' },
  { path: '/imports', label: 'nav.imports', icon: <CloudUploadOutlined />, permission: 'imports.run' },
  { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined />, permission: 'users.read' },
  {
    path: '/admin/security',
    label: 'nav.security',
    icon: <SafetyCertificateOutlined />,
    permission: 'settings.manage',
  },
  { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { path: '/admin/jobs', label: 'nav.jobs', icon: <ScheduleOutlined />, permission: 'jobs.read' },
];

/** The menu entry owning the current path: the longest matching prefix. */
function selectedKey(pathname: string, items: NavItem[]): string {
  const matches = items.filter((i) => (i.path === '/' ? pathname === '/' : pathname.startsWith(i.path)));
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '';
}

/** Navigation: only the areas the user's permissions open. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const visible = NAV.filter((i) => !i.permission || me.permissions.includes(i.permission));
  const items: MenuProps['items'] = visible.map((i) => ({
    key: i.path,
    icon: i.icon,
    label: t(i.label),
    ...({ id: `nav-${i.path === '/' ? 'home' : i.path.split('/').pop()}` } as object),
  }));
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(pathname, visible)]}
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
