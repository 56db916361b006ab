import { fc, test } from '@fast-check/vitest';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { formatPoints } from '../../src/core/format-number.js';
import { TextColumn } from '../../src/core/text-column.js';
import { CsvBytes } from '../../src/report/csv-bytes.js';
import { GRADE_CSV_OPTIONS } from '../../src/report/grade-csv.js';

/** One line of one cell written by `write`, as text, and whether the writer found it plain. */
function line(write: (out: CsvBytes) => void): { text: string; plain: boolean } {
  const out = new CsvBytes();
  out.beginLine();
  write(out);
  const plain = out.isPlain;
  return { text: out.take().toString(), plain };
}

const points = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  // values on and next to the half-cent, where rounding half up is decided
  fc.tuple(fc.integer({ min: -200_000, max: 200_000 }), fc.constantFrom(0, 0.5, 0.4999999, 0.5000001, 1e-9, -1e-9)).map(([n, off]) => (n + off) / 100),
  fc.constantFrom(0, -0, 1.005, 84.995, 2.675, 1e15, 1e21, -1e-300, Number.MAX_VALUE, Infinity, -Infinity),
);

describe('CsvBytes', () => {
  test.prop([points])('writes points as formatPoints does, and finds a minus sign not plain', (value) => {
    const { text, plain } = line((out) => out.points(value));
    expect(text).toBe(formatPoints(value));
    expect(plain).toBe(!text.startsWith('-'));
  });

  test.prop([fc.oneof(fc.nat(), fc.integer(), fc.constantFrom(0, 2 ** 53, 1e21, -5, 0.5))])('writes whole numbers as String does', (value) => {
    expect(line((out) => out.whole(value)).text).toBe(String(value));
  });

  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }))])('writes text as Buffer encodes it, lone surrogates included', (text) => {
    const out = new CsvBytes();
    out.beginLine();
    out.text(text);
    expect(out.take()).toEqual(Buffer.from(text));
  });

  /** A text's code units as a text column keeps them: a byte a unit, or two when `wide` (a wider text came first). */
  const packed = (text: string, wide: boolean) => {
    const column = new TextColumn();
    if (wide) column.push('가');
    column.push(text);
    return column.unitsOf(wide ? 1 : 0)!;
  };
  const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.constantFrom('\uD800', 'a\uDC00', '\uD83D\uDE00', 'é'));
  test.prop([anyText, fc.boolean()])('writes packed code units as it writes the text they are, found plain alike', (text, wide) => {
    expect(line((out) => out.units(packed(text, wide)))).toEqual(line((out) => out.text(text)));
  });

  it('writes a rank within a group as a/b', () => {
    expect(line((out) => out.wholeOf(3, 17)).text).toBe('3/17');
  });

  const tricky = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('-', '=1', '＝1', '＋', '－3', '＠x', '가,나', '"', 'a\rb', 'a\nb', '\t', '서울', ''));
  test.prop([fc.array(tricky, { minLength: 1, maxLength: 4 })])('a line it finds plain is what csv-stringify writes', (cells) => {
    const { text, plain } = line((out) => cells.forEach((cell) => out.text(cell)));
    expect(text).toBe(cells.join(','));
    if (plain) expect(stringify([cells], GRADE_CSV_OPTIONS)).toBe(`${text}\r\n`);
  });

  // cells of every kind in one line: the text is what each cell's own text gives, and a plain line is csv-stringify's
  const cell = fc.oneof(
    tricky.map((text) => ({ write: (out: CsvBytes) => out.text(text), text })),
    fc.tuple(tricky, fc.boolean()).map(([text, wide]) => ({ write: (out: CsvBytes) => out.units(packed(text, wide)), text })),
    points.map((value) => ({ write: (out: CsvBytes) => out.points(value), text: formatPoints(value) })),
    fc.oneof(fc.nat(), fc.integer(), fc.constantFrom(1e21, -5)).map((value) => ({ write: (out: CsvBytes) => out.whole(value), text: String(value) })),
    fc.tuple(fc.integer(), fc.integer()).map(([a, b]) => ({ write: (out: CsvBytes) => out.wholeOf(a, b), text: `${a}/${b}` })),
  );
  test.prop([fc.array(cell, { minLength: 1, maxLength: 6 })])('a line of mixed cells says what each cell says, and is csv-stringify\'s when plain', (cells) => {
    const { text, plain } = line((out) => cells.forEach((c) => c.write(out)));
    const texts = cells.map((c) => c.text);
    expect(text).toBe(texts.join(','));
    if (plain) expect(stringify([texts], GRADE_CSV_OPTIONS)).toBe(`${text}\r\n`);
  });

  it('finds a rank of a negative size plain when its first number is not negative (only a cell start is a formula start)', () => {
    expect(line((out) => out.wholeOf(3, -5)).plain).toBe(true);
    expect(line((out) => out.wholeOf(-3, 5)).plain).toBe(false);
  });

  it('writes a long number whole at the very end of a piece', () => {
    const capacity = (1 << 18) + (1 << 14);
    // small whole-number cells (which need no more room than they reserve) up to `room` bytes before the piece's end
    for (let room = 18; room <= 30; room += 1) {
      const target = capacity - room;
      const first = target % 2 === 1 ? 1 : 10;
      const ones = (target - String(first).length) / 2;
      const prefix = `${first}${',1'.repeat(ones)}`;
      const fill = (out: CsvBytes) => {
        out.whole(first);
        for (let k = 0; k < ones; k += 1) out.whole(1);
      };
      for (const value of [-1.5000000000001501e20, -9.99e20, -1e21, -(2 ** 60)]) {
        expect(line((out) => [fill(out), out.points(value)]).text).toBe(`${prefix},${formatPoints(value)}`);
        expect(line((out) => [fill(out), out.whole(value)]).text).toBe(`${prefix},${String(value)}`);
        expect(line((out) => [fill(out), out.wholeOf(value, value)]).text).toBe(`${prefix},${String(value)}/${String(value)}`);
      }
    }
  });

  it('finds ordinary cells plain, so lines are written directly', () => {
    expect(line((out) => ['1', '0012345', '서울노인복지관', '97.5'].forEach((cell) => out.text(cell))).plain).toBe(true);
  });

  it('grows a piece for a line longer than a piece, and hands pieces on at line ends', () => {
    const out = new CsvBytes();
    const long = '가'.repeat(200_000);
    out.beginLine();
    out.text(long);
    expect(out.full()?.toString()).toBe(long);
    expect(out.take().length).toBe(0);
  });
});
