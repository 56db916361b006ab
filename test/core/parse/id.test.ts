import { describe, expect, test } from 'vitest';
import { acceptIdNumber, parseIdText } from '../../../src/core/parse/id.js';

describe('identifiers', () => {
  test.each([
    ['00123', '00123'],
    [' A-01 ', 'A-01'],
    ['００７', '007'],
    ['', null],
  ])('"%s" is %s', (text, value) => {
    expect(parseIdText(text)).toEqual({ ok: true, value });
  });

  test('a whole workbook number becomes its digits; fractions and huge numbers are refused', () => {
    expect(acceptIdNumber(1234)).toEqual({ ok: true, value: '1234' });
    expect(acceptIdNumber(12.5)).toEqual({ ok: false, code: 'ID_NOT_TEXT' });
    expect(acceptIdNumber(1e21)).toEqual({ ok: false, code: 'ID_NOT_TEXT' });
  });
});
