import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Input,
  Result,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { foldVietnamese, REVIEW_STATE_LABELS, REVIEW_STATES, UNIT_KIND_LABELS, type ReviewState } from '@cchc/domain';
import { api, download } from '../api';
import { useIndicators } from '../indicators';
import { Loading } from '../App';
import { Tag } from '../Tag';
import { ddmmyyyy, num, PERIOD_LABELS } from '../format';
import type { Indicator } from '../types';
import { Charts } from './DashboardCharts';
import { UnitDrawer } from './UnitDrawer';
import {
  awaitingUnit,
  cellOf,
  COLUMN_LABELS,
  COLUMNS,
  STATE_TONES,
  type Column,
  type Review,
  type ReviewCell,
  type ReviewRow,
} from './review-types';

const PERIODS = ['Q1', 'H1', 'Q3', 'YEAR'] as const;
const pct = (r: number | null | undefined) => (r == null ? '—' : `${num(Math.round(r * 1000) / 10)}%`);

export function StateTag({ cell }: { cell: ReviewCell | null }) {
  if (!cell) return <span aria-label="Không có nghĩa vụ">—</span>;
  return <Tag color={STATE_TONES[cell.state]}>{REVIEW_STATE_LABELS[cell.state]}</Tag>;
}

function Figure({ title, value }: { title: string; value: number | string }) {
  return <Statistic title={title} value={value} styles={{ content: { fontSize: 22 } }} />;
}

function levelLabel(depth: number) {
  return depth === 1 ? 'Cấp 1 (trực thuộc)' : `Cấp ${depth}`;
}

interface UrgeResult {
  sent: number;
  failed: number;
  results: Array<{ obligationId: string; ok: boolean; unitName?: string; message?: string }>;
}

