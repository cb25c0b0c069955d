import { lazy } from 'react';
import { useParams } from 'react-router';
import NotFoundPage from '../../errors/NotFoundPage';

const MergeWizard = lazy(() => import('./MergeWizard'));
const SplitWizard = lazy(() => import('./SplitWizard'));
const MoveWizard = lazy(() => import('./MoveWizard'));
const DissolveWizard = lazy(() => import('./DissolveWizard'));

/** /org/restructure/:kind — one wizard per operation; `?unit=` chooses the unit already. */
export default function RestructurePage() {
  const { kind } = useParams();
  switch (kind) {
    case 'merge':
      return <MergeWizard />;
    case 'split':
      return <SplitWizard />;
    case 'move':
      return <MoveWizard />;
    case 'dissolve':
      return <DissolveWizard />;
    default:
      return <NotFoundPage />;
  }
}
