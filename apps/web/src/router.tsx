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
const MyRecordPage = lazy(() => import('./features/people/MyRecordPage'));
const ImportsPage = lazy(() => import('./features/imports/ImportsPage'));
const MyEvaluationsPage = lazy(() => import('./features/evaluations/MyEvaluationsPage'));
const EvaluationPage = lazy(() => import('./features/evaluations/EvaluationPage'));
const ReviewQueuePage = lazy(() => import('./features/evaluations/ReviewQueuePage'));
const CyclesPage = lazy(() => import('./features/evaluations/CyclesPage'));
const CyclePage = lazy(() => import('./features/evaluations/CyclePage'));
const UnitBoardPage = lazy(() => import('./features/evaluations/UnitBoardPage'));
const FrameworksPage = lazy(() => import('./features/evaluations/FrameworksPage'));
const FrameworkPage = lazy(() => import('./features/evaluations/FrameworkPage'));
const KpiProductsPage = lazy(() => import('./features/evaluations/KpiProductsPage'));
const DelegationsPage = lazy(() => import('./features/evaluations/DelegationsPage'));
const VoteSessionsPage = lazy(() => import('./features/votes/VoteSessionsPage'));
const VoteSessionPage = lazy(() => import('./features/votes/VoteSessionPage'));
const VoteResultPage = lazy(() => import('./features/votes/VoteResultPage'));
const KioskPage = lazy(() => import('./features/votes/KioskPage'));
const BallotPage = lazy(() => import('./features/votes/BallotPage'));
const TargetsPage = lazy(() => import('./features/reports/TargetsPage'));
const WorkItemsPage = lazy(() => import('./features/reports/WorkItemsPage'));
const IndicatorsPage = lazy(() => import('./features/reports/IndicatorsPage'));
const ReportBuilderPage = lazy(() => import('./features/reports/ReportBuilderPage'));
const ReportPreviewPage = lazy(() => import('./features/reports/ReportPreviewPage'));
const ReportTemplatesPage = lazy(() => import('./features/reports/ReportTemplatesPage'));
const ReviewPeriodsPage = lazy(() => import('./features/annual/ReviewPeriodsPage'));
const ReviewPeriodPage = lazy(() => import('./features/annual/ReviewPeriodPage'));
const ClassificationBoardPage = lazy(() => import('./features/annual/ClassificationBoardPage'));
const AnnualReviewPage = lazy(() => import('./features/annual/AnnualReviewPage'));
const MyAnnualReviewsPage = lazy(() => import('./features/annual/MyAnnualReviewsPage'));
const WeakOrgsPage = lazy(() => import('./features/annual/WeakOrgsPage'));
const ControlDashboardPage = lazy(() => import('./features/control/ControlDashboardPage'));
const ControlThresholdsPage = lazy(() => import('./features/control/ThresholdsPage'));
const NotFoundPage = lazy(() => import('./features/errors/NotFoundPage'));

type Page = LazyExoticComponent<ComponentType>;

/** Vote sessions: officers run them, inspectors read them. */
const VOTE_READERS: Permission[] = ['votes.manage', 'votes.read'];

/** Cycles, the completion monitor and unit boards: officers, inspectors, heads and managers. */
const CYCLE_READERS: Permission[] = [
  'evaluations.read',
  'evaluations.manage',
  'evaluations.review',
  'evaluations.decide',
];

function guarded(permission: Permission | Permission[], Page: Page) {
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
    // The voter's ballot and the kiosk need no menu; the ballot needs no account either.
    path: '/phieu/:code',
    element: (
      <Suspense fallback={<PageLoader full />}>
        <BallotPage />
      </Suspense>
    ),
  },
  {
    element: <SessionGate />,
    children: [
      {
        path: 'votes/:id/kiosk',
        element: <Suspense fallback={<PageLoader full />}>{guarded('votes.manage', KioskPage)}</Suspense>,
      },
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
          // Any signed-in user: the record linked to their own account. Before people/:id.
          { path: 'people/me', element: <MyRecordPage /> },
          { path: 'people/:id', element: guarded('people.read', PersonPage) },
          { path: 'evaluations/mine', element: <MyEvaluationsPage /> },
          { path: 'evaluations/review', element: guarded('evaluations.review', ReviewQueuePage) },
          { path: 'evaluations/cycles', element: guarded(CYCLE_READERS, CyclesPage) },
          { path: 'evaluations/cycles/:id', element: guarded(CYCLE_READERS, CyclePage) },
          {
            path: 'evaluations/cycles/:cycleId/units/:unitId',
            element: guarded(CYCLE_READERS, UnitBoardPage),
          },
          { path: 'evaluations/frameworks', element: guarded('evaluations.manage', FrameworksPage) },
          {
            path: 'evaluations/frameworks/:id',
            element: guarded(['evaluations.manage', 'evaluations.read'], FrameworkPage),
          },
          { path: 'evaluations/kpi-products', element: guarded('evaluations.manage', KpiProductsPage) },
          { path: 'evaluations/delegations', element: guarded('evaluations.review', DelegationsPage) },
          { path: 'evaluations/:id', element: <EvaluationPage /> },
          // Annual and mid-term review: staff reach their own reviews through their account.
          { path: 'annual/mine', element: <MyAnnualReviewsPage /> },
          { path: 'annual/reviews/:id', element: <AnnualReviewPage /> },
          { path: 'annual/periods', element: guarded(CYCLE_READERS, ReviewPeriodsPage) },
          { path: 'annual/periods/:id', element: guarded(CYCLE_READERS, ReviewPeriodPage) },
          {
            path: 'annual/periods/:id/units/:unitId',
            element: guarded(CYCLE_READERS, ClassificationBoardPage),
          },
          { path: 'annual/weak-orgs', element: guarded(CYCLE_READERS, WeakOrgsPage) },
          {
            path: 'control',
            element: guarded(['evaluations.read', 'evaluations.manage'], ControlDashboardPage),
          },
          {
            path: 'control/thresholds',
            element: guarded(['evaluations.read', 'evaluations.manage'], ControlThresholdsPage),
          },
          { path: 'votes', element: guarded(VOTE_READERS, VoteSessionsPage) },
          { path: 'votes/:id', element: guarded(VOTE_READERS, VoteSessionPage) },
          { path: 'votes/:id/result', element: guarded(VOTE_READERS, VoteResultPage) },
          { path: 'reports/targets', element: guarded('reports.read', TargetsPage) },
          { path: 'reports/work-items', element: guarded('reports.read', WorkItemsPage) },
          { path: 'reports/indicators', element: guarded('reports.read', IndicatorsPage) },
          { path: 'reports/runs', element: guarded('reports.read', ReportBuilderPage) },
          { path: 'reports/runs/:id', element: guarded('reports.read', ReportPreviewPage) },
          { path: 'reports/templates', element: guarded('reports.read', ReportTemplatesPage) },
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
