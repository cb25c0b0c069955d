import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { PageLoader } from './PageLoader';
import { UserMenu } from './UserMenu';

/**
 * The signed-in frame: menu on the left (icons only on tablets, a drawer on phones),
 * language and user menu on top. While a first step is pending there is no menu at all.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const withMenu = me.pending === null;

  return (
    <Layout className="app-shell">
      {withMenu && !phone ? (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          onBreakpoint={setCollapsed}
          width={240}
          className="app-sider"
        >
          <Brand dark collapsed={collapsed} />
          <NavMenu />
        </Layout.Sider>
      ) : null}
      <Layout>
        <Layout.Header className="app-header">
          {withMenu && phone ? (
            <Button
              type="text"
              id="nav-toggle"
              icon={<MenuOutlined />}
              aria-label={t('nav.open')}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          {!withMenu || phone ? <Brand compact={phone} /> : null}
          <div className="app-header-spacer" />
          <LanguageSwitch />
          {withMenu ? <NotificationBell /> : null}
          <UserMenu compact={phone} />
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {withMenu && phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          className="nav-drawer"
          styles={{ body: { padding: 0 } }}
        >
          <Brand dark />
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : null}
    </Layout>
  );
}
