import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Spin } from 'antd';
import { useAuth } from './auth';
import { Layout } from './Layout';
import { LoginPage } from './pages/LoginPage';

// Pages other than sign-in and the shell load on demand: the first load carries only what the home page needs.
const HomePage = lazy(() => import('./pages/HomePage'));
const PlanPage = lazy(() => import('./pages/PlanPage'));
const PlanImportPage = lazy(() => import('./pages/PlanImportPage'));
const ReportPage = lazy(() => import('./pages/ReportPage'));
const InboxPage = lazy(() => import('./pages/InboxPage'));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage'));
const ObligationPage = lazy(() => import('./pages/ObligationPage'));
const DashboardPage = lazy(() => import('./pages/DashboardPage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));
const AuditPage = lazy(() => import('./pages/AuditPage'));

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <div style={{ padding: 48, textAlign: 'center' }} role="status" aria-live="polite">
      <Spin />
      <div style={{ marginTop: 8 }}>{label}</div>
    </div>
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const { me, restoring } = useAuth();
  const location = useLocation();
  if (restoring) return <Loading label="Đang khôi phục phiên đăng nhập…" />;
  if (!me) {
    const next = location.pathname + location.search;
    return <Navigate to={`/dang-nhap${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
  }
  return <Layout>{children}</Layout>;
}

const page = (el: ReactNode) => (
  <RequireAuth>
    <Suspense fallback={<Loading />}>{el}</Suspense>
  </RequireAuth>
);

export function App() {
  return (
    <Routes>
      <Route path="/dang-nhap" element={<LoginPage />} />
      <Route path="/" element={page(<HomePage />)} />
      <Route path="/viec-can-lam" element={<Navigate to="/" replace />} />
      <Route path="/ke-hoach/nhap-tu-van-ban" element={page(<PlanImportPage />)} />
      <Route path="/ke-hoach/nhap-tu-van-ban/:id" element={page(<PlanImportPage />)} />
      <Route path="/ke-hoach/:id" element={page(<PlanPage />)} />
      <Route path="/bao-cao/:id" element={page(<ReportPage />)} />
      <Route path="/hop-thu-duyet" element={page(<InboxPage />)} />
      <Route path="/thong-bao" element={page(<NotificationsPage />)} />
      <Route path="/nghia-vu/:id" element={page(<ObligationPage />)} />
      <Route path="/tong-quan" element={page(<DashboardPage />)} />
      <Route path="/quan-tri" element={page(<AdminPage />)} />
      <Route path="/quan-tri/:tab" element={page(<AdminPage />)} />
      <Route path="/nhat-ky" element={page(<AuditPage />)} />
      <Route
        path="*"
        element={page(
          <div style={{ padding: 48 }}>
            <h1>Không tìm thấy trang</h1>
            <p>Đường dẫn không đúng hoặc trang đã bị xóa.</p>
          </div>,
        )}
      />
    </Routes>
  );
}
