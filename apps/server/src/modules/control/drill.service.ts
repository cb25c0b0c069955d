import type {
  ControlDrillDown,
  ControlPerson,
  ControlSignal,
  ControlThresholds,
  ControlTrail,
} from '@canbo/domain';
import { type RawBuilder, sql } from 'kysely';
import { type Actor, covers } from '../../access/actor';
import { subtreeEnd } from '../../access/scope-sql';
import type { AppContext } from '../../context';
import { NotFound } from '../../errors';
import * as repo from './control.repository';
import type { ControlService } from './control.service';
import { MAX_TOTAL } from './signals';
import { controlScope } from './thresholds.service';

const LIMIT = 500;
const DONE = sql.join(repo.DONE.map((s) => sql.lit(s)));

interface PersonRow {
  evaluation_id: string;
  person_id: string;
  full_name: string;
  position_title: string | null;
  state: string;
  self_total: string | null;
  total: string | null;
  grade: string | null;
  late: boolean;
  detail: Record<string, number | string | null> | null;
}

/**
 * Per signal, which evaluations of the unit make it fire, with the figure that puts each one there
 * (docs/CONTROL.md, "Drill-down"): the join and condition added to the unit's evaluations.
 */
interface Part {
  join?: RawBuilder<unknown>;
  where?: RawBuilder<unknown>;
  detail: RawBuilder<unknown>;
}

function signalPart(signal: ControlSignal, t: ControlThresholds, slice: repo.Slice): Part {
  const steps = (select: RawBuilder<unknown>, actions: string[], having: RawBuilder<unknown>) =>
    sql`JOIN LATERAL (SELECT ${select}
           FROM evaluation_step st
          WHERE st.tenant_id = e.tenant_id AND st.evaluation_id = e.id
            AND st.action IN (${sql.join(actions.map((a) => sql.lit(a)))})
         HAVING ${having}) x ON true`;
  switch (signal) {
    case 'selfMax':
      return {
        where: sql`e.self_total >= ${MAX_TOTAL}`,
        detail: sql`jsonb_build_object('selfTotal', e.self_total)`,
      };
    case 'unchangedReview':
      return {
        join: steps(
          sql`count(*) FILTER (WHERE st.scores = e.self_scores) AS unchanged, count(*) AS reviews`,
          ['review'],
          sql`count(*) FILTER (WHERE st.scores = e.self_scores) > 0`,
        ),
        detail: sql`jsonb_build_object('unchanged', x.unchanged, 'reviews', x.reviews)`,
      };
    case 'reviewTime':
      return {
        join: steps(
          sql`min(extract(epoch FROM st.at - st.opened_at))::float8 AS fastest, count(*) AS steps`,
          ['review', 'decide'],
          sql`min(extract(epoch FROM st.at - st.opened_at)) < ${t.signals.reviewTime.threshold}`,
        ),
        detail: sql`jsonb_build_object('seconds', round(x.fastest::numeric, 1), 'steps', x.steps)`,
      };
    case 'bulkApproval':
      return {
        join: steps(
          sql`count(*) FILTER (WHERE st.bulk) AS bulk, count(*) AS steps`,
          ['review', 'decide'],
          sql`count(*) FILTER (WHERE st.bulk) > 0`,
        ),
        detail: sql`jsonb_build_object('bulk', x.bulk, 'steps', x.steps)`,
      };
    case 'identicalScores':
      return {
        join: sql`JOIN (SELECT c.scores, c.size, dense_rank() OVER (ORDER BY c.size DESC, c.scores::text) AS cluster
                          FROM (SELECT e2.scores, count(*) AS size
                                  FROM evaluation e2
                                 WHERE e2.tenant_id = ${slice.tenantId} AND e2.cycle_id = ${slice.cycleId}
                                   AND e2.unit_id = ${slice.unitId ?? null}
                                   AND e2.scores <> '{}'::jsonb
                                 GROUP BY e2.scores
                                HAVING count(*) >= ${t.clusterSize}) c) x ON x.scores = e.scores`,
        detail: sql`jsonb_build_object('cluster', x.cluster, 'size', x.size, 'total', e.total)`,
      };
    case 'topGrade':
      return {
        where: sql`e.state IN (${DONE}) AND e.grade = 'excellent'`,
        detail: sql`jsonb_build_object('total', e.total)`,
      };
    case 'late':
      return { where: sql`e.late`, detail: sql`jsonb_build_object('state', e.state)` };
    case 'reopened':
      return {
        join: steps(
          sql`count(*) AS reopened, (array_agg(st.comment ORDER BY st.seq DESC))[1] AS reason`,
          ['reopen'],
          sql`count(*) > 0`,
        ),
        detail: sql`jsonb_build_object('reopened', x.reopened, 'reason', x.reason)`,
      };
  }
}

