import { describe, expect, it } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { evaluate, parseExpression, referencedNames, type EvalResult } from '../../src/core/expression.js';
import { roundHalfUp } from '../../src/core/rounding.js';
import type { FieldValue } from '../../src/core/values.js';

const asOf = { year: 2024, month: 12, day: 31 };

function run(source: string, values: Record<string, FieldValue> = {}): EvalResult {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return evaluate(parsed.expr, { get: (name) => (Object.hasOwn(values, name) ? values[name]! : null), asOf });
}

describe('the formula language', () => {
  it.each([
    ['returning / users * 100', { returning: 41, users: 50 }, 82],
    ['1 + 2 * 3', {}, 7],
    ['(1 + 2) * 3', {}, 9],
    ['-x + 10', { x: 4 }, 6],
    ['10 - 4 - 3', {}, 3],
    ['12 / 4 / 3', {}, 1],
    ['min(a, b, 3)', { a: 5, b: 4 }, 3],
    ['max(a, b)', { a: 5, b: 4 }, 5],
    ['abs(a - b)', { a: 4, b: 5 }, 1],
    ['round(2.345, 2)', {}, 2.35],
    ['coalesce(a, 0)', {}, 0],
    ['if(a > 3, 1, 2)', { a: 4 }, 1],
    ['years_since(opened)', { opened: { year: 2021, month: 12, day: 31 } }, 3],
    ['years_since(opened)', { opened: { year: 2022, month: 1, day: 1 } }, 2],
    ['days_between(a, b)', { a: { year: 2024, month: 2, day: 28 }, b: { year: 2024, month: 3, day: 1 } }, 2],
    ['재이용자 / 이용자', { 재이용자: 1, 이용자: 4 }, 0.25],
  ])('%s', (source, values, expected) => {
    expect(run(source, values)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a >= 3 and b == "우수"', { a: 3, b: '우수' }, true],
    ['not flag', { flag: false }, true],
    ['a < 3 or b', { a: 5, b: true }, true],
    ['missing(a)', {}, true],
    ['missing(a)', { a: 0 }, false],
    ['false and unknown', {}, false], // Kleene: false decides
    ['true or unknown', {}, true],
    ['d < as_of', { d: { year: 2024, month: 1, day: 1 } }, true],
  ])('%s (with %j)', (source, values, expected) => {
    expect(run(source, values)).toEqual({ ok: true, value: expected });
  });

  it('a blank field is missing, never zero, and names the field', () => {
    expect(run('a + b', { a: 1 })).toEqual({ ok: false, failure: { kind: 'missing', fields: ['b'] } });
    expect(run('true and unknown', {})).toEqual({ ok: false, failure: { kind: 'missing', fields: ['unknown'] } });
  });

  it('division by zero is a failure, not Infinity', () => {
    expect(run('a / b', { a: 1, b: 0 })).toEqual({ ok: false, failure: { kind: 'divisionByZero' } });
  });

  it('type mismatches are failures', () => {
    expect(run('a + 1', { a: '우수' })).toMatchObject({ ok: false, failure: { kind: 'type' } });
  });

  it.each([
    ['a +', 3, 'the expression ends too early'],
    ['a $ b', 2, 'unexpected character "$"'],
    ['foo(a)', 0, 'unknown function "foo"'],
    ['min()', 0, 'min() takes 1 to 99 arguments'],
    ['(a + b', 6, 'expected ")"'],
    ['"abc', 0, 'unclosed string'],
    ['a b', 2, 'unexpected "b"'],
    ['constructor(1)', 0, 'unknown function "constructor"'],
  ])('rejects %s at %i: %s', (source, at, message) => {
    expect(parseExpression(source)).toEqual({ ok: false, error: { message, at } });
  });

  it('lists the fields a formula reads, without built-ins', () => {
    const parsed = parseExpression('coalesce(a, b) / c > years_since(as_of)');
    expect(parsed.ok && referencedNames(parsed.expr)).toEqual(['a', 'b', 'c']);
  });

  fcTest.prop([fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 })])(
    'arithmetic agrees with JavaScript',
    (a, b, c) => {
      expect(run('a * b - c / 2 + (a - b)', { a, b, c })).toEqual({ ok: true, value: a * b - c / 2 + (a - b) });
    },
  );
});

describe('round half up', () => {
  it.each([
    [84.995, 2, 85],
    [1.005, 2, 1.01],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [74.666666, 2, 74.67],
    [0.125, 2, 0.13],
    [94.994999, 2, 94.99],
  ])('%d at %i decimals → %d', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });
});
