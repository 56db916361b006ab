import { describe, expect, test } from 'vitest';
import { parseAllowedText } from '../../../src/core/parse/level.js';

const LEVELS = ['우수', '양호', '보통', '미흡', '부진'];

describe('allowed values', () => {
  test.each([
    ['우수', '우수'],
    [' 양호 ', '양호'],
    ['보통\n', '보통'],
  ])('"%s" is %s', (text, value) => {
    expect(parseAllowedText(text, LEVELS)).toEqual({ ok: true, value });
  });

  test('comparison ignores case and full-width forms and gives the rubric spelling', () => {
    expect(parseAllowedText('ａ', ['A', 'B'])).toEqual({ ok: true, value: 'A' });
    expect(parseAllowedText('b', ['A', 'B'])).toEqual({ ok: true, value: 'B' });
  });

  test('blank is missing', () => {
    expect(parseAllowedText('', LEVELS)).toEqual({ ok: true, value: null });
  });

  test('a value outside the list is refused with the list', () => {
    expect(parseAllowedText('매우우수', LEVELS)).toEqual({ ok: false, code: 'VALUE_NOT_ALLOWED', args: { allowed: '우수, 양호, 보통, 미흡, 부진' } });
  });
});
