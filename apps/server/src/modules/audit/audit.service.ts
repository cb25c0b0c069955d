import { type Kysely, sql } from 'kysely';
import { type Actor, assertCan, covers, scopeOf } from '../../access/actor';
import { inScope } from '../../access/scope-sql';
import { verifyAuditChain } from '../../audit/verify';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';

export interface AuditQuery {
  page: number;
  pageSize: number;
  action?: string;
  entityType?: string;
  entityId?: string;
}

export function createAuditService(ctx: AppContext) {
  const { db, tenantId, rootPath } = ctx;

  /** Entries about units in scope; tenant-wide entries only for those whose scope holds the root. */
  function scoped(dbx: Kysely<DB>, actor: Actor) {
    const scope = scopeOf(actor, 'audit.read');
    const wide = covers(scope, rootPath);
    return dbx
      .selectFrom('audit_log')
      .where('tenant_id', '=', tenantId)
      .where((eb) =>
        wide
          ? eb.or([eb('unit_path', 'is', null), inScope(scope, 'unit_path')])
          : inScope(scope, 'unit_path'),
      );
  }

  async function list(actor: Actor, query: AuditQuery) {
    assertCan(actor, 'audit.read');
    let q = scoped(db, actor);
    if (query.action) q = q.where('action', '=', query.action);
    if (query.entityType) q = q.where('entity_type', '=', query.entityType);
    if (query.entityId) q = q.where('entity_id', '=', query.entityId);
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute(),
      q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        action: r.action,
        entityType: r.entity_type,
        entityId: r.entity_id,
        before: r.before ?? null,
        after: r.after ?? null,
        requestId: r.request_id,
        ip: r.ip,
      })),
      total: Number(count.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Verifying walks the whole tenant chain, so it needs the audit right over the root. */
  async function verify(actor: Actor) {
    assertCan(actor, 'audit.read', rootPath);
    return verifyAuditChain(db, tenantId);
  }

  return { list, verify };
}

export type AuditService = ReturnType<typeof createAuditService>;
