import { createHash } from 'node:crypto';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import type { AppContext } from '../../context';
import { AppError, NotFound } from '../../errors';
import { newId } from '../../ids';
import { enqueue, type JobRow } from '../../jobs/queue';
import type { ImportKind } from './columns';
import * as repo from './imports.repository';
import type { ImportRunView } from './imports.schemas';
import { reportWorkbook } from './report';
import type { RowIssue } from './rows';
import {
  executeRun,
  liveProgress,
  type Progress,
  percentOf,
  type RunOutcome,
  type RunStatus,
} from './runner';
import { readImportTable } from './sheet';
import { templateWorkbook } from './templates';

/**
 * Imports as use cases. An upload is read at once (a file that cannot be imported at all is refused
 * with 4xx); a file of up to INLINE_MAX_ROWS rows is then imported during the request, a larger one
 * by the job worker ('imports.run'), and the caller follows it with GET /api/imports/:id.
 */

export const INLINE_MAX_ROWS = 1_000;
export const IMPORT_JOB = 'imports.run';
const SHOWN_ISSUES = 200;

interface ActorSnapshot {
  kind: Actor['kind'];
  userId: string | null;
  displayName: string;
  grants: Actor['grants'];
  requestId: string | null;
  ip: string | null;
}

export interface ImportJobPayload {
  runId: string;
  kind: ImportKind;
  actor: ActorSnapshot;
}

function present(row: repo.RunRow, issues = true): ImportRunView {
  const live = liveProgress(row.id);
  const progress: Progress = live ?? {
    status: row.status as RunStatus,
    done: row.done_rows,
    total: row.total_rows,
  };
  const errors = (
    Array.isArray(row.errors) ? row.errors : JSON.parse(String(row.errors ?? '[]'))
  ) as RowIssue[];
  return {
    id: row.id,
    kind: row.kind as ImportKind,
    fileName: row.file_name,
    sheet: row.sheet,
    status: progress.status,
    totalRows: row.total_rows,
    doneRows: progress.done,
    percent: percentOf(progress),
    created: row.created,
    updated: row.updated,
    unchanged: row.unchanged,
    errorCount: row.error_count,
    errors: issues ? errors.slice(0, SHOWN_ISSUES) : [],
    message: row.message,
    messageEn: row.message_en,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at ? row.finished_at.toISOString() : null,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
  };
}

export function createImportsService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const reader = (actor: Actor) => ({ userId: actor.userId, scope: scopeOf(actor, 'imports.run') });

  async function find(actor: Actor, id: string) {
    const row = await repo.findRun(db, tenantId, id, reader(actor));
    if (!row) throw new NotFound('import');
    return row;
  }

  return {
    /** Refuses (403) before an upload is read when the caller may import nowhere. */
    assertMayImport(actor: Actor): void {
      assertCan(actor, 'imports.run');
    },

    /** The .xlsx template; anyone who may import may download it. */
    async template(actor: Actor, kind: ImportKind): Promise<Buffer> {
      assertCan(actor, 'imports.run');
      return templateWorkbook(kind);
    },

    /**
     * Reads the file and imports it now (small) or queues it (large). `inline` forces the former
     * (the CLI); `onProgress` hears each step of an inline run.
     */
    async upload(
      actor: Actor,
      kind: ImportKind,
      file: { name: string; bytes: Buffer },
      options: { inline?: boolean; onProgress?: (p: Progress) => void } = {},
    ): Promise<{ run: ImportRunView; queued: boolean; outcome: RunOutcome | null }> {
      assertCan(actor, 'imports.run');
      const table = readImportTable(kind, file.bytes);
      const id = newId();
      const fileHash = createHash('sha256').update(file.bytes).digest('hex');
      const fileName = file.name.normalize('NFC').slice(0, 255) || `${kind}.xlsx`;
      const inline = options.inline ?? table.rows.length <= INLINE_MAX_ROWS;
      const base = {
        tenantId,
        id,
        kind,
        fileName,
        fileHash,
        sheet: table.sheet,
        totalRows: table.rows.length,
        createdBy: actor.userId,
      };
      if (!inline) {
        const payload: ImportJobPayload = {
          runId: id,
          kind,
          actor: {
            kind: actor.kind,
            userId: actor.userId,
            displayName: actor.displayName,
            grants: actor.grants,
            requestId: actor.requestId,
            ip: actor.ip,
          },
        };
        await db.transaction().execute(async (tx) => {
          await repo.insertRun(tx, { ...base, status: 'queued', file: file.bytes });
          await enqueue(tx, { tenantId, kind: IMPORT_JOB, payload, maxAttempts: 1 });
        });
        return { run: present((await find(actor, id))!), queued: true, outcome: null };
      }
      await repo.insertRun(db, { ...base, status: 'validating', file: null });
      const outcome = await executeRun(ctx, {
        runId: id,
        table,
        actor,
        fileName,
        fileHash,
        onProgress: options.onProgress,
      });
      return { run: present(await find(actor, id)), queued: false, outcome };
    },

    /** The job: runs a queued import as the actor who uploaded it. */
    async runQueued(job: JobRow): Promise<unknown> {
      const payload = job.payload as ImportJobPayload;
      const bytes = await repo.runFile(db, tenantId, payload.runId);
      if (!bytes) return { skipped: 'no file (already run)' };
      const actor: Actor = { ...payload.actor, tenantId };
      let table: ReturnType<typeof readImportTable>;
      try {
        table = readImportTable(payload.kind, bytes);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        await repo.updateRun(db, tenantId, payload.runId, {
          status: 'failed',
          message: error.messageVi,
          message_en: error.messageEn,
          file: null,
          finished_at: new Date(),
        });
        return { status: 'failed', code: error.code };
      }
      const row = await repo.findRun(db, tenantId, payload.runId, {
        userId: actor.userId,
        scope: { tenantId, paths: null },
      });
      const outcome = await executeRun(ctx, {
        runId: payload.runId,
        table,
        actor,
        fileName: row?.file_name ?? '',
        fileHash: row?.file_hash ?? '',
      });
      return {
        status: outcome.status,
        created: outcome.created,
        updated: outcome.updated,
        unchanged: outcome.unchanged,
        errors: outcome.errorCount,
      };
    },

    async get(actor: Actor, id: string): Promise<ImportRunView> {
      return present(await find(actor, id));
    },

    async list(actor: Actor, query: { page: number; pageSize: number }) {
      const { items, total } = await repo.listRuns(db, tenantId, reader(actor), query.page, query.pageSize);
      return {
        items: items.map((r) => present(r, false)),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async report(actor: Actor, id: string): Promise<{ fileName: string; bytes: Buffer }> {
      const row = await find(actor, id);
      const view = present(row, false);
      const issues = (Array.isArray(row.errors) ? row.errors : []) as RowIssue[];
      const bytes = await reportWorkbook({ ...view, issues, totalRows: row.total_rows });
      const base = row.file_name.replace(/\.xlsx$/i, '');
      return { fileName: `${base}.errors.xlsx`, bytes };
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
