import type { FormRule as Rule } from 'antd';
import type { TFunction } from 'i18next';

/**
 * The password policy as the server applies it: at least 10 characters, letters and digits,
 * not containing the username. The server has the last word (WEAK_PASSWORD lists the rules).
 */
export function passwordRules(t: TFunction, username: string): Rule[] {
  return [
    { required: true, message: t('validation.required') },
    { min: 10, message: t('password.rules.minLength') },
    {
      validator: (_rule, value: string | undefined) =>
        !value || (/\p{L}/u.test(value) && /\d/.test(value))
          ? Promise.resolve()
          : Promise.reject(new Error(t('password.rules.lettersDigits'))),
    },
    {
      validator: (_rule, value: string | undefined) =>
        !value || !username || !value.toLowerCase().includes(username.toLowerCase())
          ? Promise.resolve()
          : Promise.reject(new Error(t('password.rules.noUsername'))),
    },
  ];
}
