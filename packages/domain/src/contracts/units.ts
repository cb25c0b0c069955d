import { z } from 'zod';
import { Id } from './common';

export const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/);

export const UnitView = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  parentId: Id.nullable(),
  hasChildren: z.boolean(),
  version: z.number().int(),
});
export type UnitView = z.infer<typeof UnitView>;

export const UnitListQuery = z.strictObject({
  /** Children of this unit; without it, the units at the top of the actor's scope. */
  parentId: Id.optional(),
  q: z.string().trim().max(200).optional(),
});

export const CreateUnitInput = z.strictObject({
  code: UnitCode,
  name: z.string().trim().min(1).max(300),
  parentId: Id,
});
export type CreateUnitInput = z.infer<typeof CreateUnitInput>;
