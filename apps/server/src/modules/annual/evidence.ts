import { GRADES, type Grade } from '@canbo/domain';
import { sql } from 'kysely';
import type { Db } from './annual.types';

/**
 * What a collective's grade rests on (docs/ANNUAL.md, "Collectives"): the grades in play of the people
 * reviewed in the unit, of its directly subordinate organisations, and whether anyone inside was
 * disciplined in the period (their eligibility carries a forced grade).
 */
export interface CollectiveEvidence {
  members: Record<Grade, number>;
  membersNotGraded: number;
  subordinates: Record<Grade, number>;
  disciplineInside: boolean;
}

const zero = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;

export async function collectiveEvidence(
  db: Db,
  row: { tenant_id: string; period_id: string; unit_id: string },
): Promise<CollectiveEvidence> {
  const { rows } = await sql<{ kind: string; grade: string | null; forced: string | null; n: number }>`
    SELECT CASE WHEN r.subject = 'person' THEN 'member' ELSE 'subordinate' END AS kind,
           COALESCE(r.decided_grade, r.manager_grade, r.proposed_grade) AS grade,
           r.eligibility->>'forced' AS forced, count(*) AS n
      FROM annual_review r
      JOIN org_unit u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
     WHERE r.tenant_id = ${row.tenant_id} AND r.period_id = ${row.period_id} AND r.state <> 'notReviewed'
       AND ((r.subject = 'person' AND r.unit_id = ${row.unit_id})
         OR (r.subject = 'organisation' AND u.parent_id = ${row.unit_id}))
     GROUP BY 1, 2, 3`.execute(db);
  const out: CollectiveEvidence = {
    members: zero(),
    membersNotGraded: 0,
    subordinates: zero(),
    disciplineInside: false,
  };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.forced !== null) out.disciplineInside = true;
    if (r.kind === 'member') {
      if (r.grade === null) out.membersNotGraded += n;
      else out.members[r.grade as Grade] += n;
    } else if (r.grade !== null) {
      out.subordinates[r.grade as Grade] += n;
    }
  }
  return out;
}
