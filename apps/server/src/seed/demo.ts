import { type Role, searchKey, vnSortKey } from '@canbo/domain';
import { sql, type Transaction } from 'kysely';
import { systemActor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import type { Tenant } from '../bootstrap';
import type { AppContext } from '../context';
import type { DB } from '../db/schema';
import { usernameKey } from '../modules/auth/auth.service';
import { hashPassword } from '../modules/auth/passwords';
import { insertGrant, insertUser } from '../modules/users/users.repository';
import type { Services } from '../services';
import { DEFAULT_SEED, type DemoPlan, type DemoScale, demoPeople, planDemo } from './dataset';
import { DEMO_AS_OF } from './dates';
import { formatCount, type Progress, silentProgress } from './progress';
import type { Pin } from './staffing';
import { BulkInsert } from './writer';

/** Shared by every demo account; it meets the password policy and is printed at start. */
export const DEMO_PASSWORD = 'Demo@2026canbo';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'tochuc', displayName: 'Nguyễn Thị Hồng Nhung', role: 'officer', unitCode: null },
  { username: 'truongphuong', displayName: 'Trần Văn Hùng', role: 'head', unitCode: 'P-BADINH' },
  { username: 'truongphong', displayName: 'Lê Thị Thu Hà', role: 'manager', unitCode: 'P-BADINH-KT' },
  { username: 'chuyenvien', displayName: 'Phạm Minh Đức', role: 'staff', unitCode: 'P-BADINH-KT' },
  { username: 'kiemtra', displayName: 'Hoàng Văn Sơn', role: 'inspector', unitCode: null },
];

/** The people behind the demo accounts: where they work and in which post. */
export const DEMO_PINS: Pin[] = [
  { key: 'tochuc', unitCode: 'BTCTU', group: 'specialist', index: 0, fullName: 'Nguyễn Thị Hồng Nhung', sex: 'female' },
  { key: 'truongphuong', unitCode: 'P-BADINH', group: 'leader', index: 0, fullName: 'Trần Văn Hùng', sex: 'male' },
  { key: 'truongphong', unitCode: 'P-BADINH-KT', group: 'leader', index: 0, fullName: 'Lê Thị Thu Hà', sex: 'female' },
  { key: 'chuyenvien', unitCode: 'P-BADINH-KT', group: 'specialist', index: 0, fullName: 'Phạm Minh Đức', sex: 'male' },
  { key: 'kiemtra', unitCode: 'UBKTTU', group: 'specialist', index: 0, fullName: 'Hoàng Văn Sơn', sex: 'male' },
];

/** A unit every demo organisation has; its presence means the demo data is already there. */
export const DEMO_MARKER_UNIT = 'BTCTU';

export class DemoAlreadySeeded extends Error {}

export interface SeedOptions {
  scale?: DemoScale;
  seed?: number;
  progress?: Progress;
}

export interface SeedResult {
  accounts: DemoAccount[];
  units: number;
  people: number;
  positions: number;
  seconds: number;
}

/** Seeding writes rows with this fixed time, so the same seed gives the same rows. */
const SEEDED_AT = `${DEMO_AS_OF}T01:00:00.000Z`;

/**
 * Creates the demo organisation, its people and one account per role, all in one transaction
 * (all or nothing), with one audit entry for the whole run.
 */
export async function seedDemo(ctx: AppContext, _services: Services, tenant: Tenant, options: SeedOptions = {}): Promise<DemoAccount[]> {
  return (await seedDemoData(ctx, tenant, options)).accounts;
}

