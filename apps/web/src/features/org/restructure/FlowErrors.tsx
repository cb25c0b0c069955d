import type { FormInstance } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictAlert } from '../../../components/ConflictAlert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { placeFieldErrors } from '../../../components/formErrors';
import type { ChangeFlow } from './useChangeFlow';

/** The server's refusal of a preview, in its own words, and on the fields it names where they are shown. */
export function PreviewError({
  flow,
  form,
  fieldOf,
}: {
  flow: ChangeFlow;
  form: FormInstance;
  fieldOf: (path: string) => NamePath | undefined;
}) {
  const { i18n } = useTranslation();
  const error = flow.previewError;
  useEffect(() => {
    if (error) placeFieldErrors(form, error, (_last, path) => fieldOf(path), i18n.language === 'en');
  }, [error, form, fieldOf, i18n.language]);
  if (!error) return null;
  return (
    <div className="mb-16">
      <ErrorAlert id="preview-error" error={error} />
    </div>
  );
}

/** A refusal on confirm: a conflict offers to reload the units and preview again. */
export function ApplyError({ flow, onReload }: { flow: ChangeFlow; onReload: () => void }) {
  if (!flow.applyError) return null;
  if (flow.conflict) return <ConflictAlert onReload={onReload} />;
  return (
    <div className="mb-16">
      <ErrorAlert id="apply-error" error={flow.applyError} />
    </div>
  );
}
