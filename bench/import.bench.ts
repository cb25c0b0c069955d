/**
 * Import throughput of a people workbook (issue 3: ≥ 50% of the rate of inserting the same rows with
 * raw multi-row INSERT in one transaction, measured in the same run). Standalone:
 *
 *   npx tsx bench/import.bench.ts [--rows 50000] [--rounds 3] [--engine postgres|pglite]
 *
 * PostgreSQL comes from BENCH_DATABASE_URL or DATABASE_URL (a fresh database is created and
 * dropped). Measured, on the same database and the same rows:
 *   - raw INSERT: the person rows, precomputed, as multi-row INSERTs (≤ 65,535 parameters each) in
 *     one transaction — the baseline;
 *   - raw INSERT of everything the import writes (person, position and person_history rows), for
 *     the split between the work an import must do and what it adds;
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
import { CompiledQuery, type Kysely } from 'kysely';
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

/** Multi-row INSERT in one transaction, as many rows per statement as 65,535 parameters allow. */
async function rawInsert(
  db: Kysely<never>,
  table: string,
  columns: string[],
  rows: unknown[][],
): Promise<void> {
  const perStatement = Math.floor(65_535 / columns.length);
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      let n = 1;
      const tuples = chunk.map((r) => `(${r.map(() => `$${n++}`).join(',')})`).join(',');
      await tx.executeQuery(
        CompiledQuery.raw(`INSERT INTO ${table} (${columns.join(',')}) VALUES ${tuples}`, chunk.flat()),
      );
    }
  });
}

export interface ImportBenchRow {
  name: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
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
  // The same history rows as the import writes, with payloads of the same shape and size.
  const history = rows.flatMap((p, i) => {
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
    const out = [
      [tenantId, newId(), person, now, null, 'import', 'profile', null, JSON.stringify(profile)],
      [tenantId, newId(), person, now, null, 'import', 'position', null, JSON.stringify(post)],
    ];
    if (p.party) {
      const party = {
        status: 'full',
        admittedDate: personRows[i]![17],
        fullDate: personRows[i]![18],
        cardNumber: null,
      };
      out.push([tenantId, newId(), person, now, null, 'import', 'party', null, JSON.stringify(party)]);
    }
    return out;
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
    rawAll: [] as number[],
    importing: [] as number[],
    writing: [] as number[],
  };
  let first: Awaited<ReturnType<typeof services.imports.upload>> | null = null;
  for (let round = 1; round <= rounds; round++) {
    log(`${bench.kind}: round ${round}/${rounds}: raw INSERT of the person rows`);
    timed.rawPeople.push(await seconds(() => rawInsert(db, 'person', personColumns, personRows)));
    await clear();
    log(`${bench.kind}: round ${round}/${rounds}: raw INSERT of person, position and history rows`);
    timed.rawAll.push(
      await seconds(async () => {
        await rawInsert(db, 'person', personColumns, personRows);
        await rawInsert(
          db,
          'position',
          [
            'tenant_id',
            'id',
            'person_id',
            'unit_id',
            'title',
            'is_leader',
            'is_concurrent',
            'start_date',
            'created_at',
          ],
          positions,
        );
        await rawInsert(
          db,
          'person_history',
          [
            'tenant_id',
            'id',
            'person_id',
            'changed_at',
            'changed_by',
            'source',
            'section',
            'before',
            'after',
          ],
          history,
        );
      }),
    );
    await clear();
    log(`${bench.kind}: round ${round}/${rounds}: importing the workbook`);
    let writeStart = 0;
    const t0 = performance.now();
    first = await services.imports.upload(
      system,
      'people',
      { name: 'bench.xlsx', bytes: file },
      {
        inline: true,
        onProgress: (p) => {
          if (p.status === 'applying' && writeStart === 0) writeStart = performance.now();
        },
      },
    );
    const end = performance.now();
    if (first.run.status !== 'applied' || first.run.created !== rowCount) {
      throw new Error(
        `the import did not apply: ${JSON.stringify({ ...first.run, errors: first.run.errors.slice(0, 3) })}`,
      );
    }
    timed.importing.push((end - t0) / 1000);
    timed.writing.push((end - writeStart) / 1000);
    const { parse, plan, write } = first.outcome!.timings;
    log(
      `${bench.kind}: import phases (ms): read ${Math.round(end - t0 - parse - plan - write)}, cells ${parse}, checks and plan ${plan}, write ${write}`,
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
  const rawAll = median(timed.rawAll);
  const importSeconds = median(timed.importing);
  const writeSeconds = median(timed.writing);
  log(
    `${bench.kind}: seconds per round — raw people ${timed.rawPeople.map((x) => x.toFixed(2)).join(', ')}; raw all ${timed.rawAll.map((x) => x.toFixed(2)).join(', ')}; import ${timed.importing.map((x) => x.toFixed(2)).join(', ')}`,
  );

  const rate = (seconds: number) => Math.round(rowCount / seconds);
  const baseline = rate(rawPeople);
  const row = (name: string, value: number, base: number | null): ImportBenchRow => ({
    name: `${bench.kind}: ${name}`,
    value,
    unit: 'rows/s',
    baseline: base,
    ratio: base ? Math.round((value / base) * 1000) / 1000 : null,
  });
  return [
    row(`raw multi-row INSERT of ${rowCount} person rows, one transaction`, baseline, null),
    row('raw INSERT of the person + position + history rows', rate(rawAll), baseline),
    row(
      `import of a ${rowCount}-row people .xlsx (read, validate, write, audit)`,
      rate(importSeconds),
      baseline,
    ),
    row('import: the writing transaction alone', rate(writeSeconds), baseline),
    row('re-import of the same file (all unchanged)', rate(againSeconds), baseline),
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
        `${r.name.padEnd(90)} ${String(r.value).padStart(8)} ${r.unit}${r.ratio === null ? '' : `  (${(r.ratio * 100).toFixed(1)}% of raw INSERT)`}`,
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
