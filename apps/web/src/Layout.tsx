import { type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Layout as AntLayout, Menu, Space, Tooltip, Typography } from 'antd';
import { BellOutlined, LogoutOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { isAdmin, isApprover, isDrafter, isReviewer, useAuth } from './auth';

const ROLE_LABELS: Record<string, string> = {
  drafter: 'Chuyên viên',
  approver: 'Lãnh đạo',
  reviewer: 'Theo dõi',
  admin: 'Quản trị',
};

export function useUnreadCount() {
  return useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: () => api<{ unread: number }>('/notifications/unread-count'),
    refetchInterval: 60_000,
  });
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const unread = useUnreadCount();
  const n = unread.data?.unread ?? 0;
  const items = [
    { key: '/', label: <Link to="/">Việc cần làm</Link> },
    ...(isDrafter(me) || isApprover(me)
      ? [{ key: '/ke-hoach/nhap-tu-van-ban', label: <Link to="/ke-hoach/nhap-tu-van-ban">Nhập kế hoạch</Link> }]
      : []),
    ...(isApprover(me) ? [{ key: '/hop-thu-duyet', label: <Link to="/hop-thu-duyet">Hộp thư duyệt</Link> }] : []),
    ...(isReviewer(me) ? [{ key: '/tong-quan', label: <Link to="/tong-quan">Tổng quan</Link> }] : []),
    { key: '/thong-bao', label: <Link to="/thong-bao">Thông báo</Link> },
    ...(isAdmin(me)
      ? [
          { key: '/quan-tri', label: <Link to="/quan-tri">Quản trị</Link> },
          { key: '/nhat-ky', label: <Link to="/nhat-ky">Nhật ký</Link> },
        ]
      : []),
  ];
  const selected = items.find((i) => i.key !== '/' && location.pathname.startsWith(i.key))?.key ?? '/';
  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      <AntLayout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          background: '#fff',
          borderBottom: '1px solid #e5e5e5',
          paddingInline: 24,
        }}
      >
        <Link to="/" style={{ fontWeight: 700, color: '#0b5cab', whiteSpace: 'nowrap' }} aria-label="Trang chủ CCHC">
          CCHC · Tuyên truyền
        </Link>
        <nav aria-label="Chức năng chính" style={{ flex: 1, minWidth: 0 }}>
          <Menu mode="horizontal" selectedKeys={[selected]} items={items} style={{ borderBottom: 'none' }} />
        </nav>
        <Space size="middle">
          <Tooltip title={n ? `${n} thông báo chưa đọc` : 'Không có thông báo mới'}>
            <Badge count={n} overflowCount={99}>
              <Button
                shape="circle"
                icon={<BellOutlined aria-hidden />}
                aria-label={n ? `Thông báo: ${n} chưa đọc` : 'Thông báo'}
                onClick={() => navigate('/thong-bao')}
              />
            </Badge>
          </Tooltip>
          <div style={{ lineHeight: 1.3, textAlign: 'right' }}>
            <Typography.Text strong>{me?.unitName}</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {me?.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}
            </Typography.Text>
          </div>
          <Button
            icon={<LogoutOutlined aria-hidden />}
            onClick={async () => {
              await signOut();
              navigate('/dang-nhap', { replace: true });
            }}
          >
            Đăng xuất
          </Button>
        </Space>
      </AntLayout.Header>
      <AntLayout.Content style={{ padding: '20px 24px', maxWidth: 1320, width: '100%', margin: '0 auto' }}>
        {children}
      </AntLayout.Content>
    </AntLayout>
  );
}
