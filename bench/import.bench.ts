/**
 * Import throughput of a people workbook (issue 3: ≥ 50% of the rate of inserting the same rows with
 * raw multi-row INSERT in one transaction, measured in the same run). Standalone:
 *
 *   npx tsx bench/import.bench.ts [--rows 50000] [--rounds 3] [--engine postgres|pglite]
 *
 * PostgreSQL comes from BENCH_DATABASE_URL or DATABASE_URL (a fresh database is created and
 * dropped). Measured, on the same database and the same rows:
 *   - raw INSERT of the file's rows: each person row (which holds the party data too) and the post
 *     the row names (a position row), precomputed, as multi-row INSERTs (≤ 65,535 parameters each)
 *     in one transaction — the goal's baseline ("the same rows");
 *   - raw INSERT of the person rows alone, the baseline of the earlier runs (kept for comparison);
 *   - raw INSERT of everything the import writes (person, position and person_history rows, one
 *     history row per person), for the split between the work an import must do and what it adds;
 *   - the import: the .xlsx bytes → read, validate every row, plan, write in one transaction, audit;
 *   - the same file again (every row unchanged).
 * Each is measured in alternating rounds (median reported). Prints one line per figure and writes
 * bench/results/import.json.
 */
import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { personSortKey, searchKey } from '@canbo/domain';
import { systemActor } from '@canbo/server/src/access/actor';
import { ensureTenant } from '@canbo/server/src/bootstrap';
import { loadConfig } from '@canbo/server/src/config';
import type { AppContext } from '@canbo/server/src/context';
import { migrate } from '@canbo/server/src/db/migrator';
import { newId } from '@canbo/server/src/ids';
import { createServices } from '@canbo/server/src/services';
import ExcelJS from 'exceljs';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import pino from 'pino';
import { type BenchDatabase, openPglite, openPostgres, postgresUrlFromEnv } from './lib/engines';

const HEADERS = [
  'Mã cán bộ',
  'Họ và tên',
  'Giới tính',
  'Ngày sinh (dd/mm/yyyy)',
  'Số CCCD',
  'Dân tộc',
  'Tôn giáo',
  'Quê quán',
  'Điện thoại',
  'Đơn vị (mã)',
  'Đối tượng',
  'Chức vụ',
  'Ngày bổ nhiệm',
  'Giáo dục phổ thông',
  'Trình độ chuyên môn',
  'Lý luận chính trị',
  'Mã ngạch',
  'Bậc lương',
  'Đảng viên: trạng thái',
  'Ngày vào Đảng',
  'Ngày chính thức',
];
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Đức',
  'Giang',
  'Hà',
  'Hải',
  'Hoa',
  'Hùng',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Minh',
  'Nam',
  'Ngọc',
  'Phúc',
  'Quân',
  'Sơn',
  'Thảo',
  'Trang',
  'Tuấn',
  'Yến',
];
const TITLES = ['Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Trưởng phòng', 'Cán sự', 'Văn thư'];
const UNITS = 100;

interface Person {
  code: string;
  fullName: string;
  sex: 'male' | 'female';
  birth: string;
  cccd: string;
  unit: number;
  title: string;
  start: string;
  party: boolean;
}

function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const female = i % 2 === 1;
    const year = 1966 + (i % 34);
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    return {
      code: `B${String(i).padStart(7, '0')}`,
      fullName: `${SURNAMES[i % SURNAMES.length]} ${female ? 'Thị' : MIDDLE[i % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`,
      sex: female ? 'female' : 'male',
      birth: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      cccd: `001${female ? 1 : 0}${String(year % 100).padStart(2, '0')}${String(i).padStart(6, '0')}`,
      unit: i % UNITS,
      title: TITLES[i % TITLES.length]!,
      start: `${2015 + (i % 10)}-0${(i % 9) + 1}-01`,
      party: i % 3 === 0,
    };
  });
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const unitCode = (u: number) => `BW${String(u).padStart(3, '0')}`;

