import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { Tag } from '../Tag';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { useAuth } from '../auth';
import { dateTime, dayjs, ddmmyyyy } from '../format';
import type { MyWork, Plan, WorkItem } from '../types';
import { Loading } from '../App';
import { DaysTag, StatusTag, whatLabel } from './HomePage';

interface BulkResult {
  approved: number;
  failed: number;
  results: Array<{ obligationId: string; ok: boolean; message?: string }>;
}

function Waiting() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string[]>([]);
  const work = useQuery({ queryKey: ['me', 'work'], queryFn: () => api<MyWork>('/me/work') });
  const bulk = useMutation({
    mutationFn: (ids: string[]) => api<BulkResult>('/approvals/bulk', { method: 'POST', body: { obligationIds: ids } }),
    onSuccess: (r) => {
      if (r.failed)
        message.warning(
          `Đã duyệt ${r.approved} hồ sơ; ${r.failed} hồ sơ không duyệt được: ${r.results.find((x) => !x.ok)?.message ?? ''}`,
        );
      else message.success(`Đã duyệt ${r.approved} hồ sơ`);
      setSelected([]);
      void queryClient.invalidateQueries();
    },
    onError: (e) => message.error(e.message),
  });
  if (work.isPending) return <Loading />;
  if (work.isError) return <Result status="error" title="Không tải được hộp thư duyệt" subTitle={work.error.message} />;
  const items = work.data.awaitingDecision;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button
          type="primary"
          disabled={!selected.length}
          loading={bulk.isPending}
          onClick={() =>
            modal.confirm({
              title: `Duyệt ${selected.length} hồ sơ đã chọn?`,
              content: 'Các kế hoạch được duyệt sẽ được ban hành; các báo cáo được chấp nhận sẽ vào số liệu tổng hợp.',
              okText: `Duyệt ${selected.length} hồ sơ`,
              cancelText: 'Hủy',
              onOk: () => bulk.mutateAsync(selected),
            })
          }
        >
          Duyệt các hồ sơ đã chọn ({selected.length})
        </Button>
        <Typography.Text type="secondary">{items.length} hồ sơ chờ duyệt</Typography.Text>
      </Space>
      <Table<WorkItem>
        rowKey="id"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys as string[]),
          preserveSelectedRowKeys: true,
        }}
        locale={{ emptyText: <Empty description="Không có hồ sơ nào chờ duyệt" /> }}
        columns={[
          { title: 'Đơn vị', render: (_, o) => o.unitName },
          { title: 'Hồ sơ', render: (_, o) => <Link to={`/nghia-vu/${o.id}`}>{whatLabel(o)}</Link> },
          { title: 'Lần trình', width: 90, align: 'center', render: (_, o) => o.versionNo ?? '—' },
          { title: 'Trình lúc', width: 150, render: (_, o) => dateTime(o.lastSubmittedAt) },
          { title: 'Hạn', width: 100, render: (_, o) => ddmmyyyy(o.deadline) },
          {
            title: '',
            width: 110,
            render: (_, o) => (o.late ? <Tag color="orange">Trình muộn</Tag> : <Tag color="green">Đúng hạn</Tag>),
          },
        ]}
      />
    </Space>
  );
}

