/**
 * Password policy for accounts (both UI and server use it). Length matters most (NIST SP 800-63B):
 * at least 10 characters, letters and digits, not built from the username, not a well-known password.
 */
export interface PasswordRuleFailure {
  rule: 'min_length' | 'max_length' | 'letters_and_digits' | 'contains_username' | 'common';
  vi: string;
  en: string;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

const COMMON = new Set([
  '1234567890',
  '12345678910',
  'password123',
  'password1234',
  'matkhau123',
  'matkhau1234',
  'abc1234567',
  'qwerty1234',
  'qwertyuiop1',
  '123456789a',
  'a123456789',
  'admin12345',
  'admin@1234',
  'canbo12345',
  'vietnam123',
  'hanoi12345',
  'iloveyou123',
]);

export function checkPasswordPolicy(password: string, username = ''): PasswordRuleFailure[] {
  const failures: PasswordRuleFailure[] = [];
  const chars = [...password];
  if (chars.length < PASSWORD_MIN_LENGTH) {
    failures.push({
      rule: 'min_length',
      vi: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`,
      en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`,
    });
  }
  if (chars.length > PASSWORD_MAX_LENGTH) {
    failures.push({
      rule: 'max_length',
      vi: `Mật khẩu không được dài quá ${PASSWORD_MAX_LENGTH} ký tự.`,
      en: `The password must not exceed ${PASSWORD_MAX_LENGTH} characters.`,
    });
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    failures.push({
      rule: 'letters_and_digits',
      vi: 'Mật khẩu phải có cả chữ và số.',
      en: 'The password must contain both letters and digits.',
    });
  }
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    failures.push({
      rule: 'contains_username',
      vi: 'Mật khẩu không được chứa tên đăng nhập.',
      en: 'The password must not contain the username.',
    });
  }
  if (COMMON.has(password.toLowerCase())) {
    failures.push({
      rule: 'common',
      vi: 'Mật khẩu này quá phổ biến, hãy chọn mật khẩu khác.',
      en: 'This password is too common; choose another.',
    });
  }
  return failures;
}
