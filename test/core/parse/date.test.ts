import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { daysInMonth } from '../../../src/core/dates.js';
import { acceptDateNumber, excelSerialToDate, parseDateText } from '../../../src/core/parse/date.js';

const date = (year: number, month: number, day: number) => ({ year, month, day });

describe('parseDateText', () => {
  test.each([
    ['2024-09-05', date(2024, 9, 5)],
    ['2024-9-5', date(2024, 9, 5)],
    ['2024.09.05', date(2024, 9, 5)],
    ['2024. 9. 5.', date(2024, 9, 5)],
    ['2024.9.5.', date(2024, 9, 5)],
    ['2024/9/5', date(2024, 9, 5)],
    ['2024/09/05', date(2024, 9, 5)],
    ['2024년 9월 5일', date(2024, 9, 5)],
    ['2024년9월5일', date(2024, 9, 5)],
    ['20240905', date(2024, 9, 5)],
    ['２０２４－０９－０５', date(2024, 9, 5)],
    [' 2024-02-29 ', date(2024, 2, 29)],
    ['45540', date(2024, 9, 5)],
  ])('"%s" is a date', (text, expected) => {
    expect(parseDateText(text)).toEqual({ ok: true, value: expected });
  });

  test('blank is missing', () => {
    expect(parseDateText('  ')).toEqual({ ok: true, value: null });
  });

  test.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024.04.31', '2024년 0월 1일', '20241301'])('"%s" is impossible', (text) => {
    expect(parseDateText(text)).toEqual({ ok: false, code: 'DATE_IMPOSSIBLE' });
  });

  test.each(['2024', '24-09-05', '09/05/2024', '2024-09', '2024-09-05 13:00', '2024-09/05', 'Sep 5 2024', '45540.5', '4554', '2024.09.05..'])(
    '"%s" is not a date',
    (text) => {
      expect(parseDateText(text)).toEqual({ ok: false, code: 'DATE_INVALID' });
    },
  );

  test('Excel serials count from 1899-12-30, or from 1904-01-01 in the 1904 system', () => {
    expect(excelSerialToDate(61, false)).toEqual(date(1900, 3, 1));
    expect(excelSerialToDate(60, false)).toBeUndefined();
    expect(excelSerialToDate(45540, false)).toEqual(date(2024, 9, 5));
    expect(excelSerialToDate(0, true)).toEqual(date(1904, 1, 1));
    expect(excelSerialToDate(44078, true)).toEqual(date(2024, 9, 5));
    expect(excelSerialToDate(2958465, false)).toEqual(date(9999, 12, 31));
    expect(excelSerialToDate(2958466, false)).toBeUndefined();
    expect(parseDateText('44078', true)).toEqual({ ok: true, value: date(2024, 9, 5) });
  });

  test('workbook numbers in a date column: serials and YYYYMMDD, never a bare year', () => {
    expect(acceptDateNumber(45540, false)).toEqual({ ok: true, value: date(2024, 9, 5) });
    expect(acceptDateNumber(20240905, false)).toEqual({ ok: true, value: date(2024, 9, 5) });
    expect(acceptDateNumber(2024, false)).toEqual({ ok: false, code: 'DATE_INVALID' });
    expect(acceptDateNumber(45540.5, false)).toEqual({ ok: false, code: 'DATE_INVALID' });
  });
});

describe('the date grammar (properties)', () => {
  const realDate = fc
    .record({ year: fc.integer({ min: 1000, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysInMonth(year, month)) }));
  const pad = (n: number) => String(n).padStart(2, '0');
  const formats = [
    (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
    (d: { year: number; month: number; day: number }) => `${d.year}-${d.month}-${d.day}`,
    (d: { year: number; month: number; day: number }) => `${d.year}.${pad(d.month)}.${pad(d.day)}`,
    (d: { year: number; month: number; day: number }) => `${d.year}. ${d.month}. ${d.day}.`,
    (d: { year: number; month: number; day: number }) => `${d.year}/${d.month}/${d.day}`,
    (d: { year: number; month: number; day: number }) => `${d.year}년 ${d.month}월 ${d.day}일`,
    (d: { year: number; month: number; day: number }) => `${d.year}${pad(d.month)}${pad(d.day)}`,
  ];

  test.prop([realDate, fc.integer({ min: 0, max: formats.length - 1 })])('every real date in every format is read back', (d, f) => {
    expect(parseDateText(formats[f]!(d))).toEqual({ ok: true, value: d });
  });

  test.prop([fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 29, max: 31 })])(
    'a day past the end of its month is impossible, never rolled over',
    (year, month, day) => {
      fc.pre(day > daysInMonth(year, month));
      expect(parseDateText(`${year}-${pad(month)}-${pad(day)}`)).toEqual({ ok: false, code: 'DATE_IMPOSSIBLE' });
    },
  );

  test.prop([fc.integer({ min: 10000, max: 99999 })])('a 5-digit serial is the day that many days after 1899-12-30', (serial) => {
    const oracle = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
    const expected = { year: oracle.getUTCFullYear(), month: oracle.getUTCMonth() + 1, day: oracle.getUTCDate() };
    expect(parseDateText(String(serial))).toEqual({ ok: true, value: expected });
  });

  // The grammar, stated independently: the shapes, then whether the numbers name a real day.
  const SHAPES = [
    /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
    /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
    /^(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\.?$/,
    /^(\d{4}) ?년 ?(\d{1,2}) ?월 ?(\d{1,2}) ?일$/,
    /^(\d{4})(\d{2})(\d{2})$/,
  ];
  const accepts = (text: string): boolean => {
    const t = text.trim().replace(/\s+/g, ' ');
    if (t === '') return true;
    for (const shape of SHAPES) {
      const m = shape.exec(t);
      if (m) {
        const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
        return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
      }
    }
    return /^\d{5}$/.test(t);
  };
  const messy = fc.string({ unit: fc.constantFrom(...'0123456789-/. 년월일2'), maxLength: 14 });

  test.prop([messy])('any text is accepted exactly when it matches the grammar and names a real day', (text) => {
    expect(parseDateText(text).ok).toBe(accepts(text));
  });
});
