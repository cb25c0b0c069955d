import type {
  AbsenceInput,
  AbsenceList,
  AnnualReviewDetail,
  AnnualReviewList,
  AnnualReviewPage,
  AnnualReviewSummary,
  ClassificationBoard,
  CommentInput,
  CreateReviewPeriodInput,
  DecideInput,
  DesignateWeakOrgInput,
  FiledResultList,
  MeetingInput,
  PeriodUnitsView,
  ProposeInput,
  PublishResult,
  ReopenInput,
  ReviewPeriodPage,
  ReviewPeriodView,
  SelfReviewInput,
  UpdateWeakOrgInput,
  WeakOrgPage,
  WeakOrgView,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type { Output } from '../../api/types';

/**
 * Annual and mid-term review (docs/ANNUAL.md): periods over a subtree, the unit's classification
 * board, one review with its steps, weak party organisations, and the leave periods eligibility
 * depends on. Every write names the version it read; a 409 is shown with ConflictAlert.
 */

export type { AnnualReviewDetail, AnnualReviewSummary, ClassificationBoard, ReviewPeriodView, WeakOrgView };
export type ReviewPeriodList = Output<typeof ReviewPeriodPage>;
export type ReviewList = Output<typeof AnnualReviewPage>;
export type CreatePeriod = Output<typeof CreateReviewPeriodInput>;
export type SelfReviewBody = Output<typeof SelfReviewInput>;
export type CommentBody = Output<typeof CommentInput>;
export type ProposeBody = Output<typeof ProposeInput>;
export type DecideBody = Output<typeof DecideInput>;
export type ReopenBody = Output<typeof ReopenInput>;
export type MeetingBody = Output<typeof MeetingInput>;
export type Meeting = NonNullable<ClassificationBoard['meeting']>;
export type Published = Output<typeof PublishResult>;
export type FiledResult = Output<typeof FiledResultList>['items'][number];
export type Absence = Output<typeof AbsenceList>['items'][number];
export type AbsenceBody = Output<typeof AbsenceInput>;
export type WeakOrgList = Output<typeof WeakOrgPage>;
export type WeakOrgUpdate = Output<typeof UpdateWeakOrgInput>;
export type DesignateWeakOrg = Output<typeof DesignateWeakOrgInput>;
export type BoardSubject = 'person' | 'collective';
export type Track = AnnualReviewSummary['track'];

export interface PeriodListParams {
  page: number;
  pageSize: number;
  q?: string;
  unitId?: string;
  kind?: ReviewPeriodView['kind'];
  year?: number;
  state?: ReviewPeriodView['state'];
}

export interface WeakOrgParams {
  page: number;
  pageSize: number;
  unitId?: string;
  year?: number;
  status?: WeakOrgView['status'];
}

export const annualKeys = {
  all: ['annual'] as const,
  periods: (params: PeriodListParams) => ['annual', 'periods', params] as const,
  period: (id: string) => ['annual', 'period', id] as const,
  periodUnits: (id: string) => ['annual', 'periodUnits', id] as const,
  board: (id: string, unitId: string, track: Track, subject: BoardSubject) =>
    ['annual', 'board', id, unitId, track, subject] as const,
  review: (id: string) => ['annual', 'review', id] as const,
  mine: ['annual', 'mine'] as const,
  results: (personId: string) => ['annual', 'results', personId] as const,
  absences: (personId: string) => ['annual', 'absences', personId] as const,
  weakOrgs: (params: WeakOrgParams) => ['annual', 'weakOrgs', params] as const,
};

// ── Periods ─────────────────────────────────────────────────────────────────────────────

export function usePeriods(params: PeriodListParams) {
  return useQuery({
    queryKey: annualKeys.periods(params),
    queryFn: () => api.get<ReviewPeriodList>('/review-periods', { ...params }),
    placeholderData: keepPreviousData,
  });
}

/** One period, asked for again every second while its roll-up job is preparing it. */
export function usePeriod(id: string) {
  return useQuery({
    queryKey: annualKeys.period(id),
    queryFn: () => api.get<ReviewPeriodView>(`/review-periods/${id}`),
    refetchInterval: (query) => (query.state.data?.state === 'preparing' ? 1000 : false),
  });
}

/** The units of a period with where their reviews stand (counted by the server, in the caller's scope). */
export function usePeriodUnits(id: string, enabled: boolean) {
  return useQuery({
    queryKey: annualKeys.periodUnits(id),
    enabled,
    queryFn: () => api.get<PeriodUnitsView>(`/review-periods/${id}/units`).then((r) => r.items),
  });
}

export function usePeriodMutations() {
  const qc = useQueryClient();
  const refresh = (period: ReviewPeriodView) => {
    qc.setQueryData(annualKeys.period(period.id), period);
    return qc.invalidateQueries({ queryKey: annualKeys.all });
  };
  return {
    create: useMutation({
      mutationFn: (body: CreatePeriod) => api.post<ReviewPeriodView>('/review-periods', body),
      onSuccess: refresh,
    }),
    prepare: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<ReviewPeriodView>(`/review-periods/${id}/prepare`, { version }),
      onSuccess: refresh,
    }),
    close: useMutation({
      mutationFn: ({ id, version }: { id: string; version: number }) =>
        api.post<ReviewPeriodView>(`/review-periods/${id}/close`, { version }),
      onSuccess: refresh,
    }),
  };
}

