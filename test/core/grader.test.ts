import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { explainedResults, gradeInstitutions, gradeTable } from '../../src/core/engine.js';
import type { GradedTable } from '../../src/core/grader.js';
import { Grader } from '../../src/core/grader.js';
import { compareKeys, RankedOrder, rankIndices } from '../../src/core/rank.js';
import { parseNumberText } from '../../src/core/parse/number.js';
import { ownString } from '../../src/core/own-string.js';
import type { FieldValue } from '../../src/core/values.js';
import { stringify } from 'csv-stringify/sync';
import { listedRows } from '../../src/core/ranked-rows.js';
import { GRADE_CSV_OPTIONS, gradeCsvCells, gradeCsvChunks, gradeCsvLines, type SecondWriter } from '../../src/report/grade-csv.js';
import { rankedOrderOf, rankedRowsOf } from '../../src/core/ranking.js';
import type { GradeDocument } from '../../src/report/grade-document.js';
import { gradeDocument } from '../../src/report/grade-document.js';
import { bundledRubric, readFixture } from '../fixtures/read-fixture.js';
import { record, rubricFrom } from '../helpers/rubric.js';
import { ALL_METHODS_RUBRIC } from '../helpers/rubrics.js';

const asOf = { year: 2024, month: 12, day: 31 };
/** The table's results in ranked order, without findings. */
const summaries = (table: GradedTable) => Array.from(table.order, (index) => table.summary(index));
/** Pieces of text and bytes as one text. */
/** The pieces of an output, gathered. */
async function gathered(pieces: AsyncIterable<string | Uint8Array>): Promise<(string | Uint8Array)[]> {
  const all: (string | Uint8Array)[] = [];
  // copied: a piece's buffer is used again for the next but one
  for await (const piece of pieces) all.push(typeof piece === 'string' ? piece : Buffer.from(piece));
  return all;
}

/** A sync iterable as an async one. */
async function* fromSync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

const joined = (pieces: readonly (string | Uint8Array)[]) => Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString();
/** The reference CSV of a document's results: every line through csv-stringify. */
const stringifiedCsv = (doc: GradeDocument, fieldLabel: (field: string) => string) => {
  const { header, cells, stamp } = gradeCsvCells(doc, 'ko', fieldLabel);
  const rows = listedRows(doc.results);
  const lines = doc.results.map((_, p) => [...cells(rows, p), ...stamp]);
  return stringify([header, ...lines], { ...GRADE_CSV_OPTIONS, bom: true });
};
const rubric = rubricFrom(ALL_METHODS_RUBRIC);
const number = fc.option(fc.integer({ min: 0, max: 120 }), { nil: null, freq: 5 });
const rows = fc.array(
  fc.record({ region: fc.constantFrom('서울', '부산', null), x: number, base: number, y: number, lvl: fc.constantFrom('우수', '양호', '없음', null), turnover: number, users: number, ret: number }),
  { maxLength: 25 },
);
const recordsOf = (values: readonly Record<string, FieldValue>[]) => values.map((v, i) => record(String(i).padStart(3, '0'), v, i + 1));

describe('rankIndices', () => {
  test.prop([fc.array(fc.record({ key: fc.stringMatching(/^[a-c]{1,3}$/), score: fc.constantFrom(50, 60.5, 70, 100) }), { maxLength: 30 })])(
    'orders by score, tied scores as given, and gives tied scores the best rank (1-2-2-4)',
    (items) => {
      const { order, ranks } = rankIndices(Uint32Array.from(items.keys()), (i) => items[i]!.score);
      const sorted = [...items.keys()].sort((a, b) => items[b]!.score - items[a]!.score);
      expect([...order]).toEqual(sorted);
      ranks.forEach((rank, k) => expect(rank).toBe(1 + sorted.findIndex((i) => items[i]!.score === items[order[k]!]!.score)));
    },
  );

  // scores over few grid values are sorted by counting, spread over many (the second) by packing
  const gridScore = fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
    fc.integer({ min: 0, max: 100_000_000 }).map((n) => n / 100),
    fc.constantFrom(0, 100, 99.99, 12.5, 80),
  );
  test.prop([
    fc.array(fc.record({ key: fc.stringMatching(/^[0-9a-c]{1,4}$/), score: gridScore }), { maxLength: 60 }),
    fc.option(fc.constantFrom(0.001, 1e-9, 33.333333), { nil: undefined }),
    fc.nat(2),
  ])('sorting rounded scores as integers (counted or packed) gives the comparator order, also with a score off the grid', (items, offGrid, decimals) => {
    const scores = items.map((item, i) => (offGrid !== undefined && i === 0 ? item.score + offGrid : item.score));
    const score = (i: number) => scores[i]!;
    const indices = Uint32Array.from(items.keys());
    const plain = rankIndices(indices, score);
    expect([...plain.order]).toEqual([...items.keys()].sort((a, b) => score(b) - score(a)));
    expect(rankIndices(indices, score, 2)).toEqual(plain);
    // with fewer decimals than the scores have, they are off that grid: the comparator sort, same order
    expect(rankIndices(indices, score, decimals)).toEqual(plain);
  });
});

