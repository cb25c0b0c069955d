import { systemActor } from '../../src/access/actor';
import { annualBuilders } from '../../src/modules/annual/annual.fixtures';
import { prepareReviewPeriod } from '../../src/modules/annual/prepare';
import {
  by,
  every,
  LEFT_OUT,
  type MatrixFixture,
  own,
  type RouteExpectation,
  type Side,
  scoped,
} from '../permission-matrix';

/**
 * Permission-matrix entries of the annual review (docs/ANNUAL.md). Each target is a fresh unit under
 * the home unit of A or B, typed as a party cell, with one person, and its own annual period prepared.
 * Officers (evaluations.manage) run periods and meetings; managers (evaluations.review) comment and
 * propose; heads (evaluations.decide) decide, publish and reopen; inspectors (evaluations.read) read;
 * staff hold none of these and reach only their own review, so everything here is missing for them.
 */

export type ReviewState = 'pending' | 'selfReviewed' | 'proposed' | 'decided';

export async function annualTarget(fx: MatrixFixture, side: Side, state: ReviewState = 'pending') {
  const { t } = fx;
  const system = systemActor(t.ctx.tenantId, 'matrix');
  const unit = await fx.unit(side);
  const b = annualBuilders(t.ctx.db, t.ctx.tenantId);
  await b.typeUnit(unit, 'party_cell');
  const personId = await b.person({ unit, partyStatus: 'full' });
  const period = await t.services.reviewPeriods.create(system, {
    kind: 'annual',
    unitId: unit.id,
    year: 2025,
    selfDue: '2025-12-10',
    meetingDue: '2025-12-20',
    decisionDue: '2025-12-31',
  });
  await prepareReviewPeriod(t.ctx.db, { tenantId: t.ctx.tenantId, periodId: period.id });
  const grades = {
    pending: {},
    selfReviewed: { self_review: 'Tự kiểm điểm' },
    proposed: { self_review: 'Tự kiểm điểm', manager_grade: 'good' },
    decided: { self_review: 'Tự kiểm điểm', manager_grade: 'good', decided_grade: 'good' },
  }[state];
  await t.ctx.db
    .updateTable('annual_review')
    .set({ ...grades, state })
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('period_id', '=', period.id)
    .where('person_id', '=', personId)
    .execute();
  const rows = await t.ctx.db
    .selectFrom('annual_review')
    .select(['id', 'subject', 'track', 'version'])
    .where('tenant_id', '=', t.ctx.tenantId)
    .where('period_id', '=', period.id)
    .execute();
  const person = rows.find((r) => r.subject === 'person' && r.track === 'state')!;
  const collective = rows.find((r) => r.subject === 'organisation')!;
  const version = (
    await t.ctx.db
      .selectFrom('review_period')
      .select('version')
      .where('id', '=', period.id)
      .executeTakeFirstOrThrow()
  ).version;
  return { periodId: period.id, periodVersion: version, unitId: unit.id, personId, person, collective };
}

type Target = Awaited<ReturnType<typeof annualTarget>>;

const READ = by(200, 200, 200, 200, 404, 200);
const MANAGE = by(200, 200, 403, 403, 404, 403);
const REVIEW = by(200, 403, 200, 200, 404, 403);
const DECIDE = by(200, 403, 200, 403, 404, 403);

function route(
  statuses: ReturnType<typeof by>,
  build: (s: Target) => { url: string; body?: unknown; id?: string },
  state: ReviewState = 'pending',
  note?: string,
  outside: ReturnType<typeof by> = every(404),
): RouteExpectation {
  return scoped({
    ...(note ? { note } : {}),
    inScope: statuses,
    outOfScope: outside,
    rootAdmin: 200,
    request: async (fx, side) => build(await annualTarget(fx, side, state)),
  });
}

const board = (s: Target, file: string) => ({
  url: `/api/review-periods/${s.periodId}/units/${s.unitId}/${file}`,
});

