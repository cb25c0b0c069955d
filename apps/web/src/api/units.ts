import type { CreateUnitInput, UnitView } from '@canbo/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface UnitListParams {
  parentId?: string;
  q?: string;
}

export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

export function listUnits(params: UnitListParams): Promise<UnitView[]> {
  return api.get<{ items: UnitView[] }>('/units', { ...params }).then((r) => r.items);
}

/** Options for `queryClient.fetchQuery` so lazily loaded tree levels share the cache. */
export function unitListQuery(params: UnitListParams) {
  return { queryKey: unitKeys.list(params), queryFn: () => listUnits(params), staleTime: 5 * 60_000 };
}

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({ ...unitListQuery(params), enabled });
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: () => api.get<UnitView>(`/units/${id}`),
    enabled: Boolean(id),
  });
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api.post<UnitView>('/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
