import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Result, Space, Table, Typography } from 'antd';
import { Tag } from '../Tag';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  NARRATIVE_KEYS,
  NARRATIVE_LABELS,
  periodPhrase,
  targetForPeriod,
  type PeriodKind,
  type TargetBasis,
} from '@cchc/domain';
import { api } from '../api';
import { useIndicators } from '../indicators';
import { isApprover, useAuth } from '../auth';
import { dateTime, dayjs, ddmmyyyy, num, STATUS_COLORS } from '../format';
import type { Plan } from '../types';
import { Loading } from '../App';

interface Report {
  id: string;
  obligationId: string;
  unitId: string;
  unitName: string;
  year: number;
  period: PeriodKind;
  periodLabel: string;
  narrative: Record<string, string>;
  submissionCount: number;
  status: string;
  deadline: string;
  values: Record<string, number>;
  subtreeAccepted: Record<string, number>;
  subtreeSubmittedOnly: Record<string, number>;
  totals: Record<string, number>;
}

const STATUS_LABELS: Record<string, string> = {
  pending: 'Chưa thực hiện',
  draft: 'Đang soạn thảo',
  submitted: 'Đã gửi, chờ chấp nhận',
  returned: 'Bị trả lại',
  approved: 'Đã chấp nhận',
};
const EDITABLE = ['pending', 'draft', 'returned'];

