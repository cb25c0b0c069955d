/** A check of the harness itself failed: its message says everything, no stack needed. */
export class BenchFailure extends Error {
  override name = 'BenchFailure';
}
