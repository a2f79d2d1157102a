import { DomainError } from '../errors';
import { defaultReportSchedule } from '../periods/report-periods';
import { defaultReminderPolicy } from '../reminders/reminder-policy';
import { assertPlanComplete, diffContent, PlanDraftFields } from './plan';

const complete = (): PlanDraftFields => ({
  year: 2024,
  title: 'Kế hoạch tuyên truyền cải cách hành chính năm 2024',
  sections: { purpose: 'Nâng cao nhận thức', content: 'Tuyên truyền các chủ trương' },
  targets: [{ indicatorCode: 'WEB_NEWS', amount: 5, basis: 'month' }],
  childDeadline: '2024-01-31',
  reportSchedule: defaultReportSchedule(),
  reminderPolicy: defaultReminderPolicy(),
  scope: { mode: 'all_children' },
});

describe('plan completeness', () => {
  it('accepts a complete plan', () => {
    expect(() => assertPlanComplete(complete())).not.toThrow();
  });

  it('lists every missing part at once', () => {
    const p = {
      ...complete(),
      title: ' ',
      sections: {},
      childDeadline: '2030-01-31',
      scope: { mode: 'selected' as const, unitIds: [] },
    };
    try {
      assertPlanComplete(p);
      throw new Error('expected refusal');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('plan.incomplete');
      const fields = ((e as DomainError).details!.problems as Array<{ field: string }>).map((x) => x.field);
      expect(fields).toEqual(['title', 'sections.purpose', 'sections.content', 'childDeadline', 'scope.unitIds']);
    }
  });
});

describe('diffContent', () => {
  it('names changed, added and removed fields by path', () => {
    const a = {
      title: 'A',
      sections: { purpose: 'x', content: 'y' },
      targets: [{ indicatorCode: 'WEB_NEWS', amount: 4 }],
    };
    const b = {
      title: 'A',
      sections: { purpose: 'x2', content: 'y', budget: 'Ngân sách' },
      targets: [
        { indicatorCode: 'WEB_NEWS', amount: 5 },
        { indicatorCode: 'RADIO_ITEMS', amount: 1 },
      ],
    };
    expect(diffContent(a, b)).toEqual([
      { path: 'sections.budget', before: null, after: 'Ngân sách' },
      { path: 'sections.purpose', before: 'x', after: 'x2' },
      { path: 'targets[0].amount', before: 4, after: 5 },
      { path: 'targets[1]', before: null, after: { indicatorCode: 'RADIO_ITEMS', amount: 1 } },
    ]);
  });

  it('finds nothing between equal contents', () => {
    expect(diffContent(complete(), complete())).toEqual([]);
  });
});
