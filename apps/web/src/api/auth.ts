import type { Me, SignInInput } from '@canbo/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, setCsrfToken } from './client';
import type { TotpSetup } from './types';

export const meKey = ['auth', 'me'] as const;

/**
 * Whether the last session ended by an explicit sign-out (not by expiring). The session gate keeps
 * the page to return to only for an expired session: after a sign-out on a shared computer, the next
 * person must not land on the previous user's page.
 */
let signedOut = false;
export const endedBySignOut = (): boolean => signedOut;

/** The signed-in user, or null when there is no session (401). */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get<Me>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  // Re-checked when the tab regains focus, so an expired session shows the sign-in page at once.
  return useQuery({
    queryKey: meKey,
    queryFn: fetchMe,
    staleTime: 60_000,
    retry: false,
    refetchOnWindowFocus: true,
  });
}

/** The signed-in user where a session is known to exist (inside the guarded layout). */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside a signed-in area');
  return data;
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api.post<Me>('/auth/sign-in', input),
    onSuccess: (me) => {
      signedOut = false;
      setCsrfToken(me.csrfToken);
      // A new session: nothing cached for the previous one may leak into it.
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, me);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/sign-out'),
    onMutate: () => {
      signedOut = true;
    },
    onSettled: () => {
      setCsrfToken(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, null);
    },
  });
}

/** After a change to the account, the fresh `Me` (its pending step, CSRF token) is read back. */
export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => api.post<void>('/auth/password', input).then(fetchMe),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<TotpSetup>('/auth/totp/setup') });
}

export function useTotpEnable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<void>('/auth/totp/enable', { code }).then(fetchMe),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}

export function useTotpDisable() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post<void>('/auth/totp/disable', { password }).then(fetchMe),
    onSuccess: (me) => qc.setQueryData(meKey, me),
  });
}
