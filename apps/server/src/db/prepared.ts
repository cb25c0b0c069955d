import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Statements the server prepares once per connection and runs by name afterwards, instead of having
 * PostgreSQL parse and plan the same text on every request (docs/PERFORMANCE.md: for the short
 * statements of a request, planning costs more than running).
 *
 * Only statements whose best plan does not depend on their parameters are named. A named statement
 * may switch to a generic plan after five runs, chosen without the parameter values: harmless for a
 * lookup by key, harmful for a range over the unit tree (the city root reads everything, a ward a
 * few rows) or an aggregate over a subtree. So a statement with a range or pattern comparison on a
 * parameter, an aggregate, a grouping, an IN list (whose length, and so text, varies) or an array
 * (`= ANY($1)`, `unnest($1)`: a generic plan assumes a handful of elements, an import sends 10,000)
 * or a LIMIT/OFFSET given as a parameter (a generic plan guesses a tenth of the rows, where a page of
 * 20 would walk an index) stays unnamed, unless it starts with the PREPARE_HINT comment, which its author adds when the
 * parameters are keys.
 */
export const PREPARE_HINT = '/* prepared */';

const MAX_PARAMETERS = 100;
const MAX_TEXT = 16_000;
/** A connection stops naming new texts after this many; the set of texts is bounded, this is a guard. */
const MAX_NAMED_PER_CONNECTION = 2_000;

const VARIES_WITH_PARAMETERS =
  /(?:[<>]=?|\bbetween|\blike|\bilike|~)\s*\$\d|\$\d+\s*(?:[<>]=?)|\bgroup\s+by\b|\bcount\s*\(|\bsum\s*\(|\bavg\s*\(|\bpercentile_cont\b|\bin\s*\(\s*\$|\bany\s*\(|\bunnest\s*\(|\b(?:limit|offset)\s+\$|\bunion\b|\bdistinct\b/i;

/** Names already decided, by text: a request's statements repeat, and hashing a long text each time shows. */
const decided = new Map<string, string | null>();
const MAX_DECIDED = 5_000;

/** The name to run `text` under, or null to send it unnamed. */
export function preparedName(text: string, parameterCount: number): string | null {
  if (parameterCount === 0 || parameterCount > MAX_PARAMETERS || text.length > MAX_TEXT) return null;
  const known = decided.get(text);
  if (known !== undefined) return known;
  const name =
    !text.trimStart().startsWith(PREPARE_HINT) && VARIES_WITH_PARAMETERS.test(text)
      ? null
      : `q_${createHash('sha1').update(text).digest('base64url')}`;
  if (decided.size >= MAX_DECIDED) decided.clear();
  decided.set(text, name);
  return name;
}

/** A pg client that sends eligible statements (above) as named, prepared statements. */
export class PreparingClient extends pg.Client {
  readonly #named = new Set<string>();

  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded signature, passed through unchanged.
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
      const name = preparedName(config, values.length);
      if (name && (this.#named.has(name) || this.#named.size < MAX_NAMED_PER_CONNECTION)) {
        this.#named.add(name);
        return super.query({ name, text: config, values });
      }
    }
    return super.query(config, values, callback);
  }
}
