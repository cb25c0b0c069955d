import type {
  AuditEntryView,
  AuditVerification,
  CreatedUserView,
  Health,
  JobState,
  JobView,
  SecuritySettings,
  TemporaryPasswordView,
  TotpSetupView,
} from '@canbo/domain';

/**
 * The shared contracts export zod schemas; some have no named TypeScript type yet.
 * `Output` reads the parsed type from a schema without the web depending on zod itself.
 */
export type Output<S> = S extends { _output: infer O } ? O : never;

export type AuditEntry = Output<typeof AuditEntryView>;
export type AuditCheck = Output<typeof AuditVerification>;
export type Job = Output<typeof JobView>;
export type JobStatus = Output<typeof JobState>;
export type SecuritySettingsView = Output<typeof SecuritySettings>;
export type CreatedUser = Output<typeof CreatedUserView>;
export type TemporaryPassword = Output<typeof TemporaryPasswordView>;
export type TotpSetup = Output<typeof TotpSetupView>;
export type HealthView = Output<typeof Health>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageParams {
  page: number;
  pageSize: number;
}
