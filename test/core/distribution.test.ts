import { describe, expect, test } from 'vitest';
import { histogram, median, peerMedians } from '../../src/core/distribution.js';
import { fixtureDocument } from '../helpers/report-fixture.js';

describe('median', () => {
  test.each([
    [[], null],
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[10, 10, 0, 0], 5],
  ])('of %j is %s', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('histogram', () => {
  test('counts percentages into equal bins, lower bound inclusive, 100 in the last bin', () => {
    expect(histogram([0, 9.99, 10, 55, 90, 100, 100], 10)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
  });
  test('values outside 0–100 fall in the end bins', () => {
    expect(histogram([-5, 120], 4)).toEqual([1, 0, 0, 1]);
  });
});

describe('peerMedians', () => {
  const { doc } = fixtureDocument();
  const byId = (id: string) => doc.results.find((r) => r.id === id)!;
  test('within the facility type: 노인 care points 36, 32 and none (0306) → 34; ops 30, 10, 10 → 10', () => {
    const { size, medians } = peerMedians(doc.results, 'facility_type')(byId('0306'));
    expect(size).toBe(3);
    expect(medians.get('care')).toEqual({ median: 34, n: 2 });
    expect(medians.get('rights')).toEqual({ median: 30, n: 3 });
    expect(medians.get('ops')).toEqual({ median: 10, n: 3 });
  });
  test('without a group field everyone is a peer: care 36, 32, 40, 28, 20 (0306 none) → 32', () => {
    expect(peerMedians(doc.results, null)(byId('0101')).medians.get('care')).toEqual({ median: 32, n: 5 });
  });
});
