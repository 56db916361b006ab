import { describe, expect, test } from 'vitest';
import { acceptBooleanNumber, parseBooleanText } from '../../../src/core/parse/boolean.js';

describe('yes/no values', () => {
  test.each(['예', '네', 'Y', 'y', 'Yes', 'O', 'o', '○', 'TRUE', 'true', '1', '있음', '유', '해당', 'Ｙ'])('"%s" is yes', (text) => {
    expect(parseBooleanText(text)).toEqual({ ok: true, value: true });
  });

  test.each(['아니오', '아니요', 'N', 'no', 'X', 'x', '×', 'FALSE', '0', '없음', '무', '해당 없음', '비해당'])('"%s" is no', (text) => {
    expect(parseBooleanText(text)).toEqual({ ok: true, value: false });
  });

  test.each(['', ' '])('blank "%s" is missing, not no', (text) => {
    expect(parseBooleanText(text)).toEqual({ ok: true, value: null });
  });

  test.each(['2', '모름', 'yes!', '-'])('"%s" is refused', (text) => {
    expect(parseBooleanText(text)).toEqual({ ok: false, code: 'BOOLEAN_INVALID' });
  });

  test('workbook numbers: only 1 and 0', () => {
    expect(acceptBooleanNumber(1)).toEqual({ ok: true, value: true });
    expect(acceptBooleanNumber(0)).toEqual({ ok: true, value: false });
    expect(acceptBooleanNumber(2)).toEqual({ ok: false, code: 'BOOLEAN_INVALID' });
  });
});
