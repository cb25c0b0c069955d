import { describe, expect, it } from 'vitest';
import { PREPARE_HINT, preparedName } from './prepared';

describe('preparedName', () => {
  it('names a parameterised lookup by key, the same text always under the same name', () => {
    const text = 'select "id" from "app_user" where "tenant_id" = $1 and "id" = $2';
    const name = preparedName(text, 2);
    expect(name).toMatch(/^q_[\w-]{27}$/);
    expect(preparedName(text, 2)).toBe(name);
    expect(preparedName(`${text} `, 2)).not.toBe(name);
  });

  it('leaves unnamed what has no parameters, too many, or is too long', () => {
    expect(preparedName('begin', 0)).toBeNull();
    expect(preparedName('select 1 where $1', 101)).toBeNull();
    expect(preparedName(`select ${'x'.repeat(16_001)} where a = $1`, 1)).toBeNull();
  });

  it('leaves unnamed a statement whose best plan depends on the values', () => {
    const unnamed = [
      'select * from evaluation e where e.unit_path >= $1 and e.unit_path < $2',
      'select * from person where search_key like $1',
      'select * from discipline where decision_date between $1 and $2',
      'select unit_id, count(*) from evaluation where cycle_id = $1 group by unit_id',
      'select * from app_user where id in ($1, $2, $3)',
      'select * from person where cccd = any($1::text[])',
      'insert into position select * from unnest($1::uuid[], $2::uuid[], $3::text[])',
      'select * from person where tenant_id = $1 order by sort_key limit $2 offset $3',
      'select * from job where run_at <= $1',
      'select * from job where $1 < run_at',
    ];
    for (const text of unnamed) expect(preparedName(text, 3), text).toBeNull();
  });

  it('names such a statement when its author marks the parameters as keys', () => {
    const text = `${PREPARE_HINT}\nselect * from discipline where person_id = $1 and decision_date between $2 and $3`;
    expect(preparedName(`\n    ${text}`, 3)).not.toBeNull();
  });
});
