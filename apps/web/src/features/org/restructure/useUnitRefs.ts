import type { UnitDetail } from '@canbo/domain';
import { useQueries } from '@tanstack/react-query';
import { unitDetailQuery } from '../../../api/units';

/** Today's state of the units a change names (their versions go into the request). */
export function useUnitRefs(ids: readonly string[]) {
  const results = useQueries({ queries: ids.map((id) => ({ ...unitDetailQuery(id), staleTime: 0 })) });
  const units = results.map((r) => r.data).filter((u): u is UnitDetail => Boolean(u));
  return {
    units,
    byId: new Map(units.map((u) => [u.id, u])),
    loading: results.some((r) => r.isPending),
    error: results.find((r) => r.error)?.error ?? null,
    refetch: () => Promise.all(results.map((r) => r.refetch())),
  };
}
