import type { CellValue } from 'exceljs';
import type { RawValue } from '../core/parse/raw.js';
import { isFormula, rawCellValue } from './xlsx-cells.js';
import { attribute, elements } from './xml-text.js';

/** A merged range of cells, by row (line) and column numbers, both 1-based and inclusive. */
export interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const columnNumber = (letters: string) => [...letters].reduce((n, letter) => n * 26 + (letter.charCodeAt(0) - 64), 0);

/** A cell's place as one number (any column a cell address can name stays below 2^20). */
export const cellKey = (line: number, column: number) => line * 2 ** 20 + column;

/**
 * The cells with a hyperlink to a target outside the workbook (by `cellKey`), from the `<hyperlinks>` a sheet lists
 * after its rows, or undefined when one names a relationship the sheet does not have (exceljs cannot load such a
 * sheet) or a `<hyperlink>` stands elsewhere. A link whose `ref` is not a single cell's address matches no cell for
 * exceljs either, and a link within the workbook (`location`, no relationship) or to an empty target leaves the
 * cell as it is: those are left out.
 */
export function parseLinks(xml: string, relations: ReadonlyMap<string, string>): Set<number> | undefined {
  const listed = onlyWithin(xml, 'hyperlinks', 'hyperlink');
  if (listed === undefined) return undefined;
  const links = new Set<number>();
  for (const { tag } of elements(listed, 'hyperlink')) {
    const relation = attribute(tag, 'r:id');
    if (!relation) continue;
    const target = relations.get(relation);
    if (target === undefined) return undefined;
    if (!target) continue;
    const cell = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(attribute(tag, 'ref') ?? '');
    if (cell) links.add(cellKey(Number(cell[2]), columnNumber(cell[1]!)));
  }
  return links;
}

/** More merged cells than this (a range over a whole sheet…) are left to exceljs, which goes through each of them. */
const MAX_MERGED_CELLS = 1 << 20;

/**
 * The merged ranges of a sheet, from the `<mergeCells>` it lists after its rows, or undefined when one is not a
 * plain range of two or more cells within column XFD, overlaps another (exceljs refuses such a workbook: it is
 * left to it), a `<mergeCell>` stands elsewhere, or the ranges cover more than MAX_MERGED_CELLS cells.
 */
export function parseMerges(xml: string): Merge[] | undefined {
  const listed = onlyWithin(xml, 'mergeCells', 'mergeCell');
  if (listed === undefined) return undefined;
  const merges: Merge[] = [];
  // every merged cell, to find overlaps in one pass (exceljs visits every cell of a range too)
  const covered = new Set<number>();
  for (const [, ref] of listed.matchAll(/<mergeCell\s+ref="([^"]*)"\s*\/>/g)) {
    const match = /^([A-Z]{1,3})([1-9][0-9]{0,6}):([A-Z]{1,3})([1-9][0-9]{0,6})$/.exec(ref!);
    if (!match) return undefined;
    const merge = { top: Number(match[2]), left: columnNumber(match[1]!), bottom: Number(match[4]), right: columnNumber(match[3]!) };
    if (merge.bottom < merge.top || merge.right < merge.left || (merge.bottom === merge.top && merge.right === merge.left) || merge.right > 16_384) return undefined;
    if (covered.size + (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1) > MAX_MERGED_CELLS) return undefined;
    for (let line = merge.top; line <= merge.bottom; line += 1) {
      for (let column = merge.left; column <= merge.right; column += 1) {
        const key = cellKey(line, column);
        if (covered.has(key)) return undefined;
        covered.add(key);
      }
    }
    merges.push(merge);
  }
  // every <mergeCell> must have been read as one of them
  return (listed.match(/<mergeCell\b/g)?.length ?? 0) === merges.length ? merges : undefined;
}

/**
 * The body of the one `<list>` in `xml` when every `<item>` stands in it ('' when there is neither), or undefined:
 * exceljs reads items only there, and a comment (which it skips) is not followed here.
 */
function onlyWithin(xml: string, list: string, item: string): string | undefined {
  const count = (text: string) => text.match(new RegExp(`<${item}\\b`, 'g'))?.length ?? 0;
  const lists = [...elements(xml, list)];
  const all = count(xml);
  if (all === 0 && lists.length === 0) return '';
  if (lists.length !== 1 || xml.includes('<!--')) return undefined;
  const body = lists[0]!.body;
  return count(body) === all ? body : undefined;
}

/**
 * What exceljs gives the cells of merged ranges: every cell but the top-left one (the master) reads the master's
 * value, in its own number format (exceljs merges without styles when it loads a workbook), and a formula master
 * gives them its formula without a cached result (a merged cell has none of its own).
 */
export class MergedCells {
  private readonly byMaster = new Map<number, Merge>();
  /** the ranges that reach each row (parseMerges keeps their cells few enough to list them so) */
  private readonly byLine = new Map<number, Merge[]>();
  private readonly masterValues = new Map<Merge, CellValue>();
  /** the last row a range reaches: exceljs makes the rows up to it */
  readonly lastLine: number;

  constructor(merges: readonly Merge[]) {
    for (const merge of merges) {
      this.byMaster.set(cellKey(merge.top, merge.left), merge);
      for (let line = merge.top; line <= merge.bottom; line += 1) {
        const reaching = this.byLine.get(line);
        if (reaching === undefined) this.byLine.set(line, [merge]);
        else reaching.push(merge);
      }
    }
    this.lastLine = merges.reduce((last, merge) => Math.max(last, merge.bottom), 0);
  }

  /** Notes a cell's value (as exceljs has it) when it is a range's master. */
  noteCell(line: number, column: number, value: CellValue): void {
    const merge = this.byMaster.get(cellKey(line, column));
    if (merge !== undefined) this.masterValues.set(merge, value);
  }

  /** Puts the merged cells of the row into `cells`; `numFmtOf` gives a column's own cell's number format in the row. */
  fill(line: number, cells: (RawValue | undefined)[], numFmtOf: (column: number) => string | undefined): void {
    for (const merge of this.byLine.get(line) ?? []) {
      const master = this.masterValues.get(merge) ?? null;
      const value = isFormula(master) ? ({ ...master, result: undefined } as CellValue) : master;
      for (let column = merge.left; column <= merge.right; column += 1) {
        if (line === merge.top && column === merge.left) continue;
        cells[column - 1] = rawCellValue(value, numFmtOf(column));
      }
    }
  }
}
