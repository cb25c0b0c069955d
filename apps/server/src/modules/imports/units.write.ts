import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { type Column, constant, insertRows, updateRows } from './bulk';
import type { UnitAttributes, UnitCreate, UnitsPlan, UnitUpdate } from './units.plan';

/**
 * Writes a units plan inside the caller's transaction, the way the org module records a unit's
 * life: each created unit gets its first dated version and a 'create' change, each changed unit a
 * new version from today and a 'rename' or 'update' change, listing the units it touched.
 */

const attributeColumns = <T extends UnitAttributes>(): Column<T>[] => [
  { name: 'name', type: 'text', value: (u) => u.name },
  { name: 'short_name', type: 'text', value: (u) => u.short_name },
  { name: 'type', type: 'text', value: (u) => u.type },
  { name: 'level', type: 'text', value: (u) => u.level },
  { name: 'address', type: 'text', value: (u) => u.address },
  { name: 'is_party_org', type: 'bool', value: (u) => u.is_party_org },
  { name: 'admin_area', type: 'text', value: (u) => u.admin_area },
  { name: 'search_key', type: 'text', value: (u) => u.search_key },
  { name: 'sort_key', type: 'text', value: (u) => u.sort_key },
];

const placement: Column<UnitCreate>[] = [
  { name: 'code', type: 'text', value: (u) => u.code },
  { name: 'parent_id', type: 'uuid', value: (u) => u.parentId },
  { name: 'path', type: 'text', value: (u) => u.path },
  { name: 'depth', type: 'int', value: (u) => u.depth },
];

const EMPTY_COUNTS = {
  unitsCreated: 0,
  unitsClosed: 0,
  unitsRenamed: 0,
  unitsReparented: 0,
  unitsRepathed: 0,
  positionsEnded: 0,
  positionsCreated: 0,
  positionsMoved: 0,
  peopleMoved: 0,
  accountsMoved: 0,
  grantsMoved: 0,
  grantsKept: 0,
};

interface ChangeRow {
  id: string;
  kind: string;
  effectiveDate: string;
  payload: unknown;
  summary: unknown;
}

interface Participant {
  changeId: string;
  unitId: string;
  role: string;
}

