import { passwordProblem, PASSWORD_PROBLEM_MESSAGES } from './password-rule';

describe('password rule (NIST SP 800-63B)', () => {
  it.each([
    ['aaaaaaaaa1', 'repetitive'],
    ['ababababab12', 'repetitive'],
    ['short1', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['password123', 'common'],
    ['Password2025!', 'common'],
    ['matkhau123456', 'common'],
    ['AnhYeuEm@2024', 'common'],
    ['1234567890', 'common'],
    ['3456789012', 'sequential'],
    ['poiuytrewq', 'sequential'],
    ['asdfghjklasd', 'sequential'],
    ['9876543210', 'sequential'],
    ['abcdefghijk', 'sequential'],
  ])('refuses %s (%s)', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });

  it.each([
    'CchcDemo@2024',
    'MatKhauMoi2025',
    'ngựa vằn ăn cỏ non',
    'correct horse battery staple',
    'Tuyen-truyen-CCHC-2025',
  ])('accepts %s', (pw) => {
    expect(passwordProblem(pw)).toBeNull();
  });

  it('counts characters, not bytes, and says why in Vietnamese', () => {
    expect(passwordProblem('đường phố ')).toBeNull(); // 10 characters, 15 bytes
    expect(passwordProblem('đường phố')).toBe('too_short');
    for (const m of Object.values(PASSWORD_PROBLEM_MESSAGES)) expect(m).toMatch(/Mật khẩu/);
  });
});
