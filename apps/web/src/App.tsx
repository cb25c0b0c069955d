import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { meKey } from './api/auth';
import { ApiError, onUnauthenticated } from './api/client';
import { router } from './router';

const queryClient = new QueryClient({
  queryCache: new QueryCache(),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not heal by asking again.
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
    },
    mutations: { retry: false },
  },
});

const appTheme = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#0b5cad', borderRadius: 6, fontSize: 14 },
  components: { Table: { cellPaddingBlockSM: 6 } },
};

export function App() {
  const { i18n } = useTranslation();
  // Any request that finds the session gone drops the cached user; the gate then shows sign-in.
  useEffect(() => onUnauthenticated(() => queryClient.setQueryData(meKey, null)), []);
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={appTheme} componentSize="middle">
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
