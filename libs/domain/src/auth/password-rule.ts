import { COMMON_PASSWORDS } from './common-passwords';

/**
 * The password rule (NIST SP 800-63B §5.1.1.2): length, and not a value attackers try first. No composition
 * rules (mixing digits and symbols makes passwords harder to remember, not harder to guess).
 */
export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work of hashing (argon2) a hostile submission. */
export const PASSWORD_MAX_LENGTH = 200;
const MIN_DISTINCT_CHARACTERS = 5;
const SEQUENCES = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc'];

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'repetitive' | 'sequential';

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: `Mật khẩu phải dài ít nhất ${PASSWORD_MIN_LENGTH} ký tự`,
  too_long: `Mật khẩu dài tối đa ${PASSWORD_MAX_LENGTH} ký tự`,
  common: 'Mật khẩu này quá phổ biến, dễ bị đoán; hãy chọn một cụm từ khác',
  repetitive: 'Mật khẩu lặp lại quá ít ký tự khác nhau (ví dụ aaaaaaaaa1); hãy chọn một cụm từ khác',
  sequential: 'Mật khẩu là một dãy ký tự liên tiếp (ví dụ 1234567890, qwertyuiop); hãy chọn một cụm từ khác',
};

/** Why the password is refused, or null when it is acceptable. Length is counted in characters, not bytes. */
export function passwordProblem(password: string): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (chars.length > PASSWORD_MAX_LENGTH) return 'too_long';
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON_PASSWORDS.has(lower) || (base.length > 0 && COMMON_PASSWORDS.has(base))) return 'common';
  if (new Set(chars).size < MIN_DISTINCT_CHARACTERS) return 'repetitive';
  const alnum = lower.replace(/[^a-z0-9]/g, '');
  if (SEQUENCES.some((s) => isRunOf(alnum, s))) return 'sequential';
  return null;
}

/** The whole value is a run taken from `seq`, forwards or backwards, possibly repeated (12345678901234). */
function isRunOf(value: string, seq: string): boolean {
  if (value.length < 4) return false;
  const rev = [...seq].reverse().join('');
  const loop = (s: string) => s.repeat(Math.ceil(value.length / s.length) + 2);
  return loop(seq).includes(value) || loop(rev).includes(value);
}
