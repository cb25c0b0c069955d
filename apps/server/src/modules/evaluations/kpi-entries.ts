import type { ObjectiveCauseInput, SaveKpiInput } from '@canbo/domain';
import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, Forbidden, NotFound, RuleViolation } from '../../errors';
import { newId } from '../../ids';
import { canDecide, canReview, isOwn } from './evaluations.access';
import { presentKpiEntry } from './evaluations.presenter';
import * as repo from './evaluations.repository';
import type { EvaluationsService } from './evaluations.service';
import { loadFramework } from './scoring';

type SaveKpi = z.infer<typeof SaveKpiInput>;
type Objective = z.infer<typeof ObjectiveCauseInput>;

function invalid(code: string, path: string, vi: string, en: string) {
  return new RuleViolation(code, vi, en, [{ path, message: vi, messageEn: en }]);
}

const REVIEWING = ['selfAssessed', 'inReview', 'reviewed', 'complained'];

/**
 * KPI figures of an evaluation (Decree 335): the person enters them while drafting, a reviewer or head
 * while reviewing; coefficients are copied from the catalogue at that time. A reviewer may attribute
 * failures or delays to an objective cause (audited).
 */
export function createKpiEntriesService(ctx: AppContext, evaluations: EvaluationsService) {
  const { db, tenantId } = ctx;

  async function save(actor: Actor, id: string, input: SaveKpi) {
    const access = await evaluations.accessOf(actor);
    await db.transaction().execute(async (tx) => {
      const row = await repo.findEvaluation(tx, access, id, true);
      if (!row) throw new NotFound('evaluation');
      const own = isOwn(access, row) && (row.state === 'draft' || row.state === 'returned');
      const reviewer = (canReview(access, row) || canDecide(access, row)) && REVIEWING.includes(row.state);
      if (!own && !reviewer) {
        if (isOwn(access, row) || canReview(access, row) || canDecide(access, row)) {
          throw new Conflict(
            'Không sửa được KPI ở trạng thái hiện tại của phiếu.',
            'KPI figures cannot be changed in the current state.',
            'ILLEGAL_TRANSITION',
          );
        }
        throw new Forbidden();
      }
      if (row.version !== input.version) throw new Conflict();
      if (row.cycle_status === 'closed')
        throw new Conflict('Kỳ đánh giá đã khóa sổ.', 'The cycle is closed.', 'CYCLE_CLOSED');
      const fw = await loadFramework(tx, tenantId, row.framework_id);
      if (!fw.ruleSet.kpi) {
        throw invalid(
          'NO_KPI',
          'entries',
          'Văn bản áp dụng không chấm điểm theo KPI.',
          'This rule set has no KPI part.',
        );
      }
      if (input.organisingCapacity !== undefined && input.organisingCapacity !== null && !reviewer) {
        throw new Forbidden(
          'Chỉ người nhận xét mới chấm năng lực tổ chức thực hiện.',
          'Only a reviewer scores the capacity to organise.',
        );
      }
      const ids = input.entries.map((e) => e.productId);
      const dup = ids.find((p, i) => ids.indexOf(p) !== i);
      if (dup)
        throw invalid(
          'DUPLICATE_PRODUCT',
          'entries',
          `Sản phẩm ${dup} bị lặp.`,
          `Product ${dup} is listed twice.`,
        );
      const products = ids.length
        ? await tx
            .selectFrom('kpi_product as p')
            .innerJoin('org_unit as u', (j) =>
              j.onRef('u.tenant_id', '=', 'p.tenant_id').onRef('u.id', '=', 'p.unit_id'),
            )
            .select(['p.id', 'p.coefficient', 'p.active', 'u.path'])
            .where('p.tenant_id', '=', tenantId)
            .where('p.id', 'in', ids)
            .execute()
        : [];
      const byId = new Map(products.map((p) => [p.id, p]));
      const previous = new Map((await repo.kpiEntriesOf(tx, tenantId, id)).map((e) => [e.product_id, e]));
      const now = new Date();
      const values = input.entries.map((e, i) => {
        const p = byId.get(e.productId);
        if (!p?.active || !row.unit_path.startsWith(p.path)) {
          throw invalid(
            'PRODUCT_NOT_AVAILABLE',
            `entries.${i}.productId`,
            'Sản phẩm không có trong danh mục đang áp dụng cho đơn vị.',
            "The product is not in the unit's active catalogue.",
          );
        }
        const old = previous.get(e.productId);
        const oq = Math.min(old?.objective_quality_failures ?? 0, e.qualityFailures);
        const od = Math.min(old?.objective_delays ?? 0, e.delays);
        return {
          tenant_id: tenantId,
          id: newId(),
          evaluation_id: id,
          product_id: e.productId,
          coefficient: p.coefficient,
          assigned: e.assigned,
          completed: e.completed,
          quality_failures: e.qualityFailures,
          objective_quality_failures: oq,
          delays: e.delays,
          objective_delays: od,
          objective_note: oq + od > 0 ? (old?.objective_note ?? null) : null,
          objective_by: oq + od > 0 ? (old?.objective_by ?? null) : null,
          created_at: now,
          updated_at: now,
        };
      });
      await tx
        .deleteFrom('kpi_entry')
        .where('tenant_id', '=', tenantId)
        .where('evaluation_id', '=', id)
        .execute();
      if (values.length) await tx.insertInto('kpi_entry').values(values).execute();
      const changes: Record<string, unknown> = {};
      if (input.organisingCapacity !== undefined && reviewer)
        changes.organising_capacity = input.organisingCapacity;
      if (!(await repo.updateEvaluation(tx, tenantId, id, row.version, changes))) throw new Conflict();
      await recordAudit(tx, actor, {
        action: 'evaluation.kpiSaved',
        entityType: 'evaluation',
        entityId: id,
        unitPath: row.unit_path,
        before: [...previous.values()].map(presentKpiEntry),
        after: { entries: input.entries, organisingCapacity: input.organisingCapacity ?? null },
      });
    });
    return evaluations.get(actor, id);
  }

  async function objective(actor: Actor, id: string, entryId: string, input: Objective) {
    const access = await evaluations.accessOf(actor);
    return db.transaction().execute(async (tx) => {
      const row = await repo.findEvaluation(tx, access, id, true);
      if (!row) throw new NotFound('evaluation');
      if (!canReview(access, row) && !canDecide(access, row)) throw new Forbidden();
      const entry = (await repo.kpiEntriesOf(tx, tenantId, id)).find((e) => e.id === entryId);
      if (!entry) throw new NotFound('KPI entry');
      if (entry.version !== input.version) throw new Conflict();
      if (input.objectiveQualityFailures > entry.quality_failures) {
        throw invalid(
          'OBJECTIVE_ABOVE_COUNT',
          'objectiveQualityFailures',
          `Số lỗi do nguyên nhân khách quan (${input.objectiveQualityFailures}) vượt số lỗi chất lượng (${entry.quality_failures}).`,
          `Objective failures (${input.objectiveQualityFailures}) exceed the quality failures (${entry.quality_failures}).`,
        );
      }
      if (input.objectiveDelays > entry.delays) {
        throw invalid(
          'OBJECTIVE_ABOVE_COUNT',
          'objectiveDelays',
          `Số chậm tiến độ do nguyên nhân khách quan (${input.objectiveDelays}) vượt số lần chậm (${entry.delays}).`,
          `Objective delays (${input.objectiveDelays}) exceed the delays (${entry.delays}).`,
        );
      }
      await tx
        .updateTable('kpi_entry')
        .set({
          objective_quality_failures: input.objectiveQualityFailures,
          objective_delays: input.objectiveDelays,
          objective_note: input.note,
          objective_by: actor.userId,
          updated_at: new Date(),
          version: entry.version + 1,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', entryId)
        .execute();
      await recordAudit(tx, actor, {
        action: 'evaluation.kpiObjectiveCause',
        entityType: 'evaluation',
        entityId: id,
        unitPath: row.unit_path,
        before: {
          entryId,
          objectiveQualityFailures: entry.objective_quality_failures,
          objectiveDelays: entry.objective_delays,
          note: entry.objective_note,
        },
        after: {
          entryId,
          objectiveQualityFailures: input.objectiveQualityFailures,
          objectiveDelays: input.objectiveDelays,
          note: input.note,
        },
      });
      const updated = (await repo.kpiEntriesOf(tx, tenantId, id)).find((e) => e.id === entryId)!;
      return presentKpiEntry(updated);
    });
  }

  return { save, objective };
}
