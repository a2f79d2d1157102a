import { useNavigate } from 'react-router-dom';
import { App, Button, Card, Empty, List, Result, Space, Typography } from 'antd';
import { Tag } from '../Tag';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { dateTime } from '../format';
import { Loading } from '../App';

interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  obligationId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** A link of a notification as a route of this app (links carry the public URL of the server). */
export function routeOf(n: Pick<Notification, 'link' | 'obligationId'>): string | null {
  if (n.link) {
    try {
      const u = new URL(n.link, window.location.origin);
      return u.pathname + u.search;
    } catch {
      // fall through
    }
  }
  return n.obligationId ? `/nghia-vu/${n.obligationId}` : null;
}

export default function NotificationsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<{ items: Notification[]; nextCursor: string | null }>(
        `/notifications?limit=30${pageParam ? `&after=${pageParam}` : ''}`,
      ),
    getNextPageParam: (p) => p.nextCursor,
  });
  const markRead = useMutation({
    mutationFn: (id: string) => api(`/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const readAll = useMutation({
    mutationFn: () => api<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
    onSuccess: (r) => {
      message.success(`Đã đánh dấu ${r.marked} thông báo là đã đọc`);
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'work'] });
    },
  });
  if (list.isPending) return <Loading />;
  if (list.isError) return <Result status="error" title="Không tải được thông báo" subTitle={list.error.message} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          Thông báo
        </Typography.Title>
        <Button onClick={() => readAll.mutate()} loading={readAll.isPending}>
          Đánh dấu tất cả đã đọc
        </Button>
      </Space>
      <Card>
        <List
          dataSource={items}
          locale={{ emptyText: <Empty description="Chưa có thông báo nào" /> }}
          renderItem={(n) => {
            const route = routeOf(n);
            return (
              <List.Item
                actions={[
                  ...(route
                    ? [
                        <Button
                          key="open"
                          type="link"
                          onClick={() => {
                            if (!n.readAt) markRead.mutate(n.id);
                            navigate(route);
                          }}
                        >
                          Mở hồ sơ
                        </Button>,
                      ]
                    : []),
                  ...(!n.readAt
                    ? [
                        <Button key="read" type="link" onClick={() => markRead.mutate(n.id)}>
                          Đánh dấu đã đọc
                        </Button>,
                      ]
                    : []),
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space>
                      {!n.readAt && <Tag color="blue">Mới</Tag>}
                      <span style={{ fontWeight: n.readAt ? 400 : 600 }}>{n.title}</span>
                    </Space>
                  }
                  description={
                    <div>
                      <div>{dateTime(n.createdAt)}</div>
                      <details>
                        <summary style={{ cursor: 'pointer' }}>Nội dung</summary>
                        <div style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.85)' }}>{n.body}</div>
                      </details>
                    </div>
                  }
                />
              </List.Item>
            );
          }}
        />
        {list.hasNextPage && (
          <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
            Xem thêm
          </Button>
        )}
      </Card>
    </Space>
  );
}
