import { describe, expect, test } from 'vitest';
import { acceptInteger, parseIntegerText } from '../../../src/core/parse/integer.js';

describe('integers', () => {
  test.each([
    ['120', 120],
    ['1,200', 1200],
    ['3.0', 3],
    ['-4', -4],
    ['', null],
  ])('"%s" is %s', (text, value) => {
    expect(parseIntegerText(text)).toEqual({ ok: true, value });
  });

  test.each([
    ['2.5', 'INTEGER_NOT_WHOLE'],
    ['12명', 'NUMBER_HAS_UNIT'],
    ['12%', 'NUMBER_PERCENT_SIGN'],
    ['99999999999999999', 'INTEGER_NOT_WHOLE'],
  ])('"%s" is refused with %s', (text, code) => {
    expect(parseIntegerText(text)).toMatchObject({ ok: false, code });
  });

  test('workbook numbers must be whole', () => {
    expect(acceptInteger(7)).toEqual({ ok: true, value: 7 });
    expect(acceptInteger(7.25)).toEqual({ ok: false, code: 'INTEGER_NOT_WHOLE' });
  });
});
