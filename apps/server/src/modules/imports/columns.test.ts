import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './columns';
import { headerKey } from './sheet';

const docs = fs.readFileSync(new URL('../../../../../docs/IMPORT.md', import.meta.url), 'utf8');

describe('import columns', () => {
  it('every column and every allowed value of both templates is documented in docs/IMPORT.md', () => {
    const missing: string[] = [];
    for (const specs of Object.values(COLUMNS)) {
      for (const spec of specs) {
        if (!docs.includes(spec.header)) missing.push(spec.header);
        for (const option of spec.options ?? [])
          if (option.code !== 'true' && option.code !== 'false' && !docs.includes(option.label))
            missing.push(option.label);
      }
    }
    expect(missing).toEqual([]);
  });

  it('no two columns of a template, aliases included, can be confused', () => {
    for (const specs of Object.values(COLUMNS)) {
      const keys = specs.flatMap((s) => [...new Set([s.header, ...(s.aliases ?? [])].map(headerKey))]);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    }
  });
});
