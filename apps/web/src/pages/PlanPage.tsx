import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Result,
  Row,
  Select,
  Space,
  Switch,
  Table,
  TimePicker,
  Typography,
} from 'antd';
import { Tag } from '../Tag';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  PLAN_SECTION_LABELS,
  resolveReportSchedule,
  SIGNING_FORMS,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type ReminderPolicy,
} from '@cchc/domain';
import { api, ApiError } from '../api';
import { useIndicators } from '../indicators';
import { isApprover, isDrafter, useAuth } from '../auth';
import { explain, useWorkingCalendar } from '../calendar';
import { dateTime, dayjs, ddmmyyyy, PLAN_STATUS_LABELS, STATUS_COLORS } from '../format';
import type { Indicator, MyWork, Plan } from '../types';
import { Loading } from '../App';
import { BASIS_LABELS, DiffView, PlanReadView, SECTION_KEYS, SECTION_NUMERALS, type ContentChange } from './PlanParts';

interface Version {
  versionNo: number;
  submittedAt: string;
  decision: 'approved' | 'returned' | null;
  decidedAt: string | null;
  reason: string | null;
}

type FormValues = {
  number?: number | null;
  symbol?: string;
  title?: string;
  issuePlace?: string;
  issueDate?: dayjs.Dayjs | null;
  signerName?: string;
  signerTitle?: string;
  signingForm?: string | null;
  onBehalfOf?: string;
  recipientsText?: string;
  parentPlanRef?: string;
  sections?: Record<string, string>;
  targets?: Plan['targets'];
  childDeadline?: dayjs.Dayjs | null;
  reminder?: {
    daysBefore?: number[];
    onTheDay?: boolean;
    overdueEveryDays?: number;
    overdueForDays?: number;
    sendAt?: dayjs.Dayjs | null;
  };
};

const EDITABLE = ['draft', 'returned'];

function toForm(p: Plan): FormValues {
  return {
    number: p.number,
    symbol: p.symbol ?? undefined,
    title: p.title,
    issuePlace: p.issuePlace ?? undefined,
    issueDate: p.issueDate ? dayjs(p.issueDate) : null,
    signerName: p.signer?.name,
    signerTitle: p.signer?.title,
    signingForm: p.signer?.signingForm ?? null,
    onBehalfOf: p.signer?.onBehalfOf,
    recipientsText: (p.recipients ?? []).join('\n'),
    parentPlanRef: p.parentPlanRef ?? undefined,
    sections: p.sections ?? {},
    targets: p.targets ?? [],
    childDeadline: p.childDeadline ? dayjs(p.childDeadline) : null,
    reminder: {
      daysBefore: p.reminderPolicy?.daysBefore,
      onTheDay: p.reminderPolicy?.onTheDay,
      overdueEveryDays: p.reminderPolicy?.overdueEveryDays,
      overdueForDays: p.reminderPolicy?.overdueForDays,
      sendAt: p.reminderPolicy?.sendAtLocalTime ? dayjs(`2000-01-01T${p.reminderPolicy.sendAtLocalTime}`) : null,
    },
  };
}

