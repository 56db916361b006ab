/** A calendar date without time or zone; all certificate and as-of arithmetic works on these. */
export interface PlainDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A typed cell value after parsing; `null` is missing (blank), never zero. */
export type FieldValue = number | string | boolean | PlainDate | null;

/** True when the value is a PlainDate. */
export function isPlainDate(value: unknown): value is PlainDate {
  return typeof value === 'object' && value !== null && 'year' in value && 'month' in value && 'day' in value;
}

/** Formats a PlainDate as YYYY-MM-DD. */
export function formatDate(date: PlainDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Renders a field value for messages and CSV: dates as ISO, missing as empty. */
export function formatValue(value: FieldValue): string {
  if (value === null) return '';
  if (isPlainDate(value)) return formatDate(value);
  return String(value);
}
