import { sql } from 'kysely';
import { subtreeEnd } from '../../access/scope-sql';
import type { Db } from './annual.types';

/**
 * Enrolment of a review period (docs/ANNUAL.md, "Enrolment"), set-wise: one INSERT … SELECT per kind
 * of subject, never a round trip per person.
 *
 * People: everyone active with a main (non-concurrent) post in the period's subtree at some time in the
 * period. Their main posts anywhere in the tenant are ranked by days held in the period (end_date is
 * exclusive), ties going to the later post; the winner is where the person is reviewed (the same rule
 * as the periodic cycles' enrolment), and only a winner inside the subtree is enrolled. A leader is
 * decided by the parent unit. One review per (person, track): the state track for the categories the
 * civil-service rules classify, the party track for probationary, full and suspended members.
 *
 * Collectives (party track): every active unit of the subtree that is a party organisation or has
 * people enrolled is reviewed as an organisation; party committees and communes also as a leadership
 * collective. They are decided by the parent unit (the period's own unit by itself).
 */
export interface EnrolPeriod {
  id: string;
  unit_id: string;
  unit_path: string;
  period_start: string;
  period_end: string;
}

/** Rule set of each track (and, on the state track, of each staff category) for the period. */
export interface TrackRuleSets {
  state: Record<string, string>;
  party: string;
}

export const UUID7 = sql`(substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 1, 8)
  || '-' || substr(lpad(to_hex(floor(extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0'), 9, 4)
  || '-7' || substr(gen_random_uuid()::text, 16))::uuid`;

/** Placeholder until the proposals are computed: graded, no cap, self-review required. */
export const PENDING_ELIGIBILITY = JSON.stringify({
  status: 'graded',
  cap: null,
  forced: null,
  selfReviewRequired: true,
  reasons: [],
});

