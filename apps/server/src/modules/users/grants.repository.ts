import type { Role } from '@canbo/domain';
import type { Kysely } from 'kysely';
import type { ActorGrant } from '../../access/actor';
import type { DB } from '../../db/schema';

export async function grantsOfUser(db: Kysely<DB>, tenantId: string, userId: string): Promise<ActorGrant[]> {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as u', (j) =>
      j.onRef('u.tenant_id', '=', 'g.tenant_id').onRef('u.id', '=', 'g.unit_id'),
    )
    .select(['g.id', 'g.role', 'g.unit_id', 'u.name as unit_name', 'u.path as unit_path', 'g.created_at'])
    .where('g.tenant_id', '=', tenantId)
    .where('g.user_id', '=', userId)
    .orderBy('u.path')
    .orderBy('g.role')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    createdAt: r.created_at,
  }));
}
