import { fromDayNumber, makeDate, toDayNumber } from '../dates.js';
import type { PlainDate } from '../values.js';
import { normalizeCellText, parsed, rejected, type ParseOutcome } from './outcome.js';

/**
 * The date grammar, applied after normalizeCellText (Y = 4 digits, M and D = 1 or 2 digits):
 *
 *   Y-M-D   2024-09-05          Y/M/D   2024/9/5
 *   Y.M.D   2024.09.05, "2024. 9. 5." (spaces after the points, a final point allowed)
 *   Y년 M월 D일   2024년 9월 5일 (spaces optional)
 *   YYYYMMDD      20240905
 *   an Excel serial day number of exactly 5 digits (10000 = 1927-05-18 … 99999 = 2173-10-14);
 *   shorter numbers are refused because a year such as 2024 would silently become 1905-07-16.
 *
 * A text that has the shape but names no real day (2024-02-30) is DATE_IMPOSSIBLE.
 */
const SHAPES: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\. ?(\d{1,2})\. ?(\d{1,2})\.?$/,
  /^(\d{4}) ?년 ?(\d{1,2}) ?월 ?(\d{1,2}) ?일$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];
const SERIAL = /^\d{5}$/;

/** Day number (days since 1970-01-01) of serial 0 in Excel's 1900 system (as used from serial 61 on) and 1904 system. */
const EPOCH_1900 = toDayNumber({ year: 1899, month: 12, day: 30 });
const EPOCH_1904 = toDayNumber({ year: 1904, month: 1, day: 1 });
/** Serial of 9999-12-31 in the 1900 system, Excel's last date. */
const LAST_SERIAL_1900 = 2958465;

/** Converts a whole Excel serial day number to a date; serials before 1900-03-01 (where Excel counts a false 1900-02-29) are refused. */
export function excelSerialToDate(serial: number, date1904: boolean): PlainDate | undefined {
  if (!Number.isInteger(serial)) return undefined;
  const first = date1904 ? 0 : 61;
  const last = date1904 ? LAST_SERIAL_1900 - 1462 : LAST_SERIAL_1900;
  if (serial < first || serial > last) return undefined;
  return fromDayNumber((date1904 ? EPOCH_1904 : EPOCH_1900) + serial);
}

/** Parses date text by the grammar above; blank is null. `date1904` says how a serial counts (from the workbook). */
export function parseDateText(text: string, date1904 = false): ParseOutcome<PlainDate> {
  const normalized = normalizeCellText(text).replace(/\s+/g, ' ');
  if (normalized === '') return parsed(null);
  for (const shape of SHAPES) {
    const match = shape.exec(normalized);
    if (!match) continue;
    const date = makeDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? parsed(date) : rejected('DATE_IMPOSSIBLE');
  }
  if (SERIAL.test(normalized)) {
    const date = excelSerialToDate(Number(normalized), date1904);
    if (date) return parsed(date);
  }
  return rejected('DATE_INVALID');
}

/** Reads a number cell in a date column: a whole 8-digit YYYYMMDD, or a 5-digit serial in the workbook's date system. */
export function acceptDateNumber(value: number, date1904: boolean): ParseOutcome<PlainDate> {
  if (!Number.isSafeInteger(value) || value < 0) return rejected('DATE_INVALID');
  return parseDateText(String(value), date1904);
}