/** The workbook as Excel would save it (shared strings). */
async function workbook(rows: Person[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = writer.addWorksheet('Cán bộ');
  sheet.addRow(HEADERS).commit();
  for (const p of rows) {
    const year = Number(p.birth.slice(0, 4));
    sheet
      .addRow([
        p.code,
        p.fullName,
        p.sex === 'female' ? 'Nữ' : 'Nam',
        dmy(p.birth),
        p.cccd,
        'Kinh',
        null,
        'Hà Nội',
        null,
        unitCode(p.unit),
        'Công chức',
        p.title,
        dmy(p.start),
        '12/12',
        'Cử nhân Luật',
        'Trung cấp',
        '01.003',
        3,
        p.party ? 'Chính thức' : 'Không',
        p.party ? `03/02/${year + 25}` : null,
        p.party ? `03/02/${year + 26}` : null,
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
  return Buffer.concat(chunks);
}

/** Multi-row INSERTs in the caller's transaction, as many rows per statement as 65,535 parameters allow. */
async function rawInsert(
  tx: Transaction<never>,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const perStatement = Math.floor(65_535 / columns.length);
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    let n = 1;
    const tuples = chunk.map((r) => `(${r.map(() => `$${n++}`).join(',')})`).join(',');
    await tx.executeQuery(
      CompiledQuery.raw(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples}`, chunk.flat()),
    );
  }
}

export interface ImportBenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  /** What the baseline measured. */
  baselineLabel: string | null;
  ratio: number | null;
  /** The row issue 3's goal is set on (≥ 0.5 of its baseline). */
  goal: boolean;
}

export async function benchImport(
  bench: BenchDatabase,
  rowCount: number,
  log: (m: string) => void,
  rounds = 3,
): Promise<ImportBenchRow[]> {
  await migrate(bench.database.pool);
  const tenant = await ensureTenant(bench.database.db, 'bench', 'Thành ủy Hà Nội');
  const ctx: AppContext = {
    db: bench.database.db,
    engine: bench.kind,
    config: loadConfig({}),
    tenantId: tenant.tenantId,
    rootPath: tenant.rootPath,
    logger: pino({ level: 'silent' }),
  };
  const services = createServices(ctx);
  const system = systemActor(tenant.tenantId, 'bench');
  const unitIds: string[] = [];
  for (let u = 0; u < UNITS; u++) {
    const unit = await services.units.create(system, {
      code: unitCode(u),
      name: `Phường ${u}`,
      parentId: tenant.rootUnitId,
      validFrom: '2000-01-01',
    });
    unitIds.push(unit.id);
  }
  const rows = people(rowCount);
  log(`${bench.kind}: writing the ${rowCount}-row workbook`);
  const file = await workbook(rows);
  const db = bench.database.db as unknown as Kysely<never>;
  const tenantId = tenant.tenantId;
  const now = new Date();

  // Baseline 1: the person rows.
  const personColumns = [
    'tenant_id',
    'id',
    'code',
    'unit_id',
    'full_name',
    'sex',
    'birth_date',
    'cccd',
    'ethnicity',
    'hometown',
    'education_level',
    'professional_qualification',
    'political_theory',
    'staff_category',
    'salary_scale',
    'salary_step',
    'party_status',
    'party_admitted_date',
    'party_full_date',
    'search_key',
    'sort_key',
    'status',
    'created_at',
    'updated_at',
  ];
  const personRows = rows.map((p) => {
    const year = Number(p.birth.slice(0, 4));
    return [
      tenantId,
      newId(),
      p.code,
      unitIds[p.unit],
      p.fullName,
      p.sex,
      p.birth,
      p.cccd,
      'Kinh',
      'Hà Nội',
      '12/12',
      'Cử nhân Luật',
      'intermediate',
      'civil_servant',
      '01.003',
      3,
      p.party ? 'full' : 'none',
      p.party ? `${year + 25}-02-03` : null,
      p.party ? `${year + 26}-02-03` : null,
      searchKey(p.fullName),
      personSortKey(p.fullName),
      'active',
      now,
      now,
    ];
  });
  const clear = () =>
    bench.database.pool.query('DELETE FROM person_history; DELETE FROM position; DELETE FROM person;');
  const positionColumns = [
    'tenant_id',
    'id',
    'person_id',
    'unit_id',
    'title',
    'is_leader',
    'is_concurrent',
    'start_date',
    'created_at',
  ];
  const positions = rows.map((p, i) => [
    tenantId,
    newId(),
    personRows[i]![1],
    unitIds[p.unit],
    p.title,
    false,
    false,
    p.start,
    now,
  ]);
  const historyColumns = [
    'tenant_id',
    'id',
    'person_id',
    'changed_at',
    'changed_by',
    'source',
    'section',
    'before',
    'after',
  ];
  // The history rows the import writes, payloads of the same shape and size: one row per person,
  // its sections (profile, post, party data) bundled.
  const history = rows.map((p, i) => {
    const person = personRows[i]![1];
    const profile = {
      code: p.code,
      fullName: p.fullName,
      sex: p.sex,
      birthDate: p.birth,
      cccd: p.cccd,
      ethnicity: 'Kinh',
      hometown: 'Hà Nội',
      educationLevel: '12/12',
      professionalQualification: 'Cử nhân Luật',
      politicalTheory: 'intermediate',
      staffCategory: 'civil_servant',
      salaryScale: '01.003',
      salaryStep: 3,
      status: 'active',
      unitId: unitIds[p.unit],
      unitName: `Phường ${p.unit}`,
    };
    const post = {
      id: positions[i]![1],
      unitId: unitIds[p.unit],
      title: p.title,
      titleGroup: null,
      isLeader: false,
      isConcurrent: false,
      startDate: p.start,
      endDate: null,
      decisionNumber: null,
      endReason: null,
    };
    const changes: { id: string; section: string; before: null; after: object }[] = [
      { id: newId(), section: 'profile', before: null, after: profile },
      { id: newId(), section: 'position', before: null, after: post },
    ];
    if (p.party) {
      const party = {
        status: 'full',
        admittedDate: personRows[i]![17],
        fullDate: personRows[i]![18],
        cardNumber: null,
      };
      changes.splice(1, 0, { id: newId(), section: 'party', before: null, after: party });
    }
    return [tenantId, newId(), person, now, null, 'import', 'bundle', null, JSON.stringify({ changes })];
  });
  const seconds = async (work: () => Promise<unknown>) => {
    const t0 = performance.now();
    await work();
    return (performance.now() - t0) / 1000;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  // Rounds alternate the subjects, so that other load on the machine falls on all of them alike.
  const timed = {
    rawPeople: [] as number[],
    rawRows: [] as number[],
    rawAll: [] as number[],
    importing: [] as number[],
    writing: [] as number[],
  };
  let first: Awaited<ReturnType<typeof services.imports.upload>> | null = null;
  for (let round = 1; round <= rounds; round++) {
    log(`${bench.kind}: round ${round}/${rounds}: raw INSERT of the person rows`);
    timed.rawPeople.push(
      await seconds(() =>
        db.transaction().execute((tx) => rawInsert(tx, 'person', personColumns, personRows)),
      ),
    );
    await clear();
    log(`${bench.kind}: round ${round}/${rounds}: raw INSERT of the person and position rows`);
    timed.rawRows.push(
      await seconds(() =>
        db.transaction().execute(async (tx) => {
          await rawInsert(tx, 'person', personColumns, personRows);
          await rawInsert(tx, 'position', positionColumns, positions);
        }),
      ),
    );
    await clear();
    log(`${bench.kind}: round ${round}/${rounds}: raw INSERT of person, position and history rows`);
    timed.rawAll.push(
      await seconds(() =>
        db.transaction().execute(async (tx) => {
          await rawInsert(tx, 'person', personColumns, personRows);
          await rawInsert(tx, 'position', positionColumns, positions);
          await rawInsert(tx, 'person_history', historyColumns, history);
        }),
      ),
    );
    await clear();
    log(`${bench.kind}: round ${round}/${rounds}: importing the workbook`);
    const t0 = performance.now();
    first = await services.imports.upload(
      system,
      'people',
      { name: 'bench.xlsx', bytes: file },
      { inline: true },
    );
    const end = performance.now();
    if (first.run.status !== 'applied' || first.run.created !== rowCount) {
      throw new Error(
        `the import did not apply: ${JSON.stringify({ ...first.run, errors: first.run.errors.slice(0, 3) })}`,
      );
    }
    timed.importing.push((end - t0) / 1000);
    const { parse, plan, write } = first.outcome!.timings;
    // The transaction: the checks against the database, the plan and the writes, which overlap.
    timed.writing.push((plan + write) / 1000);
    log(
      `${bench.kind}: import phases (ms): read ${Math.round(end - t0 - parse - plan - write)}, cells ${parse}, checks and plan (writing meanwhile) ${plan}, rest of the writes ${write}`,
    );
    if (round < rounds) await clear();
  }
  log(`${bench.kind}: importing it again (every row unchanged)`);
  let second: Awaited<ReturnType<typeof services.imports.upload>> | null = null;
  const againSeconds = await seconds(async () => {
    second = await services.imports.upload(
      system,
      'people',
      { name: 'bench.xlsx', bytes: file },
      { inline: true },
    );
  });
  second = second!;
  if (second.run.unchanged !== rowCount) throw new Error('the second import changed something');
  const rawPeople = median(timed.rawPeople);
  const rawRows = median(timed.rawRows);
  const rawAll = median(timed.rawAll);
  const importSeconds = median(timed.importing);
  const writeSeconds = median(timed.writing);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  log(
    `${bench.kind}: seconds per round — raw people ${list(timed.rawPeople)}; raw people + posts ${list(timed.rawRows)}; raw all ${list(timed.rawAll)}; import ${list(timed.importing)}; writing ${list(timed.writing)}`,
  );

  // Every rate counts the file's rows (one per person) per second, whatever each subject writes for them.
  const rate = (seconds: number) => Math.round(rowCount / seconds);
  const fileRows = { label: 'raw multi-row INSERT of the person + position rows', value: rate(rawRows) };
  const personOnly = { label: 'raw multi-row INSERT of the person rows', value: rate(rawPeople) };
  const row = (
    name: string,
    value: number,
    base: { label: string; value: number } | null,
    goal = false,
  ): ImportBenchRow => ({
    name: `${bench.kind}: ${name}`,
    value,
    unit: 'rows/s',
    baseline: base?.value ?? null,
    baselineLabel: base?.label ?? null,
    ratio: base ? Math.round((value / base.value) * 1000) / 1000 : null,
    goal,
  });
  return [
    row(
      `raw multi-row INSERT of the file's rows: ${rowCount} person + ${rowCount} position rows, one transaction`,
      fileRows.value,
      null,
    ),
    row(
      `raw multi-row INSERT of the ${rowCount} person rows alone, one transaction`,
      personOnly.value,
      fileRows,
    ),
    row('raw INSERT of the person + position + history rows', rate(rawAll), fileRows),
    row(
      `import of a ${rowCount}-row people .xlsx (read, validate, write, audit)`,
      rate(importSeconds),
      fileRows,
      true,
    ),
    row('import, against the person rows alone', rate(importSeconds), personOnly),
    row(
      'import: its transaction alone (checks against the database, plan, writes)',
      rate(writeSeconds),
      fileRows,
    ),
    row('import: its transaction, against the person rows alone', rate(writeSeconds), personOnly),
    row('re-import of the same file (all unchanged)', rate(againSeconds), fileRows),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const rowCount = Number(at('--rows') ?? 50_000);
  const rounds = Number(at('--rounds') ?? 3);
  const engine = at('--engine') ?? (postgresUrlFromEnv() ? 'postgres' : 'pglite');
  const log = (m: string) => process.stderr.write(`  ${m}\n`);
  const url = postgresUrlFromEnv();
  if (engine === 'postgres' && !url)
    throw new Error('set BENCH_DATABASE_URL (or DATABASE_URL) to a PostgreSQL server');
  const bench = engine === 'postgres' ? await openPostgres(url!) : await openPglite();
  try {
    const rows = await benchImport(bench, rowCount, log, rounds);
    log(bench.version);
    for (const r of rows) {
      console.log(
        `${r.name.padEnd(96)} ${String(r.value).padStart(8)} ${r.unit}${r.ratio === null ? '' : `  ${(r.ratio * 100).toFixed(1)}% of the ${r.baselineLabel}`}`,
      );
    }
    const out = new URL('./results/import.json', import.meta.url);
    fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(rows, null, 2)}\n`);
  } finally {
    await bench.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
