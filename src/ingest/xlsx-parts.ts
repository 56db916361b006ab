import { inflateRawSync } from 'node:zlib';
import { storedBytes, type ZipEntry } from './zip.js';
import { attribute, decodeXmlText, elements } from './xml-text.js';

/** One sheet as the workbook lists it. */
export interface SheetPart {
  readonly name: string;
  readonly state: string;
  /** the zip entry of its XML */
  readonly entry: ZipEntry;
  /** its relationships (`xl/worksheets/_rels/….rels`), id to target ('' when it has none): a hyperlink names its target by one */
  readonly relations: ReadonlyMap<string, string>;
}

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface WorkbookParts {
  /** in workbook order, as exceljs gives them */
  readonly sheets: readonly SheetPart[];
  readonly date1904: boolean;
  readonly sharedStrings: readonly string[];
  /** the number format of a cell style (the `s` attribute), as exceljs resolves it */
  readonly numFmtOf: (style: number) => string | undefined;
}

/** An entry's content, inflated; undefined when it is missing or damaged. */
function entryContent(bytes: Uint8Array, entry: ZipEntry | undefined): Buffer | undefined {
  if (entry === undefined) return undefined;
  const stored = storedBytes(bytes, entry);
  if (stored === undefined) return undefined;
  if (entry.method === 0) return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (entry.method !== 8) return undefined;
  try {
    return inflateRawSync(stored);
  } catch {
    return undefined;
  }
}

/** `_x000D_`-style escapes in shared strings, which exceljs turns back into characters. */
const unescapeX = (text: string) => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** The text of every `<t>` in `xml`, entities and `_xHHHH_` escapes undone, joined. */
function texts(xml: string): string {
  let text = '';
  for (const { body } of elements(xml, 't')) text += unescapeX(decodeXmlText(body));
  return text;
}

/** A shared string: plain or rich text (runs joined), phonetic guides left out, as exceljs reads it. */
function sharedString(body: string): string {
  return texts(body.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, ''));
}

/**
 * Reads the workbook's sheet list, date system, number formats and shared strings: the small parts around the
 * sheet data. Undefined when a part is missing or damaged, so that the careful reader can say what is wrong.
 */
export function readWorkbookParts(bytes: Uint8Array, entries: readonly ZipEntry[]): WorkbookParts | undefined {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const text = (name: string) => entryContent(bytes, byName.get(name))?.toString('utf8');
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (workbook === undefined || rels === undefined) return undefined;
  const targets = new Map<string, string>();
  for (const { tag } of elements(rels, 'Relationship')) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id !== undefined && target !== undefined) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: SheetPart[] = [];
  for (const { tag } of elements(workbook, 'sheet')) {
    const target = targets.get(attribute(tag, 'r:id') ?? '');
    const entry = target === undefined ? undefined : byName.get(target);
    const name = attribute(tag, 'name');
    if (entry === undefined || name === undefined) return undefined;
    const slash = entry.name.lastIndexOf('/');
    const sheetRels = text(`${entry.name.slice(0, slash + 1)}_rels/${entry.name.slice(slash + 1)}.rels`) ?? '';
    const relations = new Map([...elements(sheetRels, 'Relationship')].map(({ tag }) => [attribute(tag, 'Id') ?? '', attribute(tag, 'Target') ?? ''] as const));
    sheets.push({ name, state: attribute(tag, 'state') ?? 'visible', entry, relations });
  }
  const properties = elements(workbook, 'workbookPr').next().value;
  const date1904 = properties !== undefined && attribute(properties.tag, 'date1904') === '1';

  const styles = text('xl/styles.xml') ?? '';
  const customFormats = new Map<number, string>();
  for (const { tag } of elements(styles, 'numFmt')) customFormats.set(Number(attribute(tag, 'numFmtId')), attribute(tag, 'formatCode') ?? '');
  const cellXfs = elements(styles, 'cellXfs').next().value?.body ?? '';
  const xfFormats = [...elements(cellXfs, 'xf')].map(({ tag }) => parseInt(attribute(tag, 'numFmtId') ?? '', 10));
  // exceljs takes no style for style 0 (it tests the index for truth), whatever format xf 0 has
  const numFmtOf = (style: number) => {
    if (!style) return undefined;
    const id = xfFormats[style];
    if (id === undefined || !id) return undefined;
    return customFormats.get(id) || BUILT_IN_FORMATS[id];
  };

  const shared = byName.has('xl/sharedStrings.xml') ? text('xl/sharedStrings.xml') : '';
  if (shared === undefined) return undefined;
  const sharedStrings = [...elements(shared, 'si')].map(({ body }) => sharedString(body));
  return { sheets, date1904, sharedStrings, numFmtOf };
}

/** The built-in number formats exceljs 4.4.0 knows by id (lib/xlsx/defaultnumformats.js, those with one code for every locale). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};
