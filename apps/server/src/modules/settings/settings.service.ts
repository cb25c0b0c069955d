import type { Role } from '@canbo/domain';
import { sql } from 'kysely';
import { type Actor, assertCan } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { AppContext } from '../../context';
import { Conflict } from '../../errors';

export function createSettingsService(ctx: AppContext) {
  const { db, tenantId, rootPath } = ctx;

  async function read() {
    const row = await db
      .selectFrom('security_settings')
      .select(['totp_required_roles', 'version'])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    return {
      totpRequiredRoles: (row?.totp_required_roles as Role[] | undefined) ?? [],
      version: row?.version ?? 1,
    };
  }

  async function getSecurity(actor: Actor) {
    assertCan(actor, 'settings.manage', rootPath);
    return read();
  }

  async function updateSecurity(actor: Actor, input: { totpRequiredRoles: Role[]; version: number }) {
    assertCan(actor, 'settings.manage', rootPath);
    const roles = [...new Set(input.totpRequiredRoles)].sort();
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO security_settings (tenant_id, totp_required_roles, version, updated_at)
        VALUES (${tenantId}, '[]', 1, now()) ON CONFLICT (tenant_id) DO NOTHING`.execute(tx);
      const before = await tx
        .selectFrom('security_settings')
        .select(['totp_required_roles', 'version'])
        .where('tenant_id', '=', tenantId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (before.version !== input.version) throw new Conflict();
      await tx
        .updateTable('security_settings')
        .set({
          totp_required_roles: JSON.stringify(roles),
          version: before.version + 1,
          updated_at: new Date(),
        })
        .where('tenant_id', '=', tenantId)
        .execute();
      await recordAudit(tx, actor, {
        action: 'settings.securityUpdated',
        entityType: 'settings',
        entityId: 'security',
        unitPath: null,
        before: { totpRequiredRoles: before.totp_required_roles },
        after: { totpRequiredRoles: roles },
      });
    });
    return read();
  }

  return { getSecurity, updateSecurity };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
