import type { CreateUserInput, GrantInput, GrantView, UpdateUserInput, UserView } from '@canbo/domain';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CreatedUser, Page, PageParams, TemporaryPassword } from './types';

export type UserDetail = UserView & { grants: GrantView[] };

export interface UserListParams extends PageParams {
  q?: string;
  unitId?: string;
  personId?: string;
}

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
  grants: (id: string) => ['users', 'grants', id] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => api.get<Page<UserView>>('/users', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({ queryKey: userKeys.detail(id), queryFn: () => api.get<UserDetail>(`/users/${id}`) });
}

export function useUserGrants(id: string) {
  return useQuery({
    queryKey: userKeys.grants(id),
    queryFn: () => api.get<GrantView[]>(`/users/${id}/grants`),
  });
}

/** After any change to a user, the list, the detail and the grants are stale. */
function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<CreatedUser>('/users', input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => api.patch<UserView>(`/users/${id}`, input),
    onSuccess: (user) => {
      qc.setQueryData<UserDetail>(userKeys.detail(id), (old) => (old ? { ...old, ...user } : old));
      return invalidate();
    },
  });
}

export function useResetPassword(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: () => api.post<TemporaryPassword>(`/users/${id}/reset-password`),
    onSuccess: invalidate,
  });
}

export function useUnlockUser(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: () => api.post<void>(`/users/${id}/unlock`), onSuccess: invalidate });
}

export function useResetTotp(id: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: () => api.post<void>(`/users/${id}/reset-totp`), onSuccess: invalidate });
}

export function useAddGrant(userId: string) {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: GrantInput) => api.post<GrantView>(`/users/${userId}/grants`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveGrant() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (grantId: string) => api.delete(`/grants/${grantId}`),
    onSuccess: invalidate,
  });
}
