import { IdParams, PersonListQuery } from '@canbo/domain';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCX_CONTENT_TYPE } from '../../documents/docx';
import { attachment, XLSX_CONTENT_TYPE } from '../../documents/xlsx-writer';
import { AppError, BadRequest } from '../../errors';
import type { RouteDeps } from '../../http/app';
import {
  ImportKindParams,
  ImportListQuery,
  ImportRunPage,
  ImportRunView,
  UnitExportQuery,
} from './imports.schemas';

/** Largest upload: 20 MB (a people file of 100,000 rows is about 10 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const tags = ['imports'];

function tooLarge(): AppError {
  return new AppError(
    413,
    'FILE_TOO_LARGE',
    'Tệp quá lớn: tối đa 20 MB. Hãy chia thành nhiều tệp nhỏ hơn.',
    'The file is too large: at most 20 MB. Split it into smaller files.',
  );
}

/** Multipart is parsed only by the routes of this plugin; JSON bodies elsewhere keep their 256 KB limit. */
async function uploadRoutes(base: FastifyInstance, { services }: Pick<RouteDeps, 'services'>) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10, parts: 12 },
    throwFileSizeLimit: true,
  });

  app.post(
    '/api/imports/:kind',
    {
      schema: {
        tags,
        summary:
          'Upload a units or people workbook (multipart field "file"): 201 when imported at once, 202 when queued',
        params: ImportKindParams,
        response: { 201: ImportRunView, 202: ImportRunView },
      },
      // Refuse an oversized upload from its declared length, before reading it.
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > MAX_FILE_BYTES + 64 * 1024) throw tooLarge();
      },
    },
    async (request, reply) => {
      services.imports.assertMayImport(request.actor);
      if (!request.isMultipart()) {
        throw new AppError(
          415,
          'MULTIPART_REQUIRED',
          'Hãy gửi tệp .xlsx dạng multipart/form-data, trong trường "file".',
          'Send the .xlsx file as multipart/form-data, in the field "file".',
        );
      }
      const part = await request.file().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') throw tooLarge();
        throw error;
      });
      if (!part)
        throw new BadRequest('FILE_MISSING', 'Chưa có tệp nào được gửi lên.', 'No file was uploaded.');
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
      });
      const result = await services.imports.upload(request.actor, request.params.kind, {
        name: part.filename,
        bytes,
      });
      return reply.status(result.queued ? 202 : 201).send(result.run);
    },
  );
}

export function registerImportRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { imports, exports } = services;

  void app.register(uploadRoutes, { services });

  for (const kind of ['units', 'people'] as const) {
    app.get(
      `/api/imports/templates/${kind}.xlsx`,
      {
        schema: {
          tags,
          summary: `The ${kind} template: data sheet, instructions ("Hướng dẫn") and lists of allowed values`,
        },
      },
      async (request, reply) => {
        const bytes = await imports.template(request.actor, kind);
        const name = kind === 'units' ? 'mau-nhap-don-vi.xlsx' : 'mau-nhap-can-bo.xlsx';
        return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', attachment(name)).send(bytes);
      },
    );
  }
  app.get(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Import runs the caller may see, newest first',
        querystring: ImportListQuery,
        response: { 200: ImportRunPage },
      },
    },
    (request) => imports.list(request.actor, request.query),
  );
  app.get(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: 'Status, progress, counts and the first errors of a run',
        params: IdParams,
        response: { 200: ImportRunView },
      },
    },
    (request) => imports.get(request.actor, request.params.id),
  );
  app.get(
    '/api/imports/:id/report.xlsx',
    {
      schema: { tags, summary: 'The error report of a run (row, column, value, message)', params: IdParams },
    },
    async (request, reply) => {
      const { fileName, bytes } = await imports.report(request.actor, request.params.id);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );

  app.get(
    '/api/people/export.xlsx',
    {
      schema: {
        tags: ['people'],
        summary: 'The people list with the filters of GET /api/people, as .xlsx (masked as the list is)',
        querystring: PersonListQuery,
      },
    },
    async (request, reply) => {
      const { fileName, output } = await exports.people(request.actor, request.query);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(output);
    },
  );
  app.get(
    '/api/units/export.xlsx',
    {
      schema: {
        tags: ['units'],
        summary: 'Units the caller may read (a subtree with unitId) in the units template columns',
        querystring: UnitExportQuery,
      },
    },
    async (request, reply) => {
      const { fileName, output } = await exports.units(request.actor, request.query);
      return reply.type(XLSX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(output);
    },
  );
  app.get(
    '/api/people/:id/resume.docx',
    {
      schema: {
        tags: ['people'],
        summary: 'The résumé laid out like Mẫu 2C, as .docx (masked as the profile is)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { fileName, bytes } = await exports.resume(request.actor, request.params.id);
      return reply.type(DOCX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );
}
