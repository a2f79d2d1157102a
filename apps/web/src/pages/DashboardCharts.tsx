import { useMemo } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { Chart } from '../Chart';
import { dayjs, ddmmyyyy, num, PERIOD_LABELS, TZ } from '../format';
import type { Indicator } from '../types';
import type { Review } from './review-types';

const name = (indicators: Indicator[], code: string) => indicators.find((i) => i.code === code)?.name ?? code;

/** Totals against targets, the cascade of plans over time, this year against the previous one. */
export function Charts({ review, period, indicators }: { review: Review; period: string; indicators: Indicator[] }) {
  const p = review.periods.find((x) => x.period === period) ?? review.periods[0];
  const label = PERIOD_LABELS[p.period];

  const targets = useMemo(() => {
    const codes = p.targets.length ? p.targets.map((t) => t.indicatorCode) : Object.keys(p.totals);
    return {
      codes,
      names: codes.map((c) => name(indicators, c)),
      actual: codes.map((c) => p.totals[c] ?? 0),
      target: codes.map((c) => p.targets.find((t) => t.indicatorCode === c)?.target ?? null),
    };
  }, [p, indicators]);

  const cascade = useMemo(() => {
    // Plans of the reviewed unit's children (level 1) issued per day, cumulative, up to their deadline.
    const plans = review.matrix.filter((r) => r.plan).map((r) => r.plan!);
    const days = new Map<string, number>();
    for (const pl of plans) {
      if (!pl.firstSubmittedAt) continue;
      const d = dayjs(pl.firstSubmittedAt).tz(TZ).format('YYYY-MM-DD');
      days.set(d, (days.get(d) ?? 0) + 1);
    }
    const deadline =
      plans
        .map((pl) => pl.deadline)
        .sort()
        .at(-1) ?? null;
    // Every day from the first issue to the deadline (or to the last issue, if later), cumulative.
    const sorted = [...days.keys()].sort();
    const points: Array<[string, number]> = [];
    if (sorted.length) {
      const last = [sorted.at(-1)!, deadline ?? sorted[0]].sort().at(-1)!;
      let total = 0;
      for (let d = dayjs(sorted[0]); !d.isAfter(dayjs(last)) && points.length < 400; d = d.add(1, 'day')) {
        total += days.get(d.format('YYYY-MM-DD')) ?? 0;
        points.push([ddmmyyyy(d.format('YYYY-MM-DD')), total]);
      }
    }
    return { points, deadline, expected: plans.length };
  }, [review]);

  const compare = useMemo(() => {
    const prev = p.previousYearTotals ?? {};
    const codes = [...new Set([...Object.keys(p.totals), ...Object.keys(prev)])];
    return {
      names: codes.map((c) => name(indicators, c)),
      now: codes.map((c) => p.totals[c] ?? 0),
      before: codes.map((c) => prev[c] ?? 0),
      has: !!p.previousYearTotals,
    };
  }, [p, indicators]);

  const axisLabel = { interval: 0, width: 110, overflow: 'truncate' as const };
  return (
    <Row gutter={[12, 12]}>
      <Col span={12}>
        <Card size="small" title={`Kết quả so với chỉ tiêu (${label} ${review.year})`}>
          {targets.codes.length === 0 ? (
            <Empty description="Chưa có số liệu được chấp nhận" />
          ) : (
            <Chart
              summary={`Kết quả so với chỉ tiêu: ${targets.names
                .map(
                  (n, i) =>
                    `${n} ${num(targets.actual[i])}${targets.target[i] != null ? ` / ${num(targets.target[i])}` : ''}`,
                )
                .join('; ')}`}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: ['Thực hiện', 'Chỉ tiêu'], top: 0 },
                grid: { left: 48, right: 12, bottom: 60 },
                xAxis: { type: 'category', data: targets.names, axisLabel },
                yAxis: { type: 'value' },
                series: [
                  { name: 'Thực hiện', type: 'bar', data: targets.actual, itemStyle: { color: '#0b5cab' } },
                  { name: 'Chỉ tiêu', type: 'bar', data: targets.target, itemStyle: { color: '#bfbfbf' } },
                ],
              }}
            />
          )}
        </Card>
      </Col>
      <Col span={12}>
        <Card size="small" title="Tiến độ ban hành kế hoạch của đơn vị cấp dưới">
          {cascade.points.length === 0 ? (
            <Empty description="Chưa đơn vị nào ban hành kế hoạch" />
          ) : (
            <Chart
              summary={`Đã ban hành ${cascade.points.at(-1)![1]} trên ${cascade.expected} kế hoạch; hạn ${ddmmyyyy(cascade.deadline)}`}
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 48, right: 24, bottom: 40 },
                xAxis: { type: 'category', data: cascade.points.map((x) => x[0]) },
                yAxis: { type: 'value', max: cascade.expected, name: 'Số kế hoạch' },
                series: [
                  {
                    name: 'Đã ban hành (lũy kế)',
                    type: 'line',
                    step: 'end',
                    data: cascade.points.map((x) => x[1]),
                    itemStyle: { color: '#2f7a0b' },
                    markLine: {
                      symbol: 'none',
                      data: [
                        {
                          yAxis: cascade.expected,
                          label: { formatter: `Cần ban hành: ${cascade.expected}`, position: 'insideEndTop' },
                        },
                        ...(cascade.deadline && cascade.points.some((x) => x[0] === ddmmyyyy(cascade.deadline))
                          ? [{ xAxis: ddmmyyyy(cascade.deadline), label: { formatter: 'Hạn' } }]
                          : []),
                      ],
                    },
                  },
                ],
              }}
            />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={`So sánh với cùng kỳ năm ${review.year - 1} (${label})`}>
          {!compare.has && compare.now.length === 0 ? (
            <Empty description="Chưa có số liệu của cả hai năm" />
          ) : (
            <Chart
              height={280}
              summary={`So sánh ${review.year} với ${review.year - 1}: ${compare.names
                .map((n, i) => `${n} ${num(compare.now[i])} so với ${num(compare.before[i])}`)
                .join('; ')}`}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { data: [String(review.year), String(review.year - 1)], top: 0 },
                grid: { left: 48, right: 12, bottom: 60 },
                xAxis: { type: 'category', data: compare.names, axisLabel },
                yAxis: { type: 'value' },
                series: [
                  { name: String(review.year), type: 'bar', data: compare.now, itemStyle: { color: '#0b5cab' } },
                  { name: String(review.year - 1), type: 'bar', data: compare.before, itemStyle: { color: '#d48806' } },
                ],
              }}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
