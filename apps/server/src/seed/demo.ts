import type { Role } from '@canbo/domain';
import { systemActor } from '../access/actor';
import type { Tenant } from '../bootstrap';
import type { AppContext } from '../context';
import type { Services } from '../services';

/** Shared by every demo account; it meets the password policy and is printed at start. */
export const DEMO_PASSWORD = 'Demo@2026canbo';

interface DemoUnit {
  code: string;
  name: string;
  children?: DemoUnit[];
}

/** A small city: the committee's own bodies, two departments and three communes/wards. */
const DEMO_TREE: DemoUnit[] = [
  { code: 'BTCTU', name: 'Ban Tổ chức Thành ủy' },
  { code: 'UBKTTU', name: 'Ủy ban Kiểm tra Thành ủy' },
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    children: [
      { code: 'SNV-TCBC', name: 'Phòng Tổ chức, biên chế' },
      { code: 'SNV-CCVC', name: 'Phòng Công chức, viên chức' },
    ],
  },
  { code: 'STC', name: 'Sở Tài chính', children: [{ code: 'STC-NS', name: 'Phòng Ngân sách' }] },
  {
    code: 'P-BADINH',
    name: 'Phường Ba Đình',
    children: [
      { code: 'P-BADINH-VP', name: 'Văn phòng HĐND và UBND phường Ba Đình' },
      { code: 'P-BADINH-KT', name: 'Phòng Kinh tế, Hạ tầng và Đô thị phường Ba Đình' },
    ],
  },
  { code: 'P-HOANKIEM', name: 'Phường Hoàn Kiếm', children: [{ code: 'P-HOANKIEM-VP', name: 'Văn phòng HĐND và UBND phường Hoàn Kiếm' }] },
  { code: 'X-SOCSON', name: 'Xã Sóc Sơn', children: [{ code: 'X-SOCSON-VP', name: 'Văn phòng HĐND và UBND xã Sóc Sơn' }] },
];

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

export async function seedDemo(ctx: AppContext, services: Services, tenant: Tenant): Promise<DemoAccount[]> {
  const actor = systemActor(ctx.tenantId, 'demo seed');
  const ids = new Map<string, string>();
  const addUnits = async (units: DemoUnit[], parentId: string) => {
    for (const u of units) {
      const created = await services.units.create(actor, { code: u.code, name: u.name, parentId });
      ids.set(u.code, created.id);
      if (u.children) await addUnits(u.children, created.id);
    }
  };
  await addUnits(DEMO_TREE, tenant.rootUnitId);
  for (const account of DEMO_ACCOUNTS) {
    const unitId = account.unitCode ? ids.get(account.unitCode)! : tenant.rootUnitId;
    const { user } = await services.users.create(actor, {
      username: account.username,
      displayName: account.displayName,
      email: null,
      unitId,
      password: DEMO_PASSWORD,
      grants: [{ role: account.role, unitId }],
    });
    // Demo accounts are meant to be tried at once, without the first-sign-in password change.
    await ctx.db
      .updateTable('app_user')
      .set({ must_change_password: false })
      .where('tenant_id', '=', ctx.tenantId)
      .where('id', '=', user.id)
      .execute();
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
