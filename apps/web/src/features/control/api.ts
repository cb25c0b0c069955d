import type {
  ControlDashboard,
  ControlDrillDown,
  ControlFiguresRefreshed,
  ControlSignal,
  ControlThresholdsView,
  ControlTrail,
  ControlTrends,
  RefreshControlFiguresInput,
  UpdateControlThresholdsInput,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';

/** The control dashboard (docs/CONTROL.md): signals per unit, drill-down, trends, thresholds. */

export const controlKeys = {
  all: ['control'] as const,
  dashboard: (cycleId: string, unitId?: string) => ['control', 'dashboard', cycleId, unitId ?? null] as const,
  trends: (cycleId: string, unitId?: string) => ['control', 'trends', cycleId, unitId ?? null] as const,
  drill: (cycleId: string, unitId: string, signal: string, rootId?: string) =>
    ['control', 'drill', cycleId, unitId, signal, rootId ?? null] as const,
  trail: (id: string) => ['control', 'trail', id] as const,
  thresholds: (unitId?: string) => ['control', 'thresholds', unitId ?? null] as const,
};

export function useControlDashboard(cycleId: string | undefined, unitId?: string) {
  return useQuery({
    queryKey: controlKeys.dashboard(cycleId ?? '', unitId),
    queryFn: () => api.get<ControlDashboard>('/control/dashboard', { cycleId, unitId, limit: 200 }),
    enabled: Boolean(cycleId),
    placeholderData: keepPreviousData,
  });
}

export function useControlTrends(cycleId: string | undefined, unitId?: string) {
  return useQuery({
    queryKey: controlKeys.trends(cycleId ?? '', unitId),
    queryFn: () => api.get<ControlTrends>('/control/trends', { cycleId, unitId }),
    enabled: Boolean(cycleId),
    placeholderData: keepPreviousData,
  });
}

export function useControlDrill(
  target: { cycleId: string; unitId: string; signal: ControlSignal; rootId?: string } | null,
) {
  return useQuery({
    queryKey: controlKeys.drill(
      target?.cycleId ?? '',
      target?.unitId ?? '',
      target?.signal ?? '',
      target?.rootId,
    ),
    queryFn: () =>
      api.get<ControlDrillDown>(`/control/units/${target!.unitId}/signals/${target!.signal}`, {
        cycleId: target!.cycleId,
        rootId: target!.rootId,
      }),
    enabled: target !== null,
  });
}

export function useControlTrail(evaluationId: string | null) {
  return useQuery({
    queryKey: controlKeys.trail(evaluationId ?? ''),
    queryFn: () => api.get<ControlTrail>(`/control/evaluations/${evaluationId}/trail`),
    enabled: evaluationId !== null,
  });
}

export function useControlThresholds(unitId?: string) {
  return useQuery({
    queryKey: controlKeys.thresholds(unitId),
    queryFn: () => api.get<ControlThresholdsView>('/control/thresholds', { unitId }),
  });
}

export function useSaveThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateControlThresholdsInput) =>
      api.put<ControlThresholdsView>('/control/thresholds', input),
    onSuccess: () => client.invalidateQueries({ queryKey: controlKeys.all }),
  });
}

export function useRemoveThresholds() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { unitId: string; version: number }) =>
      api.delete(`/control/thresholds/${input.unitId}${queryString({ version: input.version })}`),
    onSuccess: () => client.invalidateQueries({ queryKey: controlKeys.all }),
  });
}

/** Recompute the cycle's stored figures now; the dashboard and trends are read again. */
export function useRefreshControlFigures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RefreshControlFiguresInput) =>
      api.post<ControlFiguresRefreshed>('/control/figures/refresh', input),
    onSuccess: () => client.invalidateQueries({ queryKey: controlKeys.all }),
  });
}

/** The printable report's address (a plain link: the browser downloads it with the session cookie). */
export const reportUrl = (cycleId: string, unitId?: string) =>
  `/api/control/report.docx${queryString({ cycleId, unitId })}`;
