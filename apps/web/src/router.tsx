import type { Permission } from '@canbo/domain';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './components/AppLayout';
import { PageLoader } from './components/PageLoader';
import { RequirePermission } from './components/RequirePermission';
import { SessionGate } from './components/SessionGate';

// One chunk per page: the first screen only loads the shell and the page it shows.
const SignInPage = lazy(() => import('./features/auth/SignInPage'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const TwoFactorSetupPage = lazy(() => import('./features/auth/TwoFactorSetupPage'));
const AccountSecurityPage = lazy(() => import('./features/auth/AccountSecurityPage'));
const HomePage = lazy(() => import('./features/home/HomePage'));
const UsersPage = lazy(() => import('./features/users/UsersPage'));
const UserDetailPage = lazy(() => import('./features/users/UserDetailPage'));
const SecuritySettingsPage = lazy(() => import('./features/security/SecuritySettingsPage'));
const AuditPage = lazy(() => import('./features/audit/AuditPage'));
const JobsPage = lazy(() => import('./features/jobs/JobsPage'));
const OrgTreePage = lazy(() => import('./features/org/OrgTreePage'));
const UnitPage = lazy(() => import('./features/org/UnitPage'));
const RestructurePage = lazy(() => import('./features/org/restructure/RestructurePage'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage'));
const PersonPage = lazy(() => import('./features/people/PersonPage'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage'));
const NotFoundPage = lazy(() => import('./features/errors/NotFoundPage'));

type Page = LazyExoticComponent<ComponentType>;

function guarded(permission: Permission, Page: Page) {
  return (
    <RequirePermission permission={permission}>
      <Page />
    </RequirePermission>
  );
}

export const router = createBrowserRouter([
  {
    path: '/sign-in',
    element: (
      <Suspense fallback={<PageLoader full />}>
        <SignInPage />
      </Suspense>
    ),
  },
  {
    element: <SessionGate />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/two-factor', element: <TwoFactorSetupPage /> },
          { path: 'account/security', element: <AccountSecurityPage /> },
          { path: 'org', element: guarded('units.read', OrgTreePage) },
          { path: 'org/units/:id', element: guarded('units.read', UnitPage) },
          { path: 'org/restructure/:kind', element: guarded('units.restructure', RestructurePage) },
          { path: 'people', element: guarded('people.read', PeoplePage) },
          { path: 'people/:id', element: guarded('people.read', PersonPage) },
          { path: 'imports', element: guarded('imports.run', ImportsPage) },
          { path: 'admin/users', element: guarded('users.read', UsersPage) },
          { path: 'admin/users/:id', element: guarded('users.read', UserDetailPage) },
          { path: 'admin/security', element: guarded('settings.manage', SecuritySettingsPage) },
          { path: 'admin/audit', element: guarded('audit.read', AuditPage) },
          { path: 'admin/jobs', element: guarded('jobs.read', JobsPage) },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
