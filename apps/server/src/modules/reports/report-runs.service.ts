import type {
  CreateReportRunInput,
  ReportData,
  ReportRuleSetUse,
  ReportRunDetail,
  ReportRunListQuery,
  ReportRunView,
} from '@canbo/domain';
import { sql, type Updateable } from 'kysely';
import type { z } from 'zod';
import { type Actor, assertCan, hasPermission, scopeOf } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import type { DB } from '../../db/schema';
import { DOCX_CONTENT_TYPE } from '../../documents/docx';
import { PDF_CONTENT_TYPE } from '../../documents/pdf';
import { XLSX_CONTENT_TYPE } from '../../documents/xlsx-writer';
import { Forbidden, NotFound } from '../../errors';
import { newId } from '../../ids';
import { enqueue, type JobRow } from '../../jobs/queue';
import { databaseFileStore } from '../evaluations/files';
import { todayInVietnam } from '../units/units.dates';
import { buildReport } from './report.build';
import { renderCharts, reportDocx, reportPdf, reportXlsx } from './report.documents';
import * as repo from './report-runs.repository';
import type { ReportTemplatesService } from './report-templates.service';
import { unitInScope } from './reports.repository';

/**
 * Report runs (docs/REPORTS.md, "Report builder"): asking for a report (units.manage over the
 * subtree root) stores the run with a snapshot of its template and queues the 'reports.build' job;
 * the job computes every section — progress is sections done over sections — then writes the figures,
 * when they were read, the rule sets in force and the three files (stored_file). Runs are read and
 * downloaded with reports.read over their unit; out of scope is missing (404).
 */

export const REPORT_BUILD_JOB = 'reports.build';

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const FORMATS = {
  docx: { column: 'docx_file_id', type: DOCX_CONTENT_TYPE },
  xlsx: { column: 'xlsx_file_id', type: XLSX_CONTENT_TYPE },
  pdf: { column: 'pdf_file_id', type: PDF_CONTENT_TYPE },
} as const;
export type ReportFormat = keyof typeof FORMATS;

const titleOf = (row: { kind: string; template_name: string; period_to: string }) =>
  row.kind === 'midYear'
    ? `Sơ kết 6 tháng đầu năm ${row.period_to.slice(0, 4)}`
    : row.kind === 'yearEnd'
      ? `Tổng kết năm ${row.period_to.slice(0, 4)}`
      : row.template_name;

export function presentRun(row: repo.RunRow): ReportRunView {
  const total = row.sections_total;
  return {
    id: row.id,
    templateId: row.template_id,
    templateName: row.template_name,
    kind: row.kind as ReportRunView['kind'],
    title: titleOf(row),
    unitId: row.unit_id,
    unitName: row.unit_name,
    from: row.period_from,
    to: row.period_to,
    asOf: row.as_of,
    state: row.state as ReportRunView['state'],
    sectionsDone: row.sections_done,
    sectionsTotal: total,
    percent: row.state === 'done' ? 100 : total === 0 ? 0 : Math.floor((row.sections_done * 100) / total),
    jobId: row.job_id,
    error: row.error,
    dataReadAt: row.data_read_at?.toISOString() ?? null,
    ruleSets: json<z.infer<typeof ReportRuleSetUse>[]>(row.rule_sets ?? []),
    files: { docx: !!row.docx_file_id, xlsx: !!row.xlsx_file_id, pdf: !!row.pdf_file_id },
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
  };
}

