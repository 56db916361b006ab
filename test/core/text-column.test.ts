import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { TextColumn } from '../../src/core/text-column.js';

const sign = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** any UTF-16 code units, lone surrogates included */
const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 12 });
const text = fc.oneof(units, fc.constantFrom('', '1900000001', '경기아동돌봄복지관 1호', '😀', '\uD800', '\uE000', 'a'.repeat(70_000)));

describe('TextColumn keeps texts packed and gives them back exactly', () => {
  test.prop([fc.array(text, { maxLength: 40 })])('get, equals and compare agree with the strings', (texts) => {
    const column = new TextColumn();
    texts.forEach((t) => column.push(t));
    expect(column.length).toBe(texts.length);
    texts.forEach((t, i) => {
      expect(column.get(i)).toBe(t);
      expect(column.equals(i, t)).toBe(true);
      expect(column.equals(i, `${t}x`)).toBe(false);
      texts.forEach((u, j) => expect(column.compare(i, j)).toBe(sign(t, u)));
    });
  });

  // few distinct units, so that texts share prefixes; long texts (kept as strings) may hold wide units in a narrow column
  const few = (codes: number[]) => fc.string({ unit: fc.constantFrom(...codes.map((code) => String.fromCharCode(code))), maxLength: 8 });
  const narrow = few([0, 0x31, 0x39, 0xfe, 0xff]);
  const long = fc.tuple(narrow, fc.constantFrom('', '\u0100', '\u00ff', '\uffff')).map(([start, unit]) => `${start}${unit}${'z'.repeat(70_000)}`);
  test.prop([fc.array(fc.oneof(narrow, few([0, 0x31, 0xac00, 0xffff]), long), { maxLength: 30 })])(
    'prefixes order as the texts do: a smaller prefix only for a text that sorts before',
    (texts) => {
      const column = new TextColumn();
      texts.forEach((t) => column.push(t));
      texts.forEach((t, i) =>
        texts.forEach((u, j) => {
          if (column.prefix(i) < column.prefix(j)) expect(sign(t, u)).toBe(-1);
          if (sign(t, u) < 0) expect(column.prefix(i)).toBeLessThanOrEqual(column.prefix(j));
        }),
      );
    },
  );

  it('tells ids apart by their prefixes as far as six bytes go', () => {
    const column = new TextColumn();
    ['1900000001', '1900000002', '2300000001', '19'].forEach((t) => column.push(t));
    expect(column.prefix(0)).toBe(column.prefix(1));
    expect(column.prefix(0)).toBeLessThan(column.prefix(2));
    expect(column.prefix(3)).toBeLessThan(column.prefix(0));
    // a long text's unit too wide for a byte sorts after every byte: so does its prefix
    column.push(`1\u0100${'z'.repeat(70_000)}`);
    column.push('1\u00ff\u00ff');
    expect(column.prefix(5)).toBeLessThanOrEqual(column.prefix(4));
  });

  it('keeps texts whole across chunks of a million code units', () => {
    const column = new TextColumn();
    const texts = Array.from({ length: 60 }, (_, i) => `${String(i).padStart(3, '0')}${'가'.repeat(30_000 + i)}`);
    texts.forEach((t) => column.push(t));
    column.push('');
    texts.forEach((t, i) => expect(column.get(i)).toBe(t));
    expect(column.get(60)).toBe('');
    expect(column.compare(0, 59)).toBe(-1);
    expect(column.compare(59, 60)).toBe(1);
  });

  it('keeps one-byte texts a byte a unit until a wider one comes, then keeps them all', () => {
    const column = new TextColumn();
    const texts = [...Array.from({ length: 20 }, (_, i) => `${'\u00e9'.repeat(60_000)}${i}`), '가', 'ÿ', '1900000001'];
    texts.forEach((t) => column.push(t));
    texts.forEach((t, i) => expect(column.get(i)).toBe(t));
    expect(column.compare(20, 21)).toBe(1);
  });

  it('starts a new chunk after one filled exactly', () => {
    const column = new TextColumn();
    // sixteen texts of 65,536 units fill a chunk of 2^20 to the last unit
    const texts = [...Array.from({ length: 16 }, (_, i) => String.fromCharCode(0x41 + i).repeat(65_536)), 'next', '', 'last'];
    texts.forEach((t) => column.push(t));
    texts.forEach((t, i) => expect(column.get(i)).toBe(t));
  });
});

describe('TextColumn.adopt takes another column’s texts', () => {
  const oneByte = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 12 });
  const texts = fc.array(fc.oneof(text, oneByte, fc.constant('')), { maxLength: 30 });
  test.prop([texts, texts, texts])('as pushing them would: same texts, same order, wide or narrow, and pushing goes on after', (before, adopted, after) => {
    const other = new TextColumn();
    adopted.forEach((t) => other.push(t));
    const column = new TextColumn();
    before.forEach((t) => column.push(t));
    column.adopt(structuredClone(other.data()));
    after.forEach((t) => column.push(t));
    const all = [...before, ...adopted, ...after];
    expect(column.length).toBe(all.length);
    all.forEach((t, i) => {
      expect(column.get(i)).toBe(t);
      expect(column.equals(i, t)).toBe(true);
    });
    for (let i = 0; i < all.length; i += 3) for (let j = 0; j < all.length; j += 2) expect(column.compare(i, j)).toBe(sign(all[i]!, all[j]!));
  });

  it('takes chunks filled to the last unit and texts after many chunks', () => {
    const other = new TextColumn();
    const texts = [...Array.from({ length: 40 }, (_, i) => `${i}${'가'.repeat(65_530)}`), '', 'end'];
    texts.forEach((t) => other.push(t));
    const column = new TextColumn();
    column.push('가');
    column.adopt(other.data());
    column.push('after');
    ['가', ...texts, 'after'].forEach((t, i) => expect(column.get(i)).toBe(t));
  });
});
