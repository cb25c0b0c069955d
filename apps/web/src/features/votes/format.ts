import { formatDecimal } from '@canbo/domain';

/** "60,00%": shares are stored with two decimals; "—" when there was no ballot. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatDecimal(value, 2)}%`;
}

export const LEVELS = ['high', 'confidence', 'low'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_COLORS: Record<Level, string> = { high: '#389e0d', confidence: '#1677ff', low: '#cf1322' };
