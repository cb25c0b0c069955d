import { type OrgChangeInput, personSortKey, searchKey, type UnitType } from '@canbo/domain';
import { sql } from 'kysely';
import type { TestContext, TestUnit } from '../../../test/context';
import { systemActor } from '../../access/actor';
import { newId } from '../../ids';

/**
 * Test data for the organisation module. Units go through the service (as an administrator
 * would create them); people and posts are inserted straight in SQL with the columns of the
 * schema, so these tests do not depend on the people module.
 */

let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

export interface OrgUnit extends TestUnit {
  version: number;
}

export async function unit(
  t: TestContext,
  options: { parent?: TestUnit; name?: string; code?: string; validFrom?: string; type?: UnitType } = {},
): Promise<OrgUnit> {
  const parent = options.parent ?? t.root;
  const code = options.code ?? `DV-${next()}`;
  const created = await t.services.units.create(systemActor(t.ctx.tenantId, 'test'), {
    code,
    name: options.name ?? `Đơn vị ${code}`,
    parentId: parent.id,
    validFrom: options.validFrom ?? '2020-01-01',
    type: options.type ?? 'commune',
  });
  return {
    id: created.id,
    code,
    name: created.name,
    path: `${parent.path}${created.id}/`,
    version: created.version,
  };
}

/** Current version and path of a unit, straight from the table. */
export async function unitRow(t: TestContext, id: string) {
  return t.ctx.db
    .selectFrom('org_unit')
    .selectAll()
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function ref(t: TestContext, u: { id: string }) {
  return { id: u.id, version: (await unitRow(t, u.id)).version };
}

export interface TestPerson {
  id: string;
  code: string;
  fullName: string;
  positionId: string;
}

const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hùng',
  'Lan',
  'Minh',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Tú',
];
const FAMILY = ['Nguyễn Văn', 'Trần Thị', 'Lê Văn', 'Phạm Thị', 'Hoàng Văn', 'Vũ Thị', 'Đặng Văn', 'Bùi Thị'];

/**
 * `count` people whose records the unit keeps, each holding one post there since `since`
 * (set-based: two INSERT … SELECT statements whatever the count).
 */