describe('RankedOrder', () => {
  // ranked items (scores with many ties, keys with repeats), then withheld ones (in key order, some with a ranked score)
  const item = fc.record({ key: fc.stringMatching(/^[a-d]{1,2}$/), score: fc.constantFrom(50, 60.5, 70, 100) });
  test.prop([fc.array(item, { maxLength: 40 }), fc.array(item, { maxLength: 5 }), fc.infiniteStream(fc.nat()), fc.nat()])(
    'reads, in any order of positions, the order by score then key (tied keys as given); a part from a run start reads the same',
    (ranked, withheld, picks, cut) => {
      const items = [...ranked, ...[...withheld].sort((a, b) => compareKeys(a.key, b.key))];
      const score = (i: number) => items[i]!.score;
      const byKey = (a: number, b: number) => compareKeys(items[a]!.key, items[b]!.key);
      const expected = [...ranked.keys()].sort((a, b) => score(b) - score(a) || byKey(a, b));
      expected.push(...withheld.map((_, k) => ranked.length + k));
      const fresh = () => {
        const { order } = rankIndices(Uint32Array.from(ranked.keys()), score);
        const all = new Uint32Array(items.length);
        all.set(order);
        all.set(withheld.map((_, k) => ranked.length + k), ranked.length);
        // keys told apart by their first letter first, by the whole key where those are equal
        return new RankedOrder(all, ranked.length, score, { compare: byKey, prefix: (i) => items[i]!.key.charCodeAt(0) });
      };
      const order = fresh();
      // positions read in a random order, each run ordered when first read
      const positions = [...items.keys()];
      const shuffled = positions.map((p) => [picks.next().value as number, p] as const).sort((a, b) => a[0] - b[0]);
      const read = new Map(shuffled.map(([, p]) => [p, order.at(p)]));
      expect(positions.map((p) => read.get(p))).toEqual(expected);
      expect([...fresh()]).toEqual(expected);
      if (items.length === 0) return;
      // a run starts where the score changes (or where the withheld start); a part from there reads the rest alike
      const start = fresh().runStart(cut % items.length);
      expect(start === 0 || start >= ranked.length || score(expected[start - 1]!) !== score(expected[start]!)).toBe(true);
      expect([...fresh().from(start)]).toEqual(expected.slice(start));
    },
  );
});

