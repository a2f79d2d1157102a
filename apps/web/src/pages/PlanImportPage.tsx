// "Nhập kế hoạch từ văn bản" (issue 14): upload a .docx/.txt/.md, review side by side (the text with each field's
// source sentence highlighted ↔ the fields read, each with its confidence and, where the plan has the field, an
// input to correct it), then confirm: POST /plan-imports/:id/confirm with mode keep_draft and the corrections, and
// on to the draft plan's page where the usual submit / issue continues.
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { AimOutlined, FileTextOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PERIOD_LABELS, PLAN_SECTION_LABELS, UNIT_KIND_LABELS, UNIT_KINDS } from '@cchc/domain';
import { api, apiUpload, ApiError } from '../api';
import { useIndicators } from '../indicators';
import { isApprover, isDrafter, useAuth } from '../auth';
import { dateTime, dayjs, ddmmyyyy, PLAN_STATUS_LABELS } from '../format';
import type { Indicator, Plan } from '../types';
import { Loading } from '../App';
import { Tag } from '../Tag';
import { BASIS_LABELS, SECTION_KEYS, SECTION_NUMERALS } from './PlanParts';
import {
  ConfidenceTag,
  DocumentText,
  FIELD_LABELS,
  type Extracted,
  type Highlight,
  type PlanImport,
} from './import-parts';

/** The API's limit (apps/api/src/plan-import/document-reader.ts); the server remains the authority. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
const ACCEPTED = ['docx', 'txt', 'md'];
const HELP = 'Vui lòng chọn tệp Word (.docx) hoặc tệp văn bản (.txt, .md).';

/** The client-side check of a chosen file: null when it may be sent. */
export function fileProblem(f: File): string | null {
  const ext = f.name.includes('.') ? f.name.split('.').pop()!.toLowerCase() : '';
  if (ext === 'doc')
    return 'Tệp Word 97–2003 (.doc) không được hỗ trợ. Vui lòng mở tệp trong Word và lưu lại dưới dạng “Word Document (.docx)”.';
  if (!ACCEPTED.includes(ext)) return `Không hỗ trợ loại tệp của “${f.name}”. ${HELP}`;
  if (f.size === 0) return `Tệp “${f.name}” rỗng, không có nội dung.`;
  if (f.size > MAX_UPLOAD_BYTES)
    return `Tệp quá lớn (${(f.size / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB): tối đa 5 MB.`;
  return null;
}

export default function PlanImportPage() {
  const { id } = useParams();
  return id ? <Review id={id} /> : <Upload />;
}

function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

// ——— Step 1: upload ———

function Upload() {
  const { me } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const picker = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => {
      const form = new FormData();
      form.append('file', f);
      return apiUpload<PlanImport>('/plan-imports', form);
    },
    onSuccess: (x, _f) => {
      void queryClient.invalidateQueries({ queryKey: ['plan-imports', 'pending'] });
      navigate(`/ke-hoach/nhap-tu-van-ban/${x.id}`);
    },
  });
  const mayDraft = isDrafter(me) || isApprover(me);
  const error = problem ?? (upload.isError ? upload.error.message : null);
  const existing = upload.error instanceof ApiError && upload.error.code === 'plan.exists';

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 880 }}>
      <PageTitle>Nhập kế hoạch từ văn bản</PageTitle>
      <Card>
        <Typography.Paragraph>
          Tải lên văn bản kế hoạch đã soạn (tệp Word <strong>.docx</strong>, hoặc tệp văn bản <strong>.txt</strong>,{' '}
          <strong>.md</strong>; tối đa 5 MB). Hệ thống đọc số, ký hiệu, ngày, trích yếu, kế hoạch cấp trên, thời hạn,
          chỉ tiêu, lịch báo cáo và nơi nhận, rồi cho anh/chị đối chiếu từng trường với câu gốc trong văn bản và sửa nếu
          cần. Chưa có gì được ban hành hay trình cho đến khi anh/chị xác nhận.
        </Typography.Paragraph>
        {!mayDraft && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="Chỉ chuyên viên hoặc lãnh đạo của đơn vị mới tạo được kế hoạch; tải lên sẽ bị từ chối."
          />
        )}
        <Space wrap>
          <input
            ref={picker}
            type="file"
            hidden
            aria-label="Chọn tệp kế hoạch"
            accept=".docx,.txt,.md,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              e.target.value = '';
              upload.reset();
              setFile(f);
              setProblem(f ? fileProblem(f) : null);
            }}
          />
          <Button icon={<FileTextOutlined aria-hidden />} onClick={() => picker.current?.click()}>
            Chọn tệp…
          </Button>
          <Typography.Text type={file ? undefined : 'secondary'} data-testid="chosen-file">
            {file ? `${file.name} (${Math.max(1, Math.round(file.size / 1024))} kB)` : 'Chưa chọn tệp'}
          </Typography.Text>
          <Button
            type="primary"
            icon={<UploadOutlined aria-hidden />}
            disabled={!file || !!problem}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            Tải lên và đọc văn bản
          </Button>
        </Space>
      </Card>
      {upload.isPending && <Loading label="Đang đọc văn bản…" />}
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="upload-error"
          title={error}
          description={
            existing ? (
              <span>
                Mỗi đơn vị có một kế hoạch mỗi năm. Mở kế hoạch đó từ trang <Link to="/">Việc cần làm</Link>.
              </span>
            ) : undefined
          }
        />
      )}
      {mayDraft && <PendingImports />}
    </Space>
  );
}

