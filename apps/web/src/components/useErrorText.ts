import { useTranslation } from 'react-i18next';
import { ApiError, type ErrorDetail } from '../api/client';

/** Turns any thrown value into a sentence in the UI language. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return {
    message(err: unknown): string {
      if (err instanceof ApiError) return err.localized(i18n.language);
      return t('errors.unknown');
    },
    detail(d: ErrorDetail): string {
      return english ? (d.messageEn ?? d.message) : d.message;
    },
  };
}
