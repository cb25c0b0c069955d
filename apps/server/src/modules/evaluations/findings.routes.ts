import { CreateFindingInput, FindingList, FindingView, IdParams } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['people'];

export function registerFindingRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { findings } = services;

  app.get(
    '/api/people/:id/findings',
    {
      schema: {
        tags,
        summary:
          'Recorded conclusions of degradation or corruption in a managed unit (Decree 335 Art. 20 cl. 4)',
        params: IdParams,
        response: { 200: FindingList },
      },
    },
    (request) => findings.list(request.actor, request.params.id),
  );
  app.post(
    '/api/people/:id/findings',
    { schema: { tags, params: IdParams, body: CreateFindingInput, response: { 201: FindingView } } },
    async (request, reply) =>
      reply.status(201).send(await findings.add(request.actor, request.params.id, request.body)),
  );
}
