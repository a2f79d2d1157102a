import { useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router-dom';
import { Result } from 'antd';
import { api, ApiError } from '../api';
import { isDrafter, useAuth } from '../auth';
import { Loading } from '../App';

interface ObligationDetail {
  id: string;
  kind: 'plan' | 'report';
  year: number;
  unitId: string;
  planId: string | null;
  status: string;
}

/** The target of every link in notifications and e-mails: opens the plan or report the obligation asks for. */
export default function ObligationPage() {
  const { id } = useParams();
  const { me } = useAuth();
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const o = await api<ObligationDetail>(`/obligations/${id}`);
      if (o.kind === 'plan') {
        if (o.planId) return `/ke-hoach/${o.planId}`;
        // No plan linked yet: the unit's own draft for that year, or a new one.
        const plans = await api<Array<{ id: string }>>(`/plans?year=${o.year}&unitId=${o.unitId}`);
        if (plans[0]) return `/ke-hoach/${plans[0].id}`;
        if (isDrafter(me) && me?.unitId === o.unitId) return `/ke-hoach/moi?nam=${o.year}`;
        throw new ApiError(404, 'plan.not_started', 'Đơn vị chưa soạn kế hoạch');
      }
      const x = await api<{ reportId: string | null }>(`/obligations/${id}/report`).catch(() => ({ reportId: null }));
      if (x.reportId) return `/bao-cao/${x.reportId}`;
      if (isDrafter(me) && me?.unitId === o.unitId) {
        const r = await api<{ id: string }>('/reports', { method: 'PUT', body: { obligationId: o.id } });
        return `/bao-cao/${r.id}`;
      }
      throw new ApiError(404, 'report.not_started', 'Đơn vị chưa lập báo cáo');
    })()
      .then((t) => !cancelled && setTarget(t))
      .catch((e: Error) => !cancelled && setError(e.message));
    return () => {
      cancelled = true;
    };
  }, [id, me]);

  if (target) return <Navigate to={target} replace />;
  if (error) return <Result status="warning" title="Không mở được hồ sơ" subTitle={error} />;
  return <Loading label="Đang mở hồ sơ…" />;
}
