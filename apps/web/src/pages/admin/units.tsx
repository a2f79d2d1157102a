import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Select,
  Space,
  Timeline,
  Tree,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { foldVietnamese, UNIT_KIND_LABELS, UNIT_KINDS } from '@cchc/domain';
import { api, ApiError } from '../../api';
import { useAuth } from '../../auth';
import { Loading } from '../../App';
import { Tag } from '../../Tag';
import { dayjs, ddmmyyyy } from '../../format';

export interface Unit {
  id: string;
  code: string;
  name: string;
  abbreviation: string;
  kind: string;
  email: string | null;
  isReviewingOffice: boolean;
  parentId: string | null;
  activeFrom: string;
  activeTo: string | null;
  mergedIntoId: string | null;
  depth?: number;
}

interface History {
  unit: Unit;
  links: Array<{ parentId: string | null; validFrom: string; validTo: string | null }>;
  predecessors: Array<Unit & { mergedOn: string }>;
}

export const kindLabel = (k: string) => UNIT_KIND_LABELS[k as keyof typeof UNIT_KIND_LABELS] ?? k;
const KIND_OPTIONS = UNIT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
const DATE_FORMAT = 'DD/MM/YYYY';
const iso = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** The caller's unit and everything below it (all pages). */
export function useUnitTree() {
  const { me } = useAuth();
  return useQuery({
    queryKey: ['units', 'tree', me?.unitId],
    queryFn: async () => {
      const root = await api<Unit>(`/units/${me!.unitId}`);
      const items: Unit[] = [{ ...root, depth: 0 }];
      let after: string | null = null;
      do {
        const page: { items: Unit[]; nextCursor: string | null } = await api(
          `/units/${me!.unitId}/subtree?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        );
        items.push(...page.items.filter((u) => u.id !== root.id));
        after = page.nextCursor;
      } while (after);
      return items;
    },
    enabled: !!me,
  });
}

/** A searchable select of the units in the tree (accent-insensitive). */
export function UnitSelect(props: {
  units: Unit[];
  value?: string | string[];
  onChange?: (v: never) => void;
  mode?: 'multiple';
  exclude?: string;
  ariaLabel: string;
  placeholder?: string;
  style?: React.CSSProperties;
  allowClear?: boolean;
}) {
  const options = useMemo(
    () =>
      props.units
        .filter((u) => u.id !== props.exclude)
        .map((u) => ({ value: u.id, label: `${u.name} (${u.code})`, search: foldVietnamese(`${u.name} ${u.code}`) })),
    [props.units, props.exclude],
  );
  return (
    <Select
      showSearch
      allowClear={props.allowClear}
      mode={props.mode}
      aria-label={props.ariaLabel}
      placeholder={props.placeholder ?? 'Gõ tên hoặc mã đơn vị'}
      style={props.style ?? { width: '100%' }}
      value={props.value}
      onChange={props.onChange as never}
      options={options}
      filterOption={(input, o) => !!o && (o as { search: string }).search.includes(foldVietnamese(input))}
    />
  );
}

type Dialog = 'create' | 'edit' | 'move' | 'merge' | 'deactivate' | null;

export function UnitsTab() {
  const tree = useUnitTree();
  const [selected, setSelected] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const treeData = useMemo(() => {
    if (!tree.data) return [];
    const needle = foldVietnamese(q);
    const byParent = new Map<string | null, Unit[]>();
    const ids = new Set(tree.data.map((u) => u.id));
    for (const u of tree.data) {
      const p = u.parentId && ids.has(u.parentId) ? u.parentId : null;
      byParent.set(p, [...(byParent.get(p) ?? []), u]);
    }
    const match = (u: Unit) => !needle || foldVietnamese(`${u.name} ${u.code}`).includes(needle);
    type Node = { key: string; title: string; children: Node[] };
    const build = (p: string | null): Node[] =>
      (byParent.get(p) ?? [])
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((u) => ({ key: u.id, title: `${u.name} · ${u.code}`, children: build(u.id) }))
        .filter((n) => !needle || n.children.length > 0 || match(tree.data.find((u) => u.id === n.key)!));
    return build(null);
  }, [tree.data, q]);
  if (tree.isPending) return <Loading label="Đang tải cây đơn vị…" />;
  if (tree.isError) return <Result status="error" title="Không tải được cây đơn vị" subTitle={tree.error.message} />;
  const unit = tree.data.find((u) => u.id === selected) ?? null;
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Card size="small" title={`Cây đơn vị (${tree.data.length})`}>
          <Input.Search
            allowClear
            aria-label="Tìm trong cây đơn vị"
            placeholder="Tìm đơn vị (có dấu hoặc không dấu)"
            onChange={(e) => setQ(e.target.value)}
            style={{ marginBottom: 8 }}
          />
          <Tree
            virtual
            height={470}
            defaultExpandAll
            key={q}
            treeData={treeData}
            selectedKeys={selected ? [selected] : []}
            onSelect={(keys) => setSelected((keys[0] as string) ?? null)}
            aria-label="Cây đơn vị"
          />
        </Card>
      </Col>
      <Col span={14}>
        {unit ? (
          <UnitPanel unit={unit} units={tree.data} onDialog={setDialog} />
        ) : (
          <Card>
            <Empty description="Chọn một đơn vị trong cây để xem, sửa, chuyển, sáp nhập hoặc ngừng hoạt động" />
          </Card>
        )}
      </Col>
      {unit && dialog && (
        <UnitDialog
          kind={dialog}
          unit={unit}
          units={tree.data}
          onClose={() => setDialog(null)}
          onCreated={(id) => setSelected(id)}
        />
      )}
    </Row>
  );
}

function UnitPanel({ unit, units, onDialog }: { unit: Unit; units: Unit[]; onDialog: (d: Dialog) => void }) {
  const history = useQuery({
    queryKey: ['units', unit.id, 'history'],
    queryFn: () => api<History>(`/units/${unit.id}/history`),
  });
  const nameOf = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : 'Cấp cao nhất');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        title={unit.name}
        extra={unit.activeTo ? <Tag color="red">Ngừng hoạt động từ {ddmmyyyy(unit.activeTo)}</Tag> : null}
      >
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="Mã">{unit.code}</Descriptions.Item>
          <Descriptions.Item label="Tên viết tắt">{unit.abbreviation}</Descriptions.Item>
          <Descriptions.Item label="Loại">{kindLabel(unit.kind)}</Descriptions.Item>
          <Descriptions.Item label="Thư điện tử">{unit.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Trực thuộc">{nameOf(unit.parentId)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan theo dõi">{unit.isReviewingOffice ? 'Có' : 'Không'}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 12 }}>
          <Button onClick={() => onDialog('edit')}>Sửa</Button>
          <Button onClick={() => onDialog('create')}>Thêm đơn vị trực thuộc</Button>
          {unit.parentId && <Button onClick={() => onDialog('move')}>Chuyển đơn vị cấp trên</Button>}
          {unit.parentId && <Button onClick={() => onDialog('merge')}>Sáp nhập vào đơn vị này</Button>}
          {unit.parentId && !unit.activeTo && (
            <Button danger onClick={() => onDialog('deactivate')}>
              Ngừng hoạt động
            </Button>
          )}
        </Space>
      </Card>
      <Card size="small" title="Lịch sử trực thuộc" data-testid="unit-history">
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <Alert type="error" message={history.error.message} />
        ) : (
          <>
            <Timeline
              items={history.data.links.map((l) => ({
                children: `Trực thuộc ${nameOf(l.parentId)} từ ${ddmmyyyy(l.validFrom)}${
                  l.validTo
                    ? ` đến hết ${ddmmyyyy(dayjs(l.validTo).subtract(1, 'day').format('YYYY-MM-DD'))}`
                    : ' đến nay'
                }`,
              }))}
            />
            {history.data.predecessors.length > 0 && (
              <Typography.Paragraph>
                Sáp nhập từ: {history.data.predecessors.map((p) => `${p.name} (từ ${ddmmyyyy(p.mergedOn)})`).join('; ')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Card>
    </Space>
  );
}

function UnitDialog({
  kind,
  unit,
  units,
  onClose,
  onCreated,
}: {
  kind: Exclude<Dialog, null>;
  unit: Unit;
  units: Unit[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      const date = v.effectiveDate ? iso(v.effectiveDate as Parameters<typeof iso>[0]) : undefined;
      switch (kind) {
        case 'edit':
          return api<Unit>(`/units/${unit.id}`, {
            method: 'PATCH',
            body: {
              name: v.name,
              abbreviation: v.abbreviation,
              kind: v.kind,
              ...(v.email ? { email: v.email } : {}),
              isReviewingOffice: !!v.isReviewingOffice,
            },
          });
        case 'create':
          return api<Unit>('/units', {
            method: 'POST',
            body: {
              code: v.code,
              name: v.name,
              abbreviation: v.abbreviation,
              kind: v.kind,
              ...(v.email ? { email: v.email } : {}),
              parentId: unit.id,
              ...(date ? { validFrom: date } : {}),
            },
          });
        case 'move':
          return api<Unit>(`/units/${unit.id}/move`, {
            method: 'POST',
            body: { newParentId: v.newParentId, effectiveDate: date },
          });
        case 'merge':
          return api('/units/merge', {
            method: 'POST',
            body: { sourceIds: v.sourceIds, intoId: unit.id, effectiveDate: date },
          });
        case 'deactivate':
          return api<Unit>(`/units/${unit.id}/deactivate`, { method: 'POST', body: { effectiveDate: date } });
      }
    },
    onSuccess: (r) => {
      message.success('Đã lưu');
      void queryClient.invalidateQueries({ queryKey: ['units'] });
      if (kind === 'create' && r && typeof r === 'object' && 'id' in r) onCreated((r as Unit).id);
      onClose();
    },
    onError: (e) => setError(e instanceof ApiError ? e.message : String(e)),
  });
  const titles: Record<typeof kind, string> = {
    edit: `Sửa thông tin: ${unit.name}`,
    create: `Thêm đơn vị trực thuộc ${unit.name}`,
    move: `Chuyển ${unit.name} sang đơn vị cấp trên khác`,
    merge: `Sáp nhập các đơn vị vào ${unit.name}`,
    deactivate: `Ngừng hoạt động: ${unit.name}`,
  };
  const dateField = (label: string) => (
    <Form.Item
      name="effectiveDate"
      label={label}
      rules={[{ required: kind !== 'create', message: 'Chọn ngày hiệu lực' }]}
    >
      <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: 180 }} />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={titles[kind]}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={kind === 'edit' ? { ...unit, email: unit.email ?? undefined } : {}}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {kind === 'create' && (
          <Form.Item name="code" label="Mã đơn vị" rules={[{ required: true, message: 'Nhập mã đơn vị' }]}>
            <Input placeholder={`${unit.code}.…`} />
          </Form.Item>
        )}
        {(kind === 'edit' || kind === 'create') && (
          <>
            <Form.Item name="name" label="Tên đơn vị" rules={[{ required: true, min: 2, message: 'Nhập tên đơn vị' }]}>
              <Input />
            </Form.Item>
            <Form.Item
              name="abbreviation"
              label="Tên viết tắt (dùng trong ký hiệu văn bản)"
              rules={[{ required: true, message: 'Nhập tên viết tắt' }]}
            >
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="kind" label="Loại đơn vị" rules={[{ required: true, message: 'Chọn loại đơn vị' }]}>
              <Select options={KIND_OPTIONS} aria-label="Loại đơn vị" />
            </Form.Item>
            <Form.Item
              name="email"
              label="Thư điện tử của đơn vị"
              rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}
            >
              <Input />
            </Form.Item>
          </>
        )}
        {kind === 'edit' && (
          <Form.Item name="isReviewingOffice" valuePropName="checked">
            <Checkbox>Cơ quan theo dõi, tổng hợp (Sở Nội vụ, Văn phòng Sở)</Checkbox>
          </Form.Item>
        )}
        {kind === 'create' && dateField('Hoạt động từ ngày (mặc định hôm nay)')}
        {kind === 'move' && (
          <>
            <Form.Item
              name="newParentId"
              label="Đơn vị cấp trên mới"
              rules={[{ required: true, message: 'Chọn đơn vị cấp trên mới' }]}
            >
              <UnitSelect units={units} exclude={unit.id} ariaLabel="Đơn vị cấp trên mới" />
            </Form.Item>
            {dateField('Từ ngày')}
          </>
        )}
        {kind === 'merge' && (
          <>
            <Form.Item
              name="sourceIds"
              label="Các đơn vị bị sáp nhập (thôi hoạt động)"
              rules={[{ required: true, message: 'Chọn ít nhất một đơn vị' }]}
            >
              <UnitSelect units={units} exclude={unit.id} mode="multiple" ariaLabel="Các đơn vị bị sáp nhập" />
            </Form.Item>
            {dateField('Từ ngày')}
          </>
        )}
        {kind === 'deactivate' && dateField('Ngừng hoạt động từ ngày')}
      </Form>
    </Modal>
  );
}
