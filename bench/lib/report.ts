import fs from 'node:fs/promises';

/** A target a figure is read against: `ratio ≥ min` (throughput) or `value ≤ max` (latency). */
export type Goal =
  | { kind: 'ratio-at-least'; min: number }
  | { kind: 'value-at-most'; max: number }
  | { kind: 'value-at-least'; min: number };

export interface Baseline {
  /** What the baseline is, e.g. "bare Fastify". */
  label: string;
  value: number;
  unit: string;
}

export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline: Baseline;
  /** value ÷ baseline value; null when the baseline is 0. */
  ratio: number | null;
  goal?: Goal;
}

/** The fixed shape of bench/results/latest.json. */
export interface ResultRecord {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number | null;
}

export function row(name: string, value: number, unit: string, baseline: Baseline, goal?: Goal): Row {
  const ratio = baseline.value > 0 ? value / baseline.value : null;
  return { name, value, unit, baseline, ratio, ...(goal ? { goal } : {}) };
}

export function goalMet(r: Row): boolean | null {
  if (!r.goal) return null;
  if (r.goal.kind === 'value-at-most') return r.value <= r.goal.max;
  if (r.goal.kind === 'value-at-least') return r.value >= r.goal.min;
  return r.ratio !== null && r.ratio >= r.goal.min;
}

/** Figures keep three significant digits at most, enough for run-to-run noise of a few percent. */
export function round(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  if (Math.abs(value) >= 100) return Math.round(value);
  const digits = Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  return Number(value.toFixed(digits));
}

function formatNumber(value: number): string {
  return round(value).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

function describeGoal(r: Row): string {
  if (!r.goal) return '';
  const text =
    r.goal.kind === 'value-at-most'
      ? `≤ ${formatNumber(r.goal.max)} ${r.unit}`
      : r.goal.kind === 'value-at-least'
        ? `≥ ${formatNumber(r.goal.min)} ${r.unit}`
        : `ratio ≥ ${r.goal.min}`;
  return `${text}  ${goalMet(r) ? 'met' : 'MISSED'}`;
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['benchmark', 'value', 'unit', 'baseline', 'ratio', 'goal'];
  const cells = rows.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    `${formatNumber(r.baseline.value)} ${r.baseline.unit} (${r.baseline.label})`,
    r.ratio === null ? '–' : r.ratio.toFixed(r.ratio >= 10 ? 1 : 3),
    describeGoal(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const numeric = new Set([1, 4]);
  const line = (c: readonly string[]) =>
    c
      .map((text, i) => (numeric.has(i) ? text.padStart(widths[i]!) : text.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export function toRecords(rows: readonly Row[]): ResultRecord[] {
  return rows.map((r) => ({
    name: r.name,
    value: round(r.value),
    unit: r.unit,
    baseline: round(r.baseline.value),
    ratio: r.ratio === null ? null : Number(r.ratio.toFixed(3)),
  }));
}

export async function writeResults(rows: readonly Row[], file: URL): Promise<void> {
  await fs.mkdir(new URL('.', file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(toRecords(rows), null, 2)}\n`);
}