function toDto(v: FormValues, current: Plan | null) {
  const dto: Record<string, unknown> = {
    number: v.number ?? undefined,
    symbol: v.symbol?.trim() || undefined,
    title: v.title?.trim(),
    issuePlace: v.issuePlace?.trim() || undefined,
    issueDate: v.issueDate ? v.issueDate.format('YYYY-MM-DD') : undefined,
    recipients: (v.recipientsText ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    parentPlanRef: v.parentPlanRef?.trim() || undefined,
    sections: Object.fromEntries(Object.entries(v.sections ?? {}).filter(([, s]) => s != null)),
    targets: (v.targets ?? [])
      .filter((t) => t?.indicatorCode && t.amount != null && t.basis)
      .map((t) => ({
        indicatorCode: t.indicatorCode,
        amount: t.amount,
        basis: t.basis,
        ...(t.unitKinds?.length ? { unitKinds: t.unitKinds } : {}),
      })),
    childDeadline: v.childDeadline ? v.childDeadline.format('YYYY-MM-DD') : undefined,
  };
  if ((v.signerName?.trim().length ?? 0) >= 2 && (v.signerTitle?.trim().length ?? 0) >= 2) {
    dto.signer = {
      name: v.signerName!.trim(),
      title: v.signerTitle!.trim(),
      signingForm: v.signingForm || null,
      ...(v.signingForm && v.onBehalfOf?.trim() ? { onBehalfOf: v.onBehalfOf.trim() } : {}),
    };
  }
  if (current?.reminderPolicy && v.reminder) {
    const r = v.reminder;
    const policy: ReminderPolicy = {
      ...current.reminderPolicy,
      daysBefore: (r.daysBefore ?? [])
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
        .sort((a, b) => b - a),
      onTheDay: !!r.onTheDay,
      overdueEveryDays: r.overdueEveryDays ?? current.reminderPolicy.overdueEveryDays,
      overdueForDays: r.overdueForDays ?? current.reminderPolicy.overdueForDays,
      sendAtLocalTime: r.sendAt ? r.sendAt.format('HH:mm') : current.reminderPolicy.sendAtLocalTime,
    };
    dto.reminderPolicy = policy;
  }
  return dto;
}

/** API field paths → form field names. */
function formField(path: string): (string | number)[] {
  if (path.startsWith('signer.'))
    return [
      { name: 'signerName', title: 'signerTitle', signingForm: 'signingForm', onBehalfOf: 'onBehalfOf' }[
        path.slice(7)
      ] ?? 'signerName',
    ];
  if (path === 'recipients' || path.startsWith('recipients.')) return ['recipientsText'];
  if (path.startsWith('reminderPolicy')) return ['reminder', 'daysBefore'];
  const t = path.match(/^targets\.(\d+)\.(\w+)/);
  if (t) return ['targets', Number(t[1]), t[2]];
  return path.split('.');
}

function fieldErrors(e: unknown): Array<{ name: (string | number)[]; errors: string[] }> {
  if (!(e instanceof ApiError)) return [];
  const d = e.details as
    { fields?: Record<string, string[]>; problems?: Array<{ field: string; message: string }> } | undefined;
  if (d?.problems) return d.problems.map((p) => ({ name: formField(p.field), errors: [p.message] }));
  if (d?.fields) return Object.keys(d.fields).map((f) => ({ name: formField(f), errors: ['Giá trị không hợp lệ'] }));
  return [];
}

export default function PlanPage() {
  const { id: routeId } = useParams();
  const [params] = useSearchParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const isNew = routeId === 'moi';
  const [planId, setPlanId] = useState<string | null>(isNew ? null : (routeId ?? null));
  useEffect(() => {
    if (routeId !== 'moi') setPlanId(routeId ?? null);
  }, [routeId]);

  const plan = useQuery({
    queryKey: ['plan', planId],
    enabled: !!planId,
    queryFn: () => api<Plan>(`/plans/${planId}`),
  });
  const indicatorList = useIndicators();
  const unit = useQuery({
    queryKey: ['unit', me?.unitId],
    queryFn: () => api<{ abbreviation: string; name: string }>(`/units/${me!.unitId}`),
    enabled: !!me,
  });
  const work = useQuery({ queryKey: ['me', 'work'], queryFn: () => api<MyWork>('/me/work'), enabled: isNew });
  const versions = useQuery({
    queryKey: ['plan', planId, 'versions'],
    enabled: !!planId,
    queryFn: () => api<Version[]>(`/plans/${planId}/versions`),
  });

  const p = plan.data ?? null;
  const year =
    p?.year ??
    Number(params.get('nam') ?? work.data?.owes.find((o) => o.kind === 'plan')?.year ?? new Date().getFullYear());
  const ownUnit = !p || p.unitId === me?.unitId;
  const editable = (isDrafter(me) || isApprover(me)) && ownUnit && (!p || EDITABLE.includes(p.status));
  const canDecide = isApprover(me) && !!p && !ownUnit && p.status === 'submitted';
  const canIssue = isApprover(me) && !!p && ownUnit && !p.obligationId && EDITABLE.includes(p.status);

  // Fill the form once per loaded plan (not on every refetch, which would overwrite what the user types).
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    if (p && filledFor.current !== p.id) {
      filledFor.current = p.id;
      form.setFieldsValue(toForm(p));
    }
  }, [p, form]);
  useEffect(() => {
    if (!isNew || filledFor.current) return;
    const owed = work.data?.owes.find((o) => o.kind === 'plan' && o.year === year);
    form.setFieldsValue({
      title: `Kế hoạch thông tin, tuyên truyền cải cách hành chính năm ${year}`,
      parentPlanRef: owed
        ? `Thực hiện ${owed.sourcePlanSymbol ? `Kế hoạch số ${owed.sourcePlanSymbol}` : `Kế hoạch năm ${owed.year}`} của ${owed.parentUnitName}`
        : undefined,
      sections: {},
      targets: [],
      childDeadline: dayjs(`${year}-01-31`),
    });
  }, [isNew, work.data, year, form]);

  // Autosave: every change is saved shortly after the user stops typing; saves run one after another.
  const [saveState, setSaveState] = useState<{
    kind: 'idle' | 'pending' | 'saving' | 'saved' | 'error';
    at?: Date;
    error?: string;
  }>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const idRef = useRef<string | null>(planId);
  idRef.current = planId;

  const save = useCallback((): Promise<unknown> => {
    const run = async () => {
      const values = form.getFieldsValue(true) as FormValues;
      const dto = toDto(values, plan.data ?? null);
      if (!dto.title || String(dto.title).length < 5) {
        setSaveState({ kind: 'error', error: 'Cần có trích yếu (ít nhất 5 ký tự) để lưu' });
        return;
      }
      setSaveState({ kind: 'saving' });
      try {
        const saved = idRef.current
          ? await api<Plan>(`/plans/${idRef.current}`, { method: 'PATCH', body: dto })
          : await api<Plan>('/plans', { method: 'POST', body: { ...dto, year } });
        queryClient.setQueryData(['plan', saved.id], saved);
        if (!idRef.current) {
          filledFor.current = saved.id;
          idRef.current = saved.id;
          setPlanId(saved.id);
          navigate(`/ke-hoach/${saved.id}`, { replace: true });
        }
        // Clear the server errors of fields that are now accepted.
        form.setFields(
          form
            .getFieldsError()
            .filter((f) => f.errors.length)
            .map((f) => ({ name: f.name, errors: [] })),
        );
        setSaveState({ kind: 'saved', at: new Date() });
      } catch (e) {
        const errs = fieldErrors(e);
        if (errs.length) form.setFields(errs);
        setSaveState({ kind: 'error', error: (e as Error).message });
      }
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
  }, [form, plan.data, queryClient, navigate, year]);

  const onValuesChange = () => {
    if (!editable) return;
    setSaveState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 700);
  };
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const submit = useMutation({
    mutationFn: async () => {
      if (timer.current) clearTimeout(timer.current);
      await save();
      return api(`/plans/${idRef.current}/submit`, { method: 'POST' });
    },
    onSuccess: () => {
      message.success('Đã trình kế hoạch lên lãnh đạo cấp trên');
      void queryClient.invalidateQueries({ queryKey: ['plan'] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'work'] });
    },
    onError: (e) => {
      const errs = fieldErrors(e);
      if (errs.length) form.setFields(errs);
      message.error(e.message);
    },
  });

  const cal = useWorkingCalendar([year, year + 1]);
  const childDeadline = Form.useWatch('childDeadline', form) as dayjs.Dayjs | null | undefined;
  const shift = explain(childDeadline?.format('YYYY-MM-DD') ?? p?.childDeadline, cal.data);
  const schedule = useMemo(() => {
    if (!cal.data || !p?.reportSchedule) return [];
    try {
      return resolveReportSchedule(p.reportSchedule, year, cal.data);
    } catch {
      return [];
    }
  }, [cal.data, p?.reportSchedule, year]);

  if (planId && plan.isPending) return <Loading />;
  if (plan.isError)
    return (
      <Result
        status="warning"
        title="Không mở được kế hoạch"
        subTitle={plan.error.message}
        extra={<Button onClick={() => navigate('/')}>Về trang Việc cần làm</Button>}
      />
    );
  if (isNew && !isDrafter(me) && !isApprover(me))
    return <Result status="403" title="Bạn không có quyền soạn kế hoạch" />;

  const lastReturned = [...(versions.data ?? [])].reverse().find((v) => v.decision === 'returned');
  const statusLabel = p ? (PLAN_STATUS_LABELS[p.status] ?? p.status) : 'Chưa lưu';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {editable ? (isNew ? 'Soạn kế hoạch mới' : 'Soạn kế hoạch') : 'Kế hoạch'} năm {year}
          </Typography.Title>
          <Space size="small" style={{ marginTop: 4 }}>
            <Tag color={STATUS_COLORS[p?.status ?? 'draft']}>{statusLabel}</Tag>
            {p && p.submissionCount > 0 && <span>Đã trình {p.submissionCount} lần</span>}
            {editable && (
              <span className="save-state" aria-live="polite" data-testid="save-state">
                {saveState.kind === 'pending' && 'Có thay đổi chưa lưu…'}
                {saveState.kind === 'saving' && 'Đang lưu…'}
                {saveState.kind === 'saved' && `Đã lưu lúc ${dayjs(saveState.at).format('HH:mm:ss')}`}
                {saveState.kind === 'error' && (
                  <span style={{ color: '#a8071a' }}>Chưa lưu được: {saveState.error}</span>
                )}
              </span>
            )}
          </Space>
        </div>
        <Space>
          {isNew && (
            <Button onClick={() => navigate('/ke-hoach/nhap-tu-van-ban')}>Nhập từ văn bản (.docx, .txt)</Button>
          )}
          {editable && p?.obligationId && (
            <Button
              type="primary"
              loading={submit.isPending}
              onClick={() =>
                modal.confirm({
                  title: 'Trình duyệt kế hoạch?',
                  content: 'Sau khi trình, kế hoạch không sửa được cho đến khi lãnh đạo cấp trên trả lại.',
                  okText: 'Trình duyệt',
                  cancelText: 'Hủy',
                  onOk: () => submit.mutateAsync(),
                })
              }
            >
              Trình duyệt
            </Button>
          )}
          {canIssue && p && <IssueButton plan={p} beforeIssue={save} />}
        </Space>
      </Space>

      {lastReturned && p && EDITABLE.includes(p.status) && p.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          title={`Kế hoạch bị trả lại ngày ${dateTime(lastReturned.decidedAt)}`}
          description={<span data-testid="return-reason">Lý do: {lastReturned.reason}</span>}
        />
      )}
      {p && (p.status === 'issued' || p.status === 'issuing') && ownUnit && <CascadeProgress plan={p} />}
      {canDecide && p && <DecisionPanel plan={p} indicators={indicatorList} />}

      {editable ? (
        <Form form={form} layout="vertical" onValuesChange={onValuesChange} requiredMark="optional" scrollToFirstError>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Thông tin văn bản (Nghị định 30/2020/NĐ-CP)</h2>}>
            <Row gutter={16}>
              <Col xs={24} md={4}>
                <Form.Item
                  label="Số"
                  name="number"
                  rules={[{ type: 'number', min: 1, max: 999999, message: 'Số văn bản từ 1 đến 999999' }]}
                  extra="Để trống: cấp khi ban hành"
                >
                  <InputNumber controls={false} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  label="Ký hiệu"
                  name="symbol"
                  extra={unit.data ? `Gợi ý: …/KH-${unit.data.abbreviation}` : undefined}
                >
                  <Input placeholder={unit.data ? `KH-${unit.data.abbreviation}` : undefined} maxLength={100} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label="Nơi ban hành" name="issuePlace">
                  <Input maxLength={100} placeholder="Ví dụ: Bình Thuận" />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label="Ngày ban hành" name="issueDate">
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item
              label="Trích yếu (tên kế hoạch)"
              name="title"
              rules={[
                { required: true, message: 'Vui lòng nhập trích yếu' },
                { min: 5, message: 'Trích yếu phải có ít nhất 5 ký tự' },
              ]}
            >
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item label="Căn cứ (kế hoạch cấp trên)" name="parentPlanRef">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={2000} />
            </Form.Item>
            <Row gutter={16}>
              <Col xs={24} md={4}>
                <Form.Item label="Hình thức ký" name="signingForm">
                  <Select
                    allowClear
                    placeholder="Ký trực tiếp"
                    options={SIGNING_FORMS.map((f) => ({ value: f, label: f }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item label="Thay mặt / ký thay cho" name="onBehalfOf">
                  <Input placeholder="Ví dụ: GIÁM ĐỐC" maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label="Chức vụ người ký" name="signerTitle" rules={[{ min: 2, message: 'Ít nhất 2 ký tự' }]}>
                  <Input placeholder="Ví dụ: Phó Giám đốc" maxLength={200} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item label="Họ tên người ký" name="signerName" rules={[{ min: 2, message: 'Ít nhất 2 ký tự' }]}>
                  <Input maxLength={200} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label="Nơi nhận (mỗi dòng một nơi)" name="recipientsText">
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
            </Form.Item>
          </Card>

          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Nội dung kế hoạch</h2>} style={{ marginTop: 16 }}>
            {SECTION_KEYS.map((k) => (
              <Form.Item
                key={k}
                label={`${SECTION_NUMERALS[k]}. ${PLAN_SECTION_LABELS[k]}`}
                name={['sections', k]}
                rules={
                  k === 'purpose' || k === 'content'
                    ? [{ required: true, message: `Chưa có phần "${PLAN_SECTION_LABELS[k]}"` }]
                    : []
                }
              >
                <Input.TextArea
                  autoSize={{ minRows: k === 'purpose' || k === 'content' ? 3 : 2, maxRows: 14 }}
                  maxLength={20000}
                />
              </Form.Item>
            ))}
          </Card>

          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Chỉ tiêu</h2>} style={{ marginTop: 16 }}>
            <Form.List name="targets">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Row gutter={8} key={f.key} align="top">
                      <Col xs={24} md={9}>
                        <Form.Item
                          name={[f.name, 'indicatorCode']}
                          label={i === 0 ? 'Chỉ tiêu' : undefined}
                          rules={[{ required: true, message: 'Chọn chỉ tiêu' }]}
                        >
                          <Select
                            showSearch
                            optionFilterProp="label"
                            aria-label={`Chỉ tiêu dòng ${i + 1}`}
                            options={indicatorList.map((ind) => ({
                              value: ind.code,
                              label: `${ind.name} (${ind.unitOfMeasure})`,
                            }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item
                          name={[f.name, 'amount']}
                          label={i === 0 ? 'Số lượng' : undefined}
                          rules={[{ required: true, message: 'Nhập số' }]}
                        >
                          <InputNumber
                            controls={false}
                            min={0}
                            style={{ width: '100%' }}
                            decimalSeparator=","
                            aria-label={`Số lượng dòng ${i + 1}`}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={3}>
                        <Form.Item name={[f.name, 'basis']} label={i === 0 ? 'Mỗi' : undefined} initialValue="month">
                          <Select
                            aria-label={`Tính theo dòng ${i + 1}`}
                            options={Object.entries(BASIS_LABELS).map(([value, label]) => ({ value, label }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={20} md={8}>
                        <Form.Item name={[f.name, 'unitKinds']} label={i === 0 ? 'Áp dụng cho loại đơn vị' : undefined}>
                          <Select
                            mode="multiple"
                            allowClear
                            placeholder="Tất cả đơn vị"
                            aria-label={`Loại đơn vị dòng ${i + 1}`}
                            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1}>
                        <Button
                          style={{ marginTop: i === 0 ? 30 : 0 }}
                          icon={<DeleteOutlined aria-hidden />}
                          aria-label={`Xóa chỉ tiêu dòng ${i + 1}`}
                          onClick={() => {
                            remove(f.name);
                            onValuesChange();
                          }}
                        />
                      </Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ basis: 'month' })}>
                    Thêm chỉ tiêu
                  </Button>
                </>
              )}
            </Form.List>
          </Card>

          <Card
            title={<h2 style={{ fontSize: 16, margin: 0 }}>Thời hạn, lịch báo cáo và nhắc hạn</h2>}
            style={{ marginTop: 16 }}
          >
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item
                  label="Hạn đơn vị cấp dưới ban hành kế hoạch"
                  name="childDeadline"
                  rules={[{ required: true, message: 'Chọn hạn cho đơn vị cấp dưới' }]}
                >
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder="dd/mm/yyyy" />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <div style={{ paddingTop: 30 }} data-testid="deadline-shift">
                  {shift?.explanation ? (
                    <Alert type="info" showIcon title={shift.explanation} />
                  ) : shift ? (
                    <Typography.Text type="secondary">
                      {ddmmyyyy(shift.deadline.effective)} là ngày làm việc, hạn giữ nguyên.
                    </Typography.Text>
                  ) : null}
                </div>
              </Col>
            </Row>
            {schedule.length > 0 && (
              <>
                <Typography.Title level={3} style={{ fontSize: 14 }}>
                  Lịch báo cáo định kỳ của đơn vị cấp dưới
                </Typography.Title>
                <Table
                  size="small"
                  pagination={false}
                  rowKey="period"
                  dataSource={schedule}
                  columns={[
                    { title: 'Kỳ', dataIndex: 'label' },
                    { title: 'Số liệu từ', render: (_, r) => ddmmyyyy(r.cutoffFrom) },
                    { title: 'đến', render: (_, r) => ddmmyyyy(r.cutoffTo) },
                    { title: 'Hạn gửi', render: (_, r) => ddmmyyyy(r.nominalDue) },
                    {
                      title: 'Hạn thực tế',
                      render: (_, r) =>
                        r.deadline.effective !== r.nominalDue ? (
                          <strong>{ddmmyyyy(r.deadline.effective)}</strong>
                        ) : (
                          ddmmyyyy(r.deadline.effective)
                        ),
                    },
                  ]}
                />
              </>
            )}
            <Divider />
            <Typography.Title level={3} style={{ fontSize: 14 }}>
              Nhắc hạn
            </Typography.Title>
            <Row gutter={16}>
              <Col xs={24} md={7}>
                <Form.Item label="Nhắc trước hạn (số ngày)" name={['reminder', 'daysBefore']}>
                  <Select
                    mode="tags"
                    tokenSeparators={[',', ' ']}
                    options={[7, 5, 3, 2, 1].map((n) => ({ value: n, label: `${n} ngày` }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="Nhắc đúng ngày hạn" name={['reminder', 'onTheDay']} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="Quá hạn: nhắc mỗi (ngày)" name={['reminder', 'overdueEveryDays']}>
                  <InputNumber controls={false} min={1} max={30} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item label="Nhắc tối đa sau hạn (ngày)" name={['reminder', 'overdueForDays']}>
                  <InputNumber controls={false} min={0} max={365} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label="Giờ gửi" name={['reminder', 'sendAt']}>
                  <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} placeholder="08:00" />
                </Form.Item>
              </Col>
            </Row>
            {!p && (
              <Typography.Text type="secondary">
                Lịch báo cáo và nhắc hạn dùng mặc định; điều chỉnh sau khi kế hoạch được lưu lần đầu.
              </Typography.Text>
            )}
          </Card>
        </Form>
      ) : (
        p && (
          <Card>
            <PlanReadView plan={p} indicators={indicatorList} />
          </Card>
        )
      )}
    </Space>
  );
}

