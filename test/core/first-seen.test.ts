import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { FirstSeen } from '../../src/core/first-seen.js';

describe('FirstSeen', () => {
  // few distinct ids (many repeats) and many (the table grows several times)
  const ids = fc.oneof(fc.array(fc.constantFrom('1', '01', '가', '가나', '', 'a\u0000', '\uD800'), { maxLength: 200 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 5000 }));
  test.prop([ids])('answers as a Map of first places does', (list) => {
    const table = new FirstSeen();
    const map = new Map<string, number>();
    list.forEach((id, place) => {
      expect(table.at(id)).toBe(map.get(id) ?? -1);
      expect(table.add(id, place * 2 ** 32 + 7)).toBe(map.get(id) ?? -1);
      if (!map.has(id)) map.set(id, place * 2 ** 32 + 7);
    });
    for (const [id, place] of map) expect(table.at(id)).toBe(place);
  });
});
