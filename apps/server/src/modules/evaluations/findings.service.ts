import type { CreateFindingInput } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import { newId } from '../../ids';
import type { Db } from './evaluations.access';
import * as repo from './findings.repository';

export { findingsInYear } from './findings.repository';

/**
 * Recorded conclusions that force "not completed" under Decree 335: seen with people.read over the
 * person's unit (or on one's own record), added with people.manage; every addition is audited.
 */
export function createFindingsService(ctx: AppContext) {
  const { db, tenantId } = ctx;

  async function person(dbx: Db, actor: Actor, id: string) {
    const self = actor.userId
      ? await dbx
          .selectFrom('app_user')
          .select('person_id')
          .where('tenant_id', '=', tenantId)
          .where('id', '=', actor.userId)
          .executeTakeFirst()
      : undefined;
    const row = await repo.findPersonIn(dbx, scopeOf(actor, 'people.read'), self?.person_id ?? null, id);
    if (!row) throw new NotFound('person');
    return row;
  }

  return {
    async list(actor: Actor, personId: string) {
      await person(db, actor, personId);
      return { items: (await repo.findingsOf(db, tenantId, personId)).map(repo.presentFinding) };
    },

    async add(actor: Actor, personId: string, input: z.infer<typeof CreateFindingInput>) {
      const who = await person(db, actor, personId);
      assertCan(actor, 'people.manage', who.unit_path);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        const values = {
          kind: input.kind,
          decision_number: input.decisionNumber ?? null,
          decision_date: input.decisionDate,
          issuer: input.issuer ?? null,
          note: input.note ?? null,
        };
        await tx
          .insertInto('person_finding')
          .values({
            ...values,
            tenant_id: tenantId,
            id,
            person_id: personId,
            created_by: actor.userId,
            created_at: new Date(),
          })
          .execute();
        await recordAudit(tx, actor, {
          action: 'personFinding.created',
          entityType: 'person_finding',
          entityId: id,
          unitPath: who.unit_path,
          after: { personId, ...values },
        });
        const row = await tx
          .selectFrom('person_finding')
          .selectAll()
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return repo.presentFinding(row);
      });
    },
  };
}
