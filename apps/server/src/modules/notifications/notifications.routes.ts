import { IdParams, NotificationList } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['notifications'];

export function registerNotificationRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { notifications } = services;
  app.get('/api/notifications', { schema: { tags, response: { 200: NotificationList } } }, (request) =>
    notifications.list(request.actor),
  );
  app.post(
    '/api/notifications/:id/read',
    { schema: { tags, params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await notifications.read(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/notifications/read-all',
    { schema: { tags, response: { 200: z.object({ updated: z.number().int() }) } } },
    (request) => notifications.readAll(request.actor),
  );
}
