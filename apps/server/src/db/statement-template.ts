import { isDeepStrictEqual } from 'node:util';
import type { CompiledQuery } from 'kysely';

type Args<K extends string> = Record<K, string>;

interface Template<K extends string> {
  compiled: CompiledQuery;
  /** Per parameter: the argument it takes, or null for a constant of the statement. */
  slots: (K | null)[];
}

const marker = (round: 'a' | 'b', name: string) => `\u0001${round}:${name}\u0002`;
const hasMarker = (value: unknown) => JSON.stringify(value ?? null).includes('\\u0001');

/**
 * A statement built with Kysely once per shape and re-bound to each call's arguments. Building and
 * compiling a large query (the step's read: ~60 columns, a dozen subqueries) costs the server more per
 * request than PostgreSQL spends running it (docs/PERFORMANCE.md, "Sixth pass").
 *
 * `shape` names what changes the text (the arguments do not); `context` is passed to `build` as is.
 * `build` must put each argument into the statement as a parameter, unchanged. That is checked, not
 * trusted: the shape is built twice with marker arguments (the text and every other parameter must
 * not move), and the first real call is compared with a fresh build. A shape that fails is built on
 * every call, as without a template.
 */
export function statementTemplate<K extends string, C>(
  names: readonly K[],
  build: (args: Args<K>, context: C) => CompiledQuery,
): (shape: string, args: Args<K>, context: C) => CompiledQuery {
  const templates = new Map<string, Template<K> | null>();
  const bind = (t: Template<K>, args: Args<K>): CompiledQuery => ({
    ...t.compiled,
    parameters: t.slots.map((slot, i) => (slot === null ? t.compiled.parameters[i] : args[slot])),
  });
  return (shape, args, context) => {
    const known = templates.get(shape);
    if (known === null) return build(args, context);
    if (known) return bind(known, args);
    const made = templateOf(names, (a) => build(a, context));
    const real = build(args, context);
    const holds = made !== null && isDeepStrictEqual(withoutQuery(bind(made, args)), withoutQuery(real));
    templates.set(shape, holds ? made : null);
    return real;
  };
}

function templateOf<K extends string>(
  names: readonly K[],
  build: (args: Args<K>) => CompiledQuery,
): Template<K> | null {
  const markers = (round: 'a' | 'b') =>
    Object.fromEntries(names.map((n) => [n, marker(round, n)])) as Args<K>;
  const a = build(markers('a'));
  const b = build(markers('b'));
  if (a.sql !== b.sql || a.sql.includes('\u0001') || a.parameters.length !== b.parameters.length) return null;
  const slots: (K | null)[] = [];
  for (let i = 0; i < a.parameters.length; i++) {
    const name = names.find((n) => a.parameters[i] === marker('a', n));
    if (name !== undefined) {
      if (b.parameters[i] !== marker('b', name)) return null;
      slots.push(name);
    } else {
      // A value derived from an argument, not the argument itself: this shape cannot be re-bound.
      if (!isDeepStrictEqual(a.parameters[i], b.parameters[i]) || hasMarker(a.parameters[i])) return null;
      slots.push(null);
    }
  }
  return { compiled: a, slots };
}

const withoutQuery = ({ sql, parameters }: CompiledQuery) => ({ sql, parameters });
