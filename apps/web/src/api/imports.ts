import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from './client';
import type { Page, PageParams } from './types';

export type ImportKind = 'units' | 'people';
export type ImportStatus = 'queued' | 'validating' | 'rejected' | 'applying' | 'applied' | 'failed';

/** A still-running run: polled until it leaves these states. */
export const ACTIVE_STATUSES: ImportStatus[] = ['queued', 'validating', 'applying'];

export interface ImportIssue {
  row: number;
  column: string;
  cell: string | null;
  value: string;
  message: string;
  messageEn: string;
}

/** GET /api/imports/:id (docs/IMPORT.md). */
export interface ImportRun {
  id: string;
  kind: ImportKind;
  fileName: string;
  sheet: string | null;
  status: ImportStatus;
  totalRows: number;
  doneRows: number;
  percent: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: ImportIssue[];
  message: string | null;
  messageEn: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: { id: string; name: string } | null;
}

export type ImportRunListItem = Omit<ImportRun, 'errors'>;

export const importKeys = {
  all: ['imports'] as const,
  list: (params: PageParams) => ['imports', 'list', params] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
};

export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}.xlsx`;
export const reportUrl = (id: string) => `/api/imports/${id}/report.xlsx`;

export function useImports(params: PageParams) {
  return useQuery({
    queryKey: importKeys.list(params),
    queryFn: () => api.get<Page<ImportRunListItem>>('/imports', { ...params }),
  });
}

/** One run, asked for again every second while it is still running. */
export function useImportRun(id: string | null) {
  return useQuery({
    queryKey: importKeys.detail(id ?? ''),
    queryFn: () => api.get<ImportRun>(`/imports/${id}`),
    enabled: id !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status && ACTIVE_STATUSES.includes(status) ? 1000 : false;
    },
  });
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      uploadFile<ImportRun>(`/imports/${kind}`, file),
    onSuccess: (run) => {
      qc.setQueryData(importKeys.detail(run.id), run);
      return qc.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
