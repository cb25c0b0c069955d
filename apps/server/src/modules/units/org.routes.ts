import {
  IdParams,
  OrgChangeDetail,
  OrgChangeInput,
  OrgChangeListQuery,
  OrgChangePage,
  OrgChangePreview,
  OrgChangeView,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['org'];
/** A split of a large unit names every post: 20,000 assignments fit in a few megabytes. */
const bodyLimit = 4 * 1024 * 1024;

/** Restructuring: preview and apply rename, move, dissolve, merge and split; the record of changes. */
export function registerOrgRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { units } = services;

  app.post(
    '/api/org/changes/preview',
    {
      bodyLimit,
      schema: {
        tags,
        summary:
          'What the operation would touch (units, posts, records, accounts, grants, counts), without writing',
        body: OrgChangeInput,
        response: { 200: OrgChangePreview },
      },
    },
    (request) => units.restructure.preview(request.actor, request.body),
  );
  app.post(
    '/api/org/changes',
    {
      bodyLimit,
      schema: {
        tags,
        summary: 'Apply a restructuring operation in one transaction (409 when a named version is stale)',
        body: OrgChangeInput,
        response: { 201: OrgChangeView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await units.restructure.apply(request.actor, request.body)),
  );
  app.get(
    '/api/org/changes',
    {
      schema: {
        tags,
        summary: 'Operations that touched units in scope, newest first',
        querystring: OrgChangeListQuery,
        response: { 200: OrgChangePage },
      },
    },
    (request) => units.listChanges(request.actor, request.query),
  );
  app.get(
    '/api/org/changes/:id',
    {
      schema: {
        tags,
        summary: 'One operation with its request and summary',
        params: IdParams,
        response: { 200: OrgChangeDetail },
      },
    },
    (request) => units.getChange(request.actor, request.params.id),
  );
}