export async function seedDemoData(ctx: AppContext, tenant: Tenant, options: SeedOptions = {}): Promise<SeedResult> {
  const started = performance.now();
  const scale = options.scale ?? 'small';
  const seed = options.seed ?? DEFAULT_SEED;
  const progress = options.progress ?? silentProgress;
  await assertNotSeeded(ctx);
  const root = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'path', 'depth'])
    .where('tenant_id', '=', ctx.tenantId)
    .where('id', '=', tenant.rootUnitId)
    .executeTakeFirstOrThrow();
  const plan = planDemo(scale, seed, root, DEMO_PINS);
  await assertCodesFree(ctx, plan);
  progress.line(`Dữ liệu mẫu / demo data: ${scale}, seed ${seed} — ${formatCount(plan.units.length)} đơn vị / units, ${formatCount(plan.people)} người / people`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const result = await ctx.db.transaction().execute(async (tx) => {
    await markRoot(tx, ctx.tenantId, tenant.rootUnitId);
    const units = await writeUnits(tx, ctx.tenantId, plan, progress);
    const { people, positions, pinned } = await writePeople(tx, ctx.tenantId, plan, progress);
    const accounts = await writeAccounts(tx, ctx.tenantId, tenant.rootUnitId, plan, pinned, passwordHash);
    progress.line(`  tài khoản / accounts: ${accounts.length}`);
    await recordAudit(tx, systemActor(ctx.tenantId, 'demo seed'), {
      action: 'demo.seeded',
      entityType: 'tenant',
      entityId: ctx.tenantId,
      unitPath: tenant.rootPath,
      after: { scale, seed, asOf: DEMO_AS_OF, units, people, positions, accounts: accounts.map((a) => a.username) },
    });
    return { accounts, units, people, positions };
  });
  const seconds = (performance.now() - started) / 1000;
  progress.line(`Xong / done: ${seconds.toFixed(1).replace('.', ',')} s`);
  return { ...result, seconds };
}

async function assertNotSeeded(ctx: AppContext): Promise<void> {
  const marker = await ctx.db
    .selectFrom('org_unit')
    .select('id')
    .where('tenant_id', '=', ctx.tenantId)
    .where('code', '=', DEMO_MARKER_UNIT)
    .executeTakeFirst();
  const account = await ctx.db
    .selectFrom('app_user')
    .select('username')
    .where('tenant_id', '=', ctx.tenantId)
    .where('username_key', 'in', DEMO_ACCOUNTS.map((a) => a.username))
    .executeTakeFirst();
  if (marker || account) {
    throw new DemoAlreadySeeded(
      'Cơ sở dữ liệu này đã có dữ liệu mẫu / this database already has the demo data' +
        (marker ? ` (unit ${DEMO_MARKER_UNIT})` : ` (account ${account!.username})`) +
        '. Use a fresh database (DATABASE_URL) or an empty data folder (CANBO_DATA_DIR).',
    );
  }
}

async function assertCodesFree(ctx: AppContext, plan: DemoPlan): Promise<void> {
  const taken = await ctx.db
    .selectFrom('org_unit')
    .select('code')
    .where('tenant_id', '=', ctx.tenantId)
    .where('code', '=', sql<string>`ANY(${plan.units.map((u) => u.code)}::text[])`)
    .limit(5)
    .execute();
  if (taken.length) {
    throw new DemoAlreadySeeded(`Mã đơn vị đã được dùng / unit codes already used: ${taken.map((t) => t.code).join(', ')}. Use a fresh database.`);
  }
}

