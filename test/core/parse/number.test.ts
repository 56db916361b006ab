import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { acceptNumber, parseNumberText } from '../../../src/core/parse/number.js';

describe('parseNumberText', () => {
  test.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567.89', 1234567.89],
    ['-5', -5],
    ['+3', 3],
    ['\u22125', -5],
    ['－５', -5],
    ['１２３', 123],
    ['１，２３４', 1234],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['  42\t', 42],
    ['007', 7],
    ['-0', 0],
  ])('"%s" is %d', (text, value) => {
    const outcome = parseNumberText(text, { percent: false });
    expect(outcome).toEqual({ ok: true, value });
    if (outcome.ok) expect(Object.is(outcome.value, -0)).toBe(false);
  });

  test.each(['', '   ', '\u3000'])('blank "%s" is missing, not zero', (text) => {
    expect(parseNumberText(text, { percent: false })).toEqual({ ok: true, value: null });
  });

  test.each([
    ['85%', 85],
    ['85 %', 85],
    ['12.5%', 12.5],
    ['８５％', 85],
    ['85', 85],
  ])('percent field: "%s" is %d', (text, value) => {
    expect(parseNumberText(text, { percent: true })).toEqual({ ok: true, value });
  });

  test.each([
    ['85점', 'NUMBER_HAS_UNIT', { unit: '점' }],
    ['12 명', 'NUMBER_HAS_UNIT', { unit: '명' }],
    ['3,000원', 'NUMBER_HAS_UNIT', { unit: '원' }],
    ['85%', 'NUMBER_PERCENT_SIGN', undefined],
    ['1,23', 'NUMBER_BAD_COMMA', undefined],
    ['12,34,567', 'NUMBER_BAD_COMMA', undefined],
    ['1.2.3', 'NUMBER_INVALID', undefined],
    ['0x10', 'NUMBER_INVALID', undefined],
    ['1e5', 'NUMBER_INVALID', undefined],
    ['(12)', 'NUMBER_INVALID', undefined],
    ['5.', 'NUMBER_INVALID', undefined],
    ['-', 'NUMBER_INVALID', undefined],
    ['1 234', 'NUMBER_INVALID', undefined],
    ['약 85', 'NUMBER_INVALID', undefined],
    ['Infinity', 'NUMBER_INVALID', undefined],
    ['9'.repeat(400), 'NUMBER_INVALID', undefined],
  ])('"%s" is refused with %s', (text, code, args) => {
    const outcome = parseNumberText(text, { percent: false });
    expect(outcome).toEqual(args === undefined ? { ok: false, code } : { ok: false, code, args });
  });

  test('a workbook number is taken as it is, NaN and infinities refused', () => {
    expect(acceptNumber(12.5)).toEqual({ ok: true, value: 12.5 });
    expect(acceptNumber(Number.NaN)).toEqual({ ok: false, code: 'NUMBER_INVALID' });
    expect(acceptNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false, code: 'NUMBER_INVALID' });
  });
});

// The grammar, stated independently of the implementation (ASCII text, after trimming).
const GRAMMAR = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const PERCENT_GRAMMAR = /^[+-]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+) ?%$/;

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

describe('the number grammar (properties)', () => {
  const wellFormed = fc.record({
    sign: fc.constantFrom('', '+', '-'),
    head: digits(1, 3),
    groups: fc.array(digits(3, 3), { maxLength: 4 }),
    grouped: fc.boolean(),
    fraction: fc.option(digits(1, 6), { nil: undefined }),
  });

  test.prop([wellFormed])('every well-formed number is accepted with its value', ({ sign, head, groups, grouped, fraction }) => {
    const whole = head + groups.join('');
    const text = `${sign}${grouped && groups.length > 0 ? [head, ...groups].join(',') : whole}${fraction === undefined ? '' : `.${fraction}`}`;
    const expected = Number(`${sign === '-' ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    expect(parseNumberText(text, { percent: false })).toEqual({ ok: true, value: expected === 0 ? 0 : expected });
    expect(parseNumberText(`${text}%`, { percent: true })).toEqual({ ok: true, value: expected === 0 ? 0 : expected });
  });

  const messy = fc.string({ unit: fc.constantFrom(...'0123456789,.+-% x점e'), maxLength: 12 });

  test.prop([messy])('any text is accepted exactly when it matches the grammar', (text) => {
    const trimmed = text.trim();
    expect(parseNumberText(text, { percent: false }).ok).toBe(trimmed === '' || GRAMMAR.test(trimmed));
    expect(parseNumberText(text, { percent: true }).ok).toBe(trimmed === '' || GRAMMAR.test(trimmed) || PERCENT_GRAMMAR.test(trimmed));
  });
});
