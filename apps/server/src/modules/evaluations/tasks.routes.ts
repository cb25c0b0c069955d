import {
  CreateTaskInput,
  DeleteItemQuery,
  EvidenceQuery,
  IdParams,
  TaskList,
  TaskParams,
  TaskView,
  UpdateTaskInput,
} from '@canbo/domain';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachment } from '../../documents/xlsx-writer';
import { AppError, BadRequest } from '../../errors';
import type { RouteDeps } from '../../http/app';

/** Largest evidence file: 20 MB (issue 4). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const tags = ['evaluations'];
const NoContent = z.null();

function tooLarge(): AppError {
  return new AppError(
    413,
    'FILE_TOO_LARGE',
    'Tệp minh chứng quá lớn: tối đa 20 MB.',
    'The evidence file is too large: at most 20 MB.',
  );
}

/** Multipart is parsed only inside this plugin; JSON bodies elsewhere keep their 256 KB limit. */
async function evidenceRoutes(base: FastifyInstance, { services }: Pick<RouteDeps, 'services'>) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  await app.register(fastifyMultipart, {
    limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: true,
  });
  app.post(
    '/api/evaluations/:id/tasks/:taskId/evidence',
    {
      schema: {
        tags,
        summary:
          'Attach an evidence file to a task (multipart field "file", ≤ 20 MB); replaces the previous one',
        params: TaskParams,
        querystring: EvidenceQuery,
        response: { 200: TaskView },
      },
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > MAX_EVIDENCE_BYTES + 64 * 1024) throw tooLarge();
      },
    },
    async (request) => {
      const { id, taskId } = request.params;
      await services.tasks.assertMayAttach(request.actor, id, taskId);
      if (!request.isMultipart()) {
        throw new AppError(
          415,
          'MULTIPART_REQUIRED',
          'Hãy gửi tệp dạng multipart/form-data, trong trường "file".',
          'Send the file as multipart/form-data, in the field "file".',
        );
      }
      const part = await request.file().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT') throw tooLarge();
        throw error;
      });
      if (!part)
        throw new BadRequest('FILE_MISSING', 'Chưa có tệp nào được gửi lên.', 'No file was uploaded.');
      const data = await part.toBuffer().catch((error: { code?: string }) => {
        throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
      });
      const name = (part.filename || 'minh-chung').normalize('NFC').slice(0, 255);
      const type = /^[\w.+-]+\/[\w.+-]+$/.test(part.mimetype ?? '')
        ? part.mimetype
        : 'application/octet-stream';
      const file = { name, contentType: type, data };
      return services.tasks.attach(request.actor, id, taskId, file, request.query.version);
    },
  );
}

export function registerTaskRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { tasks } = services;

  void app.register(evidenceRoutes, { services });

  app.get(
    '/api/evaluations/:id/tasks',
    {
      schema: {
        tags,
        summary: 'Tasks and commitments of the period',
        params: IdParams,
        response: { 200: TaskList },
      },
    },
    (request) => tasks.list(request.actor, request.params.id),
  );
  app.post(
    '/api/evaluations/:id/tasks',
    { schema: { tags, params: IdParams, body: CreateTaskInput, response: { 201: TaskView } } },
    async (request, reply) =>
      reply.status(201).send(await tasks.create(request.actor, request.params.id, request.body)),
  );
  app.patch(
    '/api/evaluations/:id/tasks/:taskId',
    { schema: { tags, params: TaskParams, body: UpdateTaskInput, response: { 200: TaskView } } },
    (request) => tasks.update(request.actor, request.params.id, request.params.taskId, request.body),
  );
  app.delete(
    '/api/evaluations/:id/tasks/:taskId',
    { schema: { tags, params: TaskParams, querystring: DeleteItemQuery, response: { 204: NoContent } } },
    async (request, reply) => {
      await tasks.remove(request.actor, request.params.id, request.params.taskId, request.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/files/:id',
    {
      schema: {
        tags,
        summary: 'Download an evidence file (for those who may see its evaluation)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const file = await tasks.download(request.actor, request.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachment(file.name))
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
}
