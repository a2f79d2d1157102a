import { deadlineChangedMessage, overdueDigestMessage, reminderMessage, ReminderContext } from './templates';

const base: ReminderContext = {
  kind: 'before',
  subject: 'plan',
  year: 2024,
  unitName: 'Sở Tư pháp',
  parentUnitName: 'Ủy ban nhân dân tỉnh Bình Thuận',
  sourcePlanSymbol: '1/KH-UBND',
  sourcePlanTitle: 'Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024',
  deadline: '31/01/2024',
  daysLeft: 7,
  link: 'http://localhost:3000/obligations/1',
};

describe('Vietnamese templates', () => {
  it('announces the days left before the deadline', () => {
    const m = reminderMessage(base);
    expect(m.title).toBe(
      'Nhắc hạn: còn 7 ngày để xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    expect(m.text).toContain('Kính gửi: Sở Tư pháp');
    expect(m.text).toContain('Thực hiện Kế hoạch số 1/KH-UBND của Ủy ban nhân dân tỉnh Bình Thuận');
    expect(m.text).toContain('chậm nhất ngày 31/01/2024 (còn 7 ngày)');
    expect(m.text).toContain(base.link);
  });

  it('says when today is the deadline and how late an overdue unit is', () => {
    expect(reminderMessage({ ...base, kind: 'due_today', daysLeft: 0 }).title).toBe(
      'Hôm nay (31/01/2024) là hạn cuối xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    const late = reminderMessage({ ...base, kind: 'overdue', daysLeft: -5 });
    expect(late.title).toBe(
      'Quá hạn 5 ngày: đơn vị chưa xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    expect(late.text).toContain('đã quá hạn 5 ngày');
  });

  it('names the report period for report obligations', () => {
    const m = reminderMessage({ ...base, subject: 'report', periodLabel: 'Quý I', deadline: '11/03/2024' });
    expect(m.title).toBe(
      'Nhắc hạn: còn 7 ngày để gửi báo cáo quý I năm 2024 về công tác tuyên truyền cải cách hành chính',
    );
  });

  it('lists every late child in one digest', () => {
    const m = overdueDigestMessage({
      subject: 'plan',
      year: 2024,
      parentUnitName: 'Ủy ban nhân dân tỉnh Bình Thuận',
      sourcePlanSymbol: '1/KH-UBND',
      sourcePlanTitle: 'Kế hoạch năm 2024',
      lateUnits: [
        { name: 'Sở Kế hoạch và Đầu tư', deadline: '31/01/2024', daysLate: 5, status: 'Chưa thực hiện' },
        { name: 'Báo Bình Thuận', deadline: '31/01/2024', daysLate: 5, status: 'Đang soạn thảo' },
      ],
      link: 'http://x',
    });
    expect(m.title).toBe(
      'Đôn đốc: 2 đơn vị trực thuộc Ủy ban nhân dân tỉnh Bình Thuận quá hạn xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2024',
    );
    expect(m.text).toContain('1. Sở Kế hoạch và Đầu tư — hạn 31/01/2024, quá hạn 5 ngày (Chưa thực hiện)');
    expect(m.text).toContain('2. Báo Bình Thuận — hạn 31/01/2024, quá hạn 5 ngày (Đang soạn thảo)');
  });
});

describe('deadlineChangedMessage', () => {
  it('tells the unit the old and new dates and why', () => {
    const m = deadlineChangedMessage({
      subject: 'plan',
      year: 2027,
      unitName: 'Sở Tư pháp',
      parentUnitName: 'Ủy ban nhân dân tỉnh Bình Thuận',
      sourcePlanSymbol: '12/KH-UBND',
      sourcePlanTitle: 'Kế hoạch tuyên truyền CCHC năm 2027',
      previous: '12/02/2027',
      deadline: '10/02/2027',
      cause: 'calendar',
      link: 'http://localhost:3000/obligations/1',
    });
    expect(m.title).toBe(
      'Thay đổi hạn xây dựng, ban hành kế hoạch tuyên truyền cải cách hành chính năm 2027: từ 12/02/2027 sang 10/02/2027',
    );
    expect(m.text).toContain('Kính gửi: Sở Tư pháp');
    expect(m.text).toContain('lịch nghỉ lễ, Tết');
    expect(m.text).toContain('http://localhost:3000/obligations/1');
  });
});
