import type { Field } from '../rubric/schema.js';
import { isNfkcStable } from './parse/outcome.js';
import { problem, type Position, type Problem } from './problems.js';

/**
 * Matching header cells to rubric fields. A header names a field by its id, its Korean or English label
 * or an alias, compared after NFKC (full-width forms), lower-casing and removing whitespace (line breaks
 * inside a cell too), underscores and middle dots (시·도 = 시도); a trailing unit in brackets, as in
 * "재이용률(%)", may be left off.
 */

/** Long layout: the column naming the field or indicator of each row, and the column holding its value. */
const LONG_KEY_HEADERS: readonly string[] = ['indicator', 'field', 'item', '지표', '지표코드', '지표명', '항목', '필드', '필드명'];
const LONG_VALUE_HEADERS: readonly string[] = ['value', '값', '실적', '실적값', '측정값'];

/** The comparison key of a header text. */
export function headerKey(text: string): string {
  return (isNfkcStable(text) ? text : text.normalize('NFKC')).toLowerCase().replace(/[\s_\u00B7\u30FB\u2027\u318D\u119E]+/gu, '');
}

const withoutUnit = (key: string) => key.replace(/(?:\([^()]*\)|\[[^[\]]*\])$/u, '');

/** Every name a field answers to: id, labels, aliases. */
function fieldNames(field: Field): string[] {
  return [field.id, field.label.ko, ...(field.label.en === undefined ? [] : [field.label.en]), ...field.aliases];
}

/** Header keys to field ids; where two fields share a name the one declared first keeps it. */
export function buildHeaderIndex(fields: readonly Field[]): ReadonlyMap<string, string> {
  const index = new Map<string, string>();
  for (const field of fields) {
    for (const name of fieldNames(field)) {
      const key = headerKey(name);
      if (key !== '' && !index.has(key)) index.set(key, field.id);
    }
  }
  return index;
}

/** The field a header text names, if any. */
export function matchHeader(text: string, index: ReadonlyMap<string, string>): string | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  return index.get(key) ?? index.get(withoutUnit(key));
}

const LONG_KEYS = new Set(LONG_KEY_HEADERS.map(headerKey));
const LONG_VALUES = new Set(LONG_VALUE_HEADERS.map(headerKey));

/** The long-layout role of a header text: the key (indicator/field) or the value column. */
export function longRole(text: string): 'key' | 'value' | undefined {
  const key = headerKey(text);
  const bare = withoutUnit(key);
  if (LONG_KEYS.has(key) || LONG_KEYS.has(bare)) return 'key';
  if (LONG_VALUES.has(key) || LONG_VALUES.has(bare)) return 'value';
  return undefined;
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** How many distinct fields (and long-layout roles) a row of cells names: the header row names the most. */
export function headerScore(cells: readonly string[], index: ReadonlyMap<string, string>): number {
  const named = new Set<string>();
  for (const cell of cells) {
    const field = matchHeader(cell, index);
    const role = field === undefined ? longRole(cell) : undefined;
    if (field !== undefined) named.add(`field:${field}`);
    else if (role !== undefined) named.add(`role:${role}`);
  }
  return named.size;
}

export type Layout = 'wide' | 'long';

/** What the header row says: the layout, which column holds which field, and the long-layout columns. */
export interface HeaderPlan {
  readonly layout: Layout;
  /** header text per column, as found */
  readonly headers: readonly string[];
  /** rubric field id → 0-based column */
  readonly fieldColumns: ReadonlyMap<string, number>;
  /** long layout: the column naming the field or indicator, and the value column */
  readonly keyColumn?: number;
  readonly valueColumn?: number;
}

export interface HeaderOptions {
  readonly fields: readonly Field[];
  readonly idField: string;
  readonly layout: Layout | 'auto';
  /** file, sheet and line of the header row */
  readonly at: Position;
}

const describeField = (field: Field) => (field.label.ko === field.id ? field.id : `${field.label.ko}(${field.id})`);

/**
 * Maps a header row to fields and decides the layout. Problems: every missing required column in one
 * error, duplicate columns for one field (an error: which one is meant cannot be known), unknown columns
 * (a warning each), optional fields with no column (one note). Gives no plan when the table cannot be read.
 */
export function planHeaders(cells: readonly string[], options: HeaderOptions): { plan?: HeaderPlan; problems: Problem[] } {
  const index = buildHeaderIndex(options.fields);
  const problems: Problem[] = [];
  const at = (column: number): Position => ({ ...options.at, column: columnLetter(column), header: cells[column] ?? '' });
  const fieldColumns = new Map<string, number>();
  const roles = new Map<'key' | 'value', number>();
  const unknown: number[] = [];
  const duplicates: { column: number; first: number }[] = [];
  const roleDuplicates: { column: number; first: number }[] = [];
  cells.forEach((cell, column) => {
    if (cell.trim() === '') return;
    const field = matchHeader(cell, index);
    const role = field === undefined ? longRole(cell) : undefined;
    if (field !== undefined) {
      const first = fieldColumns.get(field);
      if (first === undefined) fieldColumns.set(field, column);
      else duplicates.push({ column, first });
    } else if (role !== undefined) {
      const first = roles.get(role);
      if (first === undefined) roles.set(role, column);
      else roleDuplicates.push({ column, first });
    } else unknown.push(column);
  });

  const hasLongColumns = roles.has('key') && roles.has('value');
  const layout: Layout = options.layout === 'auto' ? (hasLongColumns ? 'long' : 'wide') : options.layout;
  if (layout === 'wide') unknown.push(...roles.values(), ...roleDuplicates.map((d) => d.column));
  else duplicates.push(...roleDuplicates);
  for (const { column, first } of duplicates.sort((a, b) => a.column - b.column)) {
    problems.push(problem('HEADER_DUPLICATE', 'error', at(column), { first: columnLetter(first), firstHeader: cells[first] ?? '' }, cells[column]));
  }
  for (const column of unknown.sort((a, b) => a - b)) problems.push(problem('HEADER_UNKNOWN', 'warning', at(column), {}, cells[column]));

  const byId = new Map(options.fields.map((f) => [f.id, f]));
  const required = layout === 'wide' ? options.fields.filter((f) => f.required || f.id === options.idField) : [byId.get(options.idField)].filter((f) => f !== undefined);
  const missing = required.filter((f) => !fieldColumns.has(f.id)).map(describeField);
  if (layout === 'long') {
    if (!roles.has('key')) missing.push(`${LONG_KEY_HEADERS.filter((h) => /\p{Script=Hangul}/u.test(h)).join('/')} (indicator)`);
    if (!roles.has('value')) missing.push(`${LONG_VALUE_HEADERS.filter((h) => /\p{Script=Hangul}/u.test(h)).join('/')} (value)`);
  }
  if (missing.length > 0) {
    problems.push(problem('HEADER_MISSING_REQUIRED', 'error', options.at, { columns: missing.join(', '), count: missing.length }));
  }
  const optional = layout === 'wide' ? options.fields.filter((f) => !fieldColumns.has(f.id) && !required.includes(f)) : [];
  if (optional.length > 0) {
    problems.push(problem('HEADER_OPTIONAL_MISSING', 'info', options.at, { columns: optional.map(describeField).join(', ') }));
  }
  if (missing.length > 0 || duplicates.length > 0) return { problems };
  const plan: HeaderPlan =
    layout === 'long'
      ? { layout, headers: cells, fieldColumns, keyColumn: roles.get('key')!, valueColumn: roles.get('value')! }
      : { layout, headers: cells, fieldColumns };
  return { plan, problems };
}
