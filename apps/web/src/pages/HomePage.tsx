import { Link, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Col, Empty, List, Result, Row, Space, Table, Typography } from 'antd';
import { Tag } from '../Tag';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { isApprover, isDrafter, useAuth } from '../auth';
import { ddmmyyyy, dateTime, daysText, PERIOD_LABELS, STATUS_COLORS } from '../format';
import type { MyWork, WorkItem } from '../types';
import { Loading } from '../App';

export const whatLabel = (o: Pick<WorkItem, 'kind' | 'period' | 'year'>) =>
  o.kind === 'plan' ? `Kế hoạch năm ${o.year}` : `Báo cáo ${PERIOD_LABELS[o.period ?? ''] ?? ''} năm ${o.year}`;

export function DaysTag({ o }: { o: Pick<WorkItem, 'daysLeft' | 'late' | 'status'> }) {
  if (o.daysLeft == null) return o.late ? <Tag color="orange">Trình muộn</Tag> : null;
  const color = o.daysLeft < 0 ? 'red' : o.daysLeft <= 3 ? 'orange' : 'blue';
  return <Tag color={color}>{daysText(o.daysLeft)}</Tag>;
}

export function StatusTag({ status, label }: { status: string; label: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;
}

export default function HomePage() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const work = useQuery({ queryKey: ['me', 'work'], queryFn: () => api<MyWork>('/me/work') });
  if (work.isPending) return <Loading />;
  if (work.isError)
    return (
      <Result
        status="error"
        title="Không tải được việc cần làm"
        subTitle={work.error.message}
        extra={<Button onClick={() => work.refetch()}>Thử lại</Button>}
      />
    );
  const { owes, awaitingDecision, notifications } = work.data;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Việc cần làm
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Đơn vị phải thực hiện</h2>}>
            <Table<WorkItem>
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={owes}
              locale={{ emptyText: <Empty description="Đơn vị không còn việc nào phải thực hiện" /> }}
              onRow={(o) => ({ onClick: () => navigate(`/nghia-vu/${o.id}`), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: 'Việc',
                  render: (_, o) => (
                    <div>
                      <Link to={`/nghia-vu/${o.id}`} onClick={(e) => e.stopPropagation()}>
                        {whatLabel(o)}
                      </Link>
                      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                        Theo {o.sourcePlanSymbol ? `Kế hoạch số ${o.sourcePlanSymbol}` : 'kế hoạch'} của{' '}
                        {o.parentUnitName}
                      </div>
                      {o.status === 'returned' && o.returnReason && (
                        <Alert
                          type="error"
                          style={{ marginTop: 6, padding: '4px 8px' }}
                          title={<span>Lý do trả lại: {o.returnReason}</span>}
                        />
                      )}
                    </div>
                  ),
                },
                { title: 'Hạn', width: 110, render: (_, o) => ddmmyyyy(o.deadline) },
                { title: 'Còn lại', width: 140, render: (_, o) => <DaysTag o={o} /> },
                {
                  title: 'Trạng thái',
                  width: 170,
                  render: (_, o) => <StatusTag status={o.status} label={o.statusLabel} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {isApprover(me) && (
              <Card
                title={<h2 style={{ fontSize: 16, margin: 0 }}>Chờ tôi quyết định</h2>}
                extra={<Link to="/hop-thu-duyet">Mở hộp thư duyệt</Link>}
              >
                {awaitingDecision.length ? (
                  <List
                    size="small"
                    dataSource={awaitingDecision.slice(0, 8)}
                    renderItem={(o) => (
                      <List.Item>
                        <Link to={`/nghia-vu/${o.id}`}>
                          {o.unitName} — {whatLabel(o)}
                        </Link>
                      </List.Item>
                    )}
                    footer={
                      awaitingDecision.length > 8 ? <span>và {awaitingDecision.length - 8} hồ sơ khác</span> : undefined
                    }
                  />
                ) : (
                  <Empty description="Không có hồ sơ nào chờ duyệt" />
                )}
              </Card>
            )}
            <Card
              title={<h2 style={{ fontSize: 16, margin: 0 }}>Thông báo chưa đọc ({notifications.unread})</h2>}
              extra={<Link to="/thong-bao">Xem tất cả</Link>}
            >
              {notifications.latest.length ? (
                <List
                  size="small"
                  dataSource={notifications.latest}
                  renderItem={(n) => (
                    <List.Item>
                      <div>
                        <Link to={n.obligationId ? `/nghia-vu/${n.obligationId}` : '/thong-bao'}>{n.title}</Link>
                        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>{dateTime(n.createdAt)}</div>
                      </div>
                    </List.Item>
                  )}
                />
              ) : (
                <Empty description="Không có thông báo mới" />
              )}
            </Card>
            {isDrafter(me) && (
              <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Soạn thảo</h2>}>
                <Space wrap>
                  <Button onClick={() => navigate('/ke-hoach/moi')}>Soạn kế hoạch mới</Button>
                  <Button onClick={() => navigate('/ke-hoach/nhap-tu-van-ban')}>Nhập kế hoạch từ văn bản</Button>
                </Space>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