export async function staff(
  t: TestContext,
  unitId: string,
  count: number,
  options: { since?: string; title?: string; names?: string[]; leaders?: number } = {},
): Promise<TestPerson[]> {
  const people: TestPerson[] = [];
  for (let i = 0; i < count; i++) {
    const fullName = options.names?.[i] ?? `${FAMILY[i % FAMILY.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
    people.push({ id: newId(), code: `CB-${next()}-${i}`, fullName, positionId: newId() });
  }
  const now = new Date();
  const { tenantId } = t.ctx;
  for (let i = 0; i < people.length; i += 2000) {
    const chunk = people.slice(i, i + 2000);
    await sql`INSERT INTO person (tenant_id, id, code, unit_id, full_name, sex, birth_date, staff_category, search_key, sort_key, created_at, updated_at)
      SELECT ${tenantId}::uuid, x.id, x.code, ${unitId}::uuid, x.name, 'male', DATE '1985-06-15', 'civil_servant', x.skey, x.sort, ${now}, ${now}
        FROM unnest(${chunk.map((p) => p.id)}::uuid[], ${chunk.map((p) => p.code)}::text[], ${chunk.map((p) => p.fullName)}::text[],
                    ${chunk.map((p) => searchKey(p.fullName))}::text[], ${chunk.map((p) => personSortKey(p.fullName))}::text[])
             AS x(id, code, name, skey, sort)`.execute(t.ctx.db);
    await sql`INSERT INTO position (tenant_id, id, person_id, unit_id, title, is_leader, is_concurrent, start_date, created_at)
      SELECT ${tenantId}::uuid, x.pos, x.id, ${unitId}::uuid, ${options.title ?? 'Chuyên viên'}, x.n < ${options.leaders ?? 0}, false,
             ${options.since ?? '2021-01-01'}::date, ${now}
        FROM unnest(${chunk.map((p) => p.positionId)}::uuid[], ${chunk.map((p) => p.id)}::uuid[], ${chunk.map((_, j) => i + j)}::int[])
             AS x(pos, id, n)`.execute(t.ctx.db);
  }
  return people;
}

/** One more post for an existing person (a concurrent post by default). */
export async function post(
  t: TestContext,
  personId: string,
  unitId: string,
  options: {
    title?: string;
    since?: string;
    until?: string | null;
    concurrent?: boolean;
    leader?: boolean;
  } = {},
) {
  const id = newId();
  await t.ctx.db
    .insertInto('position')
    .values({
      tenant_id: t.ctx.tenantId,
      id,
      person_id: personId,
      unit_id: unitId,
      title: options.title ?? 'Phó Trưởng ban (kiêm nhiệm)',
      is_leader: options.leader ?? false,
      is_concurrent: options.concurrent ?? true,
      start_date: options.since ?? '2022-01-01',
      end_date: options.until ?? null,
      created_at: new Date(),
    })
    .execute();
  return id;
}

export function positionsOf(t: TestContext, personId: string) {
  return t.ctx.db
    .selectFrom('position')
    .selectAll()
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('person_id', '=', personId)
    .orderBy('start_date')
    .orderBy('created_at')
    .execute();
}

export async function personUnit(t: TestContext, personId: string) {
  const row = await t.ctx.db
    .selectFrom('person')
    .select(['unit_id', 'version'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.unit_id;
}

/** Applies an operation as the system (setup for a later step of a test). */
export function applyAsSystem(t: TestContext, input: OrgChangeInput) {
  return t.services.units.restructure.apply(systemActor(t.ctx.tenantId, 'test'), input);
}

export async function count(
  t: TestContext,
  table: 'org_change' | 'org_unit_version' | 'position' | 'person_history' | 'audit_log' | 'org_unit',
) {
  const row = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', t.ctx.tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Everything an operation may write, to show that a refused one wrote nothing. */
export async function snapshot(t: TestContext) {
  const tables = [
    'org_change',
    'org_unit_version',
    'position',
    'person_history',
    'audit_log',
    'org_unit',
  ] as const;
  const counts = await Promise.all(tables.map((table) => count(t, table)));
  const versions = await t.ctx.db
    .selectFrom('org_unit')
    .select(['id', 'version', 'path', 'status'])
    .where('tenant_id', '=', t.ctx.tenantId)
    .orderBy('id')
    .execute();
  const people = await t.ctx.db
    .selectFrom('person')
    .select(['id', 'unit_id', 'version'])
    .where('tenant_id', '=', t.ctx.tenantId)
    .orderBy('id')
    .execute();
  const posts = await t.ctx.db
    .selectFrom('position')
    .select(['id', 'unit_id', 'end_date'])
    .where('tenant_id', '=', t.ctx.tenantId)
    .orderBy('id')
    .execute();
  return {
    counts: Object.fromEntries(tables.map((table, i) => [table, counts[i]!])) as Record<
      (typeof tables)[number],
      number
    >,
    versions,
    people,
    posts,
  };
}

/**
 * The invariants of the tree, over the whole tenant: every path is the parent's path plus the
 * unit's id, depths follow, and every active unit has exactly one open version equal to its row.
 * Returns the units that break one (empty when all hold).
 */
export async function treeProblems(t: TestContext) {
  const { rows } = await sql<{ id: string; problem: string }>`
    SELECT u.id, 'path' AS problem FROM org_unit u LEFT JOIN org_unit p ON p.tenant_id = u.tenant_id AND p.id = u.parent_id
     WHERE u.tenant_id = ${t.ctx.tenantId}
       AND (u.path <> COALESCE(p.path, '/') || u.id::text || '/' OR u.depth <> COALESCE(p.depth + 1, 0))
    UNION ALL
    SELECT u.id, 'open versions: ' || count(v.unit_id) FROM org_unit u
      LEFT JOIN org_unit_version v ON v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL
     WHERE u.tenant_id = ${t.ctx.tenantId} GROUP BY u.id, u.status HAVING count(v.unit_id) <> CASE WHEN u.status = 'active' THEN 1 ELSE 0 END
    UNION ALL
    SELECT u.id, 'version differs' FROM org_unit u
      JOIN org_unit_version v ON v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL
     WHERE u.tenant_id = ${t.ctx.tenantId}
       AND (v.path, v.name, v.code, v.depth, v.parent_id IS NULL) IS DISTINCT FROM (u.path, u.name, u.code, u.depth, u.parent_id IS NULL)`.execute(
    t.ctx.db,
  );
  return rows;
}
