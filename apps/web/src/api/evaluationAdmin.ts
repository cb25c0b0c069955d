import type {
  CloseCycleResult,
  CreateCycleInput,
  CreateDelegationInput,
  CreateFindingInput,
  CreateFrameworkInput,
  CreateKpiProductInput,
  CycleView,
  DelegationCandidate,
  DelegationList,
  DelegationView,
  FindingView,
  FrameworkView,
  GradeHistory,
  KpiProductView,
  Monitor,
  MonitorRow,
  OpenedCycleView,
  OutstandingInput,
  QuotaMeter,
  ReviewSettingInput,
  ReviewSettingView,
  RuleSetView,
  UnitBoard,
  UpdateCycleInput,
  UpdateFrameworkInput,
  UpdateKpiProductInput,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Output, Page, PageParams } from './types';

/**
 * What organisation officers and heads work with around evaluations: rule sets, frameworks,
 * cycles with their boards and completion monitor, KPI catalogues, delegations, review levels,
 * findings and a person's grade history.
 */

export type { CycleView, FrameworkView, UnitBoard };
export type RuleSetInfo = Output<typeof RuleSetView>;
export type CloseResult = Output<typeof CloseCycleResult>;
export type CreateCycle = Output<typeof CreateCycleInput>;
export type UpdateCycle = Output<typeof UpdateCycleInput>;
export type CreateFramework = Output<typeof CreateFrameworkInput>;
export type UpdateFramework = Output<typeof UpdateFrameworkInput>;
export type MonitorView = Output<typeof Monitor>;
export type MonitorLine = Output<typeof MonitorRow>;
export type Quota = Output<typeof QuotaMeter>;
export type KpiProduct = Output<typeof KpiProductView>;
export type CreateKpiProduct = Output<typeof CreateKpiProductInput>;
export type UpdateKpiProduct = Output<typeof UpdateKpiProductInput>;
export type Delegation = Output<typeof DelegationView>;
export type Delegations = Output<typeof DelegationList>;
export type DelegationCandidateView = Output<typeof DelegationCandidate>;
export type CreateDelegation = Output<typeof CreateDelegationInput>;
export type ReviewSetting = Output<typeof ReviewSettingView>;
export type Finding = Output<typeof FindingView>;
export type CreateFinding = Output<typeof CreateFindingInput>;
export type GradeHistoryView = Output<typeof GradeHistory>;
export type Outstanding = Output<typeof OutstandingInput>;

/** Lists come either bare or as `{ items }`: read both. */
const items = <T>(r: T[] | { items: T[] }): T[] => (Array.isArray(r) ? r : r.items);

