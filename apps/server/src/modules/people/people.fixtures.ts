import type { CreatePersonInput } from '@canbo/domain';
import type { TestContext, TestUnit, TestUser } from '../../../test/context';

let sequence = 0;

/** A CCCD that passes the checks: Hà Nội (001), century and sex digit, birth year, then a unique tail. */
export function cccdFor(sex: 'male' | 'female', birthDate: string): string {
  const year = Number(birthDate.slice(0, 4));
  const digit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
  sequence += 1;
  const tail = String((process.pid * 7919 + sequence * 104729) % 1_000_000).padStart(6, '0');
  return `001${digit}${String(year % 100).padStart(2, '0')}${tail}`;
}

/** A valid new record in `unit`; override any field. */
export function personInput(unit: TestUnit, overrides: Partial<CreatePersonInput> = {}): CreatePersonInput {
  const sex = overrides.sex ?? 'male';
  const birthDate = overrides.birthDate ?? '1985-06-15';
  return {
    unitId: unit.id,
    fullName: 'Nguyễn Văn Đức',
    sex,
    birthDate,
    staffCategory: 'civil_servant',
    cccd: cccdFor(sex, birthDate),
    ...overrides,
  };
}

/** Links an account to a person record, as an administrator would (app_user.person_id). */
export async function linkAccount(t: TestContext, user: TestUser, personId: string): Promise<void> {
  await t.ctx.db.updateTable('app_user').set({ person_id: personId }).where('id', '=', user.id).execute();
}

/** Audit entries of the tenant, newest first (read straight from the table, whatever the caller's rights). */
export function auditEntries(t: TestContext, action: string, entityId?: string) {
  let q = t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('action', '=', action);
  if (entityId) q = q.where('entity_id', '=', entityId);
  return q.orderBy('seq', 'desc').execute();
}

export async function countRows(
  t: TestContext,
  table: 'person' | 'person_history' | 'audit_log' | 'position',
) {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', t.ctx.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
