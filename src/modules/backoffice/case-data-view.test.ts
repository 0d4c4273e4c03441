import { describe, expect, it } from 'vitest';
import { describeCaseDataOrFallback, describeDataGenerically } from './case-data-view.js';

describe('describeDataGenerically', () => {
  it('lists nested keys as paths and values as text lines', () => {
    expect(describeDataGenerically({ name: 'Anna', address: { street: 'Markt 1' }, tags: ['a', 'b'], people: [{ n: 'X' }], ok: true, none: null, note: 'a\nb' }, 'de')).toEqual([
      {
        title: 'Übermittelte Angaben',
        rows: [
          { label: 'name', lines: ['Anna'] },
          { label: 'address › street', lines: ['Markt 1'] },
          { label: 'tags', lines: ['a', 'b'] },
          { label: 'people › 1 › n', lines: ['X'] },
          { label: 'ok', lines: ['Ja'] },
          { label: 'none', lines: ['–'] },
          { label: 'note', lines: ['a', 'b'] },
        ],
      },
    ]);
    expect(describeDataGenerically({}, 'en')).toEqual([]);
  });
});

describe('describeCaseDataOrFallback', () => {
  it('uses the describer when it knows the version, else the generic rendering', async () => {
    const describe = (s: { serviceVersion: number }) => (s.serviceVersion === 2 ? [{ title: 'Seite', rows: [] }] : undefined);
    const subject = { serviceId: 's', data: { a: 1 }, locale: 'en' as const };
    expect(await describeCaseDataOrFallback(describe, { ...subject, serviceVersion: 2 })).toEqual({ sections: [{ title: 'Seite', rows: [] }], generic: false });
    expect(await describeCaseDataOrFallback(describe, { ...subject, serviceVersion: 1 })).toEqual({
      sections: [{ title: 'Submitted information', rows: [{ label: 'a', lines: ['1'] }] }],
      generic: true,
    });
  });
});
