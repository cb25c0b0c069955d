import type {
  BallotView,
  CastBallotInput,
  CreateVoteSessionInput,
  IssuedTokensView,
  PersonVotesView,
  TurnoutView,
  VoteResultView,
  VoteSessionPage,
  VoteSessionView,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Output } from './types';

/**
 * Confidence votes (docs/VOTES.md): sessions, one-time ballot codes, live turnout, results. The
 * ballot routes need no account: the code is the key.
 */

export type VoteSession = VoteSessionView;
export type VoteSessionList = Output<typeof VoteSessionPage>;
export type Turnout = Output<typeof TurnoutView>;
export type VoteResult = VoteResultView;
export type IssuedTokens = Output<typeof IssuedTokensView>;
export type Ballot = BallotView;
export type CastBallot = CastBallotInput;
export type PersonVotes = Output<typeof PersonVotesView>;
export type CreateVoteSession = CreateVoteSessionInput;

export const voteKeys = {
  all: ['votes'] as const,
  list: (params: object) => ['votes', 'list', params] as const,
  detail: (id: string) => ['votes', 'detail', id] as const,
  turnout: (id: string) => ['votes', 'turnout', id] as const,
  results: (id: string) => ['votes', 'results', id] as const,
  person: (id: string) => ['votes', 'person', id] as const,
};

export function useVoteSessions(params: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: voteKeys.list(params),
    queryFn: () => api.get<VoteSessionList>('/votes', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useVoteSession(id: string) {
  return useQuery({ queryKey: voteKeys.detail(id), queryFn: () => api.get<VoteSession>(`/votes/${id}`) });
}

/** Polled while the session is open: the officer watches turnout grow. */
export function useTurnout(id: string, live: boolean) {
  return useQuery({
    queryKey: voteKeys.turnout(id),
    queryFn: () => api.get<Turnout>(`/votes/${id}/turnout`),
    refetchInterval: live ? 2_000 : false,
  });
}

export function useVoteResult(id: string, enabled: boolean) {
  return useQuery({
    queryKey: voteKeys.results(id),
    queryFn: () => api.get<VoteResult>(`/votes/${id}/results`),
    enabled,
  });
}

export function usePersonVotes(personId: string) {
  return useQuery({
    queryKey: voteKeys.person(personId),
    queryFn: () => api.get<PersonVotes>(`/people/${personId}/votes`),
    retry: false,
  });
}

export function useCreateVoteSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVoteSession) => api.post<VoteSession>('/votes', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: voteKeys.all }),
  });
}

export function useVoteStep(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ action, version }: { action: 'open' | 'close'; version: number }) =>
      api.post<VoteSession>(`/votes/${id}/${action}`, { version }),
    onSuccess: (session) => {
      qc.setQueryData(voteKeys.detail(id), session);
      return qc.invalidateQueries({ queryKey: voteKeys.all });
    },
  });
}

export function useIssueTokens(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; voterIds?: string[] }) =>
      api.post<IssuedTokens>(`/votes/${id}/tokens`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: voteKeys.detail(id) }),
  });
}

export const recordUrl = (id: string, kind: 'docx' | 'xlsx') => `/api/votes/${id}/record.${kind}`;

export const ballotApi = {
  view: (code: string) => api.get<Ballot>(`/ballots/${encodeURIComponent(code)}`),
  cast: (code: string, body: CastBallot) =>
    api.post<{ cast: true }>(`/ballots/${encodeURIComponent(code)}`, body),
};
