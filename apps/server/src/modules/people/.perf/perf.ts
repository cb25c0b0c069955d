import { PersonListQuery, personSortKey, searchKey } from '@canbo/domain';
import { sql } from 'kysely';
import pino from 'pino';
import { systemActor } from '../../../access/actor';
import { ensureTenant } from '../../../bootstrap';
import { loadConfig } from '../../../config';
import { openDatabase } from '../../../db/engine';
import { migrate } from '../../../db/migrator';
import { newId } from '../../../ids';
import { createPeopleService } from '../people.service';

const url = process.argv[2] || null;
const N = Number(process.argv[3] ?? 150000);
const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: null });
await migrate(database.pool).catch((e) => console.log('migrate skipped:', e.message));
const db = database.db;
const tenant = await ensureTenant(db, 'perf', 'Thành ủy');
const sur = [
  'Nguyễn',
  'Nguyễn',
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const mid = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Hữu', 'Ngọc', 'Thu', 'Hoàng', 'Xuân'];
const giv = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Hương',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Nga',
  'Phong',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Thắng',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];
let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const now = new Date();
const count = await db.selectFrom('person').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
const units: { id: string; path: string }[] = [];
if (Number(count.n) === 0) {
  console.time('seed');
  const rows = [] as any[];
  for (let i = 0; i < 150; i++) {
    const id = newId();
    const path = `${tenant.rootPath}${id}/`;
    rows.push({
      tenant_id: tenant.tenantId,
      id,
      code: `W${i}`,
      name: `Phường ${i}`,
      parent_id: tenant.rootUnitId,
      path,
      depth: 1,
      created_at: now,
      updated_at: now,
    });
    units.push({ id, path });
    for (let j = 0; j < 33; j++) {
      const cid = newId();
      const cpath = `${path}${cid}/`;
      rows.push({
        tenant_id: tenant.tenantId,
        id: cid,
        code: `W${i}-${j}`,
        name: `Chi bộ ${j}`,
        parent_id: id,
        path: cpath,
        depth: 2,
        created_at: now,
        updated_at: now,
      });
      units.push({ id: cid, path: cpath });
    }
  }
  for (let k = 0; k < rows.length; k += 1000)
    await db
      .insertInto('org_unit')
      .values(rows.slice(k, k + 1000))
      .execute();
  let batch: any[] = [];
  let pos: any[] = [];
  for (let i = 0; i < N; i++) {
    const name = `${sur[rnd(sur.length)]} ${mid[rnd(mid.length)]} ${giv[rnd(giv.length)]}`;
    const u = units[rnd(units.length)]!;
    const id = newId();
    const y = 1965 + rnd(38);
    batch.push({
      tenant_id: tenant.tenantId,
      id,
      code: `P${i}`,
      unit_id: u.id,
      full_name: name,
      sex: rnd(2) ? 'male' : 'female',
      birth_date: `${y}-0${1 + rnd(9)}-1${rnd(9)}`,
      cccd: String(1e11 + i),
      staff_category: 'civil_servant',
      party_status: rnd(2) ? 'full' : 'none',
      search_key: searchKey(name),
      sort_key: personSortKey(name),
      created_at: now,
      updated_at: now,
    });
    pos.push({
      tenant_id: tenant.tenantId,
      id: newId(),
      person_id: id,
      unit_id: u.id,
      title: rnd(10) ? 'Chuyên viên' : 'Phó Chủ tịch UBND',
      start_date: '2020-01-01',
      created_at: now,
    });
    if (batch.length === 2000) {
      await db.insertInto('person').values(batch).execute();
      await db.insertInto('position').values(pos).execute();
      batch = [];
      pos = [];
    }
  }
  if (batch.length) {
    await db.insertInto('person').values(batch).execute();
    await db.insertInto('position').values(pos).execute();
  }
  await sql`ANALYZE`.execute(db);
  console.timeEnd('seed');
} else {
  units.push(...(await db.selectFrom('org_unit').select(['id', 'path']).where('depth', '=', 1).execute()));
}
const ctx = {
  db,
  engine: database.kind,
  config: loadConfig({}),
  tenantId: tenant.tenantId,
  rootPath: tenant.rootPath,
  logger: pino({ level: 'silent' }),
};
const people = createPeopleService(ctx as any);
const actor = {
  ...systemActor(tenant.tenantId),
  kind: 'user' as const,
  userId: null,
  grants: [
    {
      id: 'g',
      role: 'head' as const,
      unitId: tenant.rootUnitId,
      unitName: '',
      unitPath: tenant.rootPath,
      createdAt: now,
    },
  ],
};
const ward = units.find((u) => u.path.split('/').length === 4)!;
const cases: Record<string, string> = {
  'root page 1': '',
  'q nguyen van duc': 'q=nguyen van duc',
  'q duc': 'q=duc',
  'q hanh nguyen': 'q=hanh nguyen',
  'ward subtree': `unitId=${ward.id}`,
  'position chu tich': 'position=chu tich',
  'ageBand 30to39': 'ageBand=30to39',
  'asOf ward': `unitId=${ward.id}&asOf=2024-01-01`,
  'sort birthDate': 'sort=birthDate',
  'page 100': 'page=100',
};
for (const [label, qs] of Object.entries(cases)) {
  const query = PersonListQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 12; i++) {
    const t0 = performance.now();
    const r = await people.list(actor as any, query);
    times.push(performance.now() - t0);
    total = r.total;
  }
  times.sort((a, b) => a - b);
  console.log(
    label.padEnd(22),
    'median',
    times[6]!.toFixed(1),
    'p95',
    times[11]!.toFixed(1),
    'ms',
    'total',
    total,
  );
}
await database.close();
