import { explainDeadline } from './deadline-explanation';
import { WorkingCalendar } from './holiday-calendar';
import { parseLocalDate } from './local-date';

describe('explainDeadline', () => {
  const cal = new WorkingCalendar([
    { year: 2027, holidays: [{ date: parseLocalDate('2027-02-05'), name: 'Tết Nguyên đán' }], workingWeekends: [] },
  ]);

  it('explains a Sunday moved to Monday', () => {
    // 31/01/2027 is a Sunday (1 Jan 2027 is a Friday: +30 days = Sunday).
    expect(explainDeadline(parseLocalDate('2027-01-31'), cal).explanation).toBe(
      '31/01/2027 là Chủ nhật → hạn thực tế 01/02/2027',
    );
  });

  it('explains a Saturday', () => {
    expect(explainDeadline(parseLocalDate('2027-01-30'), cal).explanation).toBe(
      '30/01/2027 là thứ Bảy → hạn thực tế 01/02/2027',
    );
  });

  it('names the holiday and skips the weekend after it', () => {
    // Friday 05/02/2027 is a holiday here; Sat 6 and Sun 7 are rest days → Monday 08/02/2027.
    expect(explainDeadline(parseLocalDate('2027-02-05'), cal).explanation).toBe(
      '05/02/2027 là ngày nghỉ Tết Nguyên đán → hạn thực tế 08/02/2027',
    );
  });

  it('says nothing for a working day', () => {
    const r = explainDeadline(parseLocalDate('2027-01-29'), cal);
    expect(r.explanation).toBeNull();
    expect(r.deadline.effective).toBe('2027-01-29');
  });
});