export async function writeUnits(
  tx: Transaction<DB>,
  tenantId: string,
  actorId: string | null,
  runId: string,
  plan: UnitsPlan,
  progress: (written: number) => Promise<void> | void,
): Promise<void> {
  const now = new Date();
  const tenant = constant(tenantId, 'uuid');
  const at = constant(now, 'timestamptz');
  const { creates, updates, today } = plan;

  // Changes first: versions refer to them.
  const changes: ChangeRow[] = [];
  const participants: Participant[] = [];
  const participant = (u: { id: string; code: string; name: string }, role: string) => ({
    unitId: u.id,
    code: u.code,
    name: u.name,
    role,
    key: null,
  });
  for (const u of creates) {
    const parent = { id: u.parentId, ...u.parent };
    changes.push({
      id: u.changeId,
      kind: 'create',
      effectiveDate: u.validFrom,
      payload: {
        source: 'import',
        importRunId: runId,
        row: u.row,
        code: u.code,
        name: u.name,
        type: u.type,
        validFrom: u.validFrom,
      },
      summary: {
        counts: { ...EMPTY_COUNTS, unitsCreated: 1 },
        participants: [participant(u, 'created'), participant(parent, 'parent')],
      },
    });
    participants.push(
      { changeId: u.changeId, unitId: u.id, role: 'created' },
      { changeId: u.changeId, unitId: u.parentId, role: 'parent' },
    );
  }
  for (const u of updates) {
    changes.push({
      id: u.changeId,
      kind: u.kind,
      effectiveDate: today,
      payload: { source: 'import', importRunId: runId, before: u.before, after: u.after },
      summary: {
        counts: { ...EMPTY_COUNTS, unitsRenamed: u.kind === 'rename' ? 1 : 0 },
        participants: [participant(u, 'subject')],
      },
    });
    participants.push({ changeId: u.changeId, unitId: u.id, role: 'subject' });
  }
  await insertRows(
    tx,
    'org_change',
    { tenant_id: tenant, created_by: constant(actorId, 'uuid'), created_at: at },
    [
      { name: 'id', type: 'uuid', value: (c: ChangeRow) => c.id },
      { name: 'kind', type: 'text', value: (c) => c.kind },
      { name: 'effective_date', type: 'date', value: (c) => c.effectiveDate },
      { name: 'payload', type: 'jsonb', value: (c) => c.payload },
      { name: 'summary', type: 'jsonb', value: (c) => c.summary },
    ],
    changes,
  );

  // New units (parents before children, so each chunk's parents exist) and their first versions.
  await insertRows(
    tx,
    'org_unit',
    { tenant_id: tenant, created_at: at, updated_at: at },
    [
      { name: 'id', type: 'uuid', value: (u: UnitCreate) => u.id },
      ...placement,
      ...attributeColumns<UnitCreate>(),
      { name: 'valid_from', type: 'date', value: (u) => u.validFrom },
    ],
    creates,
    progress,
  );
  await insertRows(
    tx,
    'org_unit_version',
    { tenant_id: tenant },
    [
      { name: 'unit_id', type: 'uuid', value: (u: UnitCreate) => u.id },
      { name: 'valid_from', type: 'date', value: (u) => u.validFrom },
      ...placement,
      ...attributeColumns<UnitCreate>(),
      { name: 'change_id', type: 'uuid', value: (u) => u.changeId },
    ],
    creates,
  );

  // Changed units: the row, then a version from today (rewritten when one already starts today).
  await updateRows(tx, 'org_unit', tenantId, attributeColumns<UnitUpdate>(), updates, [
    sql`updated_at = ${now}`,
  ]);
  if (updates.length) {
    const ids = updates.map((u) => u.id);
    const changeIds = updates.map((u) => u.changeId);
    const fromUnit = sql.raw(
      'code = u.code, name = u.name, short_name = u.short_name, type = u.type, parent_id = u.parent_id, path = u.path, depth = u.depth, ' +
        'is_party_org = u.is_party_org, level = u.level, address = u.address, admin_area = u.admin_area, search_key = u.search_key, sort_key = u.sort_key',
    );
    await sql`UPDATE org_unit_version v SET ${fromUnit}, change_id = x.change_id
        FROM org_unit u JOIN unnest(${ids}::uuid[], ${changeIds}::uuid[]) AS x(id, change_id) ON u.id = x.id
       WHERE u.tenant_id = ${tenantId} AND v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_to IS NULL AND v.valid_from = ${today}`.execute(
      tx,
    );
    await sql`UPDATE org_unit_version SET valid_to = ${today}
       WHERE tenant_id = ${tenantId} AND unit_id = ANY(${ids}::uuid[]) AND valid_to IS NULL AND valid_from < ${today}`.execute(
      tx,
    );
    await sql`INSERT INTO org_unit_version (tenant_id, unit_id, valid_from, valid_to, change_id, code, name, short_name, type, parent_id, path,
                                           depth, is_party_org, level, address, admin_area, search_key, sort_key)
      SELECT u.tenant_id, u.id, ${today}::date, NULL, x.change_id, u.code, u.name, u.short_name, u.type, u.parent_id, u.path,
             u.depth, u.is_party_org, u.level, u.address, u.admin_area, u.search_key, u.sort_key
        FROM org_unit u JOIN unnest(${ids}::uuid[], ${changeIds}::uuid[]) AS x(id, change_id) ON u.id = x.id
       WHERE u.tenant_id = ${tenantId}
         AND NOT EXISTS (SELECT 1 FROM org_unit_version v WHERE v.tenant_id = u.tenant_id AND v.unit_id = u.id AND v.valid_from = ${today})`.execute(
      tx,
    );
    await progress(creates.length + updates.length);
  }

  await insertRows(
    tx,
    'org_change_unit',
    { tenant_id: tenant },
    [
      { name: 'change_id', type: 'uuid', value: (p: Participant) => p.changeId },
      { name: 'unit_id', type: 'uuid', value: (p) => p.unitId },
      { name: 'role', type: 'text', value: (p) => p.role },
    ],
    participants,
  );
}
