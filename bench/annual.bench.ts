import { systemActor } from '@canbo/server/src/access/actor';
import type { EngineKind } from '@canbo/server/src/db/engine';
import { prepareReviewPeriod } from '@canbo/server/src/modules/annual/prepare';
import { type CanboServer, startCanbo } from './lib/canbo';
import { seedCityYear } from './lib/city-year';
import { type BenchPart, isMain, onEachEngine, runAlone } from './lib/engine-runs';
import type { BenchDatabase } from './lib/engines';
import { BenchFailure } from './lib/failure';
import { progress } from './lib/options';
import { type Row, row } from './lib/report';
import { percentile } from './lib/stats';

const PREPARE_GOAL_S = 120;
const MONTHS = 12;

type Pool = BenchDatabase['database']['pool'];
const seconds = (t0: number) => (performance.now() - t0) / 1000;

export { reviewYear } from './lib/city-year';

interface RawAggregate {
  people: number;
  results: number;
  /** Mean over people of their average total. */
  meanTotal: number;
}

/**
 * The baseline: per person, over the months of the year under the root, the number of results, the
 * average total and the count per grade, in one GROUP BY; summarised so that only one row travels.
 */
const RAW_SQL = `
  WITH per_person AS (
    SELECT e.person_id, count(*) AS months, avg(e.total) AS average,
           count(*) FILTER (WHERE e.grade = 'excellent') AS excellent,
           count(*) FILTER (WHERE e.grade = 'good') AS good,
           count(*) FILTER (WHERE e.grade = 'completed') AS completed,
           count(*) FILTER (WHERE e.grade = 'notCompleted') AS not_completed
      FROM evaluation e
      JOIN eval_cycle c ON c.tenant_id = e.tenant_id AND c.id = e.cycle_id
     WHERE e.tenant_id = $1 AND c.period_start >= $2::date AND c.period_end <= $3::date
       AND e.state IN ('decided', 'published', 'complained', 'final', 'notEvaluated')
     GROUP BY e.person_id
  )
  SELECT count(*) AS people, sum(months) AS results, avg(average) AS mean_total,
         sum(excellent) AS excellent, sum(good) AS good, sum(completed) AS completed,
         sum(not_completed) AS not_completed
    FROM per_person`;

async function rawAggregate(pool: Pool, tenantId: string, year: number): Promise<RawAggregate> {
  const { rows } = await pool.query<Record<string, string>>(RAW_SQL, [
    tenantId,
    `${year}-01-01`,
    `${year}-12-31`,
  ]);
  const r = rows[0]!;
  return { people: Number(r.people), results: Number(r.results), meanTotal: Number(r.mean_total) };
}

/** Creates the root's annual period for `year` through the service layer (state 'preparing'). */
async function createPeriod(server: CanboServer, year: number): Promise<string> {
  const system = systemActor(server.tenant.tenantId, 'bench');
  const created = await server.services.reviewPeriods.create(system, {
    kind: 'annual',
    unitId: server.tenant.rootUnitId,
    year,
    selfDue: `${year + 1}-01-10`,
    meetingDue: `${year + 1}-01-20`,
    decisionDue: `${year + 1}-01-31`,
  });
  return created.id;
}

interface Produced {
  reviews: number;
  people: number;
  collectives: number;
  rolledUp: number;
  byState: Record<string, number>;
  byGrade: Record<string, number>;
}

