import type {
  CreateReportRunInput,
  CreateReportTemplateInput,
  ReportRunDetail,
  ReportRunPage,
  ReportRunView,
  ReportTemplateListView,
  ReportTemplateView,
  UpdateReportTemplateInput,
} from '@canbo/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Output } from './types';

/** The report builder (docs/REPORTS.md, "Report builder"): templates, runs, their files. */

export type ReportTemplate = ReportTemplateView;
export type ReportRun = ReportRunView;
export type ReportFormat = 'docx' | 'xlsx' | 'pdf';

export const builderKeys = {
  all: ['report-builder'] as const,
  templates: ['report-builder', 'templates'] as const,
  runs: (params: object) => ['report-builder', 'runs', params] as const,
  run: (id: string) => ['report-builder', 'run', id] as const,
};

export const reportFileUrl = (id: string, format: ReportFormat) => `/api/reports/${id}/files/${format}`;

export function useReportTemplates() {
  return useQuery({
    queryKey: builderKeys.templates,
    queryFn: () => api.get<Output<typeof ReportTemplateListView>>('/report-templates'),
  });
}

export function useCreateReportTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportTemplateInput) => api.post<ReportTemplate>('/report-templates', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: builderKeys.templates }),
  });
}

export function useUpdateReportTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateReportTemplateInput) =>
      api.patch<ReportTemplate>(`/report-templates/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: builderKeys.templates }),
  });
}

export function useDeleteReportTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/report-templates/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: builderKeys.templates }),
  });
}

/** Runs of a subtree, newest first; polled while one is still being built. */
export function useReportRuns(params: { unitId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: builderKeys.runs(params),
    queryFn: () => api.get<Output<typeof ReportRunPage>>('/reports', { ...params }),
    refetchInterval: (q) =>
      q.state.data?.items.some((r) => r.state === 'queued' || r.state === 'running') ? 1_000 : false,
  });
}

export function useReportRun(id: string) {
  return useQuery({
    queryKey: builderKeys.run(id),
    queryFn: () => api.get<ReportRunDetail>(`/reports/${id}`),
    refetchInterval: (q) =>
      q.state.data && q.state.data.state !== 'done' && q.state.data.state !== 'failed' ? 1_000 : false,
  });
}

export function useCreateReportRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReportRunInput) => api.post<ReportRun>('/reports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: builderKeys.all }),
  });
}
