import { annualTarget, type ReviewState } from '../matrix/annual';
import type { MatrixFixture } from '../permission-matrix';
import { AUDIT, type FuzzRoute, type Table } from './types';

/**
 * Fuzz entries of the annual review (docs/ANNUAL.md), spread into the `routes` of
 * src/http/fuzz.int.test.ts. Every target is a fresh party cell under A's home unit with one person
 * and its own prepared annual period; odd bodies must be refused without a write.
 */
const REVIEW: Table[] = ['annual_review', 'annual_review_step', ...AUDIT];

type Built = Awaited<ReturnType<typeof annualTarget>>;
const last = new WeakMap<MatrixFixture, Built>();

async function build(fx: MatrixFixture, state: ReviewState = 'pending'): Promise<Built> {
  const built = await annualTarget(fx, 'A', state);
  last.set(fx, built);
  return built;
}

const latest = (fx: MatrixFixture) => {
  const built = last.get(fx);
  if (!built) throw new Error('url() builds the target before valid()');
  return built;
};

function reviewStep(
  action: string,
  state: ReviewState,
  body: (b: Built) => Record<string, unknown>,
  collective = false,
): FuzzRoute {
  return {
    caller: 'admin',
    writes: REVIEW,
    url: async (fx) => {
      const b = await build(fx, state);
      return `/api/annual-reviews/${collective ? b.collective.id : b.person.id}/${action}`;
    },
    valid: async (fx) => body(latest(fx)),
  };
}

export const annualRoutes: Record<string, FuzzRoute> = {
  'POST /api/review-periods': {
    caller: 'admin',
    writes: ['review_period', 'job', ...AUDIT],
    url: async () => '/api/review-periods',
    valid: async (fx) => ({
      kind: 'annual',
      unitId: (await fx.unit('A')).id,
      year: 2027,
      selfDue: '2027-12-10',
      meetingDue: '2027-12-20',
      decisionDue: '2027-12-31',
    }),
  },
  'POST /api/review-periods/:id/prepare': {
    caller: 'admin',
    writes: ['review_period', 'job', ...AUDIT],
    url: async (fx) => `/api/review-periods/${(await build(fx)).periodId}/prepare`,
    valid: async (fx) => ({ version: latest(fx).periodVersion }),
  },
  'POST /api/review-periods/:id/close': {
    caller: 'admin',
    writes: ['review_period', ...AUDIT],
    url: async (fx) => `/api/review-periods/${(await build(fx)).periodId}/close`,
    valid: async (fx) => ({ version: latest(fx).periodVersion }),
  },
  'PUT /api/review-periods/:id/units/:unitId/meeting': {
    caller: 'admin',
    writes: ['review_meeting', ...AUDIT],
    url: async (fx) => {
      const b = await build(fx);
      return `/api/review-periods/${b.periodId}/units/${b.unitId}/meeting`;
    },
    valid: async () => ({
      meetingDate: '2025-12-15',
      present: 5,
      summoned: 6,
      minutes: 'Biên bản hội nghị.',
    }),
  },
  'POST /api/review-periods/:id/units/:unitId/publish': {
    caller: 'admin',
    writes: [...REVIEW, 'weak_org'],
    url: async (fx) => {
      const b = await build(fx, 'decided');
      return `/api/review-periods/${b.periodId}/units/${b.unitId}/publish`;
    },
  },
  'POST /api/annual-reviews/:id/self': reviewStep(
    'self',
    'pending',
    (b) => ({
      selfReview: 'Báo cáo kiểm điểm',
      proposedGrade: 'good',
      score: 80,
      version: b.collective.version,
    }),
    true,
  ),
  'POST /api/annual-reviews/:id/comment': reviewStep('comment', 'pending', (b) => ({
    comment: 'Nhất trí.',
    version: b.person.version,
  })),
  'POST /api/annual-reviews/:id/propose': reviewStep('propose', 'selfReviewed', (b) => ({
    grade: 'good',
    version: b.person.version,
  })),
  'POST /api/annual-reviews/:id/decide': reviewStep('decide', 'proposed', (b) => ({
    grade: 'good',
    version: b.person.version,
  })),
  'POST /api/annual-reviews/:id/reopen': reviewStep('reopen', 'decided', (b) => ({
    reason: 'Xem xét lại',
    version: b.person.version,
  })),
};
