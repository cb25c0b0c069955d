import { describe, expect, it } from 'vitest';
import { type ChainedEntry, canonicalJson, entryHash, GENESIS_HASH, toStoredJson } from './chain';

const entry: ChainedEntry = {
  tenantId: '0190a8c4-0000-7000-8000-000000000001',
  seq: 7,
  id: '0190a8c4-0000-7000-8000-0000000000aa',
  at: '2026-03-01T08:00:00.000Z',
  actorId: '0190a8c4-0000-7000-8000-0000000000bb',
  actorName: 'Nguyễn Văn An',
  action: 'user.updated',
  entityType: 'user',
  entityId: '0190a8c4-0000-7000-8000-0000000000cc',
  unitPath: '/a/b/',
  before: { displayName: 'Nguyễn Văn An', disabled: false },
  after: { displayName: 'Nguyễn Văn Ân', disabled: true },
  requestId: 'req-1',
  ip: '10.0.0.1',
};

describe('canonicalJson', () => {
  it('gives the same text whatever the key order, at every depth', () => {
    const a = { b: 1, a: { y: [1, { q: 2, p: 1 }], x: null } };
    const b = { a: { x: null, y: [1, { p: 1, q: 2 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,{"p":1,"q":2}]},"b":1}');
  });

  it('keeps the order of array items, which is meaningful', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
  });

  it('writes null, undefined, scalars and strings as JSON does', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(3.5)).toBe('3.5');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson('Hà Nội "x"')).toBe(JSON.stringify('Hà Nội "x"'));
    expect(canonicalJson([null, [], {}])).toBe('[null,[],{}]');
  });

  it('leaves out keys whose value is undefined, as jsonb would', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('is stable across calls on the same value', () => {
    expect(canonicalJson(entry)).toBe(canonicalJson(structuredClone(entry)));
  });
});

describe('entryHash', () => {
  it('is a SHA-256 hex digest that is stable for the same entry and predecessor', () => {
    const hash = entryHash(GENESIS_HASH, entry);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, structuredClone(entry))).toBe(hash);
  });

  it('changes when any field of the entry changes', () => {
    const base = entryHash(GENESIS_HASH, entry);
    const changes: Partial<ChainedEntry>[] = [
      { tenantId: '0190a8c4-0000-7000-8000-000000000002' },
      { seq: 8 },
      { id: '0190a8c4-0000-7000-8000-0000000000ab' },
      { at: '2026-03-01T08:00:00.001Z' },
      { actorId: null },
      { actorName: 'Nguyễn Văn Án' },
      { action: 'user.created' },
      { entityType: 'grant' },
      { entityId: null },
      { unitPath: '/a/' },
      { before: { displayName: 'Nguyễn Văn An', disabled: true } },
      { after: { displayName: 'Nguyễn Văn Ân', disabled: true, extra: 1 } },
      { requestId: 'req-2' },
      { ip: '10.0.0.2' },
    ];
    const keys = new Set(changes.flatMap((c) => Object.keys(c)));
    expect(keys.size).toBe(Object.keys(entry).length); // every field is covered above
    for (const change of changes) {
      expect(entryHash(GENESIS_HASH, { ...entry, ...change }), JSON.stringify(change)).not.toBe(base);
    }
  });

  it('changes when the previous hash changes, which links the chain', () => {
    expect(entryHash('1'.repeat(64), entry)).not.toBe(entryHash(GENESIS_HASH, entry));
  });

  it('does not depend on the key order of before/after', () => {
    const reordered = { ...entry, after: { disabled: true, displayName: 'Nguyễn Văn Ân' } };
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, entry));
  });
});

describe('toStoredJson', () => {
  it('drops undefined keys and turns dates into ISO strings, as jsonb returns them', () => {
    const stored = toStoredJson({
      a: undefined,
      at: new Date('2026-01-02T03:04:05.000Z'),
      nested: { b: undefined, c: 1 },
    });
    expect(stored).toEqual({ at: '2026-01-02T03:04:05.000Z', nested: { c: 1 } });
    expect(Object.keys(stored as object)).toEqual(['at', 'nested']);
  });

  it('stores no value as null', () => {
    expect(toStoredJson(undefined)).toBeNull();
    expect(toStoredJson(null)).toBeNull();
  });

  it('hashes the same before and after a round trip through JSON', () => {
    const value = { when: new Date('2026-01-02T03:04:05.000Z'), list: [1, 'x'], skip: undefined };
    const stored = toStoredJson(value);
    expect(canonicalJson(JSON.parse(JSON.stringify(stored)))).toBe(canonicalJson(stored));
  });
});
