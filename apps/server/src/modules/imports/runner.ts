import type { Transaction } from 'kysely';
import type { Actor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { AppError, Conflict } from '../../errors';
import { todayInVietnam } from '../people/people.dates';
import { COLUMNS } from './columns';
import { updateRun } from './imports.repository';
import { peoplePlanner } from './people.plan';
import type { Counts } from './people.types';
import { applyPeople } from './people.write';
import { type Issues, issuesOf, parseRows, type RowIssue } from './rows';
import type { ImportTable } from './sheet';
import { planUnits } from './units.plan';
import { writeUnits } from './units.write';

/**
 * One import run, start to end. Every row's cells are read and checked first; the rows are then
 * checked against the database, planned and written inside ONE transaction, with the database as
 * that transaction sees it (people: slice by slice, the writes of one slice overlapping the checks
 * of the next). Any problem in any row: status 'rejected', the transaction rolls back, nothing is
 * written. An error while writing: status 'failed', nothing is written either.
 */

export const MAX_STORED_ISSUES = 10_000;

export type RunStatus = 'queued' | 'validating' | 'rejected' | 'applying' | 'applied' | 'failed';

export interface Progress {
  status: RunStatus;
  done: number;
  total: number;
}

/** Progress of the runs this process is working on: the transaction hides it from other connections on PGlite. */
const live = new Map<string, Progress>();

export function liveProgress(runId: string): Progress | undefined {
  return live.get(runId);
}

export function percentOf(p: Progress): number {
  if (p.status === 'queued') return 0;
  if (p.status === 'validating' || p.status === 'applying') {
    const share = p.total === 0 ? 0 : Math.min(1, p.done / p.total);
    return Math.floor((p.status === 'validating' ? 0 : 50) + share * 50);
  }
  return 100;
}

export interface RunRequest {
  runId: string;
  table: ImportTable;
  actor: Actor;
  fileName: string;
  fileHash: string;
  /** Told of every step (the CLI prints a percentage). */
  onProgress?: (progress: Progress) => void;
}

export interface RunOutcome {
  status: 'applied' | 'rejected' | 'failed';
  created: number;
  updated: number;
  unchanged: number;
  issues: RowIssue[];
  errorCount: number;
  message: string | null;
  messageEn: string | null;
  /**
   * Milliseconds spent reading the cells, planning (with the database reads) and writing. A people
   * import writes while it plans: `plan` ends with the last row checked, `write` is what follows.
   */
  timings: { parse: number; plan: number; write: number };
}

class Rejected extends Error {
  constructor(readonly issues: Issues) {
    super('rejected');
  }
}

/** Longest path shared by all (ends with '/'), or null. */
export function commonPath(paths: Iterable<string>): string | null {
  let prefix: string | null = null;
  for (const p of paths) {
    if (prefix === null) prefix = p;
    while (!p.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  }
  return prefix === null || prefix === '' ? null : prefix;
}

function sortedIssues(issues: Issues, table: ImportTable): RowIssue[] {
  const order = new Map(table.columns.map((c, i) => [c.spec.header, i]));
  return [...issues.list].sort(
    (a, b) => a.row - b.row || (order.get(a.column) ?? 999) - (order.get(b.column) ?? 999),
  );
}

export async function executeRun(ctx: AppContext, request: RunRequest): Promise<RunOutcome> {
  const { db, tenantId } = ctx;
  const { runId, table, actor } = request;
  const total = table.rows.length;
  let lastWrite = 0;
  let inTransaction = false;

  /** In memory (and to the CLI) at once. */
  function note(status: RunStatus, done: number) {
    const progress = { status, done, total };
    live.set(runId, progress);
    request.onProgress?.(progress);
  }

  /** In memory, and in the run's row at most twice a second. */
  async function report(status: RunStatus, done: number, force = false) {
    note(status, done);
    const now = Date.now();
    // Outside the transaction's connection: on PGlite (one connection) only between transactions.
    if ((force || now - lastWrite > 500) && (!inTransaction || ctx.engine === 'postgres')) {
      lastWrite = now;
      await updateRun(db, tenantId, runId, { status, done_rows: done });
    }
  }

  async function finish(outcome: RunOutcome, unitPath: string | null) {
    await updateRun(db, tenantId, runId, {
      status: outcome.status,
      done_rows: total,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      errors: JSON.stringify(outcome.issues.slice(0, MAX_STORED_ISSUES)),
      error_count: outcome.errorCount,
      message: outcome.message,
      message_en: outcome.messageEn,
      unit_path: unitPath,
      file: null,
      finished_at: new Date(),
    });
    live.delete(runId);
    request.onProgress?.({ status: outcome.status, done: total, total });
    return outcome;
  }

  const timings = { parse: 0, plan: 0, write: 0 };
  let clock = performance.now();
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] = Math.round(now - clock);
    clock = now;
  };
  const empty = {
    created: 0,
    updated: 0,
    unchanged: 0,
    issues: [],
    errorCount: 0,
    message: null,
    messageEn: null,
    timings,
  };
  try {
    await report('validating', 0, true);
    const specs = COLUMNS[table.kind];
    const issues = issuesOf(table, specs, new Map(table.rows.map((r) => [r.number, r])));
    const parsed = parseRows(table, issues, (done) => note('validating', Math.floor(done / 2)));
    await report('validating', Math.floor(total / 2));
    lap('parse');
    const today = todayInVietnam();

    const applied = await db.transaction().execute(async (tx) => {
      inTransaction = true;
      const written = (n: number) => report('applying', Math.min(n, total));
      let plan: { counts: Counts; unitPaths: Set<string> };
      if (table.kind === 'people') {
        // Checked, planned and written in one pass (people.write.ts): the writes overlap the checks.
        // Status 'applying' once every row is checked without an issue (some are written by then).
        const planner = await peoplePlanner(tx, actor, tenantId, parsed, issues, today);
        let checked = false;
        let writtenRows = 0;
        await applyPeople(tx, planner, parsed, issues, tenantId, actor.userId, {
          planned: (n) => {
            if (n < total) return report('validating', Math.floor((total + n) / 2));
            checked = true;
            lap('plan');
            if (issues.list.length > 0) return report('validating', total, true);
            return report('applying', writtenRows, true);
          },
          written: (n) => {
            writtenRows = n;
            return checked ? written(n) : undefined;
          },
        });
        if (issues.list.length > 0) throw new Rejected(issues);
        plan = planner;
      } else {
        const units = await planUnits(tx, actor, tenantId, parsed, issues, today);
        lap('plan');
        if (issues.list.length > 0) throw new Rejected(issues);
        await report('applying', 0, true);
        await writeUnits(tx, tenantId, actor.userId, runId, units, written);
        plan = units;
      }
      const unitPath = commonPath(plan.unitPaths);
      await recordAudit(tx, actor, {
        action: 'import.applied',
        entityType: 'import_run',
        entityId: runId,
        unitPath,
        after: {
          kind: table.kind,
          fileName: request.fileName,
          fileHash: request.fileHash,
          sheet: table.sheet,
          rows: total,
          ...plan.counts,
        },
      });
      const outcome: RunOutcome = { ...empty, status: 'applied', ...plan.counts };
      await finishInside(tx, outcome, unitPath);
      return { outcome, unitPath };
    });
    lap('write');
    ctx.logger.info({ runId, kind: table.kind, rows: total, ...applied.outcome.timings }, 'import applied');
    live.delete(runId);
    request.onProgress?.({ status: 'applied', done: total, total });
    return applied.outcome;
  } catch (caught) {
    let error = caught;
    inTransaction = false;
    if (error instanceof Rejected) {
      const list = sortedIssues(error.issues, table);
      return finish({ ...empty, status: 'rejected', issues: list, errorCount: list.length }, null);
    }
    if ((error as { code?: string }).code === '23505') {
      // Another write took a code or CCCD of the file after the checks read the database.
      error = new Conflict(
        'Trong khi nhập, một mã hoặc số CCCD của tệp đã được ghi cho hồ sơ khác. Không có dữ liệu nào được ghi; hãy nhập lại tệp.',
        'While importing, a code or CCCD of the file was written to another record. Nothing was written; import the file again.',
      );
    }
    if (!(error instanceof AppError)) ctx.logger.error({ err: error, runId }, 'import failed');
    const known = error instanceof AppError ? error : null;
    return finish(
      {
        ...empty,
        status: 'failed',
        message:
          known?.messageVi ?? 'Lỗi hệ thống khi nhập dữ liệu; không có dữ liệu nào được ghi. Hãy thử lại.',
        messageEn: known?.messageEn ?? 'The import failed on a system error; nothing was written. Try again.',
      },
      null,
    );
  }

  /** The run's final state, written by the transaction that writes the data: both or neither. */
  async function finishInside(tx: Transaction<DB>, outcome: RunOutcome, unitPath: string | null) {
    await updateRun(tx, tenantId, runId, {
      status: 'applied',
      done_rows: total,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      errors: '[]',
      error_count: 0,
      unit_path: unitPath,
      file: null,
      finished_at: new Date(),
    });
  }
}
