import type { ReactElement } from 'react';
import { Alert, Descriptions, Table, Typography } from 'antd';
import { Tag } from '../Tag';
import { PLAN_SECTION_LABELS, UNIT_KIND_LABELS, type UnitKind } from '@cchc/domain';
import { ddmmyyyy, num } from '../format';
import type { Indicator, Plan } from '../types';

export const SECTION_KEYS = ['purpose', 'content', 'forms', 'activities', 'budget', 'organisation'] as const;
export const SECTION_NUMERALS: Record<string, string> = {
  purpose: 'I',
  content: 'II',
  forms: 'II.2',
  activities: 'III',
  budget: 'IV',
  organisation: 'V',
};
export const BASIS_LABELS: Record<string, string> = { week: 'tuần', month: 'tháng', quarter: 'quý', year: 'năm' };

export function signerLine(s: Plan['signer']): string {
  if (!s) return '—';
  return `${s.signingForm ? `${s.signingForm} ${s.onBehalfOf ?? ''} ` : ''}${s.title} ${s.name}`
    .replace(/\s+/g, ' ')
    .trim();
}

/** The plan as a reader sees it (approvers, issued plans). */
export function PlanReadView({ plan, indicators }: { plan: Plan; indicators: Indicator[] }) {
  const name = (code: string) => indicators.find((i) => i.code === code)?.name ?? code;
  return (
    <div>
      <Descriptions bordered size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="Số, ký hiệu">
          {plan.symbol ?? (plan.number ? `${plan.number}/KH` : 'Cấp khi ban hành')}
        </Descriptions.Item>
        <Descriptions.Item label="Nơi, ngày ban hành">
          {plan.issuePlace || plan.issueDate
            ? `${plan.issuePlace ?? ''}${plan.issuePlace && plan.issueDate ? ', ' : ''}${plan.issueDate ? `ngày ${ddmmyyyy(plan.issueDate)}` : ''}`
            : 'Khi ban hành'}
        </Descriptions.Item>
        <Descriptions.Item label="Trích yếu" span={2}>
          {plan.title}
        </Descriptions.Item>
        <Descriptions.Item label="Căn cứ" span={2}>
          {plan.parentPlanRef ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Người ký">{signerLine(plan.signer)}</Descriptions.Item>
        <Descriptions.Item label="Hạn kế hoạch cấp dưới">{ddmmyyyy(plan.childDeadline)}</Descriptions.Item>
        <Descriptions.Item label="Nơi nhận" span={2}>
          {plan.recipients?.length ? plan.recipients.join('; ') : '—'}
        </Descriptions.Item>
      </Descriptions>
      {SECTION_KEYS.map((k) => (
        <section key={k} style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {SECTION_NUMERALS[k]}. {PLAN_SECTION_LABELS[k]}
          </Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.sections?.[k] || '—'}</Typography.Paragraph>
        </section>
      ))}
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        Chỉ tiêu
      </Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={plan.targets ?? []}
        columns={[
          { title: 'Chỉ tiêu', render: (_, t) => name(t.indicatorCode) },
          { title: 'Số lượng', align: 'right', render: (_, t) => num(t.amount) },
          { title: 'Tính theo', render: (_, t) => `mỗi ${BASIS_LABELS[t.basis]}` },
          {
            title: 'Áp dụng cho',
            render: (_, t) =>
              t.unitKinds?.length
                ? t.unitKinds.map((k) => <Tag key={k}>{UNIT_KIND_LABELS[k as UnitKind] ?? k}</Tag>)
                : 'Tất cả đơn vị',
          },
        ]}
      />
    </div>
  );
}

const FIELD_LABELS: Record<string, string> = {
  number: 'Số',
  symbol: 'Ký hiệu',
  title: 'Trích yếu',
  issuePlace: 'Nơi ban hành',
  issueDate: 'Ngày ban hành',
  signer: 'Người ký',
  recipients: 'Nơi nhận',
  parentPlanRef: 'Căn cứ',
  childDeadline: 'Hạn kế hoạch cấp dưới',
  reportSchedule: 'Lịch báo cáo',
  reminderPolicy: 'Nhắc hạn',
  scope: 'Phạm vi',
  targets: 'Chỉ tiêu',
  sections: 'Nội dung',
};

