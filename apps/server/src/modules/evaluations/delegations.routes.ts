import {
  CreateDelegationInput,
  DelegationCandidateList,
  DelegationCandidateQuery,
  DelegationList,
  DelegationView,
  IdParams,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['evaluations'];

export function registerDelegationRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { delegations } = services;

  app.get(
    '/api/delegations',
    {
      schema: {
        tags,
        summary: 'Delegations the caller gave and received',
        response: { 200: DelegationList },
      },
    },
    (request) => delegations.list(request.actor),
  );
  app.get(
    '/api/delegations/candidates',
    {
      schema: {
        tags,
        summary:
          'Users the caller may name as deputy: active, in the caller’s review or decision scopes (≤ 20)',
        querystring: DelegationCandidateQuery,
        response: { 200: DelegationCandidateList },
      },
    },
    (request) => delegations.candidates(request.actor, request.query),
  );
  app.post(
    '/api/delegations',
    {
      schema: {
        tags,
        summary: 'Hand one’s review and decision work to a deputy for a date range',
        body: CreateDelegationInput,
        response: { 201: DelegationView },
      },
    },
    async (request, reply) => reply.status(201).send(await delegations.create(request.actor, request.body)),
  );
  app.delete(
    '/api/delegations/:id',
    { schema: { tags, summary: 'Revoke a delegation', params: IdParams, response: { 204: z.null() } } },
    async (request, reply) => {
      await delegations.revoke(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
