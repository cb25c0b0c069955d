import type {
  AGE_BANDS,
  AwardView,
  CreateAwardInput,
  CreateDisciplineInput,
  CreatePersonInput,
  CreatePositionInput,
  CreateTrainingInput,
  DisciplineView,
  EndPositionInput,
  PartyStatus,
  PERSON_SORTS,
  PERSON_STATUSES,
  PersonHistory,
  PersonListItem,
  PersonProfile,
  PositionView,
  StaffCategory,
  TrainingView,
  UpdateAwardInput,
  UpdateDisciplineInput,
  UpdatePersonInput,
  UpdatePositionInput,
  UpdateTrainingInput,
} from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from './client';
import type { Page, PageParams } from './types';

export type { PersonHistory, PersonListItem, PersonProfile };

export type AgeBand = (typeof AGE_BANDS)[number];
export type PersonSort = (typeof PERSON_SORTS)[number];
export type PersonStatusFilter = (typeof PERSON_STATUSES)[number] | 'all';

/** Filters of GET /api/people (and of the .xlsx export, which takes the same ones). */
export interface PersonFilters {
  q?: string;
  unitId?: string;
  asOf?: string;
  staffCategory?: StaffCategory;
  partyStatus?: PartyStatus;
  sex?: 'male' | 'female';
  ethnicity?: string;
  ageBand?: AgeBand;
  position?: string;
  status?: PersonStatusFilter;
  sort?: PersonSort;
  order?: 'asc' | 'desc';
}

export type PersonListParams = PersonFilters & PageParams;

export const peopleKeys = {
  all: ['people'] as const,
  list: (params: PersonListParams) => ['people', 'list', params] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  me: ['people', 'me'] as const,
  history: (id: string) => ['people', 'history', id] as const,
};

export function usePeople(params: PersonListParams, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: () => api.get<Page<PersonListItem>>('/people', { ...params }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.detail(id),
    queryFn: () => api.get<PersonProfile>(`/people/${id}`),
  });
}

/** The record linked to the caller's account; 404 when there is none. */
export function useMyPerson() {
  return useQuery({ queryKey: peopleKeys.me, queryFn: () => api.get<PersonProfile>('/people/me') });
}

export function usePersonHistory(id: string, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.history(id),
    queryFn: () => api.get<PersonHistory>(`/people/${id}/history`),
    enabled,
  });
}

/** The filtered list as .xlsx, a plain same-origin link (the session cookie goes with it). */
export function peopleExportUrl(filters: PersonFilters): string {
  return `/api/people/export.xlsx${queryString({ ...filters })}`;
}

/** The résumé laid out like Mẫu 2C, as .docx. */
export function resumeUrl(id: string): string {
  return `/api/people/${id}/resume.docx`;
}

export function useCreatePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreatePersonInput) => api.post<PersonProfile>('/people', input),
    onSuccess: (person) => {
      qc.setQueryData(peopleKeys.detail(person.id), person);
      return qc.invalidateQueries({ queryKey: ['people', 'list'] });
    },
  });
}

/** After a change the profile answer is the new truth; lists and the timeline are stale. */
function useRefreshPerson(id: string) {
  const qc = useQueryClient();
  return async (person?: PersonProfile) => {
    if (person) qc.setQueryData(peopleKeys.detail(id), person);
    else await qc.invalidateQueries({ queryKey: peopleKeys.detail(id) });
    await Promise.all([
      qc.invalidateQueries({ queryKey: peopleKeys.history(id) }),
      qc.invalidateQueries({ queryKey: ['people', 'list'] }),
    ]);
  };
}

export function useUpdatePerson(id: string) {
  const refresh = useRefreshPerson(id);
  return useMutation({
    mutationFn: (input: UpdatePersonInput) => api.patch<PersonProfile>(`/people/${id}`, input),
    onSuccess: (person) => refresh(person),
  });
}

/** The sections kept as separate rows, each with its own version. */
export type RecordSection = 'positions' | 'disciplines' | 'awards' | 'trainings';

export interface RecordTypes {
  positions: { view: PositionView; create: CreatePositionInput; update: UpdatePositionInput };
  disciplines: { view: DisciplineView; create: CreateDisciplineInput; update: UpdateDisciplineInput };
  awards: { view: AwardView; create: CreateAwardInput; update: UpdateAwardInput };
  trainings: { view: TrainingView; create: CreateTrainingInput; update: UpdateTrainingInput };
}

/** Add, change and remove rows of one section of a person's record. */
export function useRecordMutations<S extends RecordSection>(personId: string, section: S) {
  const refresh = useRefreshPerson(personId);
  const base = `/people/${personId}/${section}`;
  const onSuccess = () => refresh();
  return {
    add: useMutation({
      mutationFn: (input: RecordTypes[S]['create']) => api.post<RecordTypes[S]['view']>(base, input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ itemId, input }: { itemId: string; input: RecordTypes[S]['update'] }) =>
        api.patch<RecordTypes[S]['view']>(`${base}/${itemId}`, input),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: ({ itemId, version }: { itemId: string; version: number }) =>
        api.delete(`${base}/${itemId}${queryString({ version })}`),
      onSuccess,
    }),
  };
}

/** Ends an open post (thôi giữ chức vụ) from a date. */
export function useEndPosition(personId: string) {
  const refresh = useRefreshPerson(personId);
  return useMutation({
    mutationFn: ({ itemId, input }: { itemId: string; input: EndPositionInput }) =>
      api.post<PositionView>(`/people/${personId}/positions/${itemId}/end`, input),
    onSuccess: () => refresh(),
  });
}
