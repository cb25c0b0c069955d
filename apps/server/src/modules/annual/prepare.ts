import {
  type AbsenceKind,
  type AnnualRuleSet,
  annualRuleSetById,
  boundGrade,
  checkEligibility,
  type Eligibility,
  type EligibilityInput,
  PARTY_TRACK_STATUSES,
  type RollupProposal,
  rollUp,
  serviceMonths,
} from '@canbo/domain';
import { type Kysely, sql } from 'kysely';
import { type Actor, systemActor } from '../../access/actor';
import { recordAudit } from '../../audit/audit';
import type { DB } from '../../db/schema';
import { NotFound } from '../../errors';
import { trackRuleSets } from './annual.rules';
import type { Db } from './annual.types';
import { enrolCollectives, enrolPeople } from './enrolment';
import { disqualifiersOf, loadFacts, type PersonFacts } from './facts';

/**
 * Prepares a review period (docs/ANNUAL.md, "Preparation"): enrols people on both tracks and the
 * collectives, then computes each person's eligibility and roll-up proposal in batches of people —
 * a handful of queries and one UPDATE per batch, whatever its size — and opens the period. Run again
 * ("prepare" on an open period), it enrols newcomers and recomputes every review not yet decided.
 * Called by the job 'annual.prepare' and directly by the benchmark.
 */
export interface PrepareResult {
  people: number;
  collectives: number;
  computed: number;
  notReviewed: number;
}

export type OnProgress = (done: number, total: number) => void | Promise<void>;

/** Reviews recomputed by a preparation: nothing the head has decided moves. */
export const RECOMPUTED_STATES = ['pending', 'selfReviewed', 'proposed', 'notReviewed'];

const BATCH = 4_000;

export async function prepareReviewPeriod(
  db: Kysely<DB>,
  { tenantId, periodId, actor }: { tenantId: string; periodId: string; actor?: Actor },
  onProgress?: OnProgress,
): Promise<PrepareResult> {
  const period = await db
    .selectFrom('review_period')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw new NotFound('review period');
  const rules = trackRuleSets(period.period_end);
  const { people, collectives } = await db.transaction().execute(async (tx) => {
    const people = await enrolPeople(tx, tenantId, period, rules, PARTY_TRACK_STATUSES);
    const collectives = await enrolCollectives(tx, tenantId, period, rules.party);
    return { people, collectives };
  });

  const totalRow = await sql<{ n: string | number }>`SELECT count(*) AS n FROM annual_review
    WHERE tenant_id = ${tenantId} AND period_id = ${periodId} AND subject = 'person'
      AND state IN (${sql.join(RECOMPUTED_STATES)})`.execute(db);
  const total = Number(totalRow.rows[0]?.n ?? 0);
  await onProgress?.(0, total);

  let done = 0;
  let notReviewed = 0;
  let last: { person_id: string; id: string } | null = null;
  for (;;) {
    const batch: ReviewKey[] = (
      await sql<ReviewKey>`SELECT id, person_id, track, rule_set_id, is_leader FROM annual_review
        WHERE tenant_id = ${tenantId} AND period_id = ${periodId} AND subject = 'person'
          AND state IN (${sql.join(RECOMPUTED_STATES)})
          ${last ? sql`AND (person_id, id) > (${last.person_id}::uuid, ${last.id}::uuid)` : sql``}
        ORDER BY person_id, id
        LIMIT ${BATCH}`.execute(db)
    ).rows;
    if (batch.length === 0) break;
    last = batch[batch.length - 1]!;
    const facts = await loadFacts(
      db,
      tenantId,
      { periodStart: period.period_start, periodEnd: period.period_end },
      [...new Set(batch.map((r) => r.person_id))],
    );
    const computed = batch.map((r) => {
      const c = computeReview(r, facts.get(r.person_id), period);
      if (c.eligibility.status === 'notReviewed') notReviewed++;
      return c;
    });
    await saveComputed(db, tenantId, computed);
    done += batch.length;
    await onProgress?.(done, total);
  }

  const result = { people, collectives, computed: done, notReviewed };
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('review_period')
      .set((eb) => ({ state: 'open', job_id: null, version: eb('version', '+', 1) }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', periodId)
      .where('state', '=', 'preparing')
      .execute();
    await recordAudit(tx, actor ?? systemActor(tenantId, 'annual.prepare'), {
      action: 'reviewPeriod.prepared',
      entityType: 'review_period',
      entityId: periodId,
      unitPath: period.unit_path,
      after: result,
    });
  });
  return result;
}

