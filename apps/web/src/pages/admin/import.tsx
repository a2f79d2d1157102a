import { useRef, useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { apiUpload, ApiError } from '../../api';
import { dayjs } from '../../format';

interface Problem {
  rowNumber: number;
  field?: string;
  code: string;
  message: string;
}
interface FileRow {
  n: number;
  cells: string[];
  problems: Problem[];
}
interface Summary {
  dryRun: boolean;
  validFrom: string;
  rows: number;
  created: number;
  updated: number;
  moved: number;
  unchanged: number;
}

const FIELD_LABELS: Record<string, string> = {
  code: 'Mã',
  name: 'Tên',
  abbreviation: 'Tên viết tắt',
  kind: 'Loại',
  parentCode: 'Mã đơn vị cấp trên',
  email: 'Thư điện tử',
};

/** Splits CSV text into rows of cells (quotes, doubled quotes, commas or semicolons). */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/**
 * Import of the unit tree from CSV or XLSX: a dry run first (POST /units/import?dryRun=true), every bad row shown
 * in place (CSV: the file's rows with the problem beside the row; XLSX: the list of rows and problems); the import
 * itself only after a clean dry run. A rejected file changes nothing.
 */
export function ImportTab() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<string[][] | null>(null);
  const [validFrom, setValidFrom] = useState<dayjs.Dayjs | null>(null);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Which of the two runs is under way: only that button spins; both are disabled meanwhile. */
  const [busy, setBusy] = useState<'dry' | 'real' | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(dryRun ? 'dry' : 'real');
    setError(null);
    setProblems(null);
    setSummary(null);
    const form = new FormData();
    form.append('file', file);
    const qs = new URLSearchParams({ dryRun: String(dryRun) });
    if (validFrom) qs.set('validFrom', validFrom.format('YYYY-MM-DD'));
    try {
      const s = await apiUpload<Summary>(`/units/import?${qs}`, form);
      setSummary(s);
      if (!dryRun) {
        message.success(`Đã nhập: ${s.created} đơn vị mới, ${s.updated} cập nhật, ${s.moved} chuyển`);
        void queryClient.invalidateQueries({ queryKey: ['units'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'import.invalid_rows') {
        setProblems((e.details as { problems: Problem[] }).problems);
        setError(e.message);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const byRow = new Map<number, Problem[]>();
  for (const p of problems ?? []) byRow.set(p.rowNumber, [...(byRow.get(p.rowNumber) ?? []), p]);
  const header = rows?.[0] ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title="Nhập cây đơn vị từ tệp CSV hoặc Excel">
        <Typography.Paragraph>
          Các cột: Mã, Tên, Tên viết tắt, Loại, Mã đơn vị cấp trên, Thư điện tử. Hệ thống kiểm tra trước (chạy thử); tệp
          có dòng sai thì không ghi gì cả.
        </Typography.Paragraph>
        <Space wrap>
          <input
            ref={picker}
            type="file"
            hidden
            aria-label="Chọn tệp CSV hoặc Excel"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={async (e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setProblems(null);
              setSummary(null);
              setError(null);
              setRows(f && /\.csv$/i.test(f.name) ? parseCsv(await f.text()) : null);
            }}
          />
          <Button icon={<UploadOutlined aria-hidden />} onClick={() => picker.current?.click()}>
            Chọn tệp…
          </Button>
          <Typography.Text type={file ? undefined : 'secondary'}>{file ? file.name : 'Chưa chọn tệp'}</Typography.Text>
          <label>
            Hiệu lực từ{' '}
            <DatePicker
              aria-label="Hiệu lực từ"
              format="DD/MM/YYYY"
              placeholder="hôm nay"
              value={validFrom}
              onChange={setValidFrom}
            />
          </label>
          <Button disabled={!file || busy === 'real'} loading={busy === 'dry'} onClick={() => run(true)}>
            Kiểm tra (chạy thử)
          </Button>
          <Button
            type="primary"
            disabled={!file || !summary?.dryRun || busy === 'dry'}
            loading={busy === 'real'}
            onClick={() => run(false)}
          >
            Nhập
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {summary && (
        <Alert
          type={summary.dryRun ? 'info' : 'success'}
          showIcon
          message={`${summary.dryRun ? 'Chạy thử: tệp hợp lệ. Sẽ' : 'Đã'} tạo ${summary.created}, cập nhật ${summary.updated}, chuyển ${summary.moved}, giữ nguyên ${summary.unchanged} đơn vị (${summary.rows} dòng)`}
        />
      )}
      {problems && rows && (
        <Table<FileRow>
          size="small"
          data-testid="import-rows"
          rowKey={(r) => String(r.n)}
          pagination={false}
          dataSource={rows.slice(1).map((cells, i) => ({ n: i + 2, cells, problems: byRow.get(i + 2) ?? [] }))}
          rowClassName={(r) => (r.problems.length ? 'import-bad-row' : '')}
          onRow={(r) => (r.problems.length ? ({ style: { background: '#fff1f0' }, 'data-bad': 'true' } as never) : {})}
          columns={[
            { title: 'Dòng', dataIndex: 'n', width: 64 },
            ...header.map((h, j) => ({ title: h, key: String(j), render: (_: unknown, r: FileRow) => r.cells[j] })),
            {
              title: 'Lỗi',
              key: 'problems',
              width: 320,
              render: (_: unknown, r: FileRow) =>
                r.problems.map((p, k) => (
                  <div key={k} style={{ color: '#a8071a' }}>
                    {p.field ? `${FIELD_LABELS[p.field] ?? p.field}: ` : ''}
                    {p.message}
                  </div>
                )),
            },
          ]}
        />
      )}
      {problems && !rows && (
        <Table
          size="small"
          data-testid="import-problems"
          rowKey={(p) => `${p.rowNumber}-${p.field}-${p.code}`}
          pagination={false}
          dataSource={problems}
          columns={[
            { title: 'Dòng', dataIndex: 'rowNumber', width: 64 },
            { title: 'Cột', dataIndex: 'field', render: (f?: string) => (f ? (FIELD_LABELS[f] ?? f) : '—') },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}
