import { searchKey, vnSortKey } from '@canbo/domain';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { usernameKey } from '../modules/auth/auth.service';
import { insertGrant, insertUser } from '../modules/users/users.repository';
import { BulkInsert } from './bulk-insert';
import { type DemoPlan, demoPeople } from './dataset';
import { DEMO_AS_OF } from './dates';
import type { DemoAccount } from './demo';
import { formatCount, type Progress } from './progress';
import type { Pin } from './staffing';

/** Seeded rows carry this fixed time, so the same seed gives the same rows. */
const SEEDED_AT = `${DEMO_AS_OF}T01:00:00.000Z`;

/** The tenant's root becomes the city party committee, with its one open version. */
export async function markRoot(tx: Transaction<DB>, tenantId: string, rootId: string): Promise<void> {
  const before = await tx
    .selectFrom('org_unit')
    .select(['name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rootId)
    .executeTakeFirstOrThrow();
  const root = await tx
    .updateTable('org_unit')
    .set({
      type: 'city_party_committee',
      is_party_org: true,
      level: 'province',
      admin_area: 'Thành phố Hà Nội',
      search_key: searchKey(before.name),
      sort_key: vnSortKey(before.name),
      updated_at: SEEDED_AT,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rootId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = {
    code: root.code,
    name: root.name,
    short_name: root.short_name,
    type: root.type,
    parent_id: root.parent_id,
    path: root.path,
    depth: root.depth,
    is_party_org: root.is_party_org,
    level: root.level,
    address: root.address,
    admin_area: root.admin_area,
    search_key: root.search_key,
    sort_key: root.sort_key,
  };
  const updated = await tx
    .updateTable('org_unit_version')
    .set(version)
    .where('tenant_id', '=', tenantId)
    .where('unit_id', '=', rootId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await tx
      .insertInto('org_unit_version')
      .values({
        tenant_id: tenantId,
        unit_id: rootId,
        valid_from: root.valid_from,
        valid_to: null,
        change_id: null,
        ...version,
      })
      .execute();
  }
}

const UNIT_COLUMNS = [
  'id',
  'code',
  'name',
  'short_name',
  'type',
  'parent_id',
  'path',
  'depth',
  'level',
  'admin_area',
  'is_party_org',
  'valid_from',
  'search_key',
  'sort_key',
] as const;
const VERSION_COLUMNS = [
  'unit_id',
  'valid_from',
  'code',
  'name',
  'short_name',
  'type',
  'parent_id',
  'path',
  'depth',
  'is_party_org',
  'level',
  'admin_area',
  'search_key',
  'sort_key',
] as const;
const PERSON_COLUMNS = [
  'id',
  'code',
  'unit_id',
  'full_name',
  'sex',
  'birth_date',
  'birth_place',
  'hometown',
  'ethnicity',
  'religion',
  'cccd',
  'phone',
  'email',
  'education_level',
  'professional_qualification',
  'political_theory',
  'state_management',
  'foreign_language',
  'it_level',
  'staff_category',
  'salary_scale',
  'salary_step',
  'salary_date',
  'party_status',
  'party_admitted_date',
  'party_full_date',
  'party_card_number',
  'search_key',
  'sort_key',
] as const;
const POSITION_COLUMNS = [
  'id',
  'person_id',
  'unit_id',
  'title',
  'title_group',
  'is_leader',
  'is_concurrent',
  'start_date',
  'decision_number',
] as const;

export async function writeUnits(
  tx: Transaction<DB>,
  tenantId: string,
  plan: DemoPlan,
  progress: Progress,
): Promise<number> {
  const stamps = { created_at: SEEDED_AT, updated_at: SEEDED_AT };
  const units = new BulkInsert(tx, 'org_unit', UNIT_COLUMNS, { tenant_id: tenantId, ...stamps }, 2_000);
  const versions = new BulkInsert(tx, 'org_unit_version', VERSION_COLUMNS, { tenant_id: tenantId }, 4_000);
  units.push(plan.units);
  await units.flush();
  versions.push(plan.units.map((u) => ({ ...u, unit_id: u.id })));
  await versions.flush();
  progress.line(`  đơn vị / units: ${formatCount(units.written)} (100%)`);
  return units.written;
}

export async function writePeople(
  tx: Transaction<DB>,
  tenantId: string,
  plan: DemoPlan,
  pins: readonly Pin[],
  progress: Progress,
) {
  const persons = new BulkInsert(
    tx,
    'person',
    PERSON_COLUMNS,
    { tenant_id: tenantId, created_at: SEEDED_AT, updated_at: SEEDED_AT },
    2_000,
  );
  const positions = new BulkInsert(
    tx,
    'position',
    POSITION_COLUMNS,
    { tenant_id: tenantId, created_at: SEEDED_AT },
    5_000,
  );
  const pinned = new Map<string, string>();
  const step = Math.max(1, Math.ceil(plan.people / 10));
  let nextReport = step;
  const flush = async () => {
    await persons.flush(); // positions refer to persons: persons first
    await positions.flush();
    if (persons.written >= nextReport && persons.written < plan.people) {
      const percent = Math.floor((persons.written / plan.people) * 100);
      progress.line(
        `  người / people: ${formatCount(persons.written)}/${formatCount(plan.people)} (${percent}%)`,
      );
      while (nextReport <= persons.written) nextReport += step;
    }
  };
  for (const batch of demoPeople(plan, pins)) {
    persons.push(batch.persons);
    positions.push(batch.positions);
    for (const p of batch.pinned) pinned.set(p.key, p.personId);
    if (persons.full || positions.full) await flush();
  }
  await flush();
  progress.line(
    `  người / people: ${formatCount(persons.written)} (100%), chức vụ / positions: ${formatCount(positions.written)}`,
  );
  return { people: persons.written, positions: positions.written, pinned };
}

export async function writeAccounts(
  tx: Transaction<DB>,
  tenantId: string,
  rootUnitId: string,
  plan: DemoPlan,
  accounts: readonly DemoAccount[],
  pinned: ReadonlyMap<string, string>,
  passwordHash: string,
): Promise<DemoAccount[]> {
  const unitIds = new Map(plan.units.map((u) => [u.code, u.id]));
  const now = new Date(SEEDED_AT);
  for (const account of accounts) {
    const unitId = account.unitCode ? unitIds.get(account.unitCode)! : rootUnitId;
    const id = plan.ids.next();
    await insertUser(tx, {
      tenantId,
      id,
      username: account.username,
      usernameKey: usernameKey(account.username),
      displayName: account.displayName,
      email: null,
      unitId,
      passwordHash,
      mustChangePassword: false,
      now,
    });
    await tx
      .updateTable('app_user')
      .set({ person_id: pinned.get(account.username) ?? null })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await insertGrant(tx, {
      tenantId,
      id: plan.ids.next(),
      userId: id,
      role: account.role,
      unitId,
      createdBy: null,
      now,
    });
  }
  return [...accounts];
}
