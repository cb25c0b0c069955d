import type {
  ChangeParticipant,
  GrantEffectView,
  OrgChangeInput,
  OrgChangePreview,
  OrgChangeView,
  PositionTransferView,
} from '@canbo/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { peopleKeys } from './people';
import type { Output } from './types';
import { unitKeys } from './units';

export type { OrgChangeInput, OrgChangePreview, OrgChangeView };
export type Participant = Output<typeof ChangeParticipant>;
export type PositionTransfer = Output<typeof PositionTransferView>;
export type GrantEffect = Output<typeof GrantEffectView>;

/** What a restructuring would touch; nothing is written. */
export function usePreviewChange() {
  return useMutation({
    mutationFn: (input: OrgChangeInput) => api.post<OrgChangePreview>('/org/changes/preview', input),
  });
}

/** Applies a restructuring in one transaction; units and people read before are stale afterwards. */
export function useApplyChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgChangeInput) => api.post<OrgChangeView>('/org/changes', input),
    onSuccess: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: unitKeys.all }),
        qc.invalidateQueries({ queryKey: peopleKeys.all }),
      ]);
    },
  });
}
