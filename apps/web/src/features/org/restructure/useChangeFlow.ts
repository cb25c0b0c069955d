import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import {
  type OrgChangeInput,
  type OrgChangePreview,
  type OrgChangeView,
  useApplyChange,
  usePreviewChange,
} from '../../../api/org';
import { unitKeys } from '../../../api/units';

/**
 * The common course of a restructuring wizard: build the request, preview it, confirm it.
 * The request confirmed is exactly the one previewed. A 409 on confirm means a unit changed
 * since it was read: `reload` re-reads the units so the preview can be asked again.
 */
export function useChangeFlow() {
  const qc = useQueryClient();
  const previewMutation = usePreviewChange();
  const applyMutation = useApplyChange();
  const [input, setInput] = useState<OrgChangeInput | null>(null);
  const [preview, setPreview] = useState<OrgChangePreview | null>(null);
  const [result, setResult] = useState<OrgChangeView | null>(null);

  return {
    preview,
    result,
    previewing: previewMutation.isPending,
    applying: applyMutation.isPending,
    previewError: previewMutation.error,
    applyError: applyMutation.error,
    conflict: isApiError(applyMutation.error) && applyMutation.error.status === 409,
    /** Asks the server what the change would touch; true when it answered. */
    async runPreview(next: OrgChangeInput): Promise<boolean> {
      applyMutation.reset();
      setPreview(null);
      try {
        const answer = await previewMutation.mutateAsync(next);
        setInput(next);
        setPreview(answer);
        return true;
      } catch {
        return false;
      }
    },
    async confirm(): Promise<boolean> {
      if (!input) return false;
      try {
        setResult(await applyMutation.mutateAsync(input));
        return true;
      } catch {
        return false;
      }
    },
    async reload() {
      applyMutation.reset();
      previewMutation.reset();
      setPreview(null);
      await qc.invalidateQueries({ queryKey: unitKeys.all });
    },
    reset() {
      applyMutation.reset();
      previewMutation.reset();
      setInput(null);
      setPreview(null);
      setResult(null);
    },
  };
}

export type ChangeFlow = ReturnType<typeof useChangeFlow>;