function useInvalidate(...keys: string[][]) {
  const qc = useQueryClient();
  return () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

// ── Rule sets and frameworks ─────────────────────────────────────────────────────────

export function useRuleSets() {
  return useQuery({
    queryKey: ['ruleSets'],
    queryFn: () => api.get<RuleSetInfo[] | { items: RuleSetInfo[] }>('/evaluation/rule-sets').then(items),
    staleTime: 60 * 60_000,
  });
}

export interface FrameworkListParams extends PageParams {
  q?: string;
  unitId?: string;
  ruleSetId?: string;
  status?: 'draft' | 'published' | 'retired';
}

export function useFrameworks(params: FrameworkListParams) {
  return useQuery({
    queryKey: ['frameworks', 'list', params],
    queryFn: () => api.get<Page<FrameworkView>>('/frameworks', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useFramework(id: string) {
  return useQuery({
    queryKey: ['frameworks', 'detail', id],
    queryFn: () => api.get<FrameworkView>(`/frameworks/${id}`),
  });
}

export function useFrameworkMutations() {
  const qc = useQueryClient();
  const done = (f: FrameworkView) => {
    qc.setQueryData(['frameworks', 'detail', f.id], f);
    return qc.invalidateQueries({ queryKey: ['frameworks', 'list'] });
  };
  return {
    create: useMutation({
      mutationFn: (input: CreateFramework) => api.post<FrameworkView>('/frameworks', input),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateFramework }) =>
        api.patch<FrameworkView>(`/frameworks/${id}`, input),
      onSuccess: done,
    }),
    publish: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<FrameworkView>(`/frameworks/${id}/publish`, { version }),
      onSuccess: done,
    }),
  };
}

// ── Cycles, boards, monitor ──────────────────────────────────────────────────────────

export interface CycleListParams extends PageParams {
  q?: string;
  unitId?: string;
  status?: 'open' | 'closed';
}

export function useCycles(params: CycleListParams) {
  return useQuery({
    queryKey: ['cycles', 'list', params],
    queryFn: () => api.get<Page<CycleView>>('/cycles', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useCycle(id: string) {
  return useQuery({ queryKey: ['cycles', 'detail', id], queryFn: () => api.get<CycleView>(`/cycles/${id}`) });
}

export function useMonitor(cycleId: string, unitId?: string) {
  return useQuery({
    queryKey: ['cycles', 'monitor', cycleId, unitId ?? null],
    queryFn: () => api.get<MonitorView>(`/cycles/${cycleId}/monitor`, { unitId }),
    placeholderData: keepPreviousData,
  });
}

export function useUnitBoard(cycleId: string, unitId: string) {
  return useQuery({
    queryKey: ['cycles', 'board', cycleId, unitId],
    queryFn: () => api.get<UnitBoard>(`/cycles/${cycleId}/units/${unitId}/board`),
  });
}

export function useCycleMutations() {
  const invalidate = useInvalidate(['cycles'], ['evaluations']);
  return {
    create: useMutation({
      mutationFn: (input: CreateCycle) => api.post<OpenedCycleView>('/cycles', input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateCycle }) =>
        api.patch<CycleView>(`/cycles/${id}`, input),
      onSuccess: invalidate,
    }),
    enrol: useMutation({
      mutationFn: (id: string) =>
        api.post<{ added: number; rehomed: number; skipped: number }>(`/cycles/${id}/enrol`),
      onSuccess: invalidate,
    }),
    close: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<CloseResult>(`/cycles/${id}/close`, { version }),
      onSuccess: invalidate,
    }),
  };
}

export function useUnitBoardMutations(cycleId: string, unitId: string) {
  const invalidate = useInvalidate(['cycles'], ['evaluations'], ['notifications']);
  const base = `/cycles/${cycleId}/units/${unitId}`;
  return {
    decideAll: useMutation({
      mutationFn: () => api.post<unknown>(`${base}/decide-all`),
      onSuccess: invalidate,
    }),
    publish: useMutation({ mutationFn: () => api.post<unknown>(`${base}/publish`), onSuccess: invalidate }),
    outstanding: useMutation({
      mutationFn: (input: Outstanding) => api.put<unknown>(`${base}/outstanding`, input),
      onSuccess: invalidate,
    }),
  };
}

// ── KPI catalogue ────────────────────────────────────────────────────────────────────

export interface KpiProductParams extends PageParams {
  q?: string;
  unitId?: string;
  active?: boolean;
}

export function useKpiProducts(params: KpiProductParams, enabled = true) {
  return useQuery({
    queryKey: ['kpiProducts', params],
    queryFn: () => api.get<Page<KpiProduct>>('/kpi-products', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The active products an evaluation may record figures against (readable by whoever sees it). */
export function useEvaluationKpiProducts(evaluationId: string, enabled = true) {
  return useQuery({
    queryKey: ['kpiProducts', 'evaluation', evaluationId],
    queryFn: () => api.get<{ items: KpiProduct[] }>(`/evaluations/${evaluationId}/kpi-products`),
    enabled,
  });
}

export function useKpiProductMutations() {
  const invalidate = useInvalidate(['kpiProducts']);
  return {
    create: useMutation({
      mutationFn: (input: CreateKpiProduct) => api.post<KpiProduct>('/kpi-products', input),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateKpiProduct }) =>
        api.patch<KpiProduct>(`/kpi-products/${id}`, input),
      onSuccess: invalidate,
    }),
  };
}

// ── Delegations and review levels ────────────────────────────────────────────────────

export function useDelegations() {
  return useQuery({ queryKey: ['delegations'], queryFn: () => api.get<Delegations>('/delegations') });
}

/** Users the caller may name as deputy (their review and decision scopes), at most 20 per search. */
export function useDelegationCandidates(q: string, enabled = true) {
  return useQuery({
    queryKey: ['delegations', 'candidates', q],
    queryFn: () => api.get<{ items: DelegationCandidateView[] }>('/delegations/candidates', q ? { q } : {}),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useDelegationMutations() {
  const invalidate = useInvalidate(['delegations']);
  return {
    create: useMutation({
      mutationFn: (input: CreateDelegation) => api.post<Delegation>('/delegations', input),
      onSuccess: invalidate,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api.delete(`/delegations/${id}`),
      onSuccess: invalidate,
    }),
  };
}

export function useReviewSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: ['reviewSettings', unitId],
    queryFn: () => api.get<ReviewSetting>(`/evaluation/units/${unitId}/settings`),
    enabled: Boolean(unitId),
  });
}

export function useSaveReviewSettings(unitId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Output<typeof ReviewSettingInput>) =>
      api.put<ReviewSetting>(`/evaluation/units/${unitId}/settings`, input),
    onSuccess: (s) => qc.setQueryData(['reviewSettings', unitId], s),
  });
}

// ── A person's history and findings ──────────────────────────────────────────────────

export function useGradeHistory(personId: string) {
  return useQuery({
    queryKey: ['gradeHistory', personId],
    queryFn: () => api.get<GradeHistoryView>(`/people/${personId}/evaluations`),
  });
}

export function useFindings(personId: string, enabled = true) {
  return useQuery({
    queryKey: ['findings', personId],
    queryFn: () => api.get<Finding[] | { items: Finding[] }>(`/people/${personId}/findings`).then(items),
    enabled,
  });
}

export function useCreateFinding(personId: string) {
  const invalidate = useInvalidate(['findings', personId], ['evaluations']);
  return useMutation({
    mutationFn: (input: CreateFinding) => api.post<Finding>(`/people/${personId}/findings`, input),
    onSuccess: invalidate,
  });
}