function DecisionPanel({ plan, indicators }: { plan: Plan; indicators: Indicator[] }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const to = plan.submissionCount;
  const diff = useQuery({
    queryKey: ['plan', plan.id, 'diff', to],
    enabled: to > 1,
    queryFn: () => api<{ changes: ContentChange[] }>(`/plans/${plan.id}/diff?from=${to - 1}&to=${to}`),
  });
  const done = (text: string) => {
    message.success(text);
    void queryClient.invalidateQueries();
    navigate('/hop-thu-duyet');
  };
  const approve = useMutation({
    mutationFn: () => api(`/plans/${plan.id}/approve`, { method: 'POST' }),
    onSuccess: () => done('Đã duyệt kế hoạch'),
    onError: (e) => message.error(e.message),
  });
  const ret = useMutation({
    mutationFn: () => api(`/plans/${plan.id}/return`, { method: 'POST', body: { reason: reason.trim() } }),
    onSuccess: () => done('Đã trả lại kế hoạch kèm lý do'),
    onError: (e) => message.error(e.message),
  });
  const reasonError = reason.trim().length < 10 ? 'Lý do trả lại cần ít nhất 10 ký tự' : null;
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>Chờ lãnh đạo quyết định — phiên bản {to}</h2>}
      extra={
        <Space>
          <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
            Duyệt
          </Button>
          <Button danger onClick={() => setReturning(true)}>
            Trả lại
          </Button>
        </Space>
      }
    >
      {to > 1 ? (
        <>
          <Typography.Title level={3} style={{ fontSize: 15, marginTop: 0 }}>
            Những thay đổi so với phiên bản trước
          </Typography.Title>
          {diff.isPending ? (
            <Loading />
          ) : diff.isError ? (
            <Alert type="error" title={diff.error.message} />
          ) : (
            <DiffView
              changes={diff.data.changes}
              from={to - 1}
              to={to}
              indicators={indicators}
              targets={plan.targets}
            />
          )}
        </>
      ) : (
        <Typography.Text>Đây là lần trình đầu tiên.</Typography.Text>
      )}
      <Modal
        open={returning}
        title="Trả lại kế hoạch"
        okText="Trả lại"
        cancelText="Hủy"
        okButtonProps={{ danger: true, disabled: !!reasonError, loading: ret.isPending }}
        onOk={() => ret.mutate()}
        onCancel={() => setReturning(false)}
      >
        <Form layout="vertical">
          <Form.Item
            label="Lý do trả lại (bắt buộc)"
            required
            validateStatus={reason && reasonError ? 'error' : undefined}
            help={reason ? reasonError : 'Đơn vị sẽ thấy lý do này'}
          >
            <Input.TextArea
              autoFocus
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={5000}
              aria-label="Lý do trả lại"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

