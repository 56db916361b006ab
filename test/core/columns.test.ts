import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { Column, RunColumn } from '../../src/core/columns.js';

describe('RunColumn', () => {
  test.prop([fc.array(fc.oneof(fc.constantFrom(0, -0, 1, -3, Number.NaN), fc.integer({ min: -1e9, max: 1e9 }), fc.double({ noNaN: true })), { maxLength: 200 })])(
    'gives back every value pushed, whatever its runs',
    (values) => {
      const column = new RunColumn();
      values.forEach((value) => column.push(value));
      values.forEach((value, index) => expect(Object.is(column.get(index), value)).toBe(true));
    },
  );
});

describe('RunColumn.pushRuns', () => {
  test.prop([fc.array(fc.constantFrom(0, 1, 5, -2), { maxLength: 40 }), fc.array(fc.constantFrom(0, 1, 5, -2), { maxLength: 40 }), fc.integer({ min: -3, max: 3 })])(
    'pushes another column’s records run by run, each value changed, as pushing them one by one would',
    (before, after, change) => {
      const other = new RunColumn();
      after.forEach((value) => other.push(value));
      const column = new RunColumn();
      const expected = new RunColumn();
      before.forEach((value) => {
        column.push(value);
        expected.push(value);
      });
      column.pushRuns(other.runs(), other.length, (value) => value + change);
      after.forEach((value) => expected.push(value + change));
      expect(column.length).toBe(before.length + after.length);
      expect(column.runs()).toEqual(expected.runs());
      [...before, ...after.map((value) => value + change)].forEach((value, index) => expect(column.get(index)).toBe(value));
    },
  );
});

describe('Column.adopt', () => {
  // a script of pushes, adoptions of another column's numbers, and sets, checked against a plain array
  const step = fc.oneof(
    fc.record({ push: fc.integer({ min: -1000, max: 1000 }) }),
    fc.record({ adopt: fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 2500 }) }),
    fc.record({ set: fc.nat(), to: fc.integer() }),
    fc.record({ expect: fc.nat(5000) }),
  );
  test.prop([fc.array(step, { maxLength: 12 })])('reads, sets and pushes after adopted numbers (and room made at any point) as if they had been pushed', (steps) => {
    const column = new Column((length) => new Float64Array(length));
    const expected: number[] = [];
    for (const s of steps) {
      if ('push' in s) {
        column.push(s.push);
        expected.push(s.push);
      } else if ('adopt' in s) {
        column.adopt(Float64Array.from(s.adopt));
        expected.push(...s.adopt);
      } else if ('expect' in s) {
        column.expect(s.expect);
      } else if (expected.length > 0) {
        const index = s.set % expected.length;
        column.set(index, s.to);
        expected[index] = s.to;
      }
      expect(column.length).toBe(expected.length);
    }
    expected.forEach((value, index) => expect(column.get(index)).toBe(value));
    expect([...column.values()]).toEqual(expected);
  });
});