export default function ReportPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const report = useQuery({ queryKey: ['report', id], queryFn: () => api<Report>(`/reports/${id}`) });
  const indicators = useIndicators();
  const r = report.data;
  const ownPlan = useQuery({
    queryKey: ['plans', r?.unitId, r?.year],
    enabled: !!r,
    queryFn: () => api<Plan[]>(`/plans?year=${r!.year}&unitId=${r!.unitId}`),
  });
  const versions = useQuery({
    queryKey: ['report', id, 'versions'],
    queryFn: () =>
      api<Array<{ versionNo: number; decision: string | null; decidedAt: string | null; reason: string | null }>>(
        `/reports/${id}/versions`,
      ),
  });
  const ownUnit = r?.unitId === me?.unitId;
  const editable = !!r && ownUnit && EDITABLE.includes(r.status);
  const canDecide = !!r && !ownUnit && isApprover(me) && r.status === 'submitted';

  const [values, setValues] = useState<Record<string, number | null>>({});
  const [narrative, setNarrative] = useState<Record<string, string>>({});
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (r && loadedFor.current !== r.id) {
      loadedFor.current = r.id;
      setValues(r.values);
      setNarrative(r.narrative ?? {});
    }
  }, [r]);

  const [saveState, setSaveState] = useState<{ kind: string; at?: Date; error?: string }>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef({ values, narrative });
  latest.current = { values, narrative };
  const save = () => {
    const run = async () => {
      if (!r) return;
      setSaveState({ kind: 'saving' });
      try {
        const clean = Object.fromEntries(Object.entries(latest.current.values).filter(([, v]) => v != null));
        const saved = await api<Report>('/reports', {
          method: 'PUT',
          body: { obligationId: r.obligationId, values: clean, narrative: latest.current.narrative },
        });
        queryClient.setQueryData(['report', id], saved);
        setSaveState({ kind: 'saved', at: new Date() });
      } catch (e) {
        setSaveState({ kind: 'error', error: (e as Error).message });
      }
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
  };
  const changed = () => {
    setSaveState({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), 700);
  };

  const submit = useMutation({
    mutationFn: async () => {
      if (timer.current) clearTimeout(timer.current);
      await save();
      return api(`/reports/${id}/submit`, { method: 'POST' });
    },
    onSuccess: () => {
      message.success('Đã gửi báo cáo lên cấp trên');
      void queryClient.invalidateQueries();
    },
    onError: (e) => message.error(e.message),
  });
  const accept = useMutation({
    mutationFn: () => api(`/reports/${id}/accept`, { method: 'POST' }),
    onSuccess: () => {
      message.success('Đã chấp nhận báo cáo');
      void queryClient.invalidateQueries();
      navigate('/hop-thu-duyet');
    },
    onError: (e) => message.error(e.message),
  });
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const ret = useMutation({
    mutationFn: () => api(`/reports/${id}/return`, { method: 'POST', body: { reason: reason.trim() } }),
    onSuccess: () => {
      message.success('Đã trả lại báo cáo kèm lý do');
      void queryClient.invalidateQueries();
      navigate('/hop-thu-duyet');
    },
    onError: (e) => message.error(e.message),
  });

  const targets = useMemo(() => {
    const out: Record<string, number> = {};
    const plan = ownPlan.data?.[0];
    if (!plan || !r) return out;
    for (const t of plan.targets ?? [])
      out[t.indicatorCode] = (out[t.indicatorCode] ?? 0) + targetForPeriod(t.amount, t.basis as TargetBasis, r.period);
    return out;
  }, [ownPlan.data, r]);

  if (report.isPending) return <Loading />;
  if (report.isError) return <Result status="warning" title="Không mở được báo cáo" subTitle={report.error.message} />;
  if (!r) return null;
  const lastReturned = [...(versions.data ?? [])].reverse().find((v) => v.decision === 'returned');
  // Indicators the unit's plan sets a target for come first.
  const rows = indicators
    .filter((i) => i.valueType !== 'text')
    .sort((a, b) => Number(targets[b.code] != null) - Number(targets[a.code] != null));

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            Báo cáo {periodPhrase(r.period, r.year)} — {r.unitName}
          </Typography.Title>
          <Space style={{ marginTop: 4 }}>
            <Tag color={STATUS_COLORS[r.status]}>{STATUS_LABELS[r.status] ?? r.status}</Tag>
            <span>Hạn gửi: {ddmmyyyy(r.deadline)}</span>
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
          {editable && (
            <Button
              type="primary"
              loading={submit.isPending}
              onClick={() =>
                modal.confirm({
                  title: 'Gửi báo cáo?',
                  content: 'Sau khi gửi, báo cáo không sửa được cho đến khi cấp trên trả lại.',
                  okText: 'Gửi báo cáo',
                  cancelText: 'Hủy',
                  onOk: () => submit.mutateAsync(),
                })
              }
            >
              Gửi báo cáo
            </Button>
          )}
          {canDecide && (
            <>
              <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
                Chấp nhận
              </Button>
              <Button danger onClick={() => setReturning(true)}>
                Trả lại
              </Button>
            </>
          )}
        </Space>
      </Space>
      {r.status === 'returned' && lastReturned && (
        <Alert
          type="error"
          showIcon
          title={`Báo cáo bị trả lại ngày ${dateTime(lastReturned.decidedAt)}`}
          description={<span data-testid="return-reason">Lý do: {lastReturned.reason}</span>}
        />
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Số liệu kỳ báo cáo</h2>}>
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: 'Chỉ tiêu', render: (_, i) => i.name },
            { title: 'Đơn vị tính', width: 110, render: (_, i) => i.unitOfMeasure },
            {
              title: 'Chỉ tiêu kỳ',
              width: 110,
              align: 'right',
              render: (_, i) => (targets[i.code] != null ? num(targets[i.code]) : '—'),
            },
            {
              title: 'Cấp dưới (đã chấp nhận)',
              width: 150,
              align: 'right',
              render: (_, i) => num(r.subtreeAccepted[i.code] ?? 0),
            },
            {
              title: 'Đơn vị thực hiện',
              width: 160,
              render: (_, i) =>
                editable ? (
                  <InputNumber
                    controls={false}
                    min={0}
                    decimalSeparator=","
                    style={{ width: '100%' }}
                    aria-label={`${i.name}: số liệu đơn vị thực hiện`}
                    value={values[i.code] ?? null}
                    onChange={(v) => {
                      setValues((s) => ({ ...s, [i.code]: v == null ? null : Number(v) }));
                      changed();
                    }}
                  />
                ) : (
                  num(r.values[i.code] ?? 0)
                ),
            },
            {
              title: 'Tổng cộng',
              width: 110,
              align: 'right',
              render: (_, i) => (
                <strong>
                  {num((r.subtreeAccepted[i.code] ?? 0) + (Number(values[i.code] ?? r.values[i.code] ?? 0) || 0))}
                </strong>
              ),
            },
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>Đánh giá</h2>}>
        <Form layout="vertical">
          {NARRATIVE_KEYS.map((k, n) => (
            <Form.Item key={k} label={`${n + 1}. ${NARRATIVE_LABELS[k]}`} htmlFor={`narrative-${k}`}>
              {editable ? (
                <Input.TextArea
                  id={`narrative-${k}`}
                  autoSize={{ minRows: 2, maxRows: 10 }}
                  value={narrative[k] ?? ''}
                  maxLength={20000}
                  onChange={(e) => {
                    setNarrative((s) => ({ ...s, [k]: e.target.value }));
                    changed();
                  }}
                />
              ) : (
                <Typography.Paragraph id={`narrative-${k}`} style={{ whiteSpace: 'pre-wrap' }}>
                  {r.narrative?.[k] || '—'}
                </Typography.Paragraph>
              )}
            </Form.Item>
          ))}
        </Form>
      </Card>
      <Modal
        open={returning}
        title="Trả lại báo cáo"
        okText="Trả lại"
        cancelText="Hủy"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 10, loading: ret.isPending }}
        onOk={() => ret.mutate()}
        onCancel={() => setReturning(false)}
      >
        <Form layout="vertical">
          <Form.Item label="Lý do trả lại (bắt buộc, ít nhất 10 ký tự)" required>
            <Input.TextArea
              rows={4}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-label="Lý do trả lại"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
