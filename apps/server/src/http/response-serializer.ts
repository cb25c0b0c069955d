import { isDeepStrictEqual } from 'node:util';
import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type Serialize = (data: unknown) => string;
type RouteSchema = Parameters<FastifySerializerCompiler<unknown>>[0];

/**
 * How response bodies are written. Each route's zod schema, when plain JSON (no dates, transforms or
 * codecs), is turned into JSON Schema once and compiled by fast-json-stringify, as Fastify does with
 * its own schemas: it writes only the declared properties, like zod's parse, without building a copy
 * of the body first (for an evaluation's answer with its criteria tree, 3× faster and a fraction of the
 * garbage; docs/PERFORMANCE.md, "Sixth pass"). Other schemas keep zod's parse and JSON.stringify.
 *
 * With `check` (tests, and CANBO_CHECK_RESPONSES=1), every body is also parsed by zod, which refuses
 * a body that breaks its contract, and the two writings must agree.
 */
export function responseSerializerCompiler(check: boolean): FastifySerializerCompiler<unknown> {
  const zod = zodSerializerCompiler as unknown as (route: RouteSchema) => Serialize;
  return (route) => {
    let compiled: Serialize | undefined;
    // Compiled on first use: most routes of a test server never answer.
    const serialize: Serialize = (data) => {
      compiled ??= compile(route, zod(route), check);
      return compiled(data);
    };
    return serialize;
  };
}

function compile(route: RouteSchema, byZod: Serialize, check: boolean): Serialize {
  const fast = fastWriter(route.schema);
  if (!fast) return byZod;
  if (!check) return fast;
  return (data) => {
    const expected = byZod(data);
    const written = fast(data);
    if (!isDeepStrictEqual(JSON.parse(written), JSON.parse(expected))) {
      throw new Error(
        `${route.method} ${route.url}: the fast response writer disagrees with the schema's parse`,
      );
    }
    return written;
  };
}

/** A fast-json-stringify writer for a plain-JSON zod schema, or null to keep zod's. */
export function fastWriter(schema: unknown): Serialize | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    // Throws on what JSON Schema cannot say (dates, transforms, codecs): those stay with zod.
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7' });
    return fastJson(json as Parameters<typeof fastJson>[0]) as Serialize;
  } catch {
    return null;
  }
}
