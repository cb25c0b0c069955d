import type { Role } from '@canbo/domain';
import { sql } from 'kysely';
import { systemActor } from '../access/actor';
import { recordAudit } from '../audit/audit';
import type { Tenant } from '../bootstrap';
import type { AppContext } from '../context';
import { hashPassword } from '../modules/auth/passwords';
import { createServices, type Services } from '../services';
import { seedAnnual } from './annual';
import { DEFAULT_SEED, type DemoPlan, type DemoScale, planDemo } from './dataset';
import { DEMO_AS_OF } from './dates';
import { seedEvaluations } from './evaluations';
import { formatCount, type Progress, silentProgress } from './progress';
import type { Pin } from './staffing';
import { markRoot, writeAccounts, writePeople, writeUnits } from './write';

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
  {
    key: 'tochuc',
    unitCode: 'BTCTU',
    group: 'specialist',
    index: 0,
    fullName: 'Nguyễn Thị Hồng Nhung',
    sex: 'female',
  },
  {
    key: 'truongphuong',
    unitCode: 'P-BADINH',
    group: 'leader',
    index: 0,
    fullName: 'Trần Văn Hùng',
    sex: 'male',
  },
  {
    key: 'truongphong',
    unitCode: 'P-BADINH-KT',
    group: 'leader',
    index: 0,
    fullName: 'Lê Thị Thu Hà',
    sex: 'female',
  },
  {
    key: 'chuyenvien',
    unitCode: 'P-BADINH-KT',
    group: 'specialist',
    index: 0,
    fullName: 'Phạm Minh Đức',
    sex: 'male',
  },
  {
    key: 'kiemtra',
    unitCode: 'UBKTTU',
    group: 'specialist',
    index: 0,
    fullName: 'Hoàng Văn Sơn',
    sex: 'male',
  },
];

/** A unit every demo organisation has; its presence means the demo data is already there. */
export const DEMO_MARKER_UNIT = 'BTCTU';

export class DemoAlreadySeeded extends Error {}

export interface SeedOptions {
  scale?: DemoScale;
  seed?: number;
  progress?: Progress;
  /**
   * Periodic evaluation demo data (frameworks, last month closed, this month open) and the annual review
   * built on it (the ward's earlier months, this year's period prepared, a weak party cell); small scale only.
   */
  evaluations?: boolean;
  services?: Services;
}

export interface SeedResult {
  accounts: DemoAccount[];
  units: number;
  people: number;
  positions: number;
  seconds: number;
}

/**
 * Creates the demo organisation, its people and one account per role, all in one transaction
 * (all or nothing), with one audit entry for the whole run.
 */
export async function seedDemo(
  ctx: AppContext,
  services: Services,
  tenant: Tenant,
  options: SeedOptions = {},
): Promise<DemoAccount[]> {
  return (await seedDemoData(ctx, tenant, { services, ...options })).accounts;
}

export async function seedDemoData(
  ctx: AppContext,
  tenant: Tenant,
  options: SeedOptions = {},
): Promise<SeedResult> {
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
  progress.line(
    `Dữ liệu mẫu / demo data: ${scale}, seed ${seed} — ${formatCount(plan.units.length)} đơn vị / units, ${formatCount(plan.people)} người / people`,
  );
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const result = await ctx.db.transaction().execute(async (tx) => {
    await markRoot(tx, ctx.tenantId, tenant.rootUnitId);
    const units = await writeUnits(tx, ctx.tenantId, plan, progress);
    const { people, positions, pinned } = await writePeople(tx, ctx.tenantId, plan, DEMO_PINS, progress);
    const accounts = await writeAccounts(
      tx,
      ctx.tenantId,
      tenant.rootUnitId,
      plan,
      DEMO_ACCOUNTS,
      pinned,
      passwordHash,
    );
    progress.line(`  tài khoản / accounts: ${accounts.length}`);
    await recordAudit(tx, systemActor(ctx.tenantId, 'demo seed'), {
      action: 'demo.seeded',
      entityType: 'tenant',
      entityId: ctx.tenantId,
      unitPath: tenant.rootPath,
      after: {
        scale,
        seed,
        asOf: DEMO_AS_OF,
        units,
        people,
        positions,
        accounts: accounts.map((a) => a.username),
      },
    });
    return { accounts, units, people, positions };
  });
  if (scale === 'small' && options.evaluations !== false) {
    const services = options.services ?? createServices(ctx);
    const seeded = await seedEvaluations(ctx, services, tenant, seed);
    progress.line(`  đánh giá / evaluations: ${seeded.evaluations} (${seeded.cycles} kỳ / cycles)`);
    const annual = await seedAnnual(ctx, services, seeded.frameworkId, seed);
    if (annual) {
      progress.line(
        `  đánh giá năm / annual review: ${annual.results} kết quả tháng / monthly results (${annual.months} tháng / months), ` +
          `${annual.reviews} phiếu / reviews, ${annual.selfReviewed + annual.proposed} đã tự kiểm điểm / self-reviewed, ` +
          `${annual.weakOrgs} tổ chức yếu kém / weak organisation`,
      );
    }
  }
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
    .where(
      'username_key',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
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
    throw new DemoAlreadySeeded(
      `Mã đơn vị đã được dùng / unit codes already used: ${taken.map((t) => t.code).join(', ')}. Use a fresh database.`,
    );
  }
}

/** The demo accounts still present (printed at every start of a demo installation). */
export async function existingDemoAccounts(ctx: AppContext): Promise<DemoAccount[]> {
  const rows = await ctx.db
    .selectFrom('app_user')
    .select('username_key')
    .where('tenant_id', '=', ctx.tenantId)
    .where(
      'username_key',
      'in',
      DEMO_ACCOUNTS.map((a) => a.username),
    )
    .execute();
  const present = new Set(rows.map((r) => r.username_key));
  return DEMO_ACCOUNTS.filter((a) => present.has(a.username));
}
