import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { ApiError } from '../api';
import { useAuth } from '../auth';

/** Messages for the sign-in failures a user can do something about. */
function loginMessage(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.code === 'auth.invalid_credentials') return 'Email hoặc mật khẩu không đúng. Vui lòng kiểm tra và thử lại.';
    if (e.code === 'auth.user_disabled')
      return 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống của đơn vị để được mở khóa.';
    if (e.code === 'auth.too_many_attempts') return 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.';
    if (e.status === 400) return 'Vui lòng nhập email hợp lệ và mật khẩu.';
    return e.message;
  }
  return 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.';
}

/** Only paths inside the app: never an absolute URL from the query string. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { me, signIn, endedReason, restoring } = useAuth();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (me && !restoring) return <Navigate to={next} replace />;

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f4f8', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          Đăng nhập
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          Hệ thống theo dõi kế hoạch và báo cáo tuyên truyền cải cách hành chính
        </Typography.Paragraph>
        {endedReason === 'expired' && !error && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại."
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} role="alert" />}
        <Form
          layout="vertical"
          requiredMark={false}
          onFinish={async (v: { email: string; password: string }) => {
            setBusy(true);
            setError(null);
            try {
              await signIn(v.email.trim(), v.password);
              navigate(next, { replace: true });
            } catch (e) {
              setError(loginMessage(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item
            label="Email"
            name="email"
            rules={[
              { required: true, message: 'Vui lòng nhập email' },
              { type: 'email', message: 'Email không hợp lệ' },
            ]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </main>
  );
}
