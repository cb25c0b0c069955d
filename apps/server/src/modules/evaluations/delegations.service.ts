import type { CreateDelegationInput, DelegationCandidateQuery } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, covers, hasPermission, minimalPaths, type Scope, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import * as repo from './delegations.repository';

const refuse = (code: string, path: string, vi: string, en: string) =>
  new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }]);

/** At most this many deputies are offered per search. */
const CANDIDATES = 20;

function mustHaveWork(actor: Actor): void {
  if (!hasPermission(actor, 'evaluations.review') && !hasPermission(actor, 'evaluations.decide')) {
    throw new Forbidden(
      'Bạn không có việc nhận xét hay quyết định nào để ủy quyền.',
      'You have no review or decision work to delegate.',
    );
  }
}

/** The units of the caller's own review and decision grants. */
function workScope(actor: Actor): Scope {
  const scopes = [scopeOf(actor, 'evaluations.review'), scopeOf(actor, 'evaluations.decide')];
  if (scopes.some((s) => s.paths === null)) return { tenantId: actor.tenantId, paths: null };
  return { tenantId: actor.tenantId, paths: minimalPaths(scopes.flatMap((s) => s.paths ?? [])) };
}

/**
 * A reviewer or head hands their review and decision work to a named deputy for a date range
 * (evaluationAccess widens the deputy's grants while the delegation is active). Overlapping
 * delegations are allowed; revoking is for the delegator or an officer managing the delegator's unit.
 */
export function createDelegationsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  function signedIn(actor: Actor): string {
    if (!actor.userId) throw new Forbidden();
    return actor.userId;
  }

  return {
    async list(actor: Actor) {
      const userId = signedIn(actor);
      const today = todayInVietnam();
      const { given, received } = await repo.delegationsOf(db, tenantId, userId);
      return {
        given: given.map((r) => repo.presentDelegation(r, today)),
        received: received.map((r) => repo.presentDelegation(r, today)),
      };
    },

    /**
     * Who the caller may name as deputy: active users whose unit lies in the caller's own review or
     * decision scopes (not those widened by delegations received), searched without diacritics.
     */
    async candidates(actor: Actor, query: z.infer<typeof DelegationCandidateQuery>) {
      const userId = signedIn(actor);
      mustHaveWork(actor);
      const rows = await repo.candidateUsers(db, workScope(actor), userId, query.q, CANDIDATES);
      return { items: rows.map((r) => ({ id: r.id, displayName: r.display_name, unitName: r.unit_name })) };
    },

    async create(actor: Actor, input: z.infer<typeof CreateDelegationInput>) {
      const userId = signedIn(actor);
      mustHaveWork(actor);
      const deputy = await repo.userWithUnit(db, tenantId, input.toUserId);
      if (!deputy || !covers(scopeOf(actor, 'units.read'), deputy.unit_path)) throw new NotFound('user');
      if (deputy.id === userId) {
        throw refuse(
          'SELF_DELEGATION',
          'toUserId',
          'Không thể ủy quyền cho chính mình.',
          'You cannot delegate to yourself.',
        );
      }
      if (deputy.disabled) {
        throw refuse(
          'USER_DISABLED',
          'toUserId',
          'Tài khoản được ủy quyền đã bị khóa.',
          'The deputy’s account is disabled.',
        );
      }
      if (input.validTo < input.validFrom) {
        throw refuse(
          'DATE_ORDER',
          'validTo',
          'Ngày kết thúc phải từ ngày bắt đầu trở đi.',
          'The end date must not be before the start date.',
        );
      }
      const today = todayInVietnam();
      if (input.validTo < today) {
        throw refuse('IN_THE_PAST', 'validTo', 'Ngày kết thúc đã qua.', 'The end date has passed.');
      }
      const me = await repo.userWithUnit(db, tenantId, userId);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        const values = {
          from_user_id: userId,
          to_user_id: deputy.id,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          reason: input.reason ?? null,
        };
        await tx
          .insertInto('eval_delegation')
          .values({ ...values, tenant_id: tenantId, id, created_by: userId, created_at: new Date() })
          .execute();
        await recordAudit(tx, actor, {
          action: 'evaluationDelegation.created',
          entityType: 'eval_delegation',
          entityId: id,
          unitPath: me?.unit_path ?? null,
          after: values,
        });
        const row = await repo.delegationRows(tx, tenantId).where('d.id', '=', id).executeTakeFirstOrThrow();
        return repo.presentDelegation(row, today);
      });
    },

    async revoke(actor: Actor, id: string) {
      const userId = actor.userId;
      const manage = scopeOf(actor, 'evaluations.manage');
      await db.transaction().execute(async (tx) => {
        const row = await repo
          .delegationRows(tx, tenantId)
          .where('d.id', '=', id)
          .forUpdate('d')
          .executeTakeFirst();
        const party = row !== undefined && (row.from_user_id === userId || row.to_user_id === userId);
        if (!row || !(party || covers(manage, row.from_unit_path))) throw new NotFound('delegation');
        if (row.from_user_id !== userId && !covers(manage, row.from_unit_path)) {
          throw new Forbidden(
            'Chỉ người ủy quyền hoặc cán bộ tổ chức quản lý đơn vị của họ mới thu hồi được.',
            'Only the delegator or an officer managing their unit may revoke it.',
          );
        }
        if (row.revoked_at !== null) {
          throw refuse(
            'ALREADY_REVOKED',
            'id',
            'Ủy quyền này đã được thu hồi.',
            'This delegation has already been revoked.',
          );
        }
        await tx
          .updateTable('eval_delegation')
          .set({ revoked_at: new Date() })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
        await recordAudit(tx, actor, {
          action: 'evaluationDelegation.revoked',
          entityType: 'eval_delegation',
          entityId: id,
          unitPath: row.from_unit_path,
          before: {
            fromUserId: row.from_user_id,
            toUserId: row.to_user_id,
            validFrom: row.valid_from,
            validTo: row.valid_to,
          },
        });
      });
    },
  };
}
