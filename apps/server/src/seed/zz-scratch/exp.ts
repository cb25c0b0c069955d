import pg from 'pg';
import { planDemo, demoPeople } from '../dataset';
import { DEMO_PINS } from '../demo';
const url = process.env.DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 1 });
const cols = ['id', 'code', 'unit_id', 'full_name', 'sex', 'birth_date', 'birth_place', 'hometown', 'ethnicity', 'religion',
  'cccd', 'phone', 'email', 'education_level', 'professional_qualification', 'political_theory', 'state_management',
  'foreign_language', 'it_level', 'staff_category', 'salary_scale', 'salary_step', 'salary_date', 'party_status',
  'party_admitted_date', 'party_full_date', 'party_card_number', 'search_key', 'sort_key'];
const types = cols.map((c) => ['id', 'unit_id'].includes(c) ? 'uuid' : c.endsWith('date') ? 'date' : c === 'salary_step' ? 'int' : 'text');
const root = { id: '00000000-0000-7000-8000-000000000000', path: '/r/', depth: 0 };
const plan = planDemo('city', 1, root, DEMO_PINS);
const rows: any[] = [];
for (const b of demoPeople(plan, DEMO_PINS)) rows.push(...b.persons);
const mode = process.argv[2];
await pool.query(`DROP TABLE IF EXISTS exp_person; CREATE TABLE exp_person (LIKE person INCLUDING DEFAULTS INCLUDING INDEXES)`);
const c = await pool.connect();
await c.query('BEGIN');
const t0 = performance.now();
const tenant = '00000000-0000-7000-8000-000000000001';
if (mode === 'values') {
  const n = 2000;
  for (let i = 0; i < rows.length; i += n) {
    const chunk = rows.slice(i, i + n); const params: unknown[] = []; const tuples: string[] = []; let k = 1;
    for (const r of chunk) { const cells = [`$${k++}`]; params.push(tenant); for (const col of cols) { params.push(r[col] ?? null); cells.push(`$${k++}`); } cells.push('now()', 'now()'); tuples.push(`(${cells.join(',')})`); }
    await c.query(`INSERT INTO exp_person (tenant_id, ${cols.join(',')}, created_at, updated_at) VALUES ${tuples.join(',')}`, params);
  }
} else {
  const n = Number(process.argv[3] ?? 5000);
  for (let i = 0; i < rows.length; i += n) {
    const chunk = rows.slice(i, i + n);
    const params = cols.map((col) => chunk.map((r) => r[col] ?? null));
    await c.query(`INSERT INTO exp_person (tenant_id, ${cols.join(',')}, created_at, updated_at) SELECT $${cols.length + 1}::uuid, *, now(), now() FROM unnest(${cols.map((col, j) => `$${j + 1}::${types[j]}[]`).join(',')})`, [...params, tenant]);
  }
}
const t1 = performance.now();
await c.query('COMMIT');
console.log(mode, rows.length, 'insert ms', (t1 - t0).toFixed(0), 'commit ms', (performance.now() - t1).toFixed(0));
await pool.query('DROP TABLE exp_person');
c.release(); await pool.end();