describe('the compact grader', () => {
  test.prop([rows, fc.array(fc.nat(24), { maxLength: 5 })])(
    'leaving institutions out at the end grades the rest as if they had never been added (the streaming --skip-invalid)',
    (values, out) => {
      const records = recordsOf(values);
      const excluded = new Set(out.map((i) => String(i).padStart(3, '0')));
      const grader = new Grader(rubric, { asOf });
      for (const r of records) grader.add(r);
      const streamed = grader.finish(excluded);
      const kept = records.filter((r) => !excluded.has(r.id));
      const direct = gradeTable(rubric, kept, { asOf });
      expect([...summaries(streamed)]).toEqual([...summaries(direct)]);
      expect(streamed.problems).toEqual(direct.problems);
    },
  );

  test.prop([rows])("ranks within a group are the group's own competition ranks (1 + how many of its graded score higher)", (values) => {
    const results = summaries(gradeTable(rubric, recordsOf(values), { asOf }));
    for (const r of results) {
      r.groupRanks.forEach((groupRank, g) => {
        if (r.rank === null) return expect(groupRank).toMatchObject({ rank: null, of: 0 });
        const peers = results.filter((o) => o.rank !== null && o.groupRanks[g]!.group === groupRank.group);
        expect(groupRank.rank).toBe(1 + peers.filter((o) => o.total! > r.total!).length);
        expect(groupRank.of).toBe(peers.length);
      });
    }
  });

  test.prop([rows])('the findings (rateIndicator) add up to the domain points the grader gave (its rating functions)', (values) => {
    const records = recordsOf(values);
    for (const result of explainedResults(rubric, records, gradeTable(rubric, records, { asOf }), asOf)) {
      for (const domain of result.domains) {
        if (domain.setBy !== null) continue;
        const rated = result.indicators.filter((f) => f.domain === domain.id && f.points !== null);
        const available = rated.reduce((sum, f) => sum + f.maxPoints, 0);
        const earned = rated.reduce((sum, f) => sum + f.points!, 0);
        if (available === 0) expect(domain.points).toBeNull();
        else expect(domain.points).toBeCloseTo((earned * domain.maxPoints) / available, 9);
      }
    }
  });

  const pairs = [
    ['agency-management-2024.yaml', 'agencies-2024.csv'],
    ['facility-2024.yaml', 'facilities-2024.csv'],
    ['facility-2021.yaml', 'facilities-2021.csv'],
    ['ltc-relative-2024.yaml', 'ltc-2024.csv'],
    ['quality-cert-2024.yaml', 'quality-cert-applicants-2024.csv'],
  ];
  it.each(pairs)('streams the same CSV, byte for byte, as the full results give (%s, %s)', async (rubricFile, csv) => {
    const bundled = bundledRubric(rubricFile);
    const { records } = await readFixture(csv, bundled);
    const table = gradeTable(bundled, records, { asOf });
    const outcome = { results: explainedResults(bundled, records, table, asOf), problems: [...table.problems] };
    const context = { toolVersion: '0', inputs: [], asOf, groupBy: bundled.rubric.peerGroups, skipped: [], counts: table };
    const label = (field: string) => field;
    const whole = stringifiedCsv(gradeDocument(bundled, outcome, context), label);
    const doc = gradeDocument(bundled, { results: [], problems: [] }, context);
    const pieces = await gathered(gradeCsvChunks(doc, table.rows, 'ko', label));
    expect(joined(pieces)).toBe(whole);
    expect(whole.split('\r\n').length - 2).toBe(records.length);
    // written by two: the later lines from the ranking as another thread gets it (a structured clone), or, when
    // that thread fails, here after all
    const seconds: number[] = [];
    const secondWriter = (works: boolean): SecondWriter => ({
      minLines: 0,
      start: (from) => {
        const ranking = structuredClone(table.ranking);
        const rows = rankedRowsOf(ranking, rankedOrderOf(ranking).from(from));
        seconds.push(from);
        return { done: Promise.resolve(works ? fromSync(gradeCsvLines(doc, rows, 'ko', label, from, rows.count)) : undefined), stop: async () => {} };
      },
    });
    expect(joined(await gathered(gradeCsvChunks(doc, table.rows, 'ko', label, secondWriter(true))))).toBe(whole);
    expect(joined(await gathered(gradeCsvChunks(doc, table.rows, 'ko', label, secondWriter(false))))).toBe(whole);
    expect(seconds).toEqual([Math.floor(records.length / 2), Math.floor(records.length / 2)]);
  });
});

describe('number text without anything to normalise', () => {
  test.prop([fc.stringMatching(/^-?\d{1,20}(\.\d{1,20})?$/), fc.boolean()])('reads as the careful grammar reads it (a space forces the careful path)', (text, percent) => {
    expect(parseNumberText(text, { percent })).toEqual(parseNumberText(` ${text}`, { percent }));
  });
});

describe('ownString', () => {
  test.prop([fc.string({ maxLength: 40 }), fc.nat(10)])('is the same text', (text, cut) => {
    const piece = (text + text).slice(cut, cut + text.length);
    expect(ownString(piece)).toBe(piece);
  });
});

describe('streamed CSV rows', () => {
  const cellText = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('-3', '=A1', '+1', '@x', '\t', '가,나', 'a"b', 'x\r\ny', '－1', '', '75.00'));
  test.prop([fc.array(fc.array(cellText, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 })])('are what csv-stringify writes', async (rows) => {
    const doc = gradeDocument(rubric, { results: [], problems: [] }, { toolVersion: '0', inputs: [], asOf, groupBy: [], skipped: [], counts: gradeTable(rubric, [], { asOf }) });
    const results = rows.map((cells, i) => ({ ...gradeInstitutions(rubric, recordsOf([{ region: '서울' }]), { asOf }).results[0]!, id: cells.join('|'), name: cells[0]!, rank: i + 1 }));
    const whole = stringifiedCsv({ ...doc, results }, (f) => f);
    expect(joined(await gathered(gradeCsvChunks(doc, listedRows(results), 'ko', (f) => f)))).toBe(whole);
  });
});