interface PendingImport {
  id: string;
  filename: string;
  planTitle: string;
  year: number;
  createdAt: string;
}

/** The unit's uploads not confirmed yet: back to their side-by-side review (GET /plan-imports). */
function PendingImports() {
  const pending = useQuery({
    queryKey: ['plan-imports', 'pending'],
    queryFn: () => api<{ items: PendingImport[] }>('/plan-imports'),
  });
  const items = pending.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card size="small" title="Văn bản đã tải lên, chưa xác nhận" data-testid="pending-imports">
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {items.map((x) => (
          <li key={x.id}>
            <Link to={`/ke-hoach/nhap-tu-van-ban/${x.id}`} style={{ textDecoration: 'underline' }}>
              {x.filename}
            </Link>
            <Typography.Text type="secondary">
              {' '}
              — {x.planTitle} (năm {x.year}), tải lên lúc {dateTime(x.createdAt)}
            </Typography.Text>
          </li>
        ))}
      </ul>
    </Card>
  );
}

// ——— Step 2: review and confirm ———

interface TargetRow {
  include: boolean;
  indicatorCode: string | null;
  amount: number | null;
  basis: 'week' | 'month' | 'quarter' | 'year';
  unitKinds: string[];
}
interface ReviewValues {
  number: number | null;
  symbol: string;
  issuePlace: string;
  issueDate: dayjs.Dayjs | null;
  title: string;
  parentPlanRef: string;
  childDeadline: dayjs.Dayjs | null;
  targets: TargetRow[];
  sections: Record<string, string>;
  recipientsText: string;
  /** Due day and month of each rule of the draft's report schedule, in its order. */
  schedule: Array<{ dueDay: number | null; dueMonth: number | null }>;
}

function initialValues(x: PlanImport): ReviewValues {
  const p = x.plan;
  return {
    number: p.number,
    symbol: p.symbol ?? '',
    issuePlace: p.issuePlace ?? '',
    issueDate: p.issueDate ? dayjs(p.issueDate) : null,
    title: p.title,
    parentPlanRef: p.parentPlanRef ?? '',
    childDeadline: p.childDeadline ? dayjs(p.childDeadline) : null,
    targets: x.extraction.targets.map((t) => ({
      include: !!t.value.indicatorCode,
      indicatorCode: t.value.indicatorCode,
      amount: t.value.amount,
      basis: t.value.basis,
      unitKinds: t.value.unitKinds,
    })),
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, p.sections?.[k] ?? ''])),
    recipientsText: (p.recipients ?? []).join('\n'),
    schedule: p.reportSchedule.map((r) => ({ dueDay: r.dueDay, dueMonth: r.dueMonth })),
  };
}

