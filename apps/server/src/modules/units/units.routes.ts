import { CreateUnitInput, IdParams, UnitListQuery, UnitView } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';
import { presentUnit } from './units.service';

const tags = ['units'];

export function registerUnitRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { units } = services;

  app.get(
    '/api/units',
    { schema: { tags, querystring: UnitListQuery, response: { 200: z.object({ items: z.array(UnitView) }) } } },
    async (request) => ({ items: await units.list(request.actor, request.query) }),
  );
  app.get('/api/units/:id', { schema: { tags, params: IdParams, response: { 200: UnitView } } }, async (request) =>
    presentUnit(await units.get(request.actor, request.params.id)),
  );
  app.post(
    '/api/units',
    { schema: { tags, body: CreateUnitInput, response: { 201: UnitView } } },
    async (request, reply) => reply.status(201).send(await units.create(request.actor, request.body)),
  );
}