interface ReviewKey {
  id: string;
  person_id: string;
  track: 'state' | 'party';
  rule_set_id: string;
  is_leader: boolean;
}

export interface ComputedReview {
  id: string;
  eligibility: Eligibility;
  rollup: RollupProposal;
  score: number | null;
  grade: string | null;
  state: 'pending' | 'notReviewed';
}

const ruleSets = new Map<string, AnnualRuleSet>();

export function annualRules(id: string): AnnualRuleSet {
  let r = ruleSets.get(id);
  if (!r) {
    r = annualRuleSetById(id as AnnualRuleSet['id']);
    if (!r) throw new Error(`Unknown annual rule set ${id}`);
    ruleSets.set(id, r);
  }
  return r;
}

const EMPTY_FACTS: PersonFacts = {
  partyStatus: 'none',
  partyAdmittedDate: null,
  posts: [],
  absences: [],
  disciplined: false,
  degradation: false,
  corruptionInManagedUnit: false,
  results: [],
};

/** Eligibility and proposal of one review from the facts of its person (pure). */
export function computeReview(
  r: ReviewKey,
  facts: PersonFacts | undefined,
  period: { period_start: string; period_end: string },
): ComputedReview {
  const f = facts ?? EMPTY_FACTS;
  const ruleSet = annualRules(r.rule_set_id);
  const start = period.period_start;
  const end = period.period_end;
  const absenceMonths: Partial<Record<AbsenceKind, number>> = {};
  for (const kind of new Set(f.absences.map((a) => a.kind))) {
    absenceMonths[kind] = serviceMonths(
      f.absences.filter((a) => a.kind === kind),
      start,
      end,
    );
  }
  const input: EligibilityInput = {
    track: r.track,
    monthsInPost: serviceMonths(f.posts, start, end),
    absenceMonths,
    reviewDate: end,
    disqualifiers: disqualifiersOf(f, r.is_leader),
  };
  if (r.track === 'party') {
    input.partyStatus = f.partyStatus as NonNullable<EligibilityInput['partyStatus']>;
    input.partyAdmittedDate = f.partyAdmittedDate;
  }
  const eligibility = checkEligibility(ruleSet, input);
  const rollup = rollUp(ruleSet, f.results);
  return {
    id: r.id,
    eligibility,
    rollup,
    score: eligibility.status === 'graded' ? rollup.score : null,
    grade: boundGrade(rollup.grade, eligibility),
    state: eligibility.status === 'notReviewed' ? 'notReviewed' : 'pending',
  };
}

/** One UPDATE for the batch; the version moves only where something changed. */
export async function saveComputed(db: Db, tenantId: string, rows: readonly ComputedReview[]): Promise<void> {
  if (rows.length === 0) return;
  const now = new Date();
  const payload = JSON.stringify(rows);
  await sql`UPDATE annual_review r SET
      eligibility = v.eligibility,
      rollup = v.rollup,
      proposed_score = v.score,
      proposed_grade = v.grade,
      state = CASE WHEN r.state IN ('pending', 'notReviewed') THEN v.state ELSE r.state END,
      version = CASE WHEN r.eligibility IS DISTINCT FROM v.eligibility OR r.rollup IS DISTINCT FROM v.rollup
                       OR r.proposed_grade IS DISTINCT FROM v.grade
                       OR (r.state IN ('pending', 'notReviewed') AND r.state <> v.state)
                     THEN r.version + 1 ELSE r.version END,
      updated_at = ${now}
    FROM jsonb_to_recordset(${payload}::jsonb)
      AS v(id uuid, eligibility jsonb, rollup jsonb, score numeric, grade text, state text)
    WHERE r.tenant_id = ${tenantId} AND r.id = v.id
      AND r.state IN (${sql.join(RECOMPUTED_STATES)})`.execute(db);
}
