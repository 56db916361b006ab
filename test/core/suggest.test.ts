import { fc, test as property } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { editDistance, suggestIds } from '../../src/core/suggest.js';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['0111', '0111', 0],
    ['0111', '111', 1],
    ['0111', '0112', 1],
    ['kitten', 'sitting', 3],
    ['서울', '부산', 2],
    ['사회서비스원', '사회서비스', 1],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  property.prop([fc.string(), fc.string()])('is symmetric and bounded by the longer length', (a, b) => {
    const d = editDistance(a, b);
    expect(d).toBe(editDistance(b, a));
    expect(d).toBeLessThanOrEqual(Math.max([...a].length, [...b].length));
    expect(d === 0).toBe(a === b);
  });
});

describe('suggestIds', () => {
  const candidates = [
    { id: '0111', name: '서울특별시사회서비스원' },
    { id: '0112', name: '부산광역시사회서비스원' },
    { id: '0211', name: '대구광역시사회서비스원' },
    { id: '9999', name: '제주특별자치도사회서비스원' },
  ];
  test.each([
    ['111', ['0111']], // 0211 and 0112 are two edits away
    ['0113', ['0111', '0112']],
    ['부산', ['0112']],
    ['제주특별자치도사회서비스원', ['9999']],
    ['zzzz', []],
    ['  ', []],
  ])('%s suggests %j', (query, expected) => {
    expect(suggestIds(query, candidates)).toEqual(expected);
  });

  test('at most `limit` suggestions', () => {
    expect(suggestIds('0', candidates, 2)).toHaveLength(2);
  });
});
