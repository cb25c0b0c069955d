import type { NotificationList, NotificationView } from '@canbo/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { Output } from './types';

export type Notification = Output<typeof NotificationView>;
export type Notifications = Output<typeof NotificationList>;

const key = ['notifications'] as const;

/** The caller's in-app notifications, polled every minute while the app is open. */
export function useNotifications() {
  return useQuery({
    queryKey: key,
    queryFn: () => api.get<Notifications>('/notifications'),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
}

export function useNotificationMutations() {
  const qc = useQueryClient();
  const onSuccess = () => qc.invalidateQueries({ queryKey: key });
  return {
    read: useMutation({ mutationFn: (id: string) => api.post<void>(`/notifications/${id}/read`), onSuccess }),
    readAll: useMutation({ mutationFn: () => api.post<void>('/notifications/read-all'), onSuccess }),
  };
}
