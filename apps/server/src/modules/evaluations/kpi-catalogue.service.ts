import type { CreateKpiProductInput, KpiProductQuery, UpdateKpiProductInput } from '@canbo/domain';
import type { z } from 'zod';
import { type Actor, assertCan, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, NotFound } from '../../errors';
import { newId } from '../../ids';
import { todayInVietnam } from '../units/units.dates';
import { findUnitIn } from './cycles.repository';
import { type Db, evaluationAccess } from './evaluations.access';
import { findEvaluation } from './evaluations.repository';
import * as repo from './kpi-catalogue.repository';

function codeTaken(code: string): Conflict {
  return new Conflict(
    `Mã sản phẩm "${code}" đã có trong danh mục của đơn vị.`,
    `The product code "${code}" is already in the unit's catalogue.`,
    'KPI_CODE_TAKEN',
  );
}

const isUnique = (error: unknown) => (error as { code?: string })?.code === '23505';

/** Decree 335 KPI catalogue: products per unit (or job position) with their conversion coefficient. */
export function createKpiCatalogueService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const access = (actor: Actor, dbx: Db = db) => evaluationAccess(dbx, actor, todayInVietnam());

  async function visible(dbx: Db, actor: Actor, id: string, lock = false) {
    const row = await repo.findProduct(dbx, await access(actor, dbx), id, lock);
    if (!row) throw new NotFound('product');
    return row;
  }

  return {
    async list(actor: Actor, query: z.infer<typeof KpiProductQuery>) {
      const acc = await access(actor);
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await findUnitIn(db, scopeOf(actor, 'units.read'), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      const { rows, total } = await repo.listProducts(db, acc, {
        ...(unitPath ? { unitPath } : {}),
        ...(query.active !== undefined ? { active: query.active } : {}),
        ...(query.q ? { q: query.q } : {}),
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: rows.map(repo.presentProduct), total, page: query.page, pageSize: query.pageSize };
    },

    /**
     * The products the evaluated person (or a reviewer) picks from when filling in KPI figures: for
     * whoever may see the evaluation (404 otherwise), staff included, who hold no catalogue grant.
     */
    async forEvaluation(actor: Actor, evaluationId: string) {
      const evaluation = await findEvaluation(db, await access(actor), evaluationId);
      if (!evaluation) throw new NotFound('evaluation');
      const rows = await repo.availableProducts(db, tenantId, evaluation.unit_path);
      return { items: rows.map(repo.presentProduct) };
    },

    async create(actor: Actor, input: z.infer<typeof CreateKpiProductInput>) {
      const unit = await findUnitIn(db, scopeOf(actor, 'units.read'), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'evaluations.manage', unit.path);
      const id = newId();
      try {
        return await db.transaction().execute(async (tx) => {
          if (await repo.codeTaken(tx, tenantId, unit.id, input.code, null)) throw codeTaken(input.code);
          const now = new Date();
          const values = {
            job_position: input.jobPosition ?? null,
            code: input.code,
            name: input.name,
            measure: input.measure ?? null,
            coefficient: input.coefficient,
          };
          await tx
            .insertInto('kpi_product')
            .values({
              ...values,
              tenant_id: tenantId,
              id,
              unit_id: unit.id,
              created_at: now,
              updated_at: now,
            })
            .execute();
          await recordAudit(tx, actor, {
            action: 'kpiProduct.created',
            entityType: 'kpi_product',
            entityId: id,
            unitPath: unit.path,
            after: { unitId: unit.id, ...values },
          });
          return repo.presentProduct((await visible(tx, actor, id))!);
        });
      } catch (error) {
        throw isUnique(error) ? codeTaken(input.code) : error;
      }
    },

    async update(actor: Actor, id: string, input: z.infer<typeof UpdateKpiProductInput>) {
      try {
        return await db.transaction().execute(async (tx) => {
          const row = await visible(tx, actor, id, true);
          assertCan(actor, 'evaluations.manage', row.unit_path);
          if (row.version !== input.version) throw new Conflict();
          if (input.code && (await repo.codeTaken(tx, tenantId, row.unit_id, input.code, id))) {
            throw codeTaken(input.code);
          }
          const changes = {
            ...(input.jobPosition !== undefined ? { job_position: input.jobPosition } : {}),
            ...(input.code !== undefined ? { code: input.code } : {}),
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.measure !== undefined ? { measure: input.measure } : {}),
            ...(input.coefficient !== undefined ? { coefficient: input.coefficient } : {}),
            ...(input.active !== undefined ? { active: input.active } : {}),
          };
          const result = await tx
            .updateTable('kpi_product')
            .set({ ...changes, version: row.version + 1, updated_at: new Date() })
            .where('tenant_id', '=', tenantId)
            .where('id', '=', id)
            .where('version', '=', input.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw new Conflict();
          await recordAudit(tx, actor, {
            action: 'kpiProduct.updated',
            entityType: 'kpi_product',
            entityId: id,
            unitPath: row.unit_path,
            before: repo.presentProduct(row),
            after: changes,
          });
          return repo.presentProduct(await visible(tx, actor, id));
        });
      } catch (error) {
        throw isUnique(error) ? codeTaken(input.code ?? '') : error;
      }
    },
  };
}
