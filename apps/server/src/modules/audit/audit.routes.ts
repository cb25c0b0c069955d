import { AuditPage, AuditQuery, AuditVerification } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['audit'];

export function registerAuditRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    { schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } } },
    (request) => services.audit.list(request.actor, request.query),
  );
  app.get('/api/audit/verify', { schema: { tags, response: { 200: AuditVerification } } }, (request) =>
    services.audit.verify(request.actor),
  );
}
