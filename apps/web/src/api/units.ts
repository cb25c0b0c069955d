import type {
  CreateUnitInput,
  UnitDetail,
  UnitHistory,
  UnitPositionView,
  UnitSummary,
  UnitView,
  UpdateUnitInput,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Page } from './types';

export interface UnitListParams {
  parentId?: string;
  q?: string;
  /** The tree as it was on this date ('YYYY-MM-DD'); today when absent. */
  asOf?: string;
  /** Also list dissolved, merged and split units (today's tree only). */
  includeClosed?: boolean;
}

export interface UnitPositionsParams {
  page: number;
  pageSize: number;
  asOf?: string;
}

export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  detail: (id: string, asOf?: string) => ['units', 'detail', id, asOf ?? null] as const,
  history: (id: string) => ['units', 'history', id] as const,
  summary: (id: string, asOf?: string) => ['units', 'summary', id, asOf ?? null] as const,
  positions: (id: string, params: UnitPositionsParams) => ['units', 'positions', id, params] as const,
};

export function listUnits(params: UnitListParams): Promise<UnitView[]> {
  const { includeClosed, ...rest } = params;
  return api
    .get<{ items: UnitView[] }>('/units', { ...rest, includeClosed: includeClosed ? 'true' : undefined })
    .then((r) => r.items);
}

/** Options for `queryClient.fetchQuery` so lazily loaded tree levels share the cache. */
export function unitListQuery(params: UnitListParams) {
  return { queryKey: unitKeys.list(params), queryFn: () => listUnits(params), staleTime: 5 * 60_000 };
}

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({ ...unitListQuery(params), enabled });
}

export function fetchUnit(id: string, asOf?: string): Promise<UnitDetail> {
  return api.get<UnitDetail>(`/units/${id}`, { asOf });
}

export function unitDetailQuery(id: string, asOf?: string) {
  return { queryKey: unitKeys.detail(id, asOf), queryFn: () => fetchUnit(id, asOf) };
}

export function useUnit(id: string | undefined, asOf?: string) {
  return useQuery({ ...unitDetailQuery(id ?? '', asOf), enabled: Boolean(id) });
}

export function useUnitHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: unitKeys.history(id),
    queryFn: () => api.get<UnitHistory>(`/units/${id}/history`),
    enabled,
  });
}

export function useUnitSummary(id: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: unitKeys.summary(id ?? '', asOf),
    queryFn: () => api.get<UnitSummary>(`/units/${id}/summary`, { asOf }),
    enabled: Boolean(id),
  });
}

export function fetchUnitPositions(id: string, params: UnitPositionsParams) {
  return api.get<Page<UnitPositionView>>(`/units/${id}/positions`, { ...params });
}

export function useUnitPositions(id: string, params: UnitPositionsParams, enabled = true) {
  return useQuery({
    queryKey: unitKeys.positions(id, params),
    queryFn: () => fetchUnitPositions(id, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every post held in the unit on the date, page after page (the split wizard assigns each one). */
export async function fetchAllUnitPositions(id: string, asOf: string): Promise<UnitPositionView[]> {
  const pageSize = 1000;
  const first = await fetchUnitPositions(id, { page: 1, pageSize, asOf });
  const items = [...first.items];
  for (let page = 2; items.length < first.total && page <= 20; page += 1) {
    const next = await fetchUnitPositions(id, { page, pageSize, asOf });
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return items;
}

export function useCreateUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => api.post<UnitView>('/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** Rename or correct a unit from an effective date; a stale `version` answers 409. */
export function useUpdateUnit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUnitInput) => api.patch<UnitDetail>(`/units/${id}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
