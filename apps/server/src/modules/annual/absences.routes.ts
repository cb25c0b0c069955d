import { AbsenceInput, AbsenceList, AbsenceParams, AbsenceView, IdParams } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteDeps } from '../../http/app';

const tags = ['people', 'annual'];
const NoContent = z.null();

/**
 * A person's leave periods, which the annual review's eligibility reads (docs/ANNUAL.md): read with
 * people.read over the person's unit (or one's own), recorded and removed with people.manage.
 */
export function registerAbsenceRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { absences } = services;

  app.get(
    '/api/people/:id/absences',
    { schema: { tags, params: IdParams, response: { 200: AbsenceList } } },
    (req) => absences.list(req.actor, req.params.id),
  );
  app.post(
    '/api/people/:id/absences',
    { schema: { tags, params: IdParams, body: AbsenceInput, response: { 201: AbsenceView } } },
    async (req, reply) => reply.status(201).send(await absences.add(req.actor, req.params.id, req.body)),
  );
  app.delete(
    '/api/people/:id/absences/:absenceId',
    { schema: { tags, params: AbsenceParams, response: { 204: NoContent } } },
    async (req, reply) => {
      await absences.remove(req.actor, req.params.id, req.params.absenceId);
      return reply.status(204).send(null);
    },
  );
}
