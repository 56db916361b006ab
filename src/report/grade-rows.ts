import { formatNumber, formatPoints } from '../core/format-number.js';
import type { RankedRows } from '../core/ranked-rows.js';
import { textOf, type Located } from '../core/text-column.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import { renderMessage } from '../messages/index.js';
import { pickLabel } from '../messages/label.js';
import type { GradeDocument } from './grade-document.js';

/**
 * What a cell of a ranking line shows: text, points with two decimals, a whole number, or a rank within a
 * group with the group's size ("3/17"); a number that is null shows as "-". Kept as data so the terminal table
 * and the CSV say the same thing, and the CSV can write the numbers as bytes without making a string of each.
 */
export type CellSpec =
  | { readonly kind: 'text'; readonly text: (rows: RankedRows, position: number) => string }
  /** a text that may be read as the code units it is kept as (an id or a name of a graded table: no string made) */
  | {
      readonly kind: 'packed';
      readonly units: (rows: RankedRows, position: number) => Readonly<Located> | undefined;
      readonly text: (rows: RankedRows, position: number) => string;
    }
  | { readonly kind: 'points'; readonly value: (rows: RankedRows, position: number) => number | null }
  | { readonly kind: 'whole'; readonly value: (rows: RankedRows, position: number) => number | null }
  | { readonly kind: 'rankOf'; readonly value: (rows: RankedRows, position: number) => number | null; readonly of: (rows: RankedRows, position: number) => number };

/** Where a cell goes: as text (`AS_TEXT`), or as CSV bytes (`CsvBytes`), each writing the numbers its own way. */
export interface CellWriter<R> {
  text(value: string): R;
  /** a text given as its UTF-16 code units */
  units(located: Readonly<Located>): R;
  /** points with two decimals, rounded half up (formatPoints) */
  points(value: number): R;
  /** a whole number, as String writes it */
  whole(value: number): R;
  /** a rank and the group's size, "3/17" */
  wholeOf(value: number, of: number): R;
}

/** Cells as the text they show. */
const AS_TEXT: CellWriter<string> = {
  text: (value) => value,
  units: textOf,
  points: formatPoints,
  whole: String,
  wholeOf: (value, of) => `${value}/${of}`,
};

/** Hands what a cell shows to `out`; a number that is null shows as "-". */
export function showCell<R>(cell: CellSpec, rows: RankedRows, position: number, out: CellWriter<R>): R {
  switch (cell.kind) {
    case 'text':
      return out.text(cell.text(rows, position));
    case 'packed': {
      const located = cell.units(rows, position);
      return located === undefined ? out.text(cell.text(rows, position)) : out.units(located);
    }
    case 'points': {
      const value = cell.value(rows, position);
      return value === null ? out.text('-') : out.points(value);
    }
    case 'whole': {
      const value = cell.value(rows, position);
      return value === null ? out.text('-') : out.whole(value);
    }
    case 'rankOf': {
      const value = cell.value(rows, position);
      return value === null ? out.text('-') : out.wholeOf(value, cell.of(rows, position));
    }
  }
}

/** The text a cell shows. */
export function cellText(cell: CellSpec, rows: RankedRows, position: number): string {
  return showCell(cell, rows, position, AS_TEXT);
}

export interface GradeColumn {
  readonly key: string;
  readonly header: string;
  readonly numeric: boolean;
  readonly cell: CellSpec;
}

/** One flat row per institution, shared by the terminal table and the CSV so both say the same thing. */
export interface GradeRow {
  readonly columns: readonly GradeColumn[];
  /** the cell texts of the line at a ranked position */
  readonly values: (rows: RankedRows, position: number) => string[];
}

/** Texts of a list joined; an empty list (nearly every line) costs nothing. */
function joinTexts<T>(items: readonly T[], text: (item: T) => string, separator: string): string {
  return items.length === 0 ? '' : items.map(text).join(separator);
}

/** The columns and cell texts of the ranked result list; `fieldLabel` names a peer-group field. */
export function gradeRows(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string): GradeRow {
  const text = (key: string, header: string, cellTextOf: (rows: RankedRows, p: number) => string): GradeColumn => ({
    key,
    header,
    numeric: false,
    cell: { kind: 'text', text: cellTextOf },
  });
  const packed = (
    key: string,
    header: string,
    units: (rows: RankedRows, p: number) => Readonly<Located> | undefined,
    cellTextOf: (rows: RankedRows, p: number) => string,
  ): GradeColumn => ({
    key,
    header,
    numeric: false,
    cell: { kind: 'packed', units, text: cellTextOf },
  });
  const groupColumns = doc.groupBy.flatMap((field, g): GradeColumn[] => [
    text(`group:${field}`, fieldLabel(field), (rows, p) => rows.group(p, g) ?? ''),
    {
      key: `groupRank:${field}`,
      header: heading('groupRank', lang, fieldLabel(field)),
      numeric: true,
      cell: { kind: 'rankOf', value: (rows, p) => rows.groupRank(p, g), of: (rows, p) => rows.groupSize(p, g) },
    },
  ]);
  const domainColumns = doc.rubric.domains.map(
    (d, i): GradeColumn => ({
      key: `domain:${d.id}`,
      header: `${pickLabel(d.label, lang)}(${formatNumber(d.points)})`,
      numeric: true,
      cell: { kind: 'points', value: (rows, p) => rows.domainPoints(p, i) },
    }),
  );
  const withheldStatus = heading('withheldStatus', lang);
  const columns: GradeColumn[] = [
    { key: 'rank', header: heading('rank', lang), numeric: true, cell: { kind: 'whole', value: (rows, p) => rows.rank(p) } },
    packed('id', heading('id', lang), (rows, p) => rows.idUnits(p), (rows, p) => rows.id(p)),
    packed('name', heading('name', lang), (rows, p) => rows.nameUnits(p), (rows, p) => rows.name(p)),
    ...groupColumns,
    ...domainColumns,
    { key: 'total', header: `${heading('total', lang)}(${formatNumber(doc.rubric.total)})`, numeric: true, cell: { kind: 'points', value: (rows, p) => rows.total(p) } },
    text('grade', heading('grade', lang), (rows, p) => rows.grade(p) ?? withheldStatus),
    text('withheld', heading('withheld', lang), (rows, p) => joinTexts(rows.withheld(p), (w) => renderMessage(w.code, w.args, lang), '; ')),
    text('limiters', heading('limiters', lang), (rows, p) =>
      joinTexts(
        rows.limiters(p).filter((l) => l.effect !== 'withhold'), // a withholding limiter already speaks in the withheld column
        (l) => `${pickLabel(l.label, lang)} (${renderMessage(l.detail.code, l.detail.args, lang)})`,
        '; ',
      ),
    ),
    text('followUp', heading('followUp', lang), (rows, p) => joinTexts(rows.followUp(p), (f) => pickLabel(f, lang), ', ')),
  ];
  return { columns, values: (rows, p) => columns.map((c) => cellText(c.cell, rows, p)) };
}
