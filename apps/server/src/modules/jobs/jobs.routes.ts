import { IdParams, JobPage, JobQuery } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['jobs'];

export function registerJobRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/jobs', { schema: { tags, querystring: JobQuery, response: { 200: JobPage } } }, (request) =>
    services.jobs.list(request.actor, request.query),
  );
  app.post(
    '/api/jobs/:id/retry',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await services.jobs.retry(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
