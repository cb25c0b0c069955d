import { Id, PageQuery, pageOf } from '@canbo/domain';
import { z } from 'zod';

/** Request and response shapes of the import routes (docs/IMPORT.md). */

export const ImportKindParams = z.strictObject({ kind: z.enum(['units', 'people']) });

export const ImportIssueView = z.object({
  row: z.number().int(),
  column: z.string(),
  cell: z.string().nullable(),
  value: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const IMPORT_STATUSES = ['queued', 'validating', 'rejected', 'applying', 'applied', 'failed'] as const;

export const ImportRunView = z.object({
  id: Id,
  kind: z.enum(['units', 'people']),
  fileName: z.string(),
  sheet: z.string().nullable(),
  /**
   * queued → validating → applying → applied; or rejected (some row has an error: nothing was
   * written) or failed (the run could not finish: nothing was written; `message` says why).
   */
  status: z.enum(IMPORT_STATUSES),
  totalRows: z.number().int(),
  /** Rows done in the current phase (validating, then applying). */
  doneRows: z.number().int(),
  /** 0–100 over both phases, for a progress bar. */
  percent: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  errorCount: z.number().int(),
  /** The first 200 problems; GET …/report.xlsx has them all (up to 10,000). */
  errors: z.array(ImportIssueView),
  message: z.string().nullable(),
  messageEn: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type ImportRunView = z.infer<typeof ImportRunView>;

export const ImportRunPage = pageOf(ImportRunView.omit({ errors: true }));
export const ImportListQuery = PageQuery.omit({ q: true });

export const UnitExportQuery = z.strictObject({
  /** The subtree to export (default: every unit the caller may read). */
  unitId: Id.optional(),
  includeClosed: z.enum(['true', 'false']).optional(),
});
