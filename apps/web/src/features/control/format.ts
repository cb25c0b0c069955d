import { type ControlSignal, formatDecimal } from '@canbo/domain';

/** What a signal's value and threshold measure (docs/CONTROL.md). */
export const SIGNAL_UNITS: Record<ControlSignal, 'percent' | 'seconds' | 'points' | 'count'> = {
  selfMax: 'percent',
  unchangedReview: 'percent',
  reviewTime: 'seconds',
  bulkApproval: 'percent',
  identicalScores: 'percent',
  topGrade: 'points',
  late: 'percent',
  reopened: 'count',
};

/** Vietnamese number form ("35,5"), two decimals at most, trailing zeros dropped. */
export const decimal = (value: number, decimals = 2) => formatDecimal(value, decimals, { trimZeros: true });

export const SIGNAL_COLORS: Record<ControlSignal, string> = {
  selfMax: 'volcano',
  unchangedReview: 'orange',
  reviewTime: 'gold',
  bulkApproval: 'lime',
  identicalScores: 'magenta',
  topGrade: 'red',
  late: 'blue',
  reopened: 'purple',
};
