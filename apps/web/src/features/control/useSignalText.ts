import type { ControlSignal } from '@canbo/domain';
import { useTranslation } from 'react-i18next';
import { decimal, SIGNAL_UNITS } from './format';

/** "35,5%", "12 giây", "+18,2 điểm %": a signal's value (or threshold) in the reader's language. */
export function useSignalText() {
  const { t } = useTranslation();
  return (signal: ControlSignal, value: number | null) => {
    if (value === null) return '—';
    const unit = SIGNAL_UNITS[signal];
    const shown =
      unit === 'points' && value > 0 ? `+${decimal(value)}` : decimal(value, unit === 'seconds' ? 1 : 2);
    return t(`control.value.${unit}`, { value: shown });
  };
}
