import { useMemo, useState } from 'react';
import { Button, DatePicker, Result, Select, Space, Table, Typography } from 'antd';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { dateTime, dayjs } from '../format';
import { UnitSelect, useUnitTree } from './admin/units';

interface Entry {
  id: string;
  occurredAt: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  unitId: string | null;
  before: unknown;
  after: unknown;
}

/** Action families (the prefix before the dot) and their Vietnamese names. */
const TYPES: Record<string, string> = {
  'unit.': 'Đơn vị',
  'user.': 'Người dùng',
  'auth.': 'Đăng nhập, đăng xuất',
  'plan.': 'Kế hoạch',
  'report.': 'Báo cáo',
  'obligation.': 'Nghĩa vụ (nhắc, đôn đốc, gia hạn, duyệt)',
  'calendar.': 'Lịch nghỉ',
  'indicator.': 'Chỉ tiêu',
  'import.': 'Nhập dữ liệu',
};

/** The usual actions in words; any other shows its code. */
const ACTION_LABELS: Record<string, string> = {
  'unit.created': 'Tạo đơn vị',
  'unit.updated': 'Sửa đơn vị',
  'unit.moved': 'Chuyển đơn vị cấp trên',
  'unit.merged': 'Sáp nhập đơn vị',
  'unit.merged_away': 'Bị sáp nhập',
  'unit.deactivated': 'Ngừng hoạt động',
  'user.created': 'Tạo người dùng',
  'user.updated': 'Sửa người dùng',
  'user.disabled': 'Khóa tài khoản',
  'user.enabled': 'Mở khóa tài khoản',
  'user.password_reset': 'Đặt lại mật khẩu',
  'auth.login': 'Đăng nhập',
  'auth.logout': 'Đăng xuất',
  'obligation.reminded': 'Nhắc ngay',
  'obligation.urged': 'Đôn đốc',
  'obligation.bulk_approve': 'Duyệt hàng loạt',
  'calendar.updated': 'Cập nhật lịch nghỉ',
  'indicator.created': 'Thêm chỉ tiêu',
  'indicator.updated': 'Sửa chỉ tiêu',
};

const KEY_LABELS: Record<string, string> = {
  parentId: 'cấp trên',
  name: 'tên',
  code: 'mã',
  status: 'trạng thái',
  roles: 'vai trò',
  active: 'hoạt động',
  effectiveDate: 'từ ngày',
  validFrom: 'từ ngày',
  kind: 'loại',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function brief(v: unknown, name: (id: string) => string | undefined): string {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  const text = Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => {
      const shown =
        typeof x === 'string' && UUID.test(x) ? (name(x) ?? x) : typeof x === 'object' ? JSON.stringify(x) : String(x);
      return `${KEY_LABELS[k] ?? k}: ${shown}`;
    })
    .join('; ');
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Nhật ký: who did what and when, with what changed (before → after); filters by unit, user, type and date. */
export default function AuditPage() {
  const tree = useUnitTree();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [actor, setActor] = useState<string | undefined>();
  const [action, setAction] = useState<string | undefined>();
  const [range, setRange] = useState<[dayjs.Dayjs | null, dayjs.Dayjs | null] | null>(null);
  const users = useQuery({
    queryKey: ['users', 'all-for-audit'],
    queryFn: () => api<{ items: Array<{ id: string; fullName: string; email: string }> }>('/users?limit=500'),
  });
  const who = useMemo(() => new Map((users.data?.items ?? []).map((u) => [`user:${u.id}`, u.fullName])), [users.data]);
  const qs = new URLSearchParams({ limit: '100' });
  if (unitId) qs.set('unitId', unitId);
  if (actor) qs.set('actor', actor);
  if (action) qs.set('action', action);
  if (range?.[0]) qs.set('from', range[0].startOf('day').toISOString());
  if (range?.[1]) qs.set('to', range[1].add(1, 'day').startOf('day').toISOString());
  const audit = useInfiniteQuery({
    queryKey: ['audit', qs.toString()],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      api<{ items: Entry[]; nextCursor: string | null }>(`/audit?${qs}${pageParam ? `&after=${pageParam}` : ''}`),
    getNextPageParam: (p) => p.nextCursor,
  });
  const unitOf = (id: string) => tree.data?.find((u) => u.id === id)?.name ?? who.get(`user:${id}`);
  const unitName = (id: string | null) => (id ? (tree.data?.find((u) => u.id === id)?.name ?? '—') : '—');
  const rows = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Nhật ký
      </Typography.Title>
      <Space wrap>
        <UnitSelect
          units={tree.data ?? []}
          value={unitId}
          onChange={(v) => setUnitId(v ?? undefined)}
          ariaLabel="Lọc theo đơn vị"
          placeholder="Mọi đơn vị"
          allowClear
          style={{ width: 300 }}
        />
        <Select
          allowClear
          showSearch
          aria-label="Lọc theo người thực hiện"
          placeholder="Mọi người thực hiện"
          style={{ width: 240 }}
          value={actor}
          onChange={setActor}
          optionFilterProp="label"
          options={[
            { value: 'system', label: 'Hệ thống (tự động)' },
            ...(users.data?.items ?? []).map((u) => ({ value: `user:${u.id}`, label: `${u.fullName} (${u.email})` })),
          ]}
        />
        <Select
          allowClear
          aria-label="Lọc theo loại thao tác"
          placeholder="Mọi loại thao tác"
          style={{ width: 260 }}
          value={action}
          onChange={setAction}
          options={Object.entries(TYPES).map(([value, label]) => ({ value, label }))}
        />
        <DatePicker.RangePicker
          aria-label="Khoảng ngày"
          format="DD/MM/YYYY"
          placeholder={['Từ ngày', 'Đến ngày']}
          value={range}
          onChange={(v) => setRange(v as never)}
        />
      </Space>
      {audit.isError ? (
        <Result status="error" title="Không tải được nhật ký" subTitle={audit.error.message} />
      ) : (
        <>
          <Table
            size="small"
            rowKey="id"
            loading={audit.isPending}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: 'Không có thao tác nào khớp bộ lọc' }}
            columns={[
              { title: 'Thời điểm', dataIndex: 'occurredAt', render: dateTime, width: 140 },
              {
                title: 'Người thực hiện',
                dataIndex: 'actor',
                render: (a: string) => who.get(a) ?? (a === 'system' ? 'Hệ thống' : a),
                width: 170,
                ellipsis: true,
              },
              {
                title: 'Thao tác',
                dataIndex: 'action',
                width: 190,
                render: (a: string) => <span title={a}>{ACTION_LABELS[a] ?? a}</span>,
              },
              { title: 'Đơn vị', dataIndex: 'unitId', render: unitName, width: 200, ellipsis: true },
              { title: 'Trước', dataIndex: 'before', render: (v: unknown) => brief(v, unitOf), ellipsis: true },
              { title: 'Sau', dataIndex: 'after', render: (v: unknown) => brief(v, unitOf), ellipsis: true },
            ]}
          />
          {audit.hasNextPage && (
            <Button onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
              Xem thêm
            </Button>
          )}
        </>
      )}
    </Space>
  );
}