export const annualExpectations: Record<string, RouteExpectation> = {
  'GET /api/review-periods': route(
    by(200, 200, 200, 200, LEFT_OUT, 200),
    (s) => ({ url: `/api/review-periods?unitId=${s.unitId}`, id: s.periodId }),
    'pending',
    'a list: periods outside every evaluation grant are left out',
    every(LEFT_OUT),
  ),
  'POST /api/review-periods': scoped({
    note: 'units.read to find the unit (404), then evaluations.manage on it (403)',
    inScope: by(201, 201, 403, 403, 403, 403),
    outOfScope: every(404),
    rootAdmin: 201,
    request: async (fx, side) => {
      const unit = await fx.unit(side);
      return {
        url: '/api/review-periods',
        body: {
          kind: 'annual',
          unitId: unit.id,
          year: 2026,
          selfDue: '2026-12-10',
          meetingDue: '2026-12-20',
          decisionDue: '2026-12-31',
        },
      };
    },
  }),
  'GET /api/review-periods/:id': route(READ, (s) => ({
    url: `/api/review-periods/${s.periodId}`,
    id: s.periodId,
  })),
  'GET /api/review-periods/:id/units': route(READ, (s) => ({
    url: `/api/review-periods/${s.periodId}/units`,
  })),
  'POST /api/review-periods/:id/prepare': route(MANAGE, (s) => ({
    url: `/api/review-periods/${s.periodId}/prepare`,
    body: { version: s.periodVersion },
  })),
  'POST /api/review-periods/:id/close': route(MANAGE, (s) => ({
    url: `/api/review-periods/${s.periodId}/close`,
    body: { version: s.periodVersion },
  })),
  'GET /api/review-periods/:id/units/:unitId/board': route(READ, (s) => ({
    ...board(s, 'board'),
    id: s.person.id,
  })),
  'GET /api/review-periods/:id/units/:unitId/meeting': route(READ, (s) => board(s, 'meeting')),
  'PUT /api/review-periods/:id/units/:unitId/meeting': route(MANAGE, (s) => ({
    ...board(s, 'meeting'),
    body: { meetingDate: '2025-12-15', present: 5, summoned: 6, minutes: 'Biên bản hội nghị kiểm điểm.' },
  })),
  'POST /api/review-periods/:id/units/:unitId/publish': route(DECIDE, (s) => board(s, 'publish'), 'decided'),
  'GET /api/review-periods/:id/units/:unitId/classification.docx': route(READ, (s) =>
    board(s, 'classification.docx'),
  ),
  'GET /api/review-periods/:id/units/:unitId/classification.xlsx': route(READ, (s) =>
    board(s, 'classification.xlsx'),
  ),
  'GET /api/annual-reviews': route(
    by(200, 200, 200, 200, LEFT_OUT, 200),
    (s) => ({ url: `/api/annual-reviews?periodId=${s.periodId}`, id: s.person.id }),
    'pending',
    'a list: reviews outside every evaluation grant are left out',
    every(LEFT_OUT),
  ),
  'GET /api/annual-reviews/mine': own({
    note: 'the caller’s own reviews (none here): never anyone else’s',
    roles: every(200),
    rootAdmin: 200,
    request: async () => ({ url: '/api/annual-reviews/mine' }),
  }),
  'GET /api/annual-reviews/:id': route(READ, (s) => ({
    url: `/api/annual-reviews/${s.person.id}`,
    id: s.person.id,
  })),
  'GET /api/annual-reviews/:id/self-review.docx': route(READ, (s) => ({
    url: `/api/annual-reviews/${s.person.id}/self-review.docx`,
  })),
  'POST /api/annual-reviews/:id/self': route(
    by(200, 200, 200, 200, 404, 403),
    (s) => ({
      url: `/api/annual-reviews/${s.collective.id}/self`,
      body: {
        selfReview: 'Báo cáo kiểm điểm của chi bộ',
        proposedGrade: 'good',
        score: 80,
        version: s.collective.version,
      },
    }),
    'pending',
    'a collective’s self-review: evaluations.review or evaluations.manage over the collective (a person writes only their own)',
  ),
  'POST /api/annual-reviews/:id/comment': route(REVIEW, (s) => ({
    url: `/api/annual-reviews/${s.person.id}/comment`,
    body: { comment: 'Tập thể nhất trí.', version: s.person.version },
  })),
  'POST /api/annual-reviews/:id/propose': route(
    REVIEW,
    (s) => ({
      url: `/api/annual-reviews/${s.person.id}/propose`,
      body: { grade: 'good', version: s.person.version },
    }),
    'selfReviewed',
  ),
  'POST /api/annual-reviews/:id/decide': route(
    DECIDE,
    (s) => ({
      url: `/api/annual-reviews/${s.person.id}/decide`,
      body: { grade: 'good', version: s.person.version },
    }),
    'proposed',
  ),
  'POST /api/annual-reviews/:id/reopen': route(
    by(200, 200, 200, 403, 404, 403),
    (s) => ({
      url: `/api/annual-reviews/${s.person.id}/reopen`,
      body: { reason: 'Xem xét lại', version: s.person.version },
    }),
    'decided',
    'evaluations.decide over the deciding unit, or evaluations.manage',
  ),
  'GET /api/people/:id/annual-results': route(
    by(200, 200, 200, 200, 404, 200),
    (s) => ({ url: `/api/people/${s.personId}/annual-results` }),
    'pending',
    'people.read over the person (or their own record)',
  ),
};
