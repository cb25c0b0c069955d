/**
 * The setup shared by annual.bench.ts and reports.bench.ts: the `city` demo dataset (as `canbo seed demo
 * --scale city` writes it), a published monthly framework (hn-3814-2018), and the 12 closed monthly cycles
 * of last year for the city root, every result final (apps/server/src/seed/period-results.ts), then
 * VACUUM ANALYZE (what autovacuum would have done over a year; PGlite has none).
 */
import { defaultFramework, HN_3814_2018 } from '@canbo/domain';
import { todayInVietnam } from '@canbo/server/src/modules/units/units.dates';
import { type SeedResult, seedDemoData } from '@canbo/server/src/seed/demo';
import { generatePeriodResults } from '@canbo/server/src/seed/period-results';
import type { CanboServer } from './canbo';
import type { BenchDatabase } from './engines';
import { publishMonthFramework } from './evaluation-month';
import { progress } from './options';

const MONTHS = 12;
const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** The 12 months of the year before today's: every one over, all inside that year's annual period. */
export function reviewYear(today: string): { year: number; months: string[] } {
  const year = Number(today.slice(0, 4)) - 1;
  const months = Array.from({ length: MONTHS }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}-01`);
  return { year, months };
}

export interface CityYear {
  seeded: SeedResult;
  frameworkId: string;
  year: number;
  months: string[];
  /** The monthly cycles in month order (the last is the most recent). */
  cycles: string[];
  evaluations: number;
  seedSeconds: number;
  monthsSeconds: number;
}

export interface CityYearOptions {
  /** Progress prefix, e.g. "annual (postgres)". */
  label: string;
  /**
   * The last month also gets criterion scores and its workflow steps (what the control dashboard
   * reads); the other months keep totals and grades only (a few times faster).
   */
  sheetsLastMonth?: boolean;
}

export async function seedCityYear(
  server: CanboServer,
  pool: BenchDatabase['database']['pool'],
  options: CityYearOptions,
): Promise<CityYear> {
  const { label } = options;
  const db = server.ctx.db;
  const tenantId = server.tenant.tenantId;
  progress(`${label}: seeding the city demo dataset`);
  const seeded = await seedDemoData(server.ctx, server.tenant, { scale: 'city' });
  progress(`${label}: ${seeded.units} units, ${seeded.people} people in ${seeded.seconds.toFixed(1)} s`);
  await pool.query('ANALYZE');
  const fw = await publishMonthFramework(
    server,
    'Khung tiêu chí đánh giá hằng tháng (3814), bản đo hiệu năng',
  );
  const { year, months } = reviewYear(todayInVietnam());
  const t0 = performance.now();
  const spec = {
    unitId: server.tenant.rootUnitId,
    frameworkId: fw.id,
    ruleSet: HN_3814_2018,
    framework: defaultFramework(HN_3814_2018),
    onMonth: (month: string, n: number) => progress(`${label}: ${month}: ${n} results`),
  };
  const plain = options.sheetsLastMonth ? months.slice(0, -1) : months;
  const first = await generatePeriodResults(db, tenantId, { ...spec, months: plain });
  const cycles = [...first.cycles];
  let evaluations = first.evaluations;
  if (options.sheetsLastMonth) {
    const last = await generatePeriodResults(db, tenantId, {
      ...spec,
      months: months.slice(-1),
      sheets: true,
    });
    cycles.push(...last.cycles);
    evaluations += last.evaluations;
  }
  const monthsSeconds = seconds(t0);
  progress(
    `${label}: ${cycles.length} closed monthly cycles of ${year}, ${evaluations} results in ${monthsSeconds.toFixed(1)} s`,
  );
  await pool.query('VACUUM ANALYZE');
  return {
    seeded,
    frameworkId: fw.id,
    year,
    months,
    cycles,
    evaluations,
    seedSeconds: seeded.seconds,
    monthsSeconds,
  };
}