export function createReportRunsService(ctx: AppContext, templates: ReportTemplatesService) {
  const { db, tenantId } = ctx;
  const read = (actor: Actor) => scopeOf(actor, 'reports.read');

  async function find(actor: Actor, id: string) {
    const row = await repo.getRun(db, read(actor), id);
    if (!row) throw new NotFound('report');
    return row;
  }

  async function setRun(id: string, changes: Updateable<DB['report_run']>) {
    await db
      .updateTable('report_run')
      .set(changes)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
  }

  return {
    async create(actor: Actor, input: CreateReportRunInput): Promise<ReportRunView> {
      const unit = await unitInScope(db, read(actor), input.unitId);
      if (!unit) throw new NotFound('unit');
      assertCan(actor, 'units.manage', unit.path);
      const template = await templates.get(actor, input.templateId);
      const id = newId();
      // A report of a period still running is taken as of today: no figure may claim a day not yet come.
      const today = todayInVietnam();
      const asOf = input.asOf ?? (input.to > today ? today : input.to);
      await db.transaction().execute(async (tx) => {
        const jobId = await enqueue(tx, {
          tenantId,
          kind: REPORT_BUILD_JOB,
          payload: { runId: id },
          maxAttempts: 1,
        });
        await tx
          .insertInto('report_run')
          .values({
            tenant_id: tenantId,
            id,
            template_id: template.id,
            template_name: template.name,
            kind: template.kind,
            template: JSON.stringify(template.sections),
            unit_id: unit.id,
            period_from: input.from,
            period_to: input.to,
            as_of: asOf,
            document_number: input.documentNumber ?? null,
            place: input.place ?? null,
            issue_date: input.issueDate ?? todayInVietnam(),
            state: 'queued',
            sections_total: template.sections.length,
            job_id: jobId,
            created_by: actor.userId,
            created_at: new Date(),
          })
          .execute();
        await recordAudit(tx, actor, {
          action: 'report.runRequested',
          entityType: 'report_run',
          entityId: id,
          unitPath: unit.path,
          after: {
            templateId: template.id,
            templateVersion: template.version,
            from: input.from,
            to: input.to,
            asOf,
          },
        });
      });
      return presentRun(await find(actor, id));
    },

    async list(actor: Actor, query: z.infer<typeof ReportRunListQuery>) {
      let unitPath: string | undefined;
      if (query.unitId) {
        const unit = await unitInScope(db, read(actor), query.unitId);
        if (!unit) throw new NotFound('unit');
        unitPath = unit.path;
      }
      if (!hasPermission(actor, 'reports.read')) throw new Forbidden();
      const { items, total } = await repo.listRuns(db, read(actor), {
        unitPath,
        state: query.state,
        page: query.page,
        pageSize: query.pageSize,
      });
      return { items: items.map(presentRun), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<ReportRunDetail> {
      const row = await find(actor, id);
      const stored = row.state === 'done' ? await repo.runData(db, tenantId, id) : null;
      return { ...presentRun(row), data: stored?.data ? json<ReportData>(stored.data) : null };
    },

    async file(actor: Actor, id: string, format: ReportFormat) {
      const row = await find(actor, id);
      const fileId = row[FORMATS[format].column];
      if (!fileId) throw new NotFound('report file');
      const file = await databaseFileStore.get(db, tenantId, fileId);
      if (!file) throw new NotFound('report file');
      return { fileName: file.name, contentType: FORMATS[format].type, bytes: file.data };
    },

    /** The job: builds the report of a queued run. */
    async runQueued(job: JobRow): Promise<unknown> {
      const { runId } = job.payload as { runId: string };
      const row = await repo.getRun(db, { tenantId, paths: null }, runId);
      if (!row) return { skipped: 'no such run' };
      if (row.state === 'done') return { skipped: 'already built' };
      await setRun(runId, { state: 'running', started_at: new Date(), sections_done: 0, error: null });
      try {
        const parent = await db
          .selectFrom('org_unit as u')
          .innerJoin('org_unit as p', (j) =>
            j.onRef('p.tenant_id', '=', 'u.tenant_id').onRef('p.id', '=', 'u.parent_id'),
          )
          .select('p.name')
          .where('u.tenant_id', '=', tenantId)
          .where('u.id', '=', row.unit_id)
          .executeTakeFirst();
        const dataReadAt = new Date();
        const built = await buildReport({
          db,
          tenantId,
          unit: {
            id: row.unit_id,
            name: row.unit_name,
            path: row.unit_path,
            parentName: parent?.name ?? null,
          },
          kind: row.kind as 'midYear',
          templateName: row.template_name,
          sections: json(row.template),
          from: row.period_from,
          to: row.period_to,
          asOf: row.as_of,
          documentNumber: row.document_number,
          place: row.place,
          issueDate: row.issue_date,
          // Sections finish two at a time: never write a smaller count over a larger one.
          onSection: async (done) => {
            await db
              .updateTable('report_run')
              .set({ sections_done: sql<number>`GREATEST(sections_done, ${done})` })
              .where('tenant_id', '=', tenantId)
              .where('id', '=', runId)
              .execute();
          },
        });
        const charts = renderCharts(built.data);
        const [docx, xlsx, pdf] = [
          await reportDocx(built.data, charts),
          await reportXlsx(built.data, {
            unitName: row.unit_name,
            from: row.period_from,
            to: row.period_to,
            asOf: row.as_of,
            dataReadAt,
            templateName: row.template_name,
            ruleSets: built.ruleSets,
          }),
          await reportPdf(built.data, charts),
        ];
        const base = `Báo cáo ${titleOf(row)} - ${row.unit_name}`;
        await db.transaction().execute(async (tx) => {
          const put = (ext: ReportFormat, data: Buffer) =>
            databaseFileStore.put(tx, tenantId, {
              name: `${base}.${ext}`,
              contentType: FORMATS[ext].type,
              data,
              createdBy: row.created_by,
            });
          const files = {
            docx: await put('docx', docx),
            xlsx: await put('xlsx', xlsx),
            pdf: await put('pdf', pdf),
          };
          await tx
            .updateTable('report_run')
            .set({
              state: 'done',
              sections_done: row.sections_total,
              data: JSON.stringify(built.data),
              data_read_at: dataReadAt,
              rule_sets: JSON.stringify(built.ruleSets),
              docx_file_id: files.docx.id,
              xlsx_file_id: files.xlsx.id,
              pdf_file_id: files.pdf.id,
              finished_at: new Date(),
            })
            .where('tenant_id', '=', tenantId)
            .where('id', '=', runId)
            .execute();
        });
        return { runId, sections: row.sections_total, bytes: docx.length + xlsx.length + pdf.length };
      } catch (error) {
        await setRun(runId, {
          state: 'failed',
          error: (error instanceof Error ? error.message : String(error)).slice(0, 2000),
          finished_at: new Date(),
        });
        throw error;
      }
    },
  };
}
