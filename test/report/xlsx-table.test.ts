import { describe, expect, test } from 'vitest';
import { gradeTone } from '../../src/report/grade-tone.js';
import { cleanText, fitWidth, sheetName } from '../../src/report/xlsx-table.js';

describe('sheetName', () => {
  test.each([
    ['요약', '요약'],
    ['서울/경기 [북부]', '서울_경기 _북부_'],
    ["'인용'", '인용'],
    ['', '_'],
    ['아주 긴 이름의 비교 집단 값이 서른한 글자를 넘는 경우에는 잘립니다', '아주 긴 이름의 비교 집단 값이 서른한 글자를 넘는 경우'], // 31 characters
  ])('%s → %s', (wanted, name) => {
    expect(sheetName(wanted, new Set())).toBe(name);
  });

  test('names are unique regardless of case, suffixed within 31 characters', () => {
    const used = new Set<string>();
    expect([sheetName('Summary', used), sheetName('summary', used), sheetName('SUMMARY', used)]).toEqual(['Summary', 'summary (2)', 'SUMMARY (3)']);
    const long = 'x'.repeat(40);
    expect(sheetName(long, used)).toBe('x'.repeat(31));
    expect(sheetName(long, used)).toBe(`${'x'.repeat(27)} (2)`);
  });
});

describe('cleanText', () => {
  test('drops control characters Excel cannot store, keeps tabs and line breaks', () => {
    expect(cleanText('a\u0000b\u0007c\td\ne\u001f')).toBe('abc\td\ne');
  });
  test('cuts at 32,767 characters', () => {
    expect(cleanText('가'.repeat(40_000))).toHaveLength(32_767);
  });
});

describe('fitWidth', () => {
  test.each([
    [['서울특별시사회서비스원'], 24], // 11 Hangul = 22 units + 2
    [['0111', 'ABC'], 8], // at least the minimum 6 + 2
    [['x'.repeat(100)], 60], // capped
  ])('%j → %i', (texts, width) => {
    expect(fitWidth(texts)).toBe(width);
  });
});

describe('gradeTone', () => {
  test.each([
    [['S', 'A', 'B', 'C', 'D'], ['S', 'A', 'B', 'C', 'D'], [0, 1, 2, 3, 4]],
    [['A', 'B', 'C', 'D', 'F'], ['A', 'F'], [0, 4]],
    [['pass', 'fail'], ['pass', 'fail'], [0, 4]],
    [['A', 'B', 'C'], ['A', 'B', 'C'], [0, 2, 4]],
    [['only'], ['only'], [0]],
  ])('%j', (grades, asked, tones) => {
    expect(asked.map((g) => gradeTone(grades, g))).toEqual(tones);
  });
  test('a grade outside the order has no tone', () => {
    expect(gradeTone(['A', 'B'], 'Z')).toBeNull();
  });
});
