import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { RunColumn } from '../../src/core/columns.js';

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