export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('nam')) || new Date().getFullYear();
  const period = (PERIODS as readonly string[]).includes(params.get('ky') ?? '') ? params.get('ky')! : 'Q1';
  const unitId = params.get('don-vi') ?? undefined;
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v === null) next.delete(k);
    else next.set(k, v);
    setParams(next);
  };
  const review = useQuery({
    queryKey: ['review', year, unitId],
    queryFn: () => api<Review>(`/review?year=${year}${unitId ? `&unitId=${unitId}` : ''}`),
  });
  const indicators = useIndicators();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const exportFile = async (kind: 'xlsx' | 'docx') => {
    if (!review.data) return;
    setBusy(kind);
    try {
      if (kind === 'xlsx')
        await download(
          `/review/export.xlsx?year=${year}&period=${period}&unitId=${review.data.rootUnitId}`,
          `Tong-hop-theo-doi-${year}-${period}.xlsx`,
        );
      else
        await download(
          `/units/${review.data.rootUnitId}/aggregate-report.docx?year=${year}&period=${period}`,
          `Bao-cao-tong-hop-${year}-${period}.docx`,
        );
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() + 1 - i);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
            Tổng quan
          </Typography.Title>
          {review.data && (
            <Breadcrumb
              items={[
                ...(unitId ? [{ title: <a onClick={() => set('don-vi', null)}>Toàn bộ phạm vi theo dõi</a> }] : []),
                { title: review.data.root.name },
              ]}
            />
          )}
        </div>
        <Space wrap>
          <label>
            Năm{' '}
            <Select
              aria-label="Năm"
              value={year}
              style={{ width: 96 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              onChange={(v) => set('nam', String(v))}
            />
          </label>
          <label>
            Kỳ báo cáo{' '}
            <Select
              aria-label="Kỳ báo cáo"
              value={period}
              style={{ width: 116 }}
              options={PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
              onChange={(v) => set('ky', v)}
            />
          </label>
          <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'xlsx'} onClick={() => exportFile('xlsx')}>
            Xuất Excel
          </Button>
          <Button icon={<DownloadOutlined aria-hidden />} loading={busy === 'docx'} onClick={() => exportFile('docx')}>
            Báo cáo tổng hợp (.docx)
          </Button>
        </Space>
      </Space>
      {review.isPending ? (
        <Loading label="Đang tổng hợp số liệu…" />
      ) : review.isError ? (
        <Result status="error" title="Không tải được số liệu tổng quan" subTitle={review.error.message} />
      ) : (
        <DashboardBody
          review={review.data}
          period={period}
          indicators={indicators}
          onDrill={(id) => set('don-vi', id)}
        />
      )}
    </Space>
  );
}

function DashboardBody({
  review,
  period,
  indicators,
  onDrill,
}: {
  review: Review;
  period: string;
  indicators: Indicator[];
  onDrill: (unitId: string) => void;
}) {
  const p = review.periods.find((x) => x.period === period) ?? review.periods[0];
  const plans = review.plans.completeness;
  const [open, setOpen] = useState<ReviewRow | null>(null);
  const empty = review.matrix.length === 0;
  return (
    <>
      <Row gutter={[12, 12]}>
        <Col span={11}>
          <Card size="small" title={`Kế hoạch năm ${review.year} của đơn vị cấp dưới (${plans.expected})`}>
            <Space size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
              <Figure title="Đúng hạn" value={plans.onTime} />
              <Figure title="Trễ hạn" value={plans.lateSubmitted} />
              <Figure title="Quá hạn, chưa ban hành" value={plans.lateMissing} />
              <Figure title="Chưa đến hạn" value={plans.missing - plans.lateMissing} />
              <Figure title="Tỷ lệ đúng hạn" value={pct(review.plans.onTimeRate)} />
            </Space>
          </Card>
        </Col>
        <Col span={13}>
          <Card
            size="small"
            title={`Báo cáo ${PERIOD_LABELS[p.period]} năm ${review.year} (${p.completeness.expected})`}
          >
            <Space size="middle" style={{ width: '100%', justifyContent: 'space-between' }}>
              <Figure title="Đã nộp" value={p.completeness.submitted} />
              <Figure title="Đã chấp nhận" value={p.completeness.accepted} />
              <Figure title="Bị trả lại" value={p.completeness.returned} />
              <Figure title="Chưa nộp" value={p.completeness.missing} />
              <Figure title="Tỷ lệ đúng hạn" value={pct(p.onTimeRate)} />
              <Figure title="Điểm PAR" value={`${num(p.score.total)}/${num(p.score.max)}`} />
            </Space>
          </Card>
        </Col>
      </Row>
      {empty ? (
        <Card>
          <Empty description={`Chưa có nghĩa vụ kế hoạch hay báo cáo nào năm ${review.year} trong phạm vi này`} />
        </Card>
      ) : (
        <Tabs
          items={[
            {
              key: 'matrix',
              label: 'Ma trận theo dõi',
              children: <Matrix review={review} onOpen={setOpen} />,
            },
            {
              key: 'late',
              label: `Chậm và thiếu`,
              children: <LateList review={review} period={period} onOpen={setOpen} />,
            },
            { key: 'levels', label: 'Theo cấp', children: <Levels review={review} period={period} /> },
            {
              key: 'charts',
              label: 'Biểu đồ',
              children: <Charts review={review} period={period} indicators={indicators} />,
            },
          ]}
        />
      )}
      <UnitDrawer
        row={open}
        review={review}
        onClose={() => setOpen(null)}
        onDrill={(id) => {
          setOpen(null);
          onDrill(id);
        }}
      />
    </>
  );
}

function Levels({ review, period }: { review: Review; period: string }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="depth"
      dataSource={review.levels}
      columns={[
        { title: 'Cấp', dataIndex: 'depth', render: levelLabel },
        { title: 'Số đơn vị', dataIndex: 'units', align: 'right' },
        { title: 'KH đúng hạn', render: (_, l) => l.plans.onTime, align: 'right' },
        { title: 'KH trễ hạn', render: (_, l) => l.plans.lateSubmitted, align: 'right' },
        { title: 'KH chưa ban hành (quá hạn)', render: (_, l) => l.plans.lateMissing, align: 'right' },
        {
          title: `BC ${PERIOD_LABELS[period]} đã nộp`,
          render: (_, l) => l.reports.find((r) => r.period === period)?.completeness.submitted ?? '—',
          align: 'right',
        },
        {
          title: 'Đã chấp nhận',
          render: (_, l) => l.reports.find((r) => r.period === period)?.completeness.accepted ?? '—',
          align: 'right',
        },
        {
          title: 'Bị trả lại',
          render: (_, l) => l.reports.find((r) => r.period === period)?.completeness.returned ?? '—',
          align: 'right',
        },
        {
          title: 'Chưa nộp',
          render: (_, l) => l.reports.find((r) => r.period === period)?.completeness.missing ?? '—',
          align: 'right',
        },
        {
          title: 'Tỷ lệ đúng hạn (BC)',
          render: (_, l) => pct(l.reports.find((r) => r.period === period)?.onTimeRate),
          align: 'right',
        },
      ]}
    />
  );
}

