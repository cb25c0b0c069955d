import { SecuritySettings, UpdateSecuritySettings } from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../http/app';

const tags = ['settings'];

export function registerSettingsRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get('/api/settings/security', { schema: { tags, response: { 200: SecuritySettings } } }, (request) =>
    services.settings.getSecurity(request.actor),
  );
  app.put(
    '/api/settings/security',
    { schema: { tags, body: UpdateSecuritySettings, response: { 200: SecuritySettings } } },
    (request) => services.settings.updateSecurity(request.actor, request.body),
  );
}
