/**
 * Numbers written the Vietnamese way: a dot between thousands, a comma before decimals, "%" with no
 * space ("3.314", "1.234,5", "41,43%"). Percentages are computed once from the integer counts and
 * rounded half up with integer arithmetic, so 29/70 is always "41,43%" whatever floating point says.
 *
 * Years, document numbers, codes and ids are never grouped ("2024", "Số 12-BC/TU", not "2.024"):
 * write them with `formatPlainInteger` or as plain strings, never with `formatInteger` or
 * `Intl.NumberFormat('vi-VN')` (which groups 2024 as "2.024").
 */

export type IntegerInput = number | bigint;

/** What a percentage of nothing shows (0/0, or any count over 0): a dash, not "0%" or "NaN%". */
export const NO_FIGURE = '—';

const MAX_DECIMALS = 10;

function toBigInt(value: IntegerInput, name: string): bigint {
  if (typeof value === 'bigint') return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`);
  return BigInt(value);
}

function checkDecimals(decimals: number): bigint {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
  return 10n ** BigInt(decimals);
}

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `units` hundredths (for decimals 2) etc. as "1.234,50": the scaled integer, never a float. */
function formatScaled(units: bigint, decimals: number): string {
  const digits = abs(units)
    .toString()
    .padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return (units < 0n ? '-' : '') + groupDigits(whole) + (decimals > 0 ? `,${fraction}` : '');
}

/** Half up, i.e. half away from zero: the ordinary "làm tròn" of Vietnamese reports. */
function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const n = abs(numerator);
  const d = abs(denominator);
  let quotient = n / d;
  if (2n * (n % d) >= d) quotient += 1n;
  return numerator < 0n !== denominator < 0n ? -quotient : quotient;
}

/** A count: "3.314", "1.234.567", "-12". */
export function formatInteger(value: IntegerInput): string {
  return formatScaled(toBigInt(value, 'value'), 0);
}

/** A year, a document number, a code: digits only, never grouped ("2024"). */
export function formatPlainInteger(value: IntegerInput): string {
  return toBigInt(value, 'value').toString();
}

/**
 * part/whole × 100, rounded half up at `decimals`, as an integer count of 10^-decimals percent
 * (4143n for 29/70 at 2 decimals); null when whole is 0.
 */
export function percentUnits(part: IntegerInput, whole: IntegerInput, decimals = 2): bigint | null {
  const scale = checkDecimals(decimals);
  const w = toBigInt(whole, 'whole');
  if (w === 0n) return null;
  return divideHalfUp(toBigInt(part, 'part') * 100n * scale, w);
}

/** The rounded percentage as a number (41.43), for spreadsheet cells and charts; null when whole is 0. */
export function percentValue(part: IntegerInput, whole: IntegerInput, decimals = 2): number | null {
  const units = percentUnits(part, whole, decimals);
  return units === null ? null : Number(units) / 10 ** decimals;
}

/** "41,43%"; trailing zeros kept so table columns line up ("12,50%"); NO_FIGURE when whole is 0. */
export function formatPercent(part: IntegerInput, whole: IntegerInput, decimals = 2): string {
  const units = percentUnits(part, whole, decimals);
  return units === null ? NO_FIGURE : `${formatScaled(units, decimals)}%`;
}

/**
 * "29/70 (41,43%)", the form of report tables (achieved/target); "0/0 (—)" when whole is 0.
 * `decimals` as a number or as `{ decimals }` (default 2).
 */
export function formatRatio(
  part: IntegerInput,
  whole: IntegerInput,
  options: number | { decimals?: number } = 2,
): string {
  const decimals = typeof options === 'number' ? options : (options.decimals ?? 2);
  return `${formatInteger(part)}/${formatInteger(whole)} (${formatPercent(part, whole, decimals)})`;
}

/** "3.314 người (44,5%)": a count with its unit and its share of a total. */
export function formatCountShare(
  count: IntegerInput,
  total: IntegerInput,
  options: { unit?: string; decimals?: number } = {},
): string {
  const unit = options.unit ? ` ${options.unit}` : '';
  return `${formatInteger(count)}${unit} (${formatPercent(count, total, options.decimals ?? 2)})`;
}

/**
 * A measured value that is not a ratio of counts (a score, an average): "85,5", "1.234,57".
 * Rounds half up on the shortest decimal form of the number, the one people typed and see, so
 * 1.005 gives "1,01" where `toFixed` gives "1.00". `trimZeros` drops trailing zeros ("85,5" not
 * "85,50"). Not-a-number and infinities show NO_FIGURE.
 */
export function formatDecimal(value: number, decimals = 2, options: { trimZeros?: boolean } = {}): string {
  checkDecimals(decimals);
  if (!Number.isFinite(value)) return NO_FIGURE;
  // "1.005e+0" → digits 1005, exponent 0: value = 1005 × 10^(0 − 3).
  const [mantissa = '0', exponent = '0'] = Math.abs(value).toExponential().split('e');
  const digits = BigInt(mantissa.replace('.', ''));
  const shift = Number(exponent) - mantissa.replace(/^\d\.?/, '').length + decimals;
  const magnitude = shift >= 0 ? digits * 10n ** BigInt(shift) : divideHalfUp(digits, 10n ** BigInt(-shift));
  const units = value < 0 ? -magnitude : magnitude;
  const text = formatScaled(units, decimals);
  if (!options.trimZeros || decimals === 0) return text;
  return text.replace(/,?0+$/, '');
}
