import { z } from 'zod';

export const Id = z.uuid();
export const IdParams = z.strictObject({ id: Id });

export const PageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  q: z.string().trim().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** `{"error":{"code","message","details"}}` — message in Vietnamese, English beside it. */
export const ErrorDetail = z.object({
  path: z.string(),
  message: z.string(),
  messageEn: z.string().optional(),
});
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    messageEn: z.string(),
    details: z.array(ErrorDetail),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Optimistic concurrency: every update names the version it read (an SQL integer column). */
export const Version = z.number().int().min(1).max(2_147_483_647);

export const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
