import {
  DesignateWeakOrgInput,
  IdParams,
  UpdateWeakOrgInput,
  WeakOrgListQuery,
  WeakOrgPage,
  WeakOrgView,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['annual'];

/**
 * Weak base party organisations (docs/ANNUAL.md): read with evaluations.read (or .manage) over the
 * organisation's unit, designated and planned with evaluations.manage.
 */
export function registerWeakOrgRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { weakOrgs } = services;

  app.get(
    '/api/weak-orgs',
    { schema: { tags, querystring: WeakOrgListQuery, response: { 200: WeakOrgPage } } },
    (req) => weakOrgs.list(req.actor, req.query),
  );
  app.post(
    '/api/weak-orgs',
    { schema: { tags, body: DesignateWeakOrgInput, response: { 201: WeakOrgView } } },
    async (req, reply) => reply.status(201).send(await weakOrgs.designate(req.actor, req.body)),
  );
  app.get(
    '/api/weak-orgs/:id',
    { schema: { tags, params: IdParams, response: { 200: WeakOrgView } } },
    (req) => weakOrgs.get(req.actor, req.params.id),
  );
  app.put(
    '/api/weak-orgs/:id',
    { schema: { tags, params: IdParams, body: UpdateWeakOrgInput, response: { 200: WeakOrgView } } },
    (req) => weakOrgs.update(req.actor, req.params.id, req.body),
  );
}
