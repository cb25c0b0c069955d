import type {
  CreateReportTemplateInput,
  ReportSectionSpec,
  ReportTemplateView,
  UpdateReportTemplateInput,
} from '@canbo/domain';
import { type Actor, assertCan, hasPermission, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict, Forbidden, NotFound } from '../../errors';
import { newId } from '../../ids';
import { indicatorById } from './indicators/registry';
import * as repo from './report-runs.repository';
import { BUILT_IN_TEMPLATES, builtInTemplate } from './report-templates.defaults';
import { type Db, unitInScope } from './reports.repository';
import { refuse } from './targets.service';

/**
 * Report templates (docs/REPORTS.md, "Report builder"): the two built-in ones, readable by anyone
 * holding reports.read and never changed, and custom ones owned by a unit — read with reports.read
 * over it, written with units.manage over it (the grant targets use), each change version-guarded
 * and audited. A template out of the caller's scope is missing (404).
 */

function sectionsOf(value: unknown): ReportSectionSpec[] {
  return (typeof value === 'string' ? JSON.parse(value) : value) as ReportSectionSpec[];
}

export function presentTemplate(row: repo.TemplateRow): ReportTemplateView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as ReportTemplateView['kind'],
    builtIn: false,
    unitId: row.unit_id,
    unitName: row.unit_name,
    sections: sectionsOf(row.sections),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Every indicator a section names must exist; targets and text sections name none. */
function checkSections(sections: ReportSectionSpec[]) {
  sections.forEach((s, i) => {
    s.indicators.forEach((ref, j) => {
      if (!indicatorById(ref.id))
        throw refuse(
          'UNKNOWN_INDICATOR',
          `sections.${i}.indicators.${j}.id`,
          `Không có chỉ tiêu thống kê "${ref.id}".`,
          `There is no indicator "${ref.id}".`,
        );
    });
    if (s.kind === 'indicators' && s.indicators.length === 0)
      throw refuse(
        'SECTION_WITHOUT_INDICATORS',
        `sections.${i}.indicators`,
        'Mục số liệu phải có ít nhất một chỉ tiêu.',
        'An indicators section needs at least one indicator.',
      );
  });
}

const normalise = (sections: ReportSectionSpec[]) =>
  sections.map((s) => ({ ...s, indicators: s.kind === 'indicators' ? s.indicators : [] }));

export function createReportTemplatesService(ctx: AppContext) {
  const { db, tenantId } = ctx;
  const read = (actor: Actor) => scopeOf(actor, 'reports.read');

  async function find(actor: Actor, id: string, lock = false, d: Db = db) {
    const row = await repo.getTemplate(d, read(actor), id, lock);
    if (!row) throw new NotFound('report template');
    return row;
  }

  return {
    async list(actor: Actor, query: { unitId?: string | undefined }) {
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await unitInScope(db, read(actor), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      if (!hasPermission(actor, 'reports.read')) throw new Forbidden();
      const rows = await repo.listTemplates(db, read(actor), unitPath);
      return { items: [...BUILT_IN_TEMPLATES, ...rows.map(presentTemplate)] };
    },

    /** A template to read or run: built-in, or custom in the caller's read scope. */
    async get(actor: Actor, id: string): Promise<ReportTemplateView> {
      if (!hasPermission(actor, 'reports.read')) throw new NotFound('report template');
      const builtIn = builtInTemplate(id);
      if (builtIn) return builtIn;
      return presentTemplate(await find(actor, id));
    },

    async create(actor: Actor, input: CreateReportTemplateInput) {
      const unit = await unitInScope(db, read(actor), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'units.manage', unit.path);
      checkSections(input.sections);
      const id = newId();
      return db.transaction().execute(async (tx) => {
        const now = new Date();
        const sections = normalise(input.sections);
        await tx
          .insertInto('report_template')
          .values({
            tenant_id: tenantId,
            id,
            unit_id: unit.id,
            name: input.name,
            kind: input.kind,
            sections: JSON.stringify(sections),
            created_by: actor.userId,
            created_at: now,
            updated_at: now,
          })
          .execute();
        const view = presentTemplate(await find(actor, id, false, tx));
        await recordAudit(tx, actor, {
          action: 'report.templateCreated',
          entityType: 'report_template',
          entityId: id,
          unitPath: unit.path,
          after: { name: view.name, kind: view.kind, sections: view.sections.length },
        });
        return view;
      });
    },

    async update(actor: Actor, id: string, input: UpdateReportTemplateInput) {
      if (builtInTemplate(id))
        throw refuse(
          'TEMPLATE_BUILT_IN',
          'id',
          'Mẫu báo cáo có sẵn không sửa được; hãy tạo một mẫu mới từ mẫu này.',
          'A built-in template cannot be changed; create a new one from it.',
        );
      if (input.sections) checkSections(input.sections);
      return db.transaction().execute(async (tx) => {
        const row = await find(actor, id, true, tx);
        assertCan(actor, 'units.manage', row.unit_path);
        if (row.version !== input.version) throw new Conflict();
        const changes = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.sections !== undefined ? { sections: JSON.stringify(normalise(input.sections)) } : {}),
        };
        const result = await tx
          .updateTable('report_template')
          .set({ ...changes, updated_at: new Date(), version: input.version + 1 })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .where('version', '=', input.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw new Conflict();
        const view = presentTemplate(await find(actor, id, false, tx));
        await recordAudit(tx, actor, {
          action: 'report.templateUpdated',
          entityType: 'report_template',
          entityId: id,
          unitPath: row.unit_path,
          before: { name: row.name, kind: row.kind, version: row.version },
          after: { name: view.name, kind: view.kind, version: view.version, sections: view.sections.length },
        });
        return view;
      });
    },

    async remove(actor: Actor, id: string) {
      if (builtInTemplate(id))
        throw refuse(
          'TEMPLATE_BUILT_IN',
          'id',
          'Mẫu báo cáo có sẵn không xóa được.',
          'A built-in template cannot be deleted.',
        );
      await db.transaction().execute(async (tx) => {
        const row = await find(actor, id, true, tx);
        assertCan(actor, 'units.manage', row.unit_path);
        await tx
          .updateTable('report_template')
          .set({ deleted_at: new Date(), version: row.version + 1 })
          .where('tenant_id', '=', tenantId)
          .where('id', '=', id)
          .execute();
        await recordAudit(tx, actor, {
          action: 'report.templateDeleted',
          entityType: 'report_template',
          entityId: id,
          unitPath: row.unit_path,
          before: { name: row.name, version: row.version },
        });
      });
    },
  };
}

export type ReportTemplatesService = ReturnType<typeof createReportTemplatesService>;
