import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultReminderPolicy } from '@cchc/domain';
import { api, ApiError } from '../../api';
import { Loading } from '../../App';
import { Tag } from '../../Tag';
import { dateTime, dayjs, ddmmyyyy } from '../../format';
import type { Indicator } from '../../types';
import { UnitSelect, useUnitTree } from './units';

const ROLE_LABELS: Record<string, string> = {
  drafter: 'Chuyên viên',
  approver: 'Lãnh đạo',
  reviewer: 'Theo dõi',
  admin: 'Quản trị',
};
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

interface User {
  id: string;
  unitId: string;
  email: string;
  fullName: string;
  roles: string[];
  active: boolean;
}

/** A small modal form; errors from the API show at the top (and at the field when the API names it). */
function FormModal({
  title,
  initial,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  initial?: Record<string, unknown>;
  onSubmit: (v: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={busy}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onSubmit(v);
            onClose();
          } catch (e) {
            setError(e instanceof ApiError ? e.message : String(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}

export function UsersTab() {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const tree = useUnitTree();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<{ kind: 'create' | 'roles' | 'password'; user?: User } | null>(null);
  const users = useQuery({
    queryKey: ['users', unitId, q],
    queryFn: () =>
      api<{ items: User[]; nextCursor: string | null }>(
        `/users?limit=200${unitId ? `&unitId=${unitId}` : ''}${q ? `&q=${encodeURIComponent(q)}` : ''}`,
      ),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const toggle = useMutation({
    mutationFn: (u: User) => api(`/users/${u.id}/${u.active ? 'disable' : 'enable'}`, { method: 'POST' }),
    onSuccess: () => {
      message.success('Đã cập nhật');
      void refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const unitName = (id: string) => tree.data?.find((u) => u.id === id)?.name ?? '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label="Tìm người dùng"
          placeholder="Tìm theo tên hoặc thư điện tử"
          style={{ width: 280 }}
          onSearch={setQ}
        />
        <UnitSelect
          units={tree.data ?? []}
          value={unitId}
          onChange={(v) => setUnitId(v ?? undefined)}
          ariaLabel="Lọc theo đơn vị"
          placeholder="Mọi đơn vị"
          allowClear
          style={{ width: 320 }}
        />
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>
          Thêm người dùng
        </Button>
      </Space>
      {users.isError ? (
        <Result status="error" title="Không tải được danh sách người dùng" subTitle={users.error.message} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          loading={users.isPending}
          dataSource={users.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: 'Họ và tên', dataIndex: 'fullName' },
            { title: 'Thư điện tử', dataIndex: 'email' },
            { title: 'Đơn vị', dataIndex: 'unitId', render: unitName, ellipsis: true },
            {
              title: 'Vai trò',
              dataIndex: 'roles',
              render: (roles: string[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r] ?? r}</Tag>),
            },
            {
              title: 'Trạng thái',
              dataIndex: 'active',
              render: (a: boolean) => (a ? <Tag color="green">Đang hoạt động</Tag> : <Tag color="red">Đã khóa</Tag>),
            },
            {
              title: '',
              key: 'actions',
              width: 300,
              render: (_, u) => (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setDialog({ kind: 'roles', user: u })}>
                    Vai trò
                  </Button>
                  <Button
                    size="small"
                    onClick={() =>
                      modal.confirm({
                        title: u.active ? `Khóa tài khoản ${u.fullName}?` : `Mở khóa tài khoản ${u.fullName}?`,
                        okText: u.active ? 'Khóa' : 'Mở khóa',
                        cancelText: 'Hủy',
                        onOk: () => toggle.mutateAsync(u),
                      })
                    }
                  >
                    {u.active ? 'Khóa' : 'Mở khóa'}
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'password', user: u })}>
                    Đặt lại mật khẩu
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {dialog?.kind === 'create' && (
        <FormModal
          title="Thêm người dùng"
          initial={{ roles: ['drafter'] }}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api('/users', { method: 'POST', body: v });
            message.success('Đã thêm người dùng');
            void refresh();
          }}
        >
          <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
            <UnitSelect units={tree.data ?? []} ariaLabel="Đơn vị" />
          </Form.Item>
          <Form.Item name="fullName" label="Họ và tên" rules={[{ required: true, min: 2, message: 'Nhập họ và tên' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="email"
            label="Thư điện tử"
            rules={[{ required: true, type: 'email', message: 'Thư điện tử không hợp lệ' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="roles" label="Vai trò" rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]}>
            <Checkbox.Group options={ROLE_OPTIONS} />
          </Form.Item>
          <Form.Item
            name="password"
            label="Mật khẩu ban đầu (ít nhất 10 ký tự)"
            rules={[{ required: true, min: 10, message: 'Mật khẩu ít nhất 10 ký tự' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormModal>
      )}
      {dialog?.kind === 'roles' && dialog.user && (
        <FormModal
          title={`Vai trò của ${dialog.user.fullName}`}
          initial={{ roles: dialog.user.roles }}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api(`/users/${dialog.user!.id}`, { method: 'PATCH', body: { roles: v.roles } });
            message.success('Đã cập nhật vai trò');
            void refresh();
          }}
        >
          <Form.Item name="roles" label="Vai trò" rules={[{ required: true, message: 'Chọn ít nhất một vai trò' }]}>
            <Checkbox.Group options={ROLE_OPTIONS} />
          </Form.Item>
        </FormModal>
      )}
      {dialog?.kind === 'password' && dialog.user && (
        <FormModal
          title={`Đặt lại mật khẩu cho ${dialog.user.fullName}`}
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            await api(`/users/${dialog.user!.id}/reset-password`, { method: 'POST', body: { password: v.password } });
            message.success('Đã đặt lại mật khẩu; các phiên đăng nhập của người dùng đã kết thúc');
          }}
        >
          <Form.Item
            name="password"
            label="Mật khẩu mới (ít nhất 10 ký tự)"
            rules={[{ required: true, min: 10, message: 'Mật khẩu ít nhất 10 ký tự' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </FormModal>
      )}
    </Space>
  );
}

interface Day {
  date: string;
  name: string;
}
interface CalendarYear {
  year: number;
  provisional: boolean;
  announcement: string | null;
  confirmedAt: string | null;
  holidays: Day[];
  workingWeekends: Day[];
}

function DaysEditor({ label, days, onChange }: { label: string; days: Day[]; onChange: (d: Day[]) => void }) {
  const [date, setDate] = useState<dayjs.Dayjs | null>(null);
  const [name, setName] = useState('');
  return (
    <Card size="small" title={`${label} (${days.length})`}>
      <Table
        size="small"
        rowKey="date"
        pagination={false}
        dataSource={[...days].sort((a, b) => a.date.localeCompare(b.date))}
        columns={[
          { title: 'Ngày', dataIndex: 'date', render: ddmmyyyy, width: 110 },
          { title: 'Tên', dataIndex: 'name' },
          {
            title: '',
            key: 'x',
            width: 70,
            render: (_, d) => (
              <Button
                size="small"
                type="link"
                danger
                onClick={() => onChange(days.filter((x) => x.date !== d.date))}
                aria-label={`Xóa ngày ${ddmmyyyy(d.date)}`}
              >
                Xóa
              </Button>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }} wrap>
        <DatePicker
          aria-label={`Ngày (${label})`}
          format="DD/MM/YYYY"
          placeholder="dd/mm/yyyy"
          value={date}
          onChange={setDate}
        />
        <Input
          aria-label={`Tên ngày (${label})`}
          placeholder="Tên (ví dụ Tết Nguyên đán)"
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 220 }}
        />
        <Button
          disabled={!date || name.trim().length < 2}
          onClick={() => {
            const iso = date!.format('YYYY-MM-DD');
            onChange([...days.filter((d) => d.date !== iso), { date: iso, name: name.trim() }]);
            setDate(null);
            setName('');
          }}
        >
          Thêm
        </Button>
      </Space>
    </Card>
  );
}

export function CalendarTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [draft, setDraft] = useState<CalendarYear | null>(null);
  const cal = useQuery({ queryKey: ['calendar', year], queryFn: () => api<CalendarYear>(`/calendar/${year}`) });
  const save = useMutation({
    mutationFn: (c: CalendarYear) =>
      api<CalendarYear & { movedDeadlines: number }>(`/calendar/${year}`, {
        method: 'PUT',
        body: {
          holidays: c.holidays,
          workingWeekends: c.workingWeekends,
          ...(c.announcement ? { announcement: c.announcement } : {}),
        },
      }),
    onSuccess: (r) => {
      message.success(`Đã lưu và xác nhận lịch năm ${year}; ${r.movedDeadlines} hạn đang mở được tính lại`);
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: (e) => message.error(e.message),
  });
  const c = draft ?? cal.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label>
          Năm{' '}
          <Select
            aria-label="Năm của lịch"
            value={year}
            style={{ width: 100 }}
            onChange={(y) => {
              setYear(y);
              setDraft(null);
            }}
            options={Array.from({ length: 5 }, (_, i) => new Date().getFullYear() - 2 + i).map((y) => ({
              value: y,
              label: String(y),
            }))}
          />
        </label>
        {c &&
          (c.provisional ? (
            <Tag color="orange">Tạm tính (chưa xác nhận)</Tag>
          ) : (
            <Tag color="green">Đã xác nhận {c.confirmedAt ? dateTime(c.confirmedAt) : ''}</Tag>
          ))}
      </Space>
      {cal.isPending ? (
        <Loading />
      ) : cal.isError ? (
        <Result status="error" title="Không tải được lịch nghỉ" subTitle={cal.error.message} />
      ) : (
        c && (
          <>
            <Input
              aria-label="Văn bản công bố"
              placeholder="Văn bản công bố lịch nghỉ (ví dụ Thông báo số …/TB-BNV)"
              value={c.announcement ?? ''}
              onChange={(e) => setDraft({ ...c, announcement: e.target.value })}
            />
            <Row gutter={16}>
              <Col span={13}>
                <DaysEditor
                  label="Ngày nghỉ lễ, Tết"
                  days={c.holidays}
                  onChange={(d) => setDraft({ ...c, holidays: d })}
                />
              </Col>
              <Col span={11}>
                <DaysEditor
                  label="Ngày làm bù (thứ Bảy, Chủ nhật)"
                  days={c.workingWeekends}
                  onChange={(d) => setDraft({ ...c, workingWeekends: d })}
                />
              </Col>
            </Row>
            <Space>
              <Button type="primary" loading={save.isPending} onClick={() => save.mutate(c)}>
                {c.provisional ? 'Lưu và xác nhận lịch năm' : 'Lưu thay đổi'}
              </Button>
              {draft && <Button onClick={() => setDraft(null)}>Bỏ thay đổi</Button>}
            </Space>
          </>
        )
      )}
    </Space>
  );
}

const CATEGORY_LABELS: Record<string, string> = { online: 'Trực tuyến', traditional: 'Truyền thống', other: 'Khác' };
const AGG_LABELS: Record<string, string> = {
  sum: 'Cộng dồn',
  max: 'Lớn nhất',
  avg: 'Trung bình',
  last: 'Giá trị cuối',
};

export function IndicatorsTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ edit?: Indicator & Record<string, unknown> } | null>(null);
  const list = useQuery({
    queryKey: ['indicators'],
    queryFn: () => api<Array<Indicator & Record<string, unknown>>>('/indicators'),
  });
  if (list.isError)
    return <Result status="error" title="Không tải được danh mục chỉ tiêu" subTitle={list.error.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setDialog({})}>
        Thêm chỉ tiêu
      </Button>
      <Table
        size="small"
        rowKey="code"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: 'Mã', dataIndex: 'code' },
          { title: 'Tên chỉ tiêu', dataIndex: 'name' },
          { title: 'Đơn vị tính', dataIndex: 'unitOfMeasure' },
          { title: 'Nhóm', dataIndex: 'category', render: (c: string) => CATEGORY_LABELS[c] ?? c },
          { title: 'Cách tổng hợp', dataIndex: 'aggregation', render: (a: string) => AGG_LABELS[a] ?? a },
          {
            title: 'Áp dụng',
            key: 'years',
            render: (_, i) => `từ ${i.activeFromYear}${i.activeToYear ? ` đến ${i.activeToYear}` : ''}`,
          },
          {
            title: '',
            key: 'edit',
            render: (_, i) => (
              <Button size="small" onClick={() => setDialog({ edit: i })} aria-label={`Sửa chỉ tiêu ${i.code}`}>
                Sửa
              </Button>
            ),
          },
        ]}
      />
      {dialog && (
        <FormModal
          title={dialog.edit ? `Sửa chỉ tiêu ${dialog.edit.code}` : 'Thêm chỉ tiêu'}
          initial={
            dialog.edit ?? {
              aggregation: 'sum',
              category: 'online',
              valueType: 'integer',
              activeFromYear: new Date().getFullYear(),
            }
          }
          onClose={() => setDialog(null)}
          onSubmit={async (v) => {
            const body = Object.fromEntries(
              Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ''),
            );
            if (dialog.edit) {
              delete body.code;
              await api(`/indicators/${dialog.edit.code}`, { method: 'PATCH', body });
            } else await api('/indicators', { method: 'POST', body });
            message.success('Đã lưu chỉ tiêu');
            void queryClient.invalidateQueries({ queryKey: ['indicators'] });
          }}
        >
          {!dialog.edit && (
            <Form.Item
              name="code"
              label="Mã (chữ in hoa, số, gạch dưới)"
              rules={[{ required: true, message: 'Nhập mã' }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item
            name="name"
            label="Tên chỉ tiêu"
            rules={[{ required: true, min: 3, message: 'Nhập tên chỉ tiêu' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="unitOfMeasure" label="Đơn vị tính" rules={[{ required: true, message: 'Nhập đơn vị tính' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="category" label="Nhóm">
            <Select
              aria-label="Nhóm"
              options={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="aggregation" label="Cách tổng hợp">
            <Select
              aria-label="Cách tổng hợp"
              options={Object.entries(AGG_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name="valueType" label="Kiểu số">
            <Select
              aria-label="Kiểu số"
              options={[
                { value: 'integer', label: 'Số nguyên' },
                { value: 'decimal', label: 'Số thập phân' },
              ]}
            />
          </Form.Item>
          <Space>
            <Form.Item name="activeFromYear" label="Áp dụng từ năm">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="activeToYear" label="Đến năm (bỏ trống: còn áp dụng)">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
        </FormModal>
      )}
    </Space>
  );
}

/** No API sets a default reminder policy: each plan carries its own (set when drafting); this shows the default. */
export function ReminderPolicyTab() {
  const p = defaultReminderPolicy();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        message="Lịch nhắc việc mặc định"
        description="Mỗi kế hoạch có lịch nhắc riêng, đặt khi soạn kế hoạch. Lịch mặc định dưới đây áp dụng cho kế hoạch không đặt lịch riêng; hệ thống chưa cho phép sửa lịch mặc định tại đây."
      />
      <Descriptions bordered size="small" column={1} style={{ maxWidth: 640 }}>
        <Descriptions.Item label="Nhắc trước hạn">{p.daysBefore.map((d) => `${d} ngày`).join(', ')}</Descriptions.Item>
        <Descriptions.Item label="Nhắc đúng ngày đến hạn">{p.onTheDay ? 'Có' : 'Không'}</Descriptions.Item>
        <Descriptions.Item label="Sau hạn, nhắc lại mỗi">{p.overdueEveryDays} ngày</Descriptions.Item>
        <Descriptions.Item label="Ngừng nhắc sau hạn">{p.overdueForDays} ngày</Descriptions.Item>
        <Descriptions.Item label="Giờ gửi">{p.sendAtLocalTime}</Descriptions.Item>
        <Descriptions.Item label="Chỉ gửi ngày làm việc">{p.workingDaysOnly ? 'Có' : 'Không'}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">Giờ Việt Nam (GMT+7).</Typography.Text>
    </Space>
  );
}
