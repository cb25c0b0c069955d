import {
  CreateReportRunInput,
  CreateReportTemplateInput,
  IdParams,
  ReportFileParams,
  ReportRunDetail,
  ReportRunListQuery,
  ReportRunPage,
  ReportRunView,
  ReportTemplateListQuery,
  ReportTemplateListView,
  ReportTemplateParams,
  ReportTemplateView,
  UpdateReportTemplateInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../../documents/xlsx-writer';
import type { RouteDeps } from '../../http/app';

const tags = ['reports'];

/**
 * The report builder (docs/REPORTS.md, "Report builder"): templates, runs in the background, their
 * figures for the on-screen preview and their files. Read with reports.read over the unit; templates
 * and runs are made with units.manage over it.
 */
export function registerReportBuilderRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { reportTemplates, reportRuns } = services;

  app.get(
    '/api/report-templates',
    { schema: { tags, querystring: ReportTemplateListQuery, response: { 200: ReportTemplateListView } } },
    (req) => reportTemplates.list(req.actor, req.query),
  );
  app.post(
    '/api/report-templates',
    { schema: { tags, body: CreateReportTemplateInput, response: { 201: ReportTemplateView } } },
    async (req, reply) => reply.status(201).send(await reportTemplates.create(req.actor, req.body)),
  );
  app.get(
    '/api/report-templates/:id',
    { schema: { tags, params: ReportTemplateParams, response: { 200: ReportTemplateView } } },
    (req) => reportTemplates.get(req.actor, req.params.id),
  );
  app.patch(
    '/api/report-templates/:id',
    {
      schema: {
        tags,
        params: ReportTemplateParams,
        body: UpdateReportTemplateInput,
        response: { 200: ReportTemplateView },
      },
    },
    (req) => reportTemplates.update(req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/report-templates/:id',
    { schema: { tags, params: ReportTemplateParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await reportTemplates.remove(req.actor, req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/reports',
    { schema: { tags, body: CreateReportRunInput, response: { 202: ReportRunView } } },
    async (req, reply) => reply.status(202).send(await reportRuns.create(req.actor, req.body)),
  );
  app.get(
    '/api/reports',
    { schema: { tags, querystring: ReportRunListQuery, response: { 200: ReportRunPage } } },
    (req) => reportRuns.list(req.actor, req.query),
  );
  app.get(
    '/api/reports/:id',
    { schema: { tags, params: IdParams, response: { 200: ReportRunDetail } } },
    (req) => reportRuns.get(req.actor, req.params.id),
  );
  app.get(
    '/api/reports/:id/files/:format',
    { schema: { tags, params: ReportFileParams, summary: 'The built report as .docx, .xlsx or PDF' } },
    async (req, reply) => {
      const file = await reportRuns.file(req.actor, req.params.id, req.params.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.bytes);
    },
  );
}