/** What the form gives, as the plan's fields (the shape of PATCH /plans/:id). */
function asPlanFields(v: ReviewValues, rules: Plan['reportSchedule']) {
  const text = (s: string | undefined) => s?.trim() ?? '';
  return {
    number: v.number ?? undefined,
    symbol: text(v.symbol) || undefined,
    issuePlace: text(v.issuePlace) || undefined,
    issueDate: v.issueDate ? v.issueDate.format('YYYY-MM-DD') : undefined,
    title: text(v.title),
    parentPlanRef: text(v.parentPlanRef) || undefined,
    childDeadline: v.childDeadline ? v.childDeadline.format('YYYY-MM-DD') : undefined,
    targets: (v.targets ?? [])
      .filter((t) => t.include && t.indicatorCode && t.amount != null)
      .map((t) => ({
        indicatorCode: t.indicatorCode!,
        amount: t.amount!,
        basis: t.basis,
        ...(t.unitKinds?.length ? { unitKinds: t.unitKinds } : {}),
      })),
    sections: Object.fromEntries(Object.entries(v.sections ?? {}).filter(([, s]) => text(s))),
    recipients: (v.recipientsText ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean),
    reportSchedule: rules.map((r, i) => ({
      ...r,
      dueDay: v.schedule?.[i]?.dueDay ?? r.dueDay,
      dueMonth: v.schedule?.[i]?.dueMonth ?? r.dueMonth,
    })),
  };
}

/** Only the fields the reviewer changed (compared with the values the review opened with). */
export function corrections(
  initial: ReviewValues,
  now: ReviewValues,
  rules: Plan['reportSchedule'],
): Record<string, unknown> {
  const a = asPlanFields(initial, rules) as Record<string, unknown>;
  const b = asPlanFields(now, rules) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  return out;
}