function Matrix({ review, onOpen }: { review: Review; onOpen: (r: ReviewRow) => void }) {
  const [q, setQ] = useState('');
  const [depth, setDepth] = useState<number | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [state, setState] = useState<ReviewState | null>(null);
  const [column, setColumn] = useState<Column | null>(null);
  const folded = useMemo(
    () => new Map(review.matrix.map((r) => [r.unitId, foldVietnamese(`${r.code} ${r.name}`)])),
    [review],
  );
  const rows = useMemo(() => {
    const needle = foldVietnamese(q);
    return review.matrix.filter(
      (r) =>
        (!needle || folded.get(r.unitId)!.includes(needle)) &&
        (depth === null || r.depth === depth) &&
        (kind === null || r.kind === kind) &&
        (state === null || (column ? [column] : COLUMNS).some((c) => cellOf(r, c)?.state === state)),
    );
  }, [review, folded, q, depth, kind, state, column]);
  const kinds = [...new Set(review.matrix.map((r) => r.kind))];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label="Tìm đơn vị (gõ có dấu hoặc không dấu)"
          placeholder="Tìm đơn vị (có dấu hoặc không dấu)"
          style={{ width: 300 }}
          onChange={(e) => setQ(e.target.value)}
        />
        <Select
          allowClear
          aria-label="Lọc theo cấp"
          placeholder="Cấp"
          style={{ width: 170 }}
          value={depth}
          onChange={(v) => setDepth(v ?? null)}
          options={review.levels.map((l) => ({ value: l.depth, label: levelLabel(l.depth) }))}
        />
        <Select
          allowClear
          aria-label="Lọc theo loại đơn vị"
          placeholder="Loại đơn vị"
          style={{ width: 200 }}
          value={kind}
          onChange={(v) => setKind(v ?? null)}
          options={kinds.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k as keyof typeof UNIT_KIND_LABELS] ?? k }))}
        />
        <Select
          allowClear
          aria-label="Lọc theo tình trạng"
          placeholder="Tình trạng"
          style={{ width: 190 }}
          value={state}
          onChange={(v) => setState(v ?? null)}
          options={REVIEW_STATES.map((s) => ({ value: s, label: REVIEW_STATE_LABELS[s] }))}
        />
        <Select
          allowClear
          aria-label="Tình trạng ở cột"
          placeholder="ở cột (mọi cột)"
          style={{ width: 160 }}
          value={column}
          onChange={(v) => setColumn(v ?? null)}
          options={COLUMNS.map((c) => ({ value: c, label: COLUMN_LABELS[c] }))}
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid="matrix-count">
          {rows.length} / {review.matrix.length} đơn vị
        </Typography.Text>
      </Space>
      <Table<ReviewRow>
        virtual
        size="small"
        rowKey="unitId"
        data-testid="review-matrix"
        scroll={{ x: 1200, y: 430 }}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <Empty description="Không có đơn vị nào khớp bộ lọc" /> }}
        onRow={(r) => ({
          onClick: () => onOpen(r),
          onKeyDown: (e) => {
            if (e.key === 'Enter') onOpen(r);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'aria-label': `${r.name}: mở chi tiết`,
        })}
        columns={[
          { title: 'Mã', dataIndex: 'code', width: 170, ellipsis: true },
          { title: 'Đơn vị', dataIndex: 'name', width: 300, ellipsis: true },
          { title: 'Cấp', dataIndex: 'depth', width: 60, align: 'center' },
          ...COLUMNS.map((c) => ({
            title: COLUMN_LABELS[c],
            key: c,
            width: 134,
            render: (_: unknown, r: ReviewRow) => <StateTag cell={cellOf(r, c)} />,
          })),
        ]}
      />
    </Space>
  );
}

