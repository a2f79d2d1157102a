import { useNavigate, useParams } from 'react-router-dom';
import { Result, Tabs, Typography } from 'antd';
import { isAdmin, useAuth } from '../auth';
import { ImportTab } from './admin/import';
import { CalendarTab, IndicatorsTab, ReminderPolicyTab, UsersTab } from './admin/others';
import { UnitsTab } from './admin/units';

const TABS = [
  { key: 'don-vi', label: 'Cây đơn vị', children: <UnitsTab /> },
  { key: 'nhap-tep', label: 'Nhập từ tệp', children: <ImportTab /> },
  { key: 'nguoi-dung', label: 'Người dùng', children: <UsersTab /> },
  { key: 'lich-nghi', label: 'Lịch nghỉ, làm bù', children: <CalendarTab /> },
  { key: 'chi-tieu', label: 'Danh mục chỉ tiêu', children: <IndicatorsTab /> },
  { key: 'nhac-viec', label: 'Lịch nhắc việc', children: <ReminderPolicyTab /> },
];

/** Quản trị: the unit tree, its import, users, the holiday calendar, the indicator catalogue, reminders. */
export default function AdminPage() {
  const { me } = useAuth();
  const { tab = 'don-vi' } = useParams();
  const navigate = useNavigate();
  if (!isAdmin(me)) return <Result status="403" title="Chỉ quản trị viên được vào trang này" />;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        Quản trị
      </Typography.Title>
      <Tabs activeKey={tab} onChange={(k) => navigate(`/quan-tri/${k}`)} items={TABS} destroyOnHidden />
    </>
  );
}