/** "changes.targets.0.amount" → the form's field name. */
function formField(path: string): (string | number)[] {
  const p = path.replace(/^changes\./, '');
  if (p.startsWith('recipients')) return ['recipientsText'];
  return p.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const STATUS_TEXT: Record<string, string> = { ...PLAN_STATUS_LABELS };

function Review({ id }: { id: string }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const [active, setActive] = useState<string | null>(null);
  const textPane = useRef<HTMLDivElement>(null);
  const fieldPane = useRef<HTMLDivElement>(null);

  const imp = useQuery({
    queryKey: ['plan-import', id],
    queryFn: () => api<PlanImport>(`/plan-imports/${id}`),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const indicatorList = useIndicators();

  const x = imp.data;
  const initial = useMemo(() => (x ? initialValues(x) : null), [x]);

  const confirm = useMutation({
    mutationFn: async () => {
      const values = await form
        .validateFields()
        .catch((err: { errorFields?: Array<{ name: (string | number)[] }> }) => {
          const first = err.errorFields?.[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
          throw new Error('Vui lòng sửa các trường được đánh dấu đỏ trước khi xác nhận.');
        });
      const changes = corrections(initial!, { ...form.getFieldsValue(true), ...values }, x!.plan.reportSchedule);
      return api<{ import: PlanImport; action: string }>(`/plan-imports/${id}/confirm`, {
        method: 'POST',
        body: { mode: 'keep_draft', ...(Object.keys(changes).length ? { changes } : {}) },
      });
    },
    onSuccess: (r) => {
      message.success('Đã tạo bản nháp kế hoạch từ văn bản');
      queryClient.setQueryData(['plan-import', id], r.import);
      void queryClient.invalidateQueries({ queryKey: ['plan', r.import.planId] });
      void queryClient.invalidateQueries({ queryKey: ['me', 'work'] });
      void queryClient.invalidateQueries({ queryKey: ['plan-imports', 'pending'] });
      navigate(`/ke-hoach/${r.import.planId}`);
    },
    onError: (e) => {
      const fields = e instanceof ApiError ? (e.details as { fields?: Record<string, string[]> })?.fields : undefined;
      if (fields)
        form.setFields(Object.entries(fields).map(([f, errors]) => ({ name: formField(f) as never, errors })));
    },
  });

  // Highlights: one per field found, keyed as the field rows on the right.
  const highlights: Highlight[] = useMemo(() => {
    if (!x) return [];
    const e = x.extraction;
    const out: Highlight[] = [];
    const add = (key: string, label: string, f?: Extracted<unknown>) => f && out.push({ key, label, source: f.source });
    for (const k of [
      'documentType',
      'number',
      'symbol',
      'issuePlace',
      'issueDate',
      'title',
      'year',
      'issuer',
      'parentBody',
      'parentPlan',
      'childDeadline',
      'executionWindow',
      'reportRecipient',
      'forms',
      'recipients',
    ] as const)
      add(k, FIELD_LABELS[k], e[k] as Extracted<unknown> | undefined);
    e.targets.forEach((t, i) => add(`target-${i}`, `Chỉ tiêu ${i + 1}`, t));
    e.reportPeriods.forEach((p, i) => add(`period-${i}`, `Kỳ báo cáo ${i + 1}`, p));
    e.sections.forEach((s, i) => add(`section-${i}`, `Đề mục ${s.value.numeral}`, s));
    return out;
  }, [x]);

  /** Selects a field: emphasises its sentence, and scrolls the text (from a field) or the fields (from the text). */
  const select = useCallback((key: string, from: 'text' | 'field') => {
    setActive(key);
    requestAnimationFrame(() => {
      if (from === 'field') {
        textPane.current
          ?.querySelector(`[data-first-of~="${key}"]`)
          ?.scrollIntoView({ block: 'center', behavior: 'auto' });
      } else {
        const row = fieldPane.current?.querySelector<HTMLElement>(`[data-field="${key}"]`);
        row?.scrollIntoView({ block: 'center', behavior: 'auto' });
        row?.focus({ preventScroll: true });
      }
    });
  }, []);
  const onTextSelect = useCallback((key: string) => select(key, 'text'), [select]);

  if (imp.isPending) return <Loading label="Đang mở văn bản đã tải lên…" />;
  if (imp.isError)
    return (
      <Result
        status="warning"
        title="Không mở được văn bản đã tải lên"
        subTitle={imp.error.message}
        extra={<Button onClick={() => navigate('/ke-hoach/nhap-tu-van-ban')}>Tải lên văn bản khác</Button>}
      />
    );
  const data = x!;
  const e = data.extraction;
  const confirmed = data.status === 'confirmed';
  const mayEdit = (isDrafter(me) || isApprover(me)) && me?.unitId === data.unitId && !confirmed;
  const notFound = e.notFound.map((k) => FIELD_LABELS[k] ?? k);

  const row = (key: string, label: string, f: Extracted<unknown> | undefined, body: ReactNode, note?: ReactNode) => (
    <FieldRow
      key={key}
      fieldKey={key}
      label={label}
      field={f}
      active={active === key}
      onLocate={() => select(key, 'field')}
      note={note}
    >
      {body}
    </FieldRow>
  );
  const ref = e.parentPlan?.value;

  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <PageTitle>Nhập kế hoạch từ văn bản: đối chiếu và xác nhận</PageTitle>
          <Typography.Text type="secondary">
            {data.filename} · tải lên lúc {dateTime(data.createdAt)} · kế hoạch năm {data.plan.year}
          </Typography.Text>
        </div>
        <Space>
          <Button onClick={() => navigate('/ke-hoach/nhap-tu-van-ban')}>Tải lên tệp khác</Button>
          {confirmed ? (
            <Button type="primary" onClick={() => navigate(`/ke-hoach/${data.planId}`)}>
              Mở kế hoạch
            </Button>
          ) : (
            <Button type="primary" disabled={!mayEdit} loading={confirm.isPending} onClick={() => confirm.mutate()}>
              Xác nhận, tạo bản nháp
            </Button>
          )}
        </Space>
      </Space>
      {confirmed && (
        <Alert
          type="success"
          showIcon
          title={`Văn bản đã được xác nhận lúc ${dateTime(data.confirmedAt)}; kế hoạch: ${STATUS_TEXT[data.plan.status] ?? data.plan.status}.`}
        />
      )}
      {!confirmed && !mayEdit && (
        <Alert type="info" showIcon title="Bạn chỉ xem được văn bản này; chỉ đơn vị soạn kế hoạch mới xác nhận được." />
      )}
      {confirm.isError && (
        <Alert type="error" showIcon role="alert" data-testid="confirm-error" title={confirm.error.message} />
      )}
      {notFound.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="not-found"
          title={`Không tìm thấy trong văn bản: ${notFound.join(', ')}.`}
          description={
            data.defaults.length
              ? `Dùng giá trị mặc định cho: ${data.defaults.map((d) => DEFAULT_LABELS[d] ?? d).join(', ')}.`
              : undefined
          }
        />
      )}
      <Row gutter={16}>
        <Col span={12}>
          <section aria-labelledby="import-text-heading">
            <h2 id="import-text-heading" className="import-pane-title">
              Văn bản ({highlights.length} câu được đánh dấu)
            </h2>
            <div
              ref={textPane}
              className="import-pane"
              tabIndex={0}
              role="region"
              aria-label="Nội dung văn bản, các câu gốc được đánh dấu"
              data-testid="import-text"
            >
              {data.text.trim() ? (
                <DocumentText text={data.text} highlights={highlights} active={active} onSelect={onTextSelect} />
              ) : (
                <Empty description="Văn bản không có nội dung" />
              )}
            </div>
          </section>
        </Col>
        <Col span={12}>
          <section aria-labelledby="import-fields-heading">
            <h2 id="import-fields-heading" className="import-pane-title">
              Các trường đọc được
            </h2>
            <div
              ref={fieldPane}
              className="import-pane"
              tabIndex={0}
              role="region"
              aria-label="Các trường đọc được từ văn bản"
            >
              <Form<ReviewValues>
                form={form}
                layout="vertical"
                initialValues={initial!}
                disabled={!mayEdit}
                requiredMark={false}
              >
                <Group title="Thông tin văn bản">
                  {row(
                    'documentType',
                    FIELD_LABELS.documentType,
                    e.documentType,
                    <ReadOnly value={e.documentType ? 'Kế hoạch (KH)' : undefined} />,
                  )}
                  {row('issuer', FIELD_LABELS.issuer, e.issuer, <ReadOnly value={e.issuer?.value} />)}
                  {row('parentBody', FIELD_LABELS.parentBody, e.parentBody, <ReadOnly value={e.parentBody?.value} />)}
                  {row(
                    'number',
                    FIELD_LABELS.number,
                    e.number,
                    <Form.Item name="number" noStyle>
                      <InputNumber
                        aria-label="Số văn bản"
                        min={1}
                        max={999999}
                        controls={false}
                        placeholder="Cấp khi ban hành"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>,
                  )}
                  {row(
                    'symbol',
                    'Số, ký hiệu',
                    e.symbol,
                    <Form.Item name="symbol" noStyle>
                      <Input
                        aria-label="Số, ký hiệu"
                        maxLength={100}
                        placeholder="Cấp khi ban hành, ví dụ 12/KH-UBND"
                      />
                    </Form.Item>,
                    e.symbol && !e.number ? `Văn bản in ký hiệu “${e.symbol.value}” nhưng chưa có số.` : undefined,
                  )}
                  {row(
                    'issuePlace',
                    FIELD_LABELS.issuePlace,
                    e.issuePlace,
                    <Form.Item name="issuePlace" noStyle>
                      <Input aria-label="Nơi ban hành" maxLength={100} />
                    </Form.Item>,
                  )}
                  {row(
                    'issueDate',
                    FIELD_LABELS.issueDate,
                    e.issueDate,
                    <Form.Item name="issueDate" noStyle>
                      <DatePicker
                        aria-label="Ngày ban hành"
                        format="DD/MM/YYYY"
                        placeholder="dd/mm/yyyy"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>,
                  )}
                  {row(
                    'title',
                    FIELD_LABELS.title,
                    e.title,
                    <Form.Item
                      name="title"
                      rules={[{ required: true, min: 5, message: 'Trích yếu cần ít nhất 5 ký tự' }]}
                      style={{ marginBottom: 0 }}
                    >
                      <Input.TextArea aria-label="Trích yếu" autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                    </Form.Item>,
                  )}
                  {row(
                    'year',
                    FIELD_LABELS.year,
                    e.year,
                    <ReadOnly value={String(data.plan.year)} />,
                    e.year ? undefined : 'Không thấy năm trong văn bản: dùng năm hiện tại.',
                  )}
                </Group>

                <Group title="Kế hoạch cấp trên">
                  {row(
                    'parentPlan',
                    FIELD_LABELS.parentPlan,
                    e.parentPlan,
                    <>
                      {ref && (
                        <div style={{ marginBottom: 6 }} data-testid="parent-plan">
                          {ref.kind === 'KH' ? 'Kế hoạch' : 'Quyết định'} số {ref.symbol} ngày {ddmmyyyy(ref.date)}
                          {ref.issuer ? ` của ${ref.issuer}` : ''}
                        </div>
                      )}
                      <div style={{ marginBottom: 6 }} data-testid="parent-match">
                        {data.parentMatch ? (
                          <Tag color="green">
                            Đã khớp với kế hoạch {data.parentMatch.symbol ?? data.parentMatch.title} của{' '}
                            {data.parentMatch.unitName}
                          </Tag>
                        ) : (
                          <Tag color="default">Chưa khớp với kế hoạch nào trong hệ thống</Tag>
                        )}
                      </div>
                      <Form.Item name="parentPlanRef" noStyle>
                        <Input.TextArea
                          aria-label="Căn cứ (kế hoạch cấp trên)"
                          autoSize={{ minRows: 2, maxRows: 5 }}
                          maxLength={2000}
                        />
                      </Form.Item>
                    </>,
                  )}
                </Group>

                <Group title="Thời hạn">
                  {row(
                    'childDeadline',
                    FIELD_LABELS.childDeadline,
                    e.childDeadline,
                    <Form.Item
                      name="childDeadline"
                      rules={[{ required: true, message: 'Chọn hạn cho đơn vị cấp dưới' }]}
                      style={{ marginBottom: 0 }}
                    >
                      <DatePicker
                        aria-label="Hạn đơn vị cấp dưới ban hành kế hoạch"
                        format="DD/MM/YYYY"
                        placeholder="dd/mm/yyyy"
                        style={{ width: '100%' }}
                      />
                    </Form.Item>,
                    e.childDeadline
                      ? e.childDeadline.value !== data.plan.childDeadline
                        ? `Văn bản ghi ${ddmmyyyy(e.childDeadline.value)}, không thuộc năm kế hoạch: dùng mặc định.`
                        : undefined
                      : `Không thấy trong văn bản: dùng mặc định ${ddmmyyyy(data.plan.childDeadline)}.`,
                  )}
                  {row(
                    'executionWindow',
                    FIELD_LABELS.executionWindow,
                    e.executionWindow,
                    <ReadOnly
                      value={
                        e.executionWindow
                          ? `Từ tháng ${monthText(e.executionWindow.value.from)} đến tháng ${monthText(e.executionWindow.value.to)}`
                          : undefined
                      }
                    />,
                    e.executionWindow ? 'Chỉ để đối chiếu: kế hoạch không lưu trường này.' : undefined,
                  )}
                </Group>

                <Group title={`Chỉ tiêu (${e.targets.length})`}>
                  {e.targets.length === 0 && (
                    <Typography.Text type="secondary">Không tìm thấy chỉ tiêu nào trong văn bản.</Typography.Text>
                  )}
                  {e.targets.map((t, i) =>
                    row(
                      `target-${i}`,
                      `Chỉ tiêu ${i + 1}`,
                      t,
                      <TargetEditor i={i} indicators={indicatorList} />,
                      t.value.unitKindsFrom === 'heading'
                        ? 'Loại đơn vị lấy từ đề mục phía trên câu.'
                        : t.value.indicatorCode
                          ? undefined
                          : 'Câu không nêu kênh tuyên truyền đã biết: chọn chỉ tiêu nếu muốn đưa vào kế hoạch.',
                    ),
                  )}
                </Group>

                <Group title="Lịch báo cáo">
                  {e.reportPeriods.length === 0 &&
                    row('reportPeriods', FIELD_LABELS.reportPeriods, undefined, <ReadOnly value={undefined} />)}
                  {e.reportPeriods.map((p, i) =>
                    row(
                      `period-${i}`,
                      `Kỳ báo cáo ${i + 1}`,
                      p,
                      <ReadOnly
                        value={`${PERIOD_TEXT[p.value.period] ?? p.value.period}${
                          p.value.dueDay ? ` — trước ngày ${p.value.dueDay}/${p.value.dueMonth}` : ''
                        }`}
                      />,
                    ),
                  )}
                  <div className="import-field" data-testid="report-schedule">
                    <div className="import-field-label">Hạn báo cáo của đơn vị cấp dưới (ngày / tháng)</div>
                    {data.plan.reportSchedule.map((r, i) => {
                      const name = PERIOD_LABELS[r.period as keyof typeof PERIOD_LABELS] ?? r.period;
                      return (
                        <Space key={r.period} style={{ display: 'flex', marginBottom: 4 }}>
                          <span style={{ display: 'inline-block', width: 72 }}>{name}</span>
                          <Form.Item name={['schedule', i, 'dueDay']} noStyle>
                            <InputNumber
                              aria-label={`Ngày hạn báo cáo ${name}`}
                              min={1}
                              max={31}
                              controls={false}
                              style={{ width: 64 }}
                            />
                          </Form.Item>
                          <span aria-hidden>/</span>
                          <Form.Item name={['schedule', i, 'dueMonth']} noStyle>
                            <InputNumber
                              aria-label={`Tháng hạn báo cáo ${name}`}
                              min={1}
                              max={12}
                              controls={false}
                              style={{ width: 64 }}
                            />
                          </Form.Item>
                          {r.dueYearOffset ? <span>năm sau</span> : null}
                        </Space>
                      );
                    })}
                    {data.defaults.includes('reportSchedule') && (
                      <Typography.Text type="secondary">Lịch mặc định (văn bản không nêu).</Typography.Text>
                    )}
                  </div>
                  {row(
                    'reportRecipient',
                    FIELD_LABELS.reportRecipient,
                    e.reportRecipient,
                    <ReadOnly value={e.reportRecipient?.value} />,
                    e.reportRecipient ? 'Chỉ để đối chiếu: báo cáo gửi đơn vị cấp trên trong hệ thống.' : undefined,
                  )}
                </Group>

                <Group title="Nội dung">
                  {e.sections.map((s, i) =>
                    row(
                      `section-${i}`,
                      `Đề mục ${s.value.numeral}. ${s.value.heading}`,
                      s,
                      <ReadOnly
                        value={
                          s.value.key
                            ? `Vào phần “${SECTION_NUMERALS[s.value.key] ?? ''}. ${PLAN_SECTION_LABELS[s.value.key as keyof typeof PLAN_SECTION_LABELS] ?? s.value.key}” (${s.value.text.length.toLocaleString('vi-VN')} ký tự)`
                            : 'Không xếp được vào phần nào của kế hoạch'
                        }
                      />,
                    ),
                  )}
                  {e.forms &&
                    row(
                      'forms',
                      FIELD_LABELS.forms,
                      e.forms,
                      <ReadOnly value={`Vào phần “Hình thức tuyên truyền” (${e.forms.value.length} ký tự)`} />,
                    )}
                  {SECTION_KEYS.map((k) => (
                    <Form.Item
                      key={k}
                      name={['sections', k]}
                      label={`${SECTION_NUMERALS[k]}. ${PLAN_SECTION_LABELS[k]}`}
                      style={{ marginBottom: 8 }}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={20000} />
                    </Form.Item>
                  ))}
                </Group>

                <Group title="Nơi nhận">
                  {row(
                    'recipients',
                    `${FIELD_LABELS.recipients} (mỗi dòng một nơi)`,
                    e.recipients,
                    <Form.Item name="recipientsText" noStyle>
                      <Input.TextArea aria-label="Nơi nhận (mỗi dòng một nơi)" autoSize={{ minRows: 2, maxRows: 8 }} />
                    </Form.Item>,
                  )}
                </Group>
              </Form>
            </div>
          </section>
        </Col>
      </Row>
    </Space>
  );
}

const DEFAULT_LABELS: Record<string, string> = {
  childDeadline: 'hạn đơn vị cấp dưới',
  reportSchedule: 'lịch báo cáo',
  year: 'năm kế hoạch',
  title: 'trích yếu',
};
const PERIOD_TEXT: Record<string, string> = {
  Q1: 'Quý I',
  H1: '6 tháng',
  Q3: 'Quý III',
  YEAR: 'Năm',
  quarterly: 'Hằng quý',
  ad_hoc: 'Đột xuất',
};
const monthText = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="import-group">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

function ReadOnly({ value }: { value: string | undefined }) {
  return value ? <div>{value}</div> : <Typography.Text type="secondary">—</Typography.Text>;
}

/** One field: its name, confidence (or "Không tìm thấy"), a button to its sentence, and its value or input. */
function FieldRow({
  fieldKey,
  label,
  field,
  active,
  onLocate,
  note,
  children,
}: {
  fieldKey: string;
  label: string;
  field: Extracted<unknown> | undefined;
  active: boolean;
  onLocate: () => void;
  note?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div
      className={active ? 'import-field import-field-active' : 'import-field'}
      data-field={fieldKey}
      data-testid={`field-${fieldKey}`}
      tabIndex={-1}
    >
      <div className="import-field-head">
        <span className="import-field-label">{label}</span>
        {field ? <ConfidenceTag confidence={field.confidence} /> : <Tag>Không tìm thấy</Tag>}
        {field && (
          <Button
            size="small"
            type="link"
            icon={<AimOutlined aria-hidden />}
            onClick={onLocate}
            aria-label={`Xem câu gốc: ${label}`}
            disabled={false}
            style={{ color: '#0b5cab' }}
          >
            Câu gốc
          </Button>
        )}
      </div>
      {children}
      {note && <div className="import-field-note">{note}</div>}
    </div>
  );
}

function TargetEditor({ i, indicators }: { i: number; indicators: Indicator[] }) {
  const n = i + 1;
  return (
    <Row gutter={8} align="middle">
      <Col span={24}>
        <Form.Item name={['targets', i, 'include']} valuePropName="checked" noStyle>
          <Checkbox aria-label={`Đưa chỉ tiêu ${n} vào kế hoạch`}>Đưa vào kế hoạch</Checkbox>
        </Form.Item>
      </Col>
      <Col span={24} style={{ marginTop: 4 }}>
        <Form.Item name={['targets', i, 'indicatorCode']} noStyle>
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            placeholder="Chọn chỉ tiêu"
            aria-label={`Chỉ tiêu ${n}`}
            style={{ width: '100%' }}
            options={indicators.map((ind) => ({ value: ind.code, label: `${ind.name} (${ind.unitOfMeasure})` }))}
          />
        </Form.Item>
      </Col>
      <Col span={8} style={{ marginTop: 4 }}>
        <Form.Item name={['targets', i, 'amount']} noStyle>
          <InputNumber
            aria-label={`Số lượng chỉ tiêu ${n}`}
            min={0}
            controls={false}
            decimalSeparator=","
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col span={6} style={{ marginTop: 4 }}>
        <Form.Item name={['targets', i, 'basis']} noStyle>
          <Select
            aria-label={`Tính theo, chỉ tiêu ${n}`}
            style={{ width: '100%' }}
            options={Object.entries(BASIS_LABELS).map(([value, label]) => ({ value, label: `mỗi ${label}` }))}
          />
        </Form.Item>
      </Col>
      <Col span={10} style={{ marginTop: 4 }}>
        <Form.Item name={['targets', i, 'unitKinds']} noStyle>
          <Select
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder="Tất cả đơn vị"
            aria-label={`Loại đơn vị áp dụng, chỉ tiêu ${n}`}
            style={{ width: '100%' }}
            options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
