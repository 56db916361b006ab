import { describe, expect, test } from 'vitest';
import { cellText, parseFieldValue } from '../../../src/core/parse/field.js';
import type { RawValue } from '../../../src/core/parse/raw.js';
import type { Field } from '../../../src/rubric/schema.js';

const field = (type: Field['type'], extra: Partial<Field> = {}): Field => ({ id: 'f', label: { ko: '필드' }, aliases: [], type, required: false, ...extra });
const plain = { date1904: false };

describe('parseFieldValue', () => {
  test.each<[Field['type'], RawValue | undefined, unknown]>([
    ['number', '1,234.5', 1234.5],
    ['number', 12.5, 12.5],
    ['percent', '85%', 85],
    ['percent', 85, 85],
    ['integer', 3, 3],
    ['date', '2024.09.05', { year: 2024, month: 9, day: 5 }],
    ['date', { year: 2024, month: 9, day: 5 }, { year: 2024, month: 9, day: 5 }],
    ['date', 45540, { year: 2024, month: 9, day: 5 }],
    ['boolean', true, true],
    ['boolean', 'O', true],
    ['boolean', 0, false],
    ['id', '00123', '00123'],
    ['id', 123, '123'],
    ['text', ' 서울 ', '서울'],
    ['text', 42, '42'],
    ['text', { year: 2024, month: 1, day: 2 }, '2024-01-02'],
    ['number', undefined, null],
    ['number', '', null],
  ])('%s from %j is %j', (type, raw, value) => {
    expect(parseFieldValue(field(type), raw, plain)).toEqual({ ok: true, value });
  });

  test.each<[Field['type'], RawValue, string]>([
    ['number', true, 'NUMBER_INVALID'],
    ['number', { year: 2024, month: 1, day: 2 }, 'NUMBER_INVALID'],
    ['integer', 2.5, 'INTEGER_NOT_WHOLE'],
    ['date', true, 'DATE_INVALID'],
    ['boolean', { year: 2024, month: 1, day: 2 }, 'BOOLEAN_INVALID'],
    ['id', true, 'ID_NOT_TEXT'],
    ['number', { fault: 'errorValue', text: '#DIV/0!' }, 'CELL_ERROR_VALUE'],
    ['number', { fault: 'formulaNoResult', text: '=B2/C2' }, 'CELL_FORMULA_NO_RESULT'],
    ['text', { fault: 'unsupported', text: '?' }, 'CELL_UNSUPPORTED'],
  ])('%s from %j is refused with %s', (type, raw, code) => {
    expect(parseFieldValue(field(type), raw, plain)).toMatchObject({ ok: false, code });
  });

  test('a 1904 workbook counts serials from 1904-01-01', () => {
    expect(parseFieldValue(field('date'), 44078, { date1904: true })).toEqual({ ok: true, value: { year: 2024, month: 9, day: 5 } });
  });

  test('level and text fields with values take one of them; text without values takes any text', () => {
    const level = field('level', { values: ['우수', '보통'] });
    expect(parseFieldValue(level, '우수', plain)).toEqual({ ok: true, value: '우수' });
    expect(parseFieldValue(level, '최우수', plain)).toMatchObject({ ok: false, code: 'VALUE_NOT_ALLOWED' });
    expect(parseFieldValue(field('text', { values: ['서울', '부산'] }), '대전', plain)).toMatchObject({ ok: false, code: 'VALUE_NOT_ALLOWED' });
  });

  test('cellText quotes a cell as a person would', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText({ year: 2024, month: 9, day: 5 })).toBe('2024-09-05');
    expect(cellText({ fault: 'errorValue', text: '#N/A' })).toBe('#N/A');
  });
});
