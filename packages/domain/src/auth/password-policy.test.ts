import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, PASSWORD_MIN_LENGTH } from './password-policy';

const rules = (password: string, username?: string) =>
  checkPasswordPolicy(password, username).map((f) => f.rule);

describe('password policy', () => {
  it('accepts a long password with letters and digits', () => {
    expect(rules('Hoa sen 2025 nở')).toEqual([]);
  });

  it('refuses 9 characters and accepts exactly 10', () => {
    expect(rules('abcd12345')).toContain('min_length');
    expect(rules('abcd123456')).not.toContain('min_length');
  });

  it('counts Vietnamese letters by character, not by byte or code unit', () => {
    expect(rules('Đặng1Đặng1')).toEqual([]);
  });

  it('requires both letters and digits', () => {
    expect(rules('abcdefghijkl')).toContain('letters_and_digits');
    expect(rules('123456789012')).toContain('letters_and_digits');
  });

  it('refuses a password that contains the username, in any case', () => {
    expect(rules('XNguyenVan2025', 'nguyenvan')).toContain('contains_username');
  });

  it('refuses well-known passwords', () => {
    expect(rules('Password123')).toContain('common');
  });

  it('refuses more than 256 characters', () => {
    expect(rules(`a1${'x'.repeat(255)}`)).toContain('max_length');
  });

  it('every failure carries a Vietnamese and an English message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 12 }), (password, username) => {
        for (const failure of checkPasswordPolicy(password, username)) {
          expect(failure.vi.length).toBeGreaterThan(0);
          expect(failure.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('any string of min length with a letter and a digit and no username passes the length and class rules', () => {
    fc.assert(
      fc.property(fc.string({ minLength: PASSWORD_MIN_LENGTH, maxLength: 60 }), (s) => {
        const result = rules(`a1${s}`);
        expect(result).not.toContain('min_length');
        expect(result).not.toContain('letters_and_digits');
      }),
    );
  });
});
