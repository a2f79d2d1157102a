import { decisionMessage } from './templates';
import { WEB_ROUTES, webLink } from './links';

describe('decision notices', () => {
  const base = {
    subject: 'plan' as const,
    year: 2027,
    unitName: 'Trường THPT Cộng Hiền',
    parentUnitName: 'Sở Giáo dục và Đào tạo',
    link: 'https://cchc.example.vn/nghia-vu/abc',
  };

  it('tells the unit its plan was returned, with the reason and the link', () => {
    const m = decisionMessage({ ...base, decision: 'return', reason: 'Đề nghị bổ sung chỉ tiêu' });
    expect(m.title).toBe('Kế hoạch tuyên truyền cải cách hành chính năm 2027 bị Sở Giáo dục và Đào tạo trả lại');
    expect(m.text).toContain('Kính gửi: Trường THPT Cộng Hiền');
    expect(m.text).toContain('với lý do:\nĐề nghị bổ sung chỉ tiêu');
    expect(m.text).toContain('Xem chi tiết tại: https://cchc.example.vn/nghia-vu/abc');
  });

  it('tells the unit its report was approved, naming the period', () => {
    const m = decisionMessage({ ...base, decision: 'approve', subject: 'report', periodLabel: 'Quý I' });
    expect(m.title).toBe('Báo cáo Quý I năm 2027 đã được Sở Giáo dục và Đào tạo duyệt');
    expect(m.text).not.toContain('lý do');
  });

  it('says "báo cáo năm", not "năm năm", for the year report', () => {
    const m = decisionMessage({ ...base, decision: 'approve', subject: 'report', periodLabel: 'Năm' });
    expect(m.title).toBe('Báo cáo năm 2027 đã được Sở Giáo dục và Đào tạo duyệt');
  });
});

describe('web links', () => {
  it('joins the public URL and the route without a double slash', () => {
    expect(webLink('http://127.0.0.1:3000/', WEB_ROUTES.obligation('x'))).toBe('http://127.0.0.1:3000/nghia-vu/x');
    expect(webLink('https://cchc.vn', WEB_ROUTES.outgoing(2027))).toBe(
      'https://cchc.vn/hop-thu-duyet?tab=theo-doi&nam=2027',
    );
  });
});
