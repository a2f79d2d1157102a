import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { ApiError } from './api';
import { AuthProvider } from './auth';
import { App } from './App';
import './format';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
      refetchOnWindowFocus: true,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider
      locale={viVN}
      theme={{
        token: {
          colorPrimary: '#0b5cab',
          colorLink: '#0b5cab',
          colorInfo: '#0b5cab',
          colorError: '#c41d2f',
          colorSuccess: '#2f7a0b',
          fontFamily: "'Liberation Sans', Arial, 'Segoe UI', Roboto, sans-serif",
          colorTextDescription: 'rgba(0,0,0,0.65)',
          colorTextTertiary: 'rgba(0,0,0,0.6)',
          colorTextPlaceholder: 'rgba(0,0,0,0.6)',
        },
      }}
    >
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthProvider>
              <App />
            </AuthProvider>
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
