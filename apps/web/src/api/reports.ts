import type {
  AddProgressInput,
  CreateTargetInput,
  CreateWorkItemInput,
  IndicatorByUnitView,
  IndicatorRegistryView,
  IndicatorTable,
  TargetListView,
  TargetView,
  UpdateWorkItemInput,
  WorkItemListView,
  WorkItemView,
} from '@canbo/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Output } from './types';

/** Reports (docs/REPORTS.md): the indicators registry and tables, targets, the work programme. */

export type Indicator = Output<typeof IndicatorRegistryView>['items'][number];
export type Target = TargetView;
export type WorkItem = WorkItemView;

export const reportKeys = {
  all: ['reports'] as const,
  registry: ['reports', 'registry'] as const,
  indicator: (id: string, params: object) => ['reports', 'indicator', id, params] as const,
  targets: (params: object) => ['reports', 'targets', params] as const,
  workItems: (params: object) => ['reports', 'work-items', params] as const,
};

export function useIndicatorRegistry() {
  return useQuery({
    queryKey: reportKeys.registry,
    queryFn: () => api.get<Output<typeof IndicatorRegistryView>>('/indicators'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export interface IndicatorParams {
  unitId: string;
  from: string;
  to: string;
  asOf?: string;
  bands?: string;
}

export function useIndicator(id: string | undefined, params: IndicatorParams | null) {
  return useQuery({
    queryKey: reportKeys.indicator(id ?? '', params ?? {}),
    queryFn: () => api.get<IndicatorTable>(`/indicators/${id}`, { ...params }),
    enabled: Boolean(id && params),
  });
}

export function useTargets(params: { unitId?: string; year: number }) {
  return useQuery({
    queryKey: reportKeys.targets(params),
    queryFn: () => api.get<Output<typeof TargetListView>>('/targets', { ...params }),
    enabled: Boolean(params.unitId),
  });
}

export function useCreateTarget() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTargetInput) => api.post<Target>('/targets', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useAddProgress(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AddProgressInput) => api.post<Target>(`/targets/${id}/progress`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useWorkItems(params: { unitId?: string; year: number; overdue?: 'true' }) {
  return useQuery({
    queryKey: reportKeys.workItems(params),
    queryFn: () => api.get<Output<typeof WorkItemListView>>('/work-items', { ...params }),
    enabled: Boolean(params.unitId),
  });
}

export function useCreateWorkItem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkItemInput) => api.post<WorkItem>('/work-items', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useUpdateWorkItem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkItemInput) => api.patch<WorkItem>(`/work-items/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

/** The map of units: each direct child of the unit with its headcount and the indicator's headline. */
export function useIndicatorByUnit(id: string | undefined, params: IndicatorParams | null) {
  return useQuery({
    queryKey: [...reportKeys.indicator(id ?? '', params ?? {}), 'by-unit'],
    queryFn: () => api.get<IndicatorByUnitView>(`/indicators/${id}/by-unit`, { ...params }),
    enabled: Boolean(id && params),
  });
}