function Outgoing() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || new Date().getFullYear();
  const { me } = useAuth();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const outgoing = useQuery({
    queryKey: ['outgoing', me?.unitId, year],
    queryFn: () => api<WorkItem[]>(`/obligations/outgoing?year=${year}`),
  });
  const ownPlans = useQuery({
    queryKey: ['plans', me?.unitId, year],
    queryFn: () => api<Plan[]>(`/plans?year=${year}&unitId=${me!.unitId}`),
  });
  const remind = useMutation({
    mutationFn: (id: string) => api<{ unitName: string }>(`/obligations/${id}/remind`, { method: 'POST' }),
    onSuccess: (r) => message.success(`Đã gửi nhắc nhở tới ${r.unitName}`),
    onError: (e) => message.error(e.message),
  });
  const [extending, setExtending] = useState<WorkItem | null>(null);
  const [newDeadline, setNewDeadline] = useState<dayjs.Dayjs | null>(null);
  const [extendReason, setExtendReason] = useState('');
  const extend = useMutation({
    mutationFn: () =>
      api(`/obligations/${extending!.id}/extend`, {
        method: 'POST',
        body: {
          deadline: newDeadline!.format('YYYY-MM-DD'),
          ...(extendReason.trim() ? { reason: extendReason.trim() } : {}),
        },
      }),
    onSuccess: () => {
      message.success(`Đã gia hạn cho ${extending?.unitName} đến ${newDeadline?.format('DD/MM/YYYY')}`);
      setExtending(null);
      void queryClient.invalidateQueries({ queryKey: ['outgoing'] });
    },
    onError: (e) => message.error(e.message),
  });
  const items = outgoing.data ?? [];
  const count = (f: (o: WorkItem) => boolean) => items.filter(f).length;
  const own = ownPlans.data?.[0];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label htmlFor="outgoing-year">Năm</label>
        <InputNumber
          controls={false}
          id="outgoing-year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setParams({ tab: 'theo-doi', nam: String(v) })}
        />
        {own ? (
          <Link to={`/ke-hoach/${own.id}`}>Kế hoạch của đơn vị năm {year}</Link>
        ) : (
          <Link to={`/ke-hoach/moi?nam=${year}`}>Soạn kế hoạch của đơn vị năm {year}</Link>
        )}
      </Space>
      {outgoing.isError && <Alert type="error" title={outgoing.error.message} />}
      <Space size="large" wrap>
        <span>Tổng: {items.length}</span>
        <span>Đã duyệt: {count((o) => o.status === 'approved')}</span>
        <span>Chờ duyệt: {count((o) => o.status === 'submitted')}</span>
        <span>
          Quá hạn chưa nộp: {count((o) => ['pending', 'draft', 'returned'].includes(o.status) && (o.daysLeft ?? 0) < 0)}
        </span>
      </Space>
      <Table<WorkItem>
        rowKey="id"
        size="small"
        loading={outgoing.isPending}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="Chưa giao việc nào cho đơn vị cấp dưới trong năm này" /> }}
        columns={[
          { title: 'Đơn vị', render: (_, o) => o.unitName },
          { title: 'Việc', render: (_, o) => <Link to={`/nghia-vu/${o.id}`}>{whatLabel(o)}</Link> },
          { title: 'Hạn', width: 100, render: (_, o) => ddmmyyyy(o.deadline) },
          { title: 'Trạng thái', width: 170, render: (_, o) => <StatusTag status={o.status} label={o.statusLabel} /> },
          { title: 'Còn lại', width: 130, render: (_, o) => <DaysTag o={o} /> },
          {
            title: 'Thao tác',
            width: 200,
            render: (_, o) =>
              ['pending', 'draft', 'returned'].includes(o.status) ? (
                <Space>
                  <Button
                    size="small"
                    onClick={() => remind.mutate(o.id)}
                    loading={remind.isPending && remind.variables === o.id}
                  >
                    Nhắc ngay
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      setExtending(o);
                      setNewDeadline(dayjs(o.deadline).add(7, 'day'));
                      setExtendReason('');
                    }}
                  >
                    Gia hạn
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <Modal
        open={!!extending}
        title={`Gia hạn cho ${extending?.unitName ?? ''}`}
        okText="Gia hạn"
        cancelText="Hủy"
        okButtonProps={{ disabled: !newDeadline, loading: extend.isPending }}
        onOk={() => extend.mutate()}
        onCancel={() => setExtending(null)}
      >
        <Form layout="vertical">
          <Form.Item label={`Hạn hiện tại: ${ddmmyyyy(extending?.deadline)}. Hạn mới`} htmlFor="extend-date">
            <DatePicker
              id="extend-date"
              format="DD/MM/YYYY"
              value={newDeadline}
              onChange={setNewDeadline}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item label="Lý do (không bắt buộc)" htmlFor="extend-reason">
            <Input.TextArea
              id="extend-reason"
              rows={3}
              value={extendReason}
              onChange={(e) => setExtendReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export default function InboxPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'theo-doi' ? 'theo-doi' : 'cho-duyet';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        Hộp thư duyệt
      </Typography.Title>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) =>
            setParams(k === 'theo-doi' ? { tab: k, nam: params.get('nam') ?? String(new Date().getFullYear()) } : {})
          }
          items={[
            { key: 'cho-duyet', label: 'Chờ duyệt', children: <Waiting /> },
            { key: 'theo-doi', label: 'Theo dõi đơn vị cấp dưới', children: <Outgoing /> },
          ]}
        />
      </Card>
    </Space>
  );
}
