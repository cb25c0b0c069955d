import {
  AimOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  HomeOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
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
    | 'nav.myRecord'
    | 'nav.imports'
    | 'nav.users'
    | 'nav.security'
    | 'nav.audit'
    | 'nav.jobs'
    | 'evaluations.nav.mine'
    | 'evaluations.nav.review'
    | 'evaluations.nav.cycles'
    | 'evaluations.nav.frameworks'
    | 'evaluations.nav.kpi'
    | 'evaluations.nav.delegations'
    | 'votes.nav'
    | 'reports.nav.targets'
    | 'reports.nav.workItems'
    | 'reports.nav.indicators'
    | 'reports.nav.builder'
    | 'annual.nav.mine'
    | 'annual.nav.periods'
    | 'annual.nav.weakOrgs'
    | 'control.nav.dashboard'
    | 'control.nav.thresholds';
  icon?: ReactNode;
  /** Shown to holders of this permission, or of any of these. */
  permission?: Permission | Permission[];
  /** The element id when the path's last segment is not unique ("nav-<segment>" otherwise). */
  id?: string;
}

/** The "Đánh giá" group, placed after the people list. */
const EVALUATION_NAV: NavItem[] = [
  { path: '/evaluations/mine', label: 'evaluations.nav.mine' },
  { path: '/evaluations/review', label: 'evaluations.nav.review', permission: 'evaluations.review' },
  {
    path: '/evaluations/cycles',
    label: 'evaluations.nav.cycles',
    permission: ['evaluations.read', 'evaluations.manage', 'evaluations.decide'],
  },
  { path: '/evaluations/frameworks', label: 'evaluations.nav.frameworks', permission: 'evaluations.manage' },
  { path: '/evaluations/kpi-products', label: 'evaluations.nav.kpi', permission: 'evaluations.manage' },
  {
    path: '/evaluations/delegations',
    label: 'evaluations.nav.delegations',
    permission: 'evaluations.review',
  },
  { path: '/annual/mine', label: 'annual.nav.mine', id: 'nav-annual-mine' },
  {
    path: '/annual/periods',
    label: 'annual.nav.periods',
    permission: ['evaluations.read', 'evaluations.manage', 'evaluations.review', 'evaluations.decide'],
  },
  {
    path: '/annual/weak-orgs',
    label: 'annual.nav.weakOrgs',
    permission: ['evaluations.read', 'evaluations.manage', 'evaluations.decide'],
  },
  {
    path: '/control',
    label: 'control.nav.dashboard',
    permission: ['evaluations.read', 'evaluations.manage'],
  },
  {
    path: '/control/thresholds',
    label: 'control.nav.thresholds',
    permission: ['evaluations.read', 'evaluations.manage'],
  },
];

const NAV: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  { path: '/people/me', label: 'nav.myRecord', icon: <ProfileOutlined /> },
  { path: '/org', label: 'nav.org', icon: <ApartmentOutlined />, permission: 'units.read' },
  { path: '/people', label: 'nav.people', icon: <IdcardOutlined />, permission: 'people.read' },
  {
    path: '/votes',
    label: 'votes.nav',
    icon: <FileDoneOutlined />,
    permission: ['votes.manage', 'votes.read'],
  },
  {
    path: '/reports/targets',
    label: 'reports.nav.targets',
    icon: <AimOutlined />,
    permission: 'reports.read',
  },
  {
    path: '/reports/work-items',
    label: 'reports.nav.workItems',
    icon: <CarryOutOutlined />,
    permission: 'reports.read',
  },
  {
    path: '/reports/indicators',
    label: 'reports.nav.indicators',
    icon: <BarChartOutlined />,
    permission: 'reports.read',
  },
  {
    path: '/reports/runs',
    label: 'reports.nav.builder',
    icon: <FileTextOutlined />,
    permission: 'reports.read',
  },
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
  const allowed = (i: NavItem) =>
    !i.permission ||
    (Array.isArray(i.permission) ? i.permission : [i.permission]).some((p) => me.permissions.includes(p));
  const visible = NAV.filter(allowed);
  const evaluations = EVALUATION_NAV.filter(allowed);
  const toItem = (i: NavItem) => ({
    key: i.path,
    icon: i.icon,
    label: t(i.label),
    ...({ id: i.id ?? `nav-${i.path === '/' ? 'home' : i.path.split('/').pop()}` } as object),
  });
  const items: MenuProps['items'] = visible.map(toItem);
  // The evaluation group sits right after the people list (or after home when that is hidden).
  const at =
    Math.max(
      visible.findIndex((i) => i.path === '/people'),
      0,
    ) + 1;
  items.splice(at, 0, {
    key: 'evaluations',
    icon: <SolutionOutlined />,
    label: t('evaluations.nav.group'),
    children: evaluations.map(toItem),
    ...({ id: 'nav-evaluations' } as object),
  });
  const selected = selectedKey(pathname, [...visible, ...evaluations]);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selected]}
      defaultOpenKeys={
        ['/evaluations', '/annual', '/control'].some((prefix) => pathname.startsWith(prefix))
          ? ['evaluations']
          : []
      }
      items={items}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
    />
  );
}