interface OutgoingItem {
  id: string;
  kind: string;
  status: string;
  sourcePlanId: string;
}

function IssueButton({ plan, beforeIssue }: { plan: Plan; beforeIssue: () => Promise<unknown> }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const issue = useMutation({
    mutationFn: async () => {
      await beforeIssue();
      return api(`/plans/${plan.id}/issue`, { method: 'POST' });
    },
    onSuccess: () => {
      message.success('Đã ban hành kế hoạch; đang giao cho các đơn vị cấp dưới');
      void queryClient.invalidateQueries({ queryKey: ['plan', plan.id] });
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Button
      type="primary"
      loading={issue.isPending}
      onClick={() =>
        modal.confirm({
          title: 'Ban hành kế hoạch?',
          content: 'Kế hoạch sẽ được giao cho các đơn vị cấp dưới kèm thời hạn; sau khi ban hành không sửa được.',
          okText: 'Ban hành',
          cancelText: 'Hủy',
          onOk: () => issue.mutateAsync(),
        })
      }
    >
      Ban hành
    </Button>
  );
}

/** After issuing: how many children have their obligation (reached) out of those owed one. */
function CascadeProgress({ plan }: { plan: Plan }) {
  const children = useQuery({
    queryKey: ['unit', plan.unitId, 'children'],
    queryFn: () => api<{ items: unknown[] } | unknown[]>(`/units/${plan.unitId}/children`),
  });
  const owed = Array.isArray(children.data) ? children.data.length : (children.data?.items.length ?? 0);
  const outgoing = useQuery({
    queryKey: ['outgoing', plan.unitId, plan.year, 'plan'],
    queryFn: () => api<OutgoingItem[]>(`/obligations/outgoing?year=${plan.year}&kind=plan`),
    refetchInterval: (q) =>
      (q.state.data?.filter((o) => o.sourcePlanId === plan.id).length ?? 0) < owed || owed === 0 ? 2000 : false,
  });
  const reached = outgoing.data?.filter((o) => o.sourcePlanId === plan.id).length ?? 0;
  const total = Math.max(owed, reached);
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>Giao kế hoạch cho đơn vị cấp dưới</h2>}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Progress percent={total ? Math.round((reached / total) * 100) : 0} aria-label="Tiến độ giao kế hoạch" />
        <span data-testid="cascade-progress">
          Đã giao {reached}/{total} đơn vị
        </span>
      </Space>
    </Card>
  );
}
