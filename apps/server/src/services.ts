import type { AppContext } from './context';
import { createAuditService } from './modules/audit/audit.service';
import { createAuthService } from './modules/auth/auth.service';
import { createExportsService } from './modules/imports/exports.service';
import { createImportsService } from './modules/imports/imports.service';
import { createJobsService } from './modules/jobs/jobs.service';
import { createPeopleService } from './modules/people/people.service';
import { createSettingsService } from './modules/settings/settings.service';
import { createUnitsService } from './modules/units/units.service';
import { createUsersService } from './modules/users/users.service';

export function createServices(ctx: AppContext) {
  const units = createUnitsService(ctx);
  const people = createPeopleService(ctx);
  return {
    auth: createAuthService(ctx),
    units,
    users: createUsersService(ctx, units),
    settings: createSettingsService(ctx),
    audit: createAuditService(ctx),
    jobs: createJobsService(ctx),
    people,
    imports: createImportsService(ctx),
    exports: createExportsService(ctx, { people, units }),
  };
}

export type Services = ReturnType<typeof createServices>;
