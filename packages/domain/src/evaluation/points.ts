/**
 * Points are summed and compared as integer hundredths: 0.1 + 0.2 in floating point is not 0.3, and a
 * total of 89.99 must never turn into 90 (or 89.98999…) on its way to a grade.
 */

/**
 * A finite value as whole hundredths, rounded half up on the decimal form people typed: 89.99 × 100 is
 * 8998.999… in binary, and 0.285 × 100 is 28.4999…; reading the product back to 12 significant digits
 * first gives 8999 and 29.
 */
export function toHundredths(value: number): number {
  const units = value * 100;
  // Same result without the string round trip (hot: the cycle close scores every evaluation): a whole
  // number below 1e12 is already on the 12-digit grid (`+ 0` turns -0 into 0, as the string does).
  if (Number.isInteger(units) && Math.abs(units) < 1e12) return units + 0;
  return Math.round(Number(units.toPrecision(12)));
}

export function fromHundredths(units: number): number {
  return units / 100;
}

/** Rounds to two decimals without drift (formula results such as 46.666…). */
export function round2(value: number): number {
  return fromHundredths(toHundredths(value));
}

export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value * 100 - toHundredths(value)) < 1e-6;
}

/**
 * A typed score as hundredths within [0, max]. NaN and negative values become 0 and anything above the
 * maximum becomes the maximum: a bad input must never lower another criterion or lift the total past
 * what the framework allows, and the form validates before it gets here anyway.
 */
export function clampHundredths(value: number | undefined, maxUnits: number): number {
  if (value === undefined || Number.isNaN(value) || value <= 0) return 0;
  if (value === Number.POSITIVE_INFINITY) return maxUnits;
  return Math.min(toHundredths(value), maxUnits);
}
