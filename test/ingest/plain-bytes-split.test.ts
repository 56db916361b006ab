import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { readPlainBytes } from '../../src/ingest/plain-bytes.js';

/** The bytes in pieces cut at the given places, as a file is read in chunks. */
async function* pieces(bytes: Buffer, cuts: readonly number[]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= from || cut >= bytes.length) continue;
    yield bytes.subarray(from, cut);
    from = cut;
  }
  yield bytes.subarray(from);
}

/** What the reader hands on: each line as text (rows) or cells (quoted lines), and whether it stopped early. */
async function read(bytes: Buffer, cuts: readonly number[], split: Parameters<typeof readPlainBytes>[3] = {}) {
  const lines: string[] = [];
  const endings: string[] = [];
  const rest = await readPlainBytes(pieces(bytes, cuts), { delimiter: ',', maxRecordChars: 1 << 20 }, {
    onRow: (row) => lines.push(row.text(row.start, row.end)),
    onCells: (cells) => lines.push(`cells:${cells.join('|')}`),
    onRecordDelimiter: (ending) => endings.push(ending),
  }, split);
  return { lines, endings, rest: rest !== undefined };
}

describe('readPlainBytes read in two parts', () => {
  const cell = fc.oneof(fc.constantFrom('', '12.5', '서울', '"a,b"', '\uFEFF'), fc.stringMatching(/^[a-z0-9]{0,4}$/));
  const line = fc.array(cell, { minLength: 1, maxLength: 4 }).map((cells) => cells.join(','));
  test.prop([fc.array(line, { minLength: 1, maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.nat(), fc.array(fc.nat(400), { maxLength: 4 }), fc.boolean()])(
    'a boundary at a line start stops the reader there or lets it go on, and a reader that continues from it reads the rest',
    async (lines, ending, pick, cuts, bom) => {
      const text = `${bom ? '\uFEFF' : ''}${lines.join(ending)}${ending}`;
      const bytes = Buffer.from(text);
      const whole = await read(bytes, cuts);
      // line starts after the first line (the place the middle of a file is cut at)
      const starts = [...text.matchAll(/\n/g)].map((m) => Buffer.byteLength(text.slice(0, m.index! + 1))).filter((offset) => offset < bytes.length);
      if (starts.length === 0 || whole.rest) return;
      const offset = starts[pick % starts.length]!;
      let reached = 0;
      const goOn = await read(bytes, cuts, { boundary: { offset, reached: async () => (reached += 1) > 1 } });
      expect(reached).toBe(1);
      expect(goOn).toEqual(whole);
      const before = await read(bytes, cuts, { boundary: { offset, reached: async () => true } });
      const after = await read(bytes.subarray(offset), cuts, { continues: { recordDelimiter: whole.endings[0]! } });
      expect([...before.lines, ...after.lines]).toEqual(whole.lines);
      expect(after.endings).toEqual([]);
      expect(before.rest || after.rest).toBe(false);
    },
  );
});
