import { z } from 'zod';
import { RoleSchema } from './auth';
import { Id, PageQuery, pageOf, Version } from './common';

export const SecuritySettings = z.object({
  totpRequiredRoles: z.array(RoleSchema),
  version: z.number().int(),
});
export const UpdateSecuritySettings = z.strictObject({
  totpRequiredRoles: z.array(RoleSchema).max(6),
  version: Version,
});

export const AuditEntryView = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const AuditPage = pageOf(AuditEntryView);
export const AuditQuery = PageQuery.extend({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
});

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});

export const JobState = z.enum(['queued', 'running', 'done', 'failed']);
export const JobView = z.object({
  id: Id,
  kind: z.string(),
  state: JobState,
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  runAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const JobPage = pageOf(JobView);
export const JobQuery = PageQuery.extend({ state: JobState.optional() });
