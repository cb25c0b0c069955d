import type { CreateTaskInput, TaskStats, TaskView, UpdateTaskInput } from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import { type Db, type EvaluationAccess, evaluationAccess, isOwn } from './evaluations.access';
import { databaseFileStore, type FileStore } from './files';
import { presentTask } from './tasks.presenter';
import * as repo from './tasks.repository';

/** The person edits their tasks until the head decides; reviewers and everyone else who may see the evaluation read them. */
export const TASK_EDIT_STATES: readonly string[] = [
  'draft',
  'returned',
  'selfAssessed',
  'inReview',
  'reviewed',
];

type Evaluation = NonNullable<Awaited<ReturnType<typeof repo.findEvaluation>>>;

export function taskStats(
  db: Db,
  tenantId: string,
  evaluationId: string,
  asOf = todayInVietnam(),
): Promise<TaskStats> {
  return repo.taskStats(db, tenantId, evaluationId, asOf);
}

export function createTasksService(ctx: AppContext, files: FileStore = databaseFileStore) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor, dbx: Db = db) => evaluationAccess(dbx, actor, todayInVietnam());

  async function seen(dbx: Db, acc: EvaluationAccess, id: string, lock = false): Promise<Evaluation> {
    const row = await repo.findEvaluation(dbx, acc, id, lock);
    if (!row) throw new NotFound('evaluation');
    return row;
  }

  /** Only the evaluated person changes tasks, and only before the head's decision. */
  function assertEditable(acc: EvaluationAccess, ev: Evaluation): void {
    if (!isOwn(acc, ev)) {
      throw new Forbidden(
        'Chỉ người được đánh giá mới sửa được danh sách nhiệm vụ của mình.',
        'Only the evaluated person changes their task list.',
      );
    }
    if (!TASK_EDIT_STATES.includes(ev.state)) {
      throw new RuleViolation(
        'TASKS_LOCKED',
        'Phiếu đánh giá đã được quyết định: không sửa nhiệm vụ được nữa.',
        'The evaluation has been decided: its tasks can no longer change.',
      );
    }
  }

  async function writable(tx: Transaction<DB>, actor: Actor, evaluationId: string) {
    const acc = await access(actor, tx);
    const ev = await seen(tx, acc, evaluationId, true);
    assertEditable(acc, ev);
    return ev;
  }

  async function task(tx: Db, evaluationId: string, taskId: string, lock = false) {
    const row = await repo.findTask(tx, tenantId, evaluationId, taskId, lock);
    if (!row) throw new NotFound('task');
    return row;
  }

  const audit = (
    tx: Transaction<DB>,
    actor: Actor,
    ev: Evaluation,
    action: string,
    id: string,
    before: unknown,
    after: unknown,
  ) =>
    recordAudit(tx, actor, {
      action: `evaluationTask.${action}`,
      entityType: 'eval_task',
      entityId: id,
      unitPath: ev.unit_path,
      before,
      after: after === null ? null : { evaluationId: ev.id, ...(after as object) },
    });

  return {
    async list(actor: Actor, evaluationId: string) {
      const ev = await seen(db, await access(actor), evaluationId);
      return { items: (await repo.tasksOf(db, tenantId, ev.id)).map(presentTask) };
    },

    async create(
      actor: Actor,
      evaluationId: string,
      input: z.infer<typeof CreateTaskInput>,
    ): Promise<TaskView> {
      return db.transaction().execute(async (tx) => {
        const ev = await writable(tx, actor, evaluationId);
        const id = newId();
        const now = new Date();
        const values = {
          title: input.title,
          product: input.product ?? null,
          deadline: input.deadline,
          committed_date: input.committedDate ?? null,
        };
        const sortOrder = await repo.nextSortOrder(tx, tenantId, ev.id);
        await tx
          .insertInto('eval_task')
          .values({
            ...values,
            tenant_id: tenantId,
            id,
            evaluation_id: ev.id,
            sort_order: sortOrder,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await audit(tx, actor, ev, 'created', id, null, values);
        return presentTask(await task(tx, ev.id, id));
      });
    },

    async update(actor: Actor, evaluationId: string, taskId: string, input: z.infer<typeof UpdateTaskInput>) {
      return db.transaction().execute(async (tx) => {
        const ev = await writable(tx, actor, evaluationId);
        const row = await task(tx, ev.id, taskId, true);
        if (row.version !== input.version) throw new Conflict();
        const { version: _v, ...fields } = input;
        const changes: Record<string, unknown> = {
          ...(fields.title !== undefined ? { title: fields.title } : {}),
          ...(fields.product !== undefined ? { product: fields.product } : {}),
          ...(fields.deadline !== undefined ? { deadline: fields.deadline } : {}),
          ...(fields.committedDate !== undefined ? { committed_date: fields.committedDate } : {}),
          ...(fields.progress !== undefined ? { progress: fields.progress } : {}),
          ...(fields.exceeded !== undefined ? { exceeded: fields.exceeded } : {}),
          ...(fields.evidenceText !== undefined ? { evidence_text: fields.evidenceText } : {}),
          ...(fields.evidenceLink !== undefined ? { evidence_link: fields.evidenceLink } : {}),
        };
        if (fields.status !== undefined || fields.doneDate !== undefined) {
          const status = fields.status ?? row.status;
          changes.status = status;
          // A done task carries the day it was done (today unless given); any other status has none.
          changes.done_date =
            status === 'done' ? (fields.doneDate ?? row.done_date ?? todayInVietnam()) : null;
          if (status === 'done' && fields.progress === undefined) changes.progress = 100;
        }
        await tx
          .updateTable('eval_task')
          .set({ ...changes, version: row.version + 1, updated_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', taskId)
          .where('version', '=', input.version)
          .execute();
        await audit(tx, actor, ev, 'updated', taskId, presentTask(row), changes);
        return presentTask(await task(tx, ev.id, taskId));
      });
    },

    async remove(actor: Actor, evaluationId: string, taskId: string, version: number) {
      await db.transaction().execute(async (tx) => {
        const ev = await writable(tx, actor, evaluationId);
        const row = await task(tx, ev.id, taskId, true);
        if (row.version !== version) throw new Conflict();
        await tx.deleteFrom('eval_task').where('tenant_id', '=', tenantId).where('id', '=', taskId).execute();
        if (row.evidence_file_id) await files.remove(tx, tenantId, row.evidence_file_id);
        await audit(tx, actor, ev, 'deleted', taskId, presentTask(row), null);
      });
    },

    /** Checks that the caller may attach evidence before the upload is read. */
    async assertMayAttach(actor: Actor, evaluationId: string, taskId: string) {
      const acc = await access(actor);
      const ev = await seen(db, acc, evaluationId);
      assertEditable(acc, ev);
      await task(db, ev.id, taskId);
    },

    async attach(
      actor: Actor,
      evaluationId: string,
      taskId: string,
      file: { name: string; contentType: string; data: Buffer },
      version?: number,
    ): Promise<TaskView> {
      return db.transaction().execute(async (tx) => {
        const ev = await writable(tx, actor, evaluationId);
        const row = await task(tx, ev.id, taskId, true);
        if (version !== undefined && row.version !== version) throw new Conflict();
        const stored = await files.put(tx, tenantId, { ...file, createdBy: actor.userId });
        await tx
          .updateTable('eval_task')
          .set({ evidence_file_id: stored.id, version: row.version + 1, updated_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', taskId)
          .execute();
        if (row.evidence_file_id) await files.remove(tx, tenantId, row.evidence_file_id);
        await audit(
          tx,
          actor,
          ev,
          'evidenceAttached',
          taskId,
          { fileId: row.evidence_file_id },
          {
            fileId: stored.id,
            name: file.name,
            size: stored.size,
            sha256: stored.sha256,
          },
        );
        return presentTask(await task(tx, ev.id, taskId));
      });
    },

    /** A file, only for a caller who may see an evaluation whose task holds it; anything else reads as missing. */
    async download(actor: Actor, fileId: string) {
      const acc = await access(actor);
      if (!(await repo.fileVisible(db, acc, fileId))) throw new NotFound('file');
      const file = await files.get(db, tenantId, fileId);
      if (!file) throw new NotFound('file');
      return file;
    },
  };
}

export type TasksService = ReturnType<typeof createTasksService>;