/** The tenant's root becomes the city party committee, with its one open version. */
async function markRoot(tx: Transaction<DB>, tenantId: string, rootId: string): Promise<void> {
  const before = await tx
    .selectFrom('org_unit')
    .select(['name'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rootId)
    .executeTakeFirstOrThrow();
  const root = await tx
    .updateTable('org_unit')
    .set({
      type: 'city_party_committee', is_party_org: true, level: 'province', admin_area: 'Thành phố Hà Nội',
      search_key: searchKey(before.name), sort_key: vnSortKey(before.name), updated_at: SEEDED_AT,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', rootId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const version = {
    code: root.code, name: root.name, short_name: root.short_name, type: root.type, parent_id: root.parent_id,
    path: root.path, depth: root.depth, is_party_org: root.is_party_org, level: root.level, address: root.address,
    admin_area: root.admin_area, search_key: root.search_key, sort_key: root.sort_key,
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
      .values({ tenant_id: tenantId, unit_id: rootId, valid_from: root.valid_from, valid_to: null, change_id: null, ...version })
      .execute();
  }
}

const UNIT_COLUMNS = ['id', 'code', 'name', 'short_name', 'type', 'parent_id', 'path', 'depth', 'level', 'admin_area', 'is_party_org',
  'valid_from', 'search_key', 'sort_key'] as const;
const VERSION_COLUMNS = ['unit_id', 'valid_from', 'code', 'name', 'short_name', 'type', 'parent_id', 'path', 'depth', 'is_party_org',
  'level', 'admin_area', 'search_key', 'sort_key'] as const;
const PERSON_COLUMNS = ['id', 'code', 'unit_id', 'full_name', 'sex', 'birth_date', 'birth_place', 'hometown', 'ethnicity', 'religion',
  'cccd', 'phone', 'email', 'education_level', 'professional_qualification', 'political_theory', 'state_management',
  'foreign_language', 'it_level', 'staff_category', 'salary_scale', 'salary_step', 'salary_date', 'party_status',
  'party_admitted_date', 'party_full_date', 'party_card_number', 'search_key', 'sort_key'] as const;
const POSITION_COLUMNS = ['id', 'person_id', 'unit_id', 'title', 'title_group', 'is_leader', 'is_concurrent', 'start_date',
  'decision_number'] as const;

async function writeUnits(tx: Transaction<DB>, tenantId: string, plan: DemoPlan, progress: Progress): Promise<number> {
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

async function writePeople(tx: Transaction<DB>, tenantId: string, plan: DemoPlan, progress: Progress) {
  const persons = new BulkInsert(tx, 'person', PERSON_COLUMNS, { tenant_id: tenantId, created_at: SEEDED_AT, updated_at: SEEDED_AT }, 2_000);
  const positions = new BulkInsert(tx, 'position', POSITION_COLUMNS, { tenant_id: tenantId, created_at: SEEDED_AT }, 5_000);
  const pinned = new Map<string, string>();
  const step = Math.max(1, Math.ceil(plan.people / 10));
  let nextReport = step;
  const flush = async () => {
    await persons.flush(); // positions refer to persons: persons first
    await positions.flush();
    if (persons.written >= nextReport && persons.written < plan.people) {
      const percent = Math.floor((persons.written / plan.people) * 100);
      progress.line(`  người / people: ${formatCount(persons.written)}/${formatCount(plan.people)} (${percent}%)`);
      while (nextReport <= persons.written) nextReport += step;
    }
  };
  for (const batch of demoPeople(plan, DEMO_PINS)) {
    persons.push(batch.persons);
    positions.push(batch.positions);
    for (const p of batch.pinned) pinned.set(p.key, p.personId);
    if (persons.full || positions.full) await flush();
  }
  await flush();
  progress.line(`  người / people: ${formatCount(persons.written)} (100%), chức vụ / positions: ${formatCount(positions.written)}`);
  return { people: persons.written, positions: positions.written, pinned };
}

async function writeAccounts(
  tx: Transaction<DB>,
  tenantId: string,
  rootUnitId: string,
  plan: DemoPlan,
  pinned: ReadonlyMap<string, string>,
  passwordHash: string,
): Promise<DemoAccount[]> {
  const unitIds = new Map(plan.units.map((u) => [u.code, u.id]));
  const now = new Date(SEEDED_AT);
  for (const account of DEMO_ACCOUNTS) {
    const unitId = account.unitCode ? unitIds.get(account.unitCode)! : rootUnitId;
    const id = plan.ids.next();
    await insertUser(tx, {
      tenantId, id, username: account.username, usernameKey: usernameKey(account.username), displayName: account.displayName,
      email: null, unitId, passwordHash, mustChangePassword: false, now,
    });
    await tx
      .updateTable('app_user')
      .set({ person_id: pinned.get(account.username) ?? null })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await insertGrant(tx, { tenantId, id: plan.ids.next(), userId: id, role: account.role, unitId, createdBy: null, now });
  }
  return DEMO_ACCOUNTS;
}

/** The demo accounts still present (printed at every start of a demo installation). */
export async function existingDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const rows = await ctx.db
    .selectFrom('app_user')
    .select('username_key')
    .where('tenant_id', '=', ctx.tenantId)
    .where('username_key', 'in', DEMO_ACCOUNTS.map((a) => a.username))
    .execute();
  const present = new Set(rows.map((r) => r.username_key));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.username));
}
