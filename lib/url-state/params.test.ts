import { describe, expect, it } from 'vitest';
import {
  cursorParam,
  dayOrTimeParam,
  dayParam,
  dirParam,
  hiddenColumnsParam,
  idCursorParam,
  pageSizeParam,
  readParams,
} from './params';
import { toQuery } from './query';

const fields = {
  from: dayOrTimeParam(),
  day: dayParam(),
  dir: dirParam(),
  size: pageSizeParam([25, 50] as const),
  hide: hiddenColumnsParam(['ref', 'plan'] as const),
  after: cursorParam(),
  before: idCursorParam(),
};

describe('a list view read from its URL', () => {
  it('reads each parameter on its own and names every one it dropped', () => {
    const { values, ignored } = readParams(
      { from: '2026-11-29T14:00', day: '2025-02-30', dir: 'sideways', size: '50', before: '12' },
      fields,
    );
    expect(values).toEqual({ from: '2026-11-29T14:00', size: 50, before: 12 });
    expect(ignored).toEqual(['day', 'dir']);
  });

  it('takes the first of repeated parameters and treats an empty one as absent', () => {
    expect(readParams({ dir: ['asc', 'desc'], day: '' }, fields)).toEqual({
      values: { dir: 'asc' },
      ignored: [],
    });
  });

  it('refuses minutes that do not exist rather than rolling them over', () => {
    for (const bad of [
      '2026-11-29T24:00',
      '2026-11-29T14:60',
      '2026-02-30T10:00',
      '2026-11-29 14:00',
    ])
      expect(readParams({ from: bad }, fields).ignored).toEqual(['from']);
  });

  it('drops page sizes that are not offered and columns that cannot be hidden', () => {
    const { values, ignored } = readParams({ size: '1000', hide: 'ref,secret,plan' }, fields);
    expect(values).toEqual({ hide: ['ref', 'plan'] });
    expect(ignored).toEqual(['size']);
  });

  it('writes a view back in field order, leaving out defaults and empty lists', () => {
    expect(
      toQuery(
        Object.keys(fields),
        { dir: 'desc', from: '2026-11-29', hide: [], size: 25 },
        { size: 25 },
      ),
    ).toBe('?from=2026-11-29&dir=desc');
    expect(toQuery(Object.keys(fields), {})).toBe('');
  });
});
