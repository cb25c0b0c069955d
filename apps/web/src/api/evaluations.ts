import type {
  BulkInput,
  BulkResult,
  CreateTaskInput,
  EvaluationDetail,
  EvaluationListQuery,
  EvaluationSummary,
  KpiEntryView,
  KpiResultView,
  ObjectiveCauseInput,
  ReasonInput,
  RuleRefView,
  SaveKpiInput,
  SaveScoresInput,
  StepInput,
  StepView,
  TaskView,
  UpdateTaskInput,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, ensureCsrfToken, queryString } from './client';
import type { Output, Page } from './types';

/**
 * Periodic evaluations (docs/EVALUATIONS.md): the list and queue, one evaluation with its
 * workflow steps, tasks with evidence and KPI figures. Every write names the version it read;
 * a 409 answer is shown with ConflictAlert and a reload.
 */

export type { EvaluationDetail, EvaluationSummary, TaskView };
export type Step = Output<typeof StepView>;
export type KpiEntry = Output<typeof KpiEntryView>;
export type KpiResult = Output<typeof KpiResultView>;
export type RuleRef = Output<typeof RuleRefView>;
export type EvaluationListParams = Partial<Output<typeof EvaluationListQuery>>;
export type SaveScores = Output<typeof SaveScoresInput>;
export type StepBody = Output<typeof StepInput>;
export type ReasonBody = Output<typeof ReasonInput>;
export type BulkBody = Output<typeof BulkInput>;
export type BulkOutcome = Output<typeof BulkResult>;
export type CreateTask = Output<typeof CreateTaskInput>;
export type UpdateTask = Output<typeof UpdateTaskInput>;
export type SaveKpi = Output<typeof SaveKpiInput>;
export type ObjectiveCause = Output<typeof ObjectiveCauseInput>;

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (params: EvaluationListParams) => ['evaluations', 'list', params] as const,
  mine: ['evaluations', 'mine'] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
};

export function useEvaluations(params: EvaluationListParams, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.list(params),
    queryFn: () => api.get<Page<EvaluationSummary>>('/evaluations', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMyEvaluations() {
  return useQuery({
    queryKey: evaluationKeys.mine,
    queryFn: () =>
      api
        .get<EvaluationSummary[] | { items: EvaluationSummary[] }>('/evaluations/mine')
        .then((r) => (Array.isArray(r) ? r : r.items)),
  });
}

export function useEvaluation(id: string) {
  return useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: () => api.get<EvaluationDetail>(`/evaluations/${id}`),
    enabled: Boolean(id),
  });
}

/**
 * After any step the detail answer is the new truth; lists, boards and monitors are stale.
 * Cycle views live under ['cycles'] (api/evaluationAdmin.ts).
 */
function useRefresh(id?: string) {
  const qc = useQueryClient();
  return async (detail?: unknown) => {
    if (id && detail && typeof detail === 'object' && 'allowed' in detail) {
      qc.setQueryData(evaluationKeys.detail(id), detail);
    } else if (id) await qc.invalidateQueries({ queryKey: evaluationKeys.detail(id) });
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['evaluations', 'list'] }),
      qc.invalidateQueries({ queryKey: evaluationKeys.mine }),
      qc.invalidateQueries({ queryKey: ['cycles'] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
  };
}

function useStep<I>(id: string, path: string, method: 'post' | 'put' = 'post') {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: I) =>
      method === 'put'
        ? api.put<EvaluationDetail>(`/evaluations/${id}/${path}`, input)
        : api.post<EvaluationDetail>(`/evaluations/${id}/${path}`, input),
    onSuccess: (detail) => refresh(detail),
  });
}

export const useSaveDraft = (id: string) => useStep<SaveScores>(id, 'draft', 'put');
export const useSubmitSelf = (id: string) => useStep<SaveScores>(id, 'submit');
export const useReview = (id: string) => useStep<StepBody>(id, 'review');
export const useDecide = (id: string) => useStep<StepBody>(id, 'decide');
export const useReturn = (id: string) => useStep<ReasonBody>(id, 'return');
export const useComplain = (id: string) => useStep<ReasonBody>(id, 'complaint');
export const useReopen = (id: string) => useStep<ReasonBody>(id, 'reopen');

/** Approves many unchanged items at once; each item succeeds or fails on its own. */
export function useBulkReview() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: BulkBody) => api.post<BulkOutcome>('/evaluations/review-bulk', input),
    onSuccess: () => refresh(),
  });
}

// ── Tasks and evidence ──────────────────────────────────────────────────────────────

export function useTaskMutations(evaluationId: string) {
  const refresh = useRefresh(evaluationId);
  const base = `/evaluations/${evaluationId}/tasks`;
  const onSuccess = () => refresh();
  return {
    add: useMutation({ mutationFn: (input: CreateTask) => api.post<TaskView>(base, input), onSuccess }),
    update: useMutation({
      mutationFn: ({ taskId, input }: { taskId: string; input: UpdateTask }) =>
        api.patch<TaskView>(`${base}/${taskId}`, input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: ({ taskId, version }: { taskId: string; version: number }) =>
        api.delete(`${base}/${taskId}${queryString({ version })}`),
      onSuccess,
    }),
  };
}

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Sends a file with upload progress (fetch cannot report it), the CSRF token like any write. */
function sendWithProgress<T>(path: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return ensureCsrfToken().then(
    (token) =>
      new Promise<T>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api${path}`);
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.setRequestHeader('X-CSRF-Token', token);
        xhr.withCredentials = true;
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
        };
        xhr.onerror = () =>
          reject(new ApiError(0, 'NETWORK', 'Không kết nối được máy chủ.', 'Network error.'));
        xhr.onload = () => {
          let body: { error?: { code: string; message: string; messageEn?: string } } | null = null;
          try {
            body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
          } catch {
            body = null;
          }
          if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
          else {
            const e = body?.error;
            reject(
              new ApiError(
                xhr.status,
                e?.code ?? `HTTP_${xhr.status}`,
                e?.message ?? `HTTP ${xhr.status}`,
                e?.messageEn ?? e?.message ?? `HTTP ${xhr.status}`,
              ),
            );
          }
        };
        const form = new FormData();
        form.append('file', file, file.name);
        xhr.send(form);
      }),
  );
}

/** Uploads a task's evidence file (≤ 20 MB) and reports the progress in percent. */
export function useEvidenceUpload(evaluationId: string) {
  const refresh = useRefresh(evaluationId);
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: ({ taskId, file }: { taskId: string; file: File }) =>
      sendWithProgress<TaskView>(`/evaluations/${evaluationId}/tasks/${taskId}/evidence`, file, setProgress),
    onSettled: () => setProgress(null),
    onSuccess: () => refresh(),
  });
  return { ...mutation, progress };
}

export const fileUrl = (fileId: string) => `/api/files/${fileId}`;

// ── KPI (Decree 335) ─────────────────────────────────────────────────────────────────

export function useSaveKpi(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (input: SaveKpi) => api.put<unknown>(`/evaluations/${id}/kpi`, input),
    onSuccess: () => refresh(),
  });
}

export function useObjectiveCause(id: string) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: ({ entryId, input }: { entryId: string; input: ObjectiveCause }) =>
      api.post<unknown>(`/evaluations/${id}/kpi/${entryId}/objective`, input),
    onSuccess: () => refresh(),
  });
}