export function changeLabel(path: string, indicators: Indicator[], targets: Plan['targets']): string {
  const m = path.match(/^sections\.(\w+)/);
  if (m)
    return `${SECTION_NUMERALS[m[1]] ?? ''}. ${PLAN_SECTION_LABELS[m[1] as keyof typeof PLAN_SECTION_LABELS] ?? m[1]}`;
  const t = path.match(/^targets\[(\d+)\]\.?(\w*)/);
  if (t) {
    const code = targets?.[Number(t[1])]?.indicatorCode;
    const field =
      { amount: 'số lượng', basis: 'tính theo', indicatorCode: 'chỉ tiêu', unitKinds: 'áp dụng cho' }[t[2]] ?? '';
    return `Chỉ tiêu ${Number(t[1]) + 1}${code ? ` (${indicators.find((i) => i.code === code)?.name ?? code})` : ''}${field ? `: ${field}` : ''}`;
  }
  const top = path.split(/[.[]/)[0];
  return FIELD_LABELS[top] ?? path;
}

const show = (v: unknown): string => {
  if (v == null || v === '') return '(trống)';
  if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? ddmmyyyy(v) : v;
  if (typeof v === 'number') return num(v);
  if (Array.isArray(v)) return v.map(show).join(', ');
  return JSON.stringify(v);
};

/** Word-level highlight of what changed between two texts: removed words struck in red, added ones in green. */
function wordDiff(a: string, b: string): { left: ReactElement[]; right: ReactElement[] } {
  const x = a.split(/(\s+)/);
  const y = b.split(/(\s+)/);
  // LCS table (texts are paragraphs; sizes stay small).
  const dp: number[][] = Array.from({ length: x.length + 1 }, () => new Array(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      dp[i][j] = x[i] === y[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const left: ReactElement[] = [];
  const right: ReactElement[] = [];
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      left.push(<span key={k++}>{x[i]}</span>);
      right.push(<span key={k++}>{y[j]}</span>);
      i++;
      j++;
    } else if (j < y.length && (i === x.length || dp[i][j + 1] >= dp[i + 1][j])) {
      right.push(
        <ins key={k++} className="diff-add">
          {y[j++]}
        </ins>,
      );
    } else {
      left.push(
        <del key={k++} className="diff-del">
          {x[i++]}
        </del>,
      );
    }
  }
  return { left, right };
}

export interface ContentChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** What changed since the previous version, side by side and highlighted. */
export function DiffView({
  changes,
  from,
  to,
  indicators,
  targets,
}: {
  changes: ContentChange[];
  from: number;
  to: number;
  indicators: Indicator[];
  targets: Plan['targets'];
}) {
  if (!changes.length) return <Alert type="info" showIcon title={`Phiên bản ${to} không khác phiên bản ${from}.`} />;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="path"
      dataSource={changes}
      className="diff-table"
      columns={[
        { title: 'Mục', width: 220, render: (_, c) => <strong>{changeLabel(c.path, indicators, targets)}</strong> },
        {
          title: `Phiên bản ${from} (trước)`,
          render: (_, c) =>
            typeof c.before === 'string' && typeof c.after === 'string' ? (
              <div style={{ whiteSpace: 'pre-wrap' }}>{wordDiff(c.before, c.after).left}</div>
            ) : (
              <del className="diff-del">{show(c.before)}</del>
            ),
        },
        {
          title: `Phiên bản ${to} (trình lần này)`,
          render: (_, c) =>
            typeof c.before === 'string' && typeof c.after === 'string' ? (
              <div style={{ whiteSpace: 'pre-wrap' }}>{wordDiff(c.before, c.after).right}</div>
            ) : (
              <ins className="diff-add">{show(c.after)}</ins>
            ),
        },
      ]}
    />
  );
}
