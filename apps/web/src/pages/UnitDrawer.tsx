import { Link } from 'react-router-dom';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Timeline, Typography } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { UNIT_KIND_LABELS } from '@cchc/domain';
import { api } from '../api';
import { dateTime, ddmmyyyy } from '../format';
import { StateTag } from './DashboardPage';
import { cellOf, COLUMN_LABELS, COLUMNS, type Review, type ReviewRow } from './review-types';

interface Transition {
  seq: number;
  command: string;
  from: string;
  to: string;
  actor: string;
  at: string;
  reason: string | null;
  versionNo: number | null;
}

const COMMAND_LABELS: Record<string, string> = {
  start_draft: 'Bắt đầu soạn',
  submit: 'Trình / gửi',
  approve: 'Duyệt / chấp nhận',
  return: 'Trả lại',
  extend_deadline: 'Gia hạn',
};

/** Everything below `unitId` in the matrix (by the parent links of the year). */
function subtreeOf(review: Review, unitId: string): ReviewRow[] {
  const children = new Map<string, ReviewRow[]>();
  for (const r of review.matrix) {
    if (!r.parentUnitId) continue;
    children.set(r.parentUnitId, [...(children.get(r.parentUnitId) ?? []), r]);
  }
  const out: ReviewRow[] = [];
  const walk = (id: string) => {
    for (const c of children.get(id) ?? []) {
      out.push(c);
      walk(c.unitId);
    }
  };
  walk(unitId);
  return out;
}

/** Drill-down into one unit: its plan and reports with their history (versions, return reasons), its subtree. */
export function UnitDrawer({
  row,
  review,
  onClose,
  onDrill,
}: {
  row: ReviewRow | null;
  review: Review;
  onClose: () => void;
  onDrill: (unitId: string) => void;
}) {
  const cells = row
    ? COLUMNS.map((c) => ({ column: c, cell: cellOf(row, c) })).filter((x) => x.cell?.obligationId)
    : [];
  const histories = useQueries({
    queries: cells.map((x) => ({
      queryKey: ['obligation', x.cell!.obligationId],
      queryFn: () => api<{ transitions: Transition[] }>(`/obligations/${x.cell!.obligationId}`),
    })),
  });
  const below = row ? subtreeOf(review, row.unitId) : [];
  return (
    <Drawer
      open={!!row}
      onClose={onClose}
      width={720}
      title={row?.name}
      closeIcon={<span aria-label="Đóng">✕</span>}
      extra={
        row && below.length > 0 ? (
          <Button onClick={() => onDrill(row.unitId)}>Xem tổng quan của đơn vị này</Button>
        ) : null
      }
    >
      {row && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="Mã">{row.code}</Descriptions.Item>
            <Descriptions.Item label="Loại">
              {UNIT_KIND_LABELS[row.kind as keyof typeof UNIT_KIND_LABELS] ?? row.kind}
            </Descriptions.Item>
            <Descriptions.Item label="Cấp">{row.depth}</Descriptions.Item>
            <Descriptions.Item label="Đơn vị cấp dưới">{below.length}</Descriptions.Item>
          </Descriptions>
          <section aria-label="Kế hoạch và báo cáo">
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              Kế hoạch và báo cáo năm {review.year}
            </Typography.Title>
            {cells.length === 0 && <Empty description="Đơn vị chưa có nghĩa vụ nào trong năm" />}
            {cells.map((x, i) => {
              const h = histories[i];
              return (
                <div key={x.column} style={{ marginBottom: 16 }} data-testid={`drill-${x.column}`}>
                  <Space wrap>
                    <Typography.Text strong>{COLUMN_LABELS[x.column]}</Typography.Text>
                    <StateTag cell={x.cell} />
                    <span>hạn {ddmmyyyy(x.cell!.deadline)}</span>
                    <Link to={`/nghia-vu/${x.cell!.obligationId}`}>
                      Mở {x.column === 'plan' ? 'kế hoạch' : 'báo cáo'}
                    </Link>
                  </Space>
                  {h.isPending ? (
                    <Spin size="small" aria-label="Đang tải lịch sử" />
                  ) : h.isError ? (
                    <Alert type="error" message={`Không tải được lịch sử: ${h.error.message}`} />
                  ) : h.data.transitions.length === 0 ? (
                    <Typography.Paragraph type="secondary">Chưa có thao tác nào.</Typography.Paragraph>
                  ) : (
                    <Timeline
                      style={{ marginTop: 12 }}
                      items={h.data.transitions.map((t) => ({
                        color: t.command === 'return' ? 'red' : t.command === 'approve' ? 'green' : 'blue',
                        children: (
                          <>
                            {dateTime(t.at)} · {COMMAND_LABELS[t.command] ?? t.command}
                            {t.versionNo ? ` (phiên bản ${t.versionNo})` : ''}
                            {t.reason && (
                              <div>
                                <Typography.Text type="secondary">Lý do: {t.reason}</Typography.Text>
                              </div>
                            )}
                          </>
                        ),
                      }))}
                    />
                  )}
                </div>
              );
            })}
          </section>
          {below.length > 0 && (
            <section aria-label="Đơn vị cấp dưới">
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                Đơn vị cấp dưới ({below.length})
              </Typography.Title>
              <Table
                size="small"
                rowKey="unitId"
                pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
                dataSource={below}
                columns={[
                  { title: 'Đơn vị', dataIndex: 'name', ellipsis: true },
                  ...COLUMNS.map((c) => ({
                    title: COLUMN_LABELS[c],
                    key: c,
                    render: (_: unknown, r: ReviewRow) => <StateTag cell={cellOf(r, c)} />,
                  })),
                ]}
              />
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}
