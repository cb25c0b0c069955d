import { CriterionSchema, EvaluationDetail } from '@canbo/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastWriter, responseSerializerCompiler } from './response-serializer';

const writerFor = (schema: unknown, check = false) =>
  responseSerializerCompiler(check)({ schema, method: 'GET', url: '/api/x', httpStatus: '200' } as never);

const Person = z.object({
  id: z.string(),
  name: z.string(),
  age: z.number().int().nullable(),
  tags: z.array(z.enum(['a', 'b'])),
  scores: z.record(z.string(), z.number()),
  note: z.string().optional(),
});

describe('response writer', () => {
  const person = { id: 'p1', name: 'Nguyễn Văn A', age: null, tags: ['a'], scores: { x: 1.5, y: 0 } };

  it('writes what zod would, leaving out undeclared properties (a row spread by mistake leaks nothing)', () => {
    const withSecret = { ...person, passwordHash: 'argon2…', nested: { x: 1 } };
    const written = JSON.parse(writerFor(Person)(withSecret));
    expect(written).toEqual(person);
    expect(written).not.toHaveProperty('passwordHash');
  });

  it('writes Vietnamese text, quotes and control characters as JSON.stringify does', () => {
    const tricky = { ...person, name: 'Trần "Bình"\n\\ Đông\u0000', note: 'ghi chú' };
    expect(JSON.parse(writerFor(Person)(tricky))).toEqual(tricky);
  });

  it('keeps zod for what JSON Schema cannot say (dates), with the same output', () => {
    const WithDate = z.object({ at: z.date() });
    const at = new Date('2026-11-24T03:04:05.000Z');
    expect(writerFor(WithDate)({ at })).toBe('{"at":"2026-11-24T03:04:05.000Z"}');
  });

  it('writes recursive criteria trees', () => {
    const tree = [
      {
        code: 'results',
        title: { vi: 'Kết quả', en: 'Results' },
        maxPoints: 70,
        children: [
          {
            code: 'results.volume',
            title: { vi: 'Khối lượng', en: 'Volume' },
            maxPoints: 30,
            guidance: { vi: 'Hướng dẫn', en: 'Guidance' },
            source: 'manual',
          },
        ],
      },
    ];
    const Tree = z.array(CriterionSchema);
    const expected = JSON.parse(JSON.stringify(z.encode(Tree, tree as never)));
    expect(JSON.parse(writerFor(Tree)(tree))).toEqual(expected);
  });

  it('checking refuses a body that breaks its contract', () => {
    const broken = { ...person, age: 41.5 };
    expect(() => writerFor(Person, true)(broken)).toThrow();
    expect(JSON.parse(writerFor(Person, true)(person))).toEqual(person);
  });

  it('compiles the evaluation answer, the busiest one, to the fast writer', () => {
    expect(fastWriter(EvaluationDetail)).toBeTypeOf('function');
    expect(fastWriter(z.object({ at: z.date() }))).toBeNull();
  });
});