// ── The unit's board ────────────────────────────────────────────────────────────────────

export function useBoard(id: string, unitId: string, track: Track, subject: BoardSubject) {
  return useQuery({
    queryKey: annualKeys.board(id, unitId, track, subject),
    queryFn: () =>
      api.get<ClassificationBoard>(
        `/review-periods/${id}/units/${unitId}/board${queryString({ track, subject })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useBoardMutations(id: string, unitId: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: annualKeys.all });
  const base = `/review-periods/${id}/units/${unitId}`;
  return {
    meeting: useMutation({
      mutationFn: (body: MeetingBody) => api.put<Meeting>(`${base}/meeting`, body),
      onSuccess,
    }),
    publish: useMutation({ mutationFn: () => api.post<Published>(`${base}/publish`), onSuccess }),
  };
}

export const classificationUrl = (
  id: string,
  unitId: string,
  kind: 'docx' | 'xlsx',
  track: Track,
  subject: BoardSubject,
) => `/api/review-periods/${id}/units/${unitId}/classification.${kind}${queryString({ track, subject })}`;

// ── One review ──────────────────────────────────────────────────────────────────────────

export function useReview(id: string) {
  return useQuery({
    queryKey: annualKeys.review(id),
    queryFn: () => api.get<AnnualReviewDetail>(`/annual-reviews/${id}`),
    enabled: Boolean(id),
  });
}

export function useMyReviews() {
  return useQuery({
    queryKey: annualKeys.mine,
    queryFn: () => api.get<Output<typeof AnnualReviewList>>('/annual-reviews/mine').then((r) => r.items),
  });
}

type StepAction = 'self' | 'comment' | 'propose' | 'decide' | 'reopen';
type StepBodies = {
  self: SelfReviewBody;
  comment: CommentBody;
  propose: ProposeBody;
  decide: DecideBody;
  reopen: ReopenBody;
};

export type StepVars = { [A in StepAction]: { id: string; action: A; body: StepBodies[A] } }[StepAction];

/** A step on a review, from its page or from a board row; the answer is the review's new state. */
export function useReviewStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: StepVars) =>
      api.post<AnnualReviewDetail>(`/annual-reviews/${id}/${action}`, body),
    onSuccess: async (detail) => {
      if (detail && typeof detail === 'object' && 'can' in detail) {
        qc.setQueryData(annualKeys.review(detail.id), detail);
      }
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['annual', 'board'] }),
        qc.invalidateQueries({ queryKey: ['annual', 'period'] }),
        qc.invalidateQueries({ queryKey: ['annual', 'periodUnits'] }),
        qc.invalidateQueries({ queryKey: annualKeys.mine }),
        qc.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export const selfReviewUrl = (id: string) => `/api/annual-reviews/${id}/self-review.docx`;

// ── The person's record ─────────────────────────────────────────────────────────────────

export function useFiledResults(personId: string) {
  return useQuery({
    queryKey: annualKeys.results(personId),
    queryFn: () => api.get<Output<typeof FiledResultList>>(`/people/${personId}/annual-results`),
    retry: false,
  });
}

export function useAbsences(personId: string) {
  return useQuery({
    queryKey: annualKeys.absences(personId),
    queryFn: () => api.get<Output<typeof AbsenceList>>(`/people/${personId}/absences`),
    retry: false,
  });
}

export function useAbsenceMutations(personId: string) {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: annualKeys.absences(personId) });
  return {
    add: useMutation({
      mutationFn: (body: AbsenceBody) => api.post<Absence>(`/people/${personId}/absences`, body),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (absenceId: string) => api.delete(`/people/${personId}/absences/${absenceId}`),
      onSuccess,
    }),
  };
}

// ── Weak party organisations ────────────────────────────────────────────────────────────

export function useWeakOrgs(params: WeakOrgParams) {
  return useQuery({
    queryKey: annualKeys.weakOrgs(params),
    queryFn: () => api.get<WeakOrgList>('/weak-orgs', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useWeakOrgMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: ['annual', 'weakOrgs'] });
  return {
    designate: useMutation({
      mutationFn: (body: DesignateWeakOrg) => api.post<WeakOrgView>('/weak-orgs', body),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: WeakOrgUpdate }) =>
        api.put<WeakOrgView>(`/weak-orgs/${id}`, body),
      onSuccess,
    }),
  };
}
