import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { FirstSeen } from '../../src/core/first-seen.js';
import { TextColumn } from '../../src/core/text-column.js';

describe('FirstSeen', () => {
  // few distinct ids (many repeats), and many (the table grows several times), ASCII until a wide one comes at any point
  const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const ids = fc.oneof(
    fc.array(fc.constantFrom('1', '01', '가', '가나', '', 'a\u0000', '\uD800', 'x'.repeat(70_000), `${'x'.repeat(69_999)}y`), { maxLength: 200 }),
    fc.array(fc.oneof({ weight: 30, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 4 }) }), { maxLength: 5000 }),
  );
  test.prop([ids, fc.option(fc.nat(6000), { nil: undefined }), fc.nat()])('answers as a Map of first places does, with room made for more at any point', (list, room, when) => {
    const table = new FirstSeen();
    const map = new Map<string, number>();
    list.forEach((id, place) => {
      if (room !== undefined && place === when % list.length) table.expectMore(room);
      expect(table.at(id)).toBe(map.get(id) ?? -1);
      expect(table.add(id, place * 2 ** 32 + 7)).toBe(map.get(id) ?? -1);
      if (!map.has(id)) map.set(id, place * 2 ** 32 + 7);
    });
    for (const [id, place] of map) expect(table.at(id)).toBe(place);
  });
});

describe('FirstSeen with ids in a text column', () => {
  const ids = fc.array(fc.oneof(fc.constantFrom('1', '01', '가', '', '\uD800', 'x'.repeat(70_000)), fc.string({ maxLength: 5 })), { maxLength: 300 });
  test.prop([ids, ids])('atText and addText answer as at and add do on the strings', (seen, asked) => {
    const texts = new TextColumn();
    asked.forEach((id) => texts.push(id));
    const byText = new FirstSeen();
    const byString = new FirstSeen();
    seen.forEach((id, place) => {
      byText.add(id, place);
      byString.add(id, place);
    });
    asked.forEach((id, i) => {
      expect(byText.atText(texts, i)).toBe(byString.at(id));
      expect(byText.addText(texts, i, 1000 + i)).toBe(byString.add(id, 1000 + i));
    });
    [...seen, ...asked].forEach((id) => expect(byText.at(id)).toBe(byString.at(id)));
  });
});