function LateList({ review, period, onOpen }: { review: Review; period: string; onOpen: (r: ReviewRow) => void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [column, setColumn] = useState<Column>(period as Column);
  const [selected, setSelected] = useState<string[]>([]);
  const rows = review.matrix
    .map((r) => ({ row: r, cell: cellOf(r, column) }))
    .filter(
      (x) =>
        x.cell &&
        (x.cell.state === 'late' || x.cell.state === 'missing' || (x.cell.state === 'returned' && x.cell.overdue)),
    );
  const urge = useMutation({
    mutationFn: (ids: string[]) => api<UrgeResult>('/review/remind', { method: 'POST', body: { obligationIds: ids } }),
    onSuccess: (r) => {
      if (r.failed)
        message.warning(
          `Đã đôn đốc ${r.sent} đơn vị; ${r.failed} không gửi được: ${r.results.find((x) => !x.ok)?.message ?? ''}`,
        );
      else message.success(`Đã gửi đôn đốc tới ${r.sent} đơn vị và đơn vị cấp trên của từng đơn vị`);
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    },
    onError: (e) => message.error(e.message),
  });
  const confirmUrge = (ids: string[]) =>
    modal.confirm({
      title: `Đôn đốc ${ids.length} đơn vị?`,
      content:
        'Mỗi đơn vị và đơn vị cấp trên trực tiếp của nó nhận ngay thông báo đôn đốc (thư điện tử và trong ứng dụng).',
      okText: 'Gửi đôn đốc',
      cancelText: 'Hủy',
      onOk: () => urge.mutateAsync(ids),
    });
  const missing = rows.filter((x) => x.cell!.state !== 'late').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <label>
          Nghĩa vụ{' '}
          <Select
            aria-label="Nghĩa vụ"
            value={column}
            style={{ width: 140 }}
            onChange={(v) => {
              setColumn(v);
              setSelected([]);
            }}
            options={COLUMNS.map((c) => ({ value: c, label: COLUMN_LABELS[c] }))}
          />
        </label>
        <Typography.Text data-testid="late-summary">
          {rows.length - missing} đơn vị nộp trễ hạn, {missing} đơn vị chưa nộp (quá hạn)
        </Typography.Text>
        <Button
          type="primary"
          icon={<NotificationOutlined aria-hidden />}
          disabled={selected.length === 0}
          loading={urge.isPending}
          onClick={() => confirmUrge(selected)}
        >
          Đôn đốc {selected.length ? `${selected.length} đơn vị đã chọn` : 'các đơn vị đã chọn'}
        </Button>
      </Space>
      {rows.length === 0 ? (
        <Alert type="success" showIcon message="Không có đơn vị nào chậm hoặc thiếu ở nghĩa vụ này" />
      ) : (
        <Table
          size="small"
          rowKey={(x) => x.row.unitId}
          data-testid="late-list"
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: rows.filter((x) => selected.includes(x.cell!.obligationId!)).map((x) => x.row.unitId),
            onChange: (_, picked) => setSelected(picked.map((x) => x.cell!.obligationId!)),
            getCheckboxProps: (x) => ({
              disabled: !awaitingUnit(x.cell),
              'aria-label': `Chọn ${x.row.name}`,
            }),
          }}
          columns={[
            { title: 'Mã', render: (_, x) => x.row.code, width: 170 },
            {
              title: 'Đơn vị',
              render: (_, x) => (
                <Button type="link" style={{ padding: 0, height: 'auto' }} onClick={() => onOpen(x.row)}>
                  {x.row.name}
                </Button>
              ),
            },
            { title: 'Tình trạng', render: (_, x) => <StateTag cell={x.cell} />, width: 170 },
            { title: 'Hạn', render: (_, x) => ddmmyyyy(x.cell!.deadline), width: 110 },
            {
              title: '',
              width: 120,
              render: (_, x) =>
                awaitingUnit(x.cell) ? (
                  <Button
                    size="small"
                    onClick={() => confirmUrge([x.cell!.obligationId!])}
                    aria-label={`Đôn đốc ${x.row.name}`}
                  >
                    Đôn đốc
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
    </Space>
  );
}