async function produced(pool: Pool, tenantId: string, periodId: string): Promise<Produced> {
  const { rows } = await pool.query<{
    subject: string;
    state: string;
    proposed_grade: string | null;
    rolled: boolean;
    n: string;
  }>(
    `SELECT subject, state, proposed_grade, (rollup IS NOT NULL) AS rolled, count(*) AS n
       FROM annual_review WHERE tenant_id = $1 AND period_id = $2
      GROUP BY subject, state, proposed_grade, rollup IS NOT NULL`,
    [tenantId, periodId],
  );
  const out: Produced = { reviews: 0, people: 0, collectives: 0, rolledUp: 0, byState: {}, byGrade: {} };
  for (const r of rows) {
    const n = Number(r.n);
    out.reviews += n;
    if (r.subject === 'person') out.people += n;
    else out.collectives += n;
    if (r.rolled) out.rolledUp += n;
    out.byState[r.state] = (out.byState[r.state] ?? 0) + n;
    const grade = r.proposed_grade ?? 'none';
    if (r.subject === 'person') out.byGrade[grade] = (out.byGrade[grade] ?? 0) + n;
  }
  return out;
}

async function benchEngine(bench: BenchDatabase): Promise<Row[]> {
  const kind: EngineKind = bench.kind;
  const server = await startCanbo(bench);
  const pool = bench.database.pool;
  const tenantId = server.tenant.tenantId;
  try {
    const city = await seedCityYear(server, pool, { label: `annual (${kind})` });
    const { year } = city;
    let t0 = performance.now();

    const rawTimes: number[] = [];
    const rawOnce = async () => {
      const r0 = performance.now();
      const result = await rawAggregate(pool, tenantId, year);
      rawTimes.push(seconds(r0));
      return result;
    };
    await rawOnce(); // warm
    rawTimes.length = 0;
    const raw = await rawOnce();
    await rawOnce();
    await rawOnce();
    const rawS = percentile(rawTimes, 50);
    if (raw.results !== city.evaluations)
      throw new BenchFailure(
        `the raw aggregate counts ${raw.results} results, ${city.evaluations} were written`,
      );
    progress(
      `annual (${kind}): raw aggregate median ${(rawS * 1000).toFixed(0)} ms of ${rawTimes.length}: ` +
        `${raw.people} people, ${raw.results} results, mean total ${raw.meanTotal.toFixed(2)}`,
    );

    t0 = performance.now();
    const periodId = await createPeriod(server, year);
    const createS = seconds(t0);
    let lastLogged = 0;
    t0 = performance.now();
    const prepared = await prepareReviewPeriod(server.ctx.db, { tenantId, periodId }, (done, total) => {
      if (done === total || performance.now() - lastLogged > 10_000) {
        lastLogged = performance.now();
        progress(`annual (${kind}): prepare ${done}/${total} at ${seconds(t0).toFixed(1)} s`);
      }
    });
    const prepareS = seconds(t0);
    const out = await produced(pool, tenantId, periodId);
    progress(
      `annual (${kind}): period created in ${createS.toFixed(2)} s; prepare ${prepareS.toFixed(1)} s: ` +
        `${JSON.stringify(prepared)}; ${out.reviews} reviews (${out.people} person, ${out.collectives} collective), ` +
        `states ${JSON.stringify(out.byState)}, proposed grades ${JSON.stringify(out.byGrade)}`,
    );
    if (out.people === 0) throw new BenchFailure('prepare enrolled nobody');
    return [
      row(
        `${kind} city: annual roll-up and proposal (prepareReviewPeriod), ${out.reviews} reviews from ${raw.results} monthly results`,
        prepareS,
        's',
        {
          label: `raw SQL aggregate per person over the ${MONTHS} months (GROUP BY person)`,
          value: rawS,
          unit: 's',
        },
        kind === 'postgres' ? { kind: 'value-at-most', max: PREPARE_GOAL_S } : undefined,
      ),
    ];
  } catch (error) {
    const logged = server.lastError();
    if (logged && error instanceof Error) error.message += `\n  the server logged: ${logged}`;
    throw error;
  } finally {
    await server.close();
  }
}

export const benchAnnual: BenchPart = (engines, _options, track) =>
  onEachEngine('annual', engines, benchEngine, track);

if (isMain(import.meta.url)) runAlone(benchAnnual, new URL('./results/annual.json', import.meta.url));
