import type { Actor } from '../../access/actor';
import { PREPARE_HINT } from '../../db/prepared';
import { statementTemplate } from '../../db/statement-template';
import { todayInVietnam } from '../units/units.dates';
import {
  type EvaluationAccess,
  type OwnRecordColumns,
  ownRecordColumns,
  visibleEvaluations,
} from './evaluations.access';
import {
  type AnswerListColumns,
  answerListColumns,
  answerListsFrom,
  type Db,
  type EvaluationRow,
  evaluationRows,
  reviewersSinceSubmitIn,
} from './evaluations.repository';
import { type PersonFactColumns, personFactColumns } from './scoring';
import { taskStatsOf } from './tasks.repository';
import { type WaitingColumns, waitingColumns, waitingFactsOf } from './waiting';

/**
 * The evaluation as a step reads it, in one statement: the row (locked when inside a transaction)
 * with the facts the rules need, who it may wait on next, and its steps and tasks for the answer.
 * Seen through `access` (out of scope reads as missing), or for `actor` with their own record, from
 * which the caller derives the access (one statement fewer per request).
 */
export async function readForTransition(
  db: Db,
  id: string,
  today: string,
  who: { access: EvaluationAccess } | { actor: Actor },
) {
  const compiled =
    'access' in who
      ? readStatement(db, { actor: who.access.actor, id, today }, who.access)
      : readAsActor(db, who.actor, id, today);
  const { rows } = await db.executeQuery<
    EvaluationRow & PersonFactColumns & WaitingColumns & AnswerListColumns & Partial<OwnRecordColumns>
  >(compiled);
  const found = rows[0];
  if (!found) return undefined;
  const {
    fact_disciplines,
    fact_findings,
    w_accounts,
    w_holders,
    r_steps,
    r_tasks,
    me_person_id,
    me_delegations,
    ...row
  } = found;
  // The task record and the reviewers of this round come from the lists the answer needs anyway.
  const lists = answerListsFrom({ r_steps, r_tasks });
  return {
    row: row as EvaluationRow,
    facts: { fact_disciplines, fact_findings, fact_tasks: taskStatsOf(lists.tasks, todayInVietnam()) },
    waiting: waitingFactsOf(row, { w_accounts, w_holders }, reviewersSinceSubmitIn(lists.steps)),
    lists,
    own: { me_person_id: me_person_id ?? null, me_delegations: me_delegations ?? null },
  };
}

interface ReadArgs {
  actor: Actor;
  id: string;
  today: string;
}

/** The read, seen through `access`, or (without it) with the actor's own record. */
function readStatement(db: Db, { actor, id, today }: ReadArgs, access?: EvaluationAccess) {
  let q = evaluationRows(db, actor.tenantId)
    .select(personFactColumns())
    .select(waitingColumns(today))
    .select(answerListColumns(db))
    .where('e.id', '=', id);
  q = access ? q.where(visibleEvaluations(access)) : q.select(ownRecordColumns(actor, today));
  if (db.isTransaction) q = q.forUpdate('e');
  const compiled = q.compile();
  // A lookup by key whatever the caller's scope: named and prepared (db/prepared.ts).
  return { ...compiled, sql: `${PREPARE_HINT} ${compiled.sql}` };
}

/**
 * The read a request makes for its caller, built once per shape: its text depends only on whether it
 * locks and whether the caller is a user (the scope-filtered read above varies with the scope).
 */
const readAsUser = statementTemplate(['tenantId', 'userId', 'id', 'today'], (a, db: Db) =>
  readStatement(db, {
    actor: { ...USER_SHAPE, tenantId: a.tenantId, userId: a.userId },
    id: a.id,
    today: a.today,
  }),
);
const USER_SHAPE: Actor = {
  kind: 'user',
  tenantId: '',
  userId: null,
  displayName: '',
  grants: [],
  requestId: null,
  ip: null,
};

function readAsActor(db: Db, actor: Actor, id: string, today: string) {
  if (actor.userId === null) return readStatement(db, { actor, id, today });
  const args = { tenantId: actor.tenantId, userId: actor.userId, id, today };
  return readAsUser(db.isTransaction ? 'locked' : 'plain', args, db);
}

export type ReadForTransition = NonNullable<Awaited<ReturnType<typeof readForTransition>>>;
