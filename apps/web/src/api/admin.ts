import type { Role } from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { AuditCheck, AuditEntry, Job, JobStatus, Page, PageParams, SecuritySettingsView } from './types';

export const adminKeys = {
  security: ['settings', 'security'] as const,
  audit: (params: AuditParams) => ['audit', params] as const,
  jobs: (params: JobParams) => ['jobs', params] as const,
};

export function useSecuritySettings() {
  return useQuery({
    queryKey: adminKeys.security,
    queryFn: () => api.get<SecuritySettingsView>('/settings/security'),
  });
}

export function useSaveSecuritySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { totpRequiredRoles: Role[]; version: number }) =>
      api.put<SecuritySettingsView>('/settings/security', input),
    onSuccess: (saved) => qc.setQueryData(adminKeys.security, saved),
  });
}

export interface AuditParams extends PageParams {
  action?: string;
  entityType?: string;
  entityId?: string;
}

export function useAudit(params: AuditParams) {
  return useQuery({
    queryKey: adminKeys.audit(params),
    queryFn: () => api.get<Page<AuditEntry>>('/audit', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => api.get<AuditCheck>('/audit/verify') });
}

export interface JobParams extends PageParams {
  state?: JobStatus;
}

export function useJobs(params: JobParams) {
  return useQuery({
    queryKey: adminKeys.jobs(params),
    queryFn: () => api.get<Page<Job>>('/jobs', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useRetryJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/jobs/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
