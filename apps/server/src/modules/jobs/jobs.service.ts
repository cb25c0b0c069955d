import { sql } from 'kysely';
import { type Actor, assertCan } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { NotFound, RuleViolation } from '../../errors';

export function createJobsService(ctx: AppContext) {
  const { db, tenantId, rootPath } = ctx;

  async function list(actor: Actor, query: { page: number; pageSize: number; state?: string }) {
    assertCan(actor, 'jobs.read', rootPath);
    let q = db.selectFrom('job').where('tenant_id', '=', tenantId);
    if (query.state) q = q.where('state', '=', query.state);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        state: r.state as 'queued' | 'running' | 'done' | 'failed',
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
        runAt: r.run_at.toISOString(),
        lastError: r.last_error,
        createdAt: r.created_at.toISOString(),
        finishedAt: r.finished_at?.toISOString() ?? null,
      })),
      total: Number(count.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** A failed job gets a fresh set of attempts. */
  async function retry(actor: Actor, id: string) {
    assertCan(actor, 'jobs.manage', rootPath);
    await db.transaction().execute(async (tx) => {
      const job = await tx
        .selectFrom('job')
        .select(['id', 'kind', 'state'])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!job) throw new NotFound('job');
      if (job.state !== 'failed') {
        throw new RuleViolation(
          'JOB_NOT_FAILED',
          'Chỉ chạy lại được công việc bị lỗi.',
          'Only a failed job can be retried.',
        );
      }
      await tx
        .updateTable('job')
        .set({ state: 'queued', attempts: 0, run_at: new Date(), finished_at: null })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'job.retried',
        entityType: 'job',
        entityId: id,
        unitPath: null,
        after: { kind: job.kind },
      });
    });
  }

  return { list, retry };
}

export type JobsService = ReturnType<typeof createJobsService>;
