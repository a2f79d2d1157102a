import { reviewMatrix, type ReviewObligation, type ReviewUnit } from './review-matrix';

const ob = (o: Partial<ReviewObligation> & Pick<ReviewObligation, 'obligationId'>): ReviewObligation => ({
  kind: 'report',
  period: 'Q1',
  status: 'pending',
  submittedOnTime: null,
  overdue: false,
  deadline: '2025-03-10',
  firstSubmittedAt: null,
  planId: null,
  ...o,
});
const unit = (code: string, depth: number, obligations: ReviewObligation[]): ReviewUnit => ({
  unitId: `id-${code}`,
  code,
  name: `Đơn vị ${code}`,
  kind: depth === 1 ? 'department' : 'school',
  depth,
  parentUnitId: depth === 1 ? 'root' : 'id-D1',
  obligations,
});

describe('reviewMatrix', () => {
  // Two levels, worked out by hand:
  //  D1 (level 1): plan approved on time; quý I approved on time; 6 tháng never handed in, overdue
  //  S1 (level 2): plan submitted late; quý I returned after a late submission
  //  S2 (level 2): no plan obligation; quý I never handed in, not yet due; a YEAR report (not asked for)
  const units = [
    unit('D1', 1, [
      ob({
        obligationId: 'd1-plan',
        kind: 'plan',
        period: null,
        status: 'approved',
        submittedOnTime: true,
        firstSubmittedAt: '2025-01-20T02:00:00.000Z',
        planId: 'p-d1',
        deadline: '2025-01-31',
      }),
      ob({
        obligationId: 'd1-q1',
        status: 'approved',
        submittedOnTime: true,
        firstSubmittedAt: '2025-03-05T02:00:00.000Z',
      }),
      ob({ obligationId: 'd1-h1', period: 'H1', overdue: true, deadline: '2025-06-10' }),
    ]),
    unit('S1', 2, [
      ob({
        obligationId: 's1-plan',
        kind: 'plan',
        period: null,
        status: 'submitted',
        submittedOnTime: false,
        overdue: true,
        firstSubmittedAt: '2025-02-03T02:00:00.000Z',
        planId: 'p-s1',
        deadline: '2025-01-31',
      }),
      ob({
        obligationId: 's1-q1',
        status: 'returned',
        submittedOnTime: false,
        overdue: true,
        firstSubmittedAt: '2025-03-12T02:00:00.000Z',
      }),
    ]),
    unit('S2', 2, [ob({ obligationId: 's2-q1' }), ob({ obligationId: 's2-year', period: 'YEAR' })]),
  ];
  const m = reviewMatrix(units, ['Q1', 'H1']);

  it('makes one row per unit with its plan and period cells coloured by state', () => {
    expect(m.rows.map((r) => r.code)).toEqual(['D1', 'S1', 'S2']);
    expect(m.rows[0].plan).toEqual({
      obligationId: 'd1-plan',
      status: 'approved',
      state: 'on_time',
      deadline: '2025-01-31',
      onTime: true,
      overdue: false,
      planId: 'p-d1',
      firstSubmittedAt: '2025-01-20T02:00:00.000Z',
    });
    expect(m.rows[0].periods.H1?.state).toBe('missing');
    expect(m.rows[1].plan?.state).toBe('late');
    expect(m.rows[1].periods.Q1?.state).toBe('returned');
    expect(m.rows[2].plan).toBeNull();
    expect(m.rows[2].periods).toEqual({ Q1: expect.objectContaining({ state: 'not_due' }) }); // no YEAR cell
  });

  it('counts plans and each period over the subtree, with its late and missing units', () => {
    expect(m.plans).toMatchObject({ expected: 2, submitted: 2, accepted: 1, onTime: 1, lateSubmitted: 1 });
    const [q1, h1] = m.periods;
    expect(q1).toMatchObject({
      period: 'Q1',
      completeness: {
        expected: 3,
        submitted: 2,
        accepted: 1,
        returned: 1,
        missing: 1,
        onTime: 1,
        lateSubmitted: 1,
        lateMissing: 0,
      },
      late: [{ code: 'S1', name: 'Đơn vị S1', status: 'returned' }],
      missing: [{ code: 'S2', name: 'Đơn vị S2', overdue: false }],
    });
    expect(h1).toMatchObject({
      period: 'H1',
      completeness: { expected: 1, missing: 1, lateMissing: 1 },
      late: [{ code: 'D1', name: 'Đơn vị D1', status: 'pending' }],
      missing: [{ code: 'D1', name: 'Đơn vị D1', overdue: true }],
    });
  });

  it('counts per level, shallowest first', () => {
    expect(m.levels.map((l) => [l.depth, l.units, l.plans.expected])).toEqual([
      [1, 1, 1],
      [2, 2, 1],
    ]);
    expect(m.levels[1].reports).toEqual([
      { period: 'Q1', completeness: expect.objectContaining({ expected: 2, submitted: 1, missing: 1 }) },
      { period: 'H1', completeness: expect.objectContaining({ expected: 0 }) },
    ]);
  });
});
