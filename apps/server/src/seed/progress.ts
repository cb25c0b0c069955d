/** Where a long seed run reports its phases (the CLI prints them; first start stays quiet). */
export interface Progress {
  line(text: string): void;
}

export const silentProgress: Progress = { line: () => {} };

export const consoleProgress: Progress = { line: (text) => console.log(text) };

/** Counts written the Vietnamese way: thousands with a dot ("160.000"). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}