/** Drill-down from a unit's signal to the people behind it, and from a person to their steps and audit trail. */
export function createControlDrillService(ctx: AppContext, control: ControlService) {
  const { db, tenantId } = ctx;

  async function drill(
    actor: Actor,
    unitId: string,
    signal: ControlSignal,
    query: { cycleId: string; rootId?: string | undefined },
  ): Promise<ControlDrillDown> {
    const { cycle, unit } = await control.target(actor, query.cycleId, unitId);
    let root: { path: string } = unit;
    if (query.rootId) root = (await control.target(actor, query.cycleId, query.rootId)).unit;
    else if (covers(controlScope(actor), cycle.unit_path)) root = { path: cycle.unit_path };
    const slice = { tenantId, cycleId: cycle.id, path: unit.path, unitId: unit.id };
    const { rows, thresholds } = await control.signalsOf(slice, cycle, {
      tenantId,
      cycleId: cycle.id,
      path: root.path,
    });
    const row = rows[0];
    const applied = thresholds.forPath(unit.path).thresholds;
    const result = row?.signals.find((s) => s.signal === signal);
    const part = signalPart(signal, applied, slice);
    const { rows: people } = await sql<PersonRow>`
      SELECT e.id AS evaluation_id, e.person_id, p.full_name, e.position_title, e.state, e.self_total, e.total,
             e.grade, e.late, ${part.detail} AS detail
        FROM evaluation e
        JOIN person p ON p.tenant_id = e.tenant_id AND p.id = e.person_id
        ${part.join ?? sql``}
       WHERE e.tenant_id = ${tenantId} AND e.cycle_id = ${cycle.id} AND e.unit_id = ${unit.id}
         AND e.unit_path >= ${unit.path} AND e.unit_path < ${subtreeEnd(unit.path)}
         AND ${part.where ?? sql`true`}
       ORDER BY ${signal === 'identicalScores' ? sql`x.cluster, ` : sql``}p.sort_key COLLATE "C", e.id
       LIMIT ${LIMIT + 1}`.execute(db);
    return {
      cycleId: cycle.id,
      unitId: unit.id,
      unitName: unit.name,
      result: result ?? {
        signal,
        value: null,
        threshold: applied.signals[signal].threshold,
        fired: false,
        enabled: applied.signals[signal].enabled,
        weight: applied.signals[signal].weight,
        numbers: {},
      },
      people: people.slice(0, LIMIT).map(presentPerson),
      truncated: people.length > LIMIT,
    };
  }

  async function trail(actor: Actor, evaluationId: string): Promise<ControlTrail> {
    const ev = await db
      .selectFrom('evaluation as e')
      .innerJoin('person as p', (j) =>
        j.onRef('p.tenant_id', '=', 'e.tenant_id').onRef('p.id', '=', 'e.person_id'),
      )
      .innerJoin('org_unit as u', (j) =>
        j.onRef('u.tenant_id', '=', 'e.tenant_id').onRef('u.id', '=', 'e.unit_id'),
      )
      .innerJoin('eval_cycle as c', (j) =>
        j.onRef('c.tenant_id', '=', 'e.tenant_id').onRef('c.id', '=', 'e.cycle_id'),
      )
      .select(['e.id', 'e.unit_path', 'p.full_name', 'u.name as unit_name', 'c.label'])
      .where('e.tenant_id', '=', tenantId)
      .where('e.id', '=', evaluationId)
      .executeTakeFirst();
    if (!ev || !covers(controlScope(actor), ev.unit_path)) throw new NotFound('evaluation');
    const [steps, audit] = await Promise.all([
      sql<{
        seq: number;
        action: string;
        from_state: string;
        to_state: string;
        level: number;
        total: string | null;
        grade: string | null;
        comment: string | null;
        actor_name: string;
        bulk: boolean;
        opened_at: Date | null;
        at: Date;
        seconds: number | null;
        changed: boolean | null;
      }>`
        SELECT st.seq, st.action, st.from_state, st.to_state, st.level, st.total, st.grade, st.comment,
               st.actor_name, st.bulk, st.opened_at, st.at,
               extract(epoch FROM st.at - st.opened_at)::float8 AS seconds,
               CASE WHEN st.action IN ('review', 'decide') AND e.self_scores IS NOT NULL
                    THEN st.scores IS DISTINCT FROM e.self_scores END AS changed
          FROM evaluation_step st
          JOIN evaluation e ON e.tenant_id = st.tenant_id AND e.id = st.evaluation_id
         WHERE st.tenant_id = ${tenantId} AND st.evaluation_id = ${evaluationId}
         ORDER BY st.seq`.execute(db),
      db
        .selectFrom('audit_log')
        .select(['seq', 'at', 'actor_name', 'action', 'before', 'after'])
        .where('tenant_id', '=', tenantId)
        .where('entity_type', '=', 'evaluation')
        .where('entity_id', '=', evaluationId)
        .orderBy('seq')
        .limit(200)
        .execute(),
    ]);
    const num = (v: string | number | null) => (v === null ? null : Number(v));
    return {
      evaluationId: ev.id,
      fullName: ev.full_name,
      unitName: ev.unit_name,
      cycleLabel: ev.label,
      steps: steps.rows.map((s) => ({
        seq: Number(s.seq),
        action: s.action,
        fromState: s.from_state,
        toState: s.to_state,
        level: Number(s.level),
        total: num(s.total),
        grade: s.grade,
        comment: s.comment,
        actorName: s.actor_name,
        bulk: s.bulk,
        openedAt: s.opened_at ? new Date(s.opened_at).toISOString() : null,
        at: new Date(s.at).toISOString(),
        seconds: s.seconds === null ? null : Math.round(Number(s.seconds) * 10) / 10,
        scoresChanged: s.changed,
      })),
      audit: audit.map((a) => ({
        seq: Number(a.seq),
        at: new Date(a.at).toISOString(),
        actorName: a.actor_name,
        action: a.action,
        before: a.before,
        after: a.after,
      })),
    };
  }

  return { drill, trail };
}

function presentPerson(r: PersonRow): ControlPerson {
  const num = (v: string | null) => (v === null ? null : Number(v));
  const detail = Object.fromEntries(
    Object.entries(r.detail ?? {}).map(([k, v]) => [
      k,
      typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v,
    ]),
  );
  return {
    evaluationId: r.evaluation_id,
    personId: r.person_id,
    fullName: r.full_name,
    positionTitle: r.position_title,
    state: r.state,
    selfTotal: num(r.self_total),
    total: num(r.total),
    grade: r.grade,
    late: r.late,
    detail,
  };
}