const LEADERSHIP_TYPES = [
  'city_party_committee',
  'affiliated_party_committee',
  'base_party_committee',
  'commune',
];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds the people not yet enrolled, on both tracks; returns how many reviews were added. */
export async function enrolPeople(
  db: Db,
  tenantId: string,
  period: EnrolPeriod,
  ruleSets: TrackRuleSets,
  partyStatuses: readonly string[],
): Promise<number> {
  const start = period.period_start;
  const after = addDays(period.period_end, 1);
  const from = period.unit_path;
  const to = subtreeEnd(period.unit_path);
  const now = new Date();
  const categories = Object.keys(ruleSets.state);
  const stateRuleSet = sql.join(
    categories.map((c) => sql`WHEN ${c} THEN ${ruleSets.state[c]}`),
    sql` `,
  );
  const held = sql`NOT ps.is_concurrent AND ps.start_date < ${after}::date
    AND (ps.end_date IS NULL OR ps.end_date > ${start}::date)`;
  const { rows } = await sql<{ n: string | number }>`WITH candidates AS (
      SELECT DISTINCT ps.person_id
      FROM position ps
      JOIN org_unit u ON u.tenant_id = ps.tenant_id AND u.id = ps.unit_id
      WHERE ps.tenant_id = ${tenantId} AND ${held} AND u.path >= ${from} AND u.path < ${to}
    ),
    ranked AS (
      SELECT ps.person_id, ps.unit_id, ps.title, ps.title_group, ps.is_leader,
        row_number() OVER (
          PARTITION BY ps.person_id
          ORDER BY LEAST(COALESCE(ps.end_date, ${after}::date), ${after}::date)
                   - GREATEST(ps.start_date, ${start}::date) DESC,
                   ps.start_date DESC, ps.id DESC
        ) AS rn
      FROM position ps
      JOIN candidates c ON c.person_id = ps.person_id
      WHERE ps.tenant_id = ${tenantId} AND ${held}
    ),
    winners AS (
      SELECT r.person_id, r.title, r.title_group, r.is_leader, p.staff_category, p.party_status,
        u.id AS unit_id, u.path AS unit_path,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.id ELSE u.id END AS decision_unit_id,
        CASE WHEN r.is_leader AND pu.id IS NOT NULL THEN pu.path ELSE u.path END AS decision_unit_path
      FROM ranked r
      JOIN person p ON p.tenant_id = ${tenantId} AND p.id = r.person_id AND p.status = 'active'
      JOIN org_unit u ON u.tenant_id = ${tenantId} AND u.id = r.unit_id
      LEFT JOIN org_unit pu ON pu.tenant_id = u.tenant_id AND pu.id = u.parent_id
      WHERE r.rn = 1 AND u.path >= ${from} AND u.path < ${to}
    ),
    inserted AS (
      INSERT INTO annual_review (tenant_id, id, period_id, subject, track, rule_set_id, person_id, unit_id,
        unit_path, decision_unit_id, decision_unit_path, position_title, quota_group, is_leader, state,
        eligibility, created_at, updated_at)
      SELECT ${tenantId}::uuid, ${UUID7}, ${period.id}::uuid, 'person', t.track,
        CASE WHEN t.track = 'party' THEN ${ruleSets.party} ELSE (CASE w.staff_category ${stateRuleSet} END) END,
        w.person_id, w.unit_id, w.unit_path, w.decision_unit_id, w.decision_unit_path, w.title, w.title_group,
        w.is_leader, 'pending', ${PENDING_ELIGIBILITY}::jsonb, ${now}::timestamptz, ${now}::timestamptz
      FROM winners w
      CROSS JOIN (VALUES ('state'), ('party')) AS t(track)
      WHERE (t.track = 'state' AND w.staff_category IN (${sql.join(categories)}))
         OR (t.track = 'party' AND w.party_status IN (${sql.join([...partyStatuses])}))
      ON CONFLICT (tenant_id, period_id, person_id, track) WHERE subject = 'person' DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS n FROM inserted`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Adds the collectives not yet enrolled (after the people: a unit with people enrolled counts). */
export async function enrolCollectives(
  db: Db,
  tenantId: string,
  period: EnrolPeriod,
  partyRuleSet: string,
): Promise<number> {
  const now = new Date();
  const from = period.unit_path;
  const to = subtreeEnd(period.unit_path);
  const { rows } = await sql<{ n: string | number }>`WITH staffed AS MATERIALIZED (
      SELECT DISTINCT unit_id FROM annual_review
       WHERE tenant_id = ${tenantId} AND period_id = ${period.id} AND subject = 'person'
    ),
    units AS (
      SELECT u.id, u.path, u.type,
        CASE WHEN u.id = ${period.unit_id} OR pu.id IS NULL THEN u.id ELSE pu.id END AS decision_unit_id,
        CASE WHEN u.id = ${period.unit_id} OR pu.id IS NULL THEN u.path ELSE pu.path END AS decision_unit_path
      FROM org_unit u
      LEFT JOIN org_unit pu ON pu.tenant_id = u.tenant_id AND pu.id = u.parent_id
      WHERE u.tenant_id = ${tenantId} AND u.path >= ${from} AND u.path < ${to} AND u.status = 'active'
        AND (u.is_party_org OR EXISTS (SELECT 1 FROM staffed s WHERE s.unit_id = u.id))
    ),
    inserted AS (
      INSERT INTO annual_review (tenant_id, id, period_id, subject, track, rule_set_id, person_id, unit_id,
        unit_path, decision_unit_id, decision_unit_path, position_title, quota_group, is_leader, state,
        eligibility, created_at, updated_at)
      SELECT ${tenantId}::uuid, ${UUID7}, ${period.id}::uuid, s.subject, 'party', ${partyRuleSet}, NULL,
        u.id, u.path, u.decision_unit_id, u.decision_unit_path, NULL, u.type, false, 'pending',
        ${PENDING_ELIGIBILITY}::jsonb, ${now}::timestamptz, ${now}::timestamptz
      FROM units u
      CROSS JOIN (VALUES ('organisation'), ('leadership')) AS s(subject)
      WHERE s.subject = 'organisation' OR u.type IN (${sql.join(LEADERSHIP_TYPES)})
      ON CONFLICT (tenant_id, period_id, unit_id, subject) WHERE subject <> 'person' DO NOTHING
      RETURNING 1
    )
    SELECT count(*) AS n FROM inserted`.execute(db);
  return Number(rows[0]?.n ?? 0);
}
