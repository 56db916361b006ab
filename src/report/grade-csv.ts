import { stringify } from 'csv-stringify/sync';
import type { RankedRows } from '../core/ranked-rows.js';
import type { Lang } from '../messages/catalogue.js';
import { heading } from '../messages/headings.js';
import { CsvBytes } from './csv-bytes.js';
import type { GradeDocument } from './grade-document.js';
import { cellText, gradeRows, showCell, type CellSpec } from './grade-rows.js';

/** How the ranking is written: formula-like cells escaped, CRLF line ends (a BOM goes before the header). */
export const GRADE_CSV_OPTIONS = { escape_formulas: true, record_delimiter: 'windows' } as const;

/** The ranking's header, each line's cells, and the rubric stamp (id@version, sha256) that ends every line. */
export function gradeCsvCells(doc: GradeDocument, lang: Lang, fieldLabel: (field: string) => string) {
  const { columns } = gradeRows(doc, lang, fieldLabel);
  const status = { graded: heading('graded', lang), withheld: heading('withheldStatus', lang) };
  const specs: CellSpec[] = [
    ...columns.map((c) => c.cell),
    { kind: 'text', text: (rows, p) => status[rows.status(p)] },
    { kind: 'text', text: (rows, p) => rows.coverage(p).toFixed(1) },
  ];
  const header = [...columns.map((c) => c.header), heading('status', lang), heading('coverage', lang), heading('rubric', lang), 'sha256'];
  const stamp = [`${doc.rubric.id}@${doc.rubric.version}`, doc.rubric.sha256];
  const cells = (rows: RankedRows, p: number) => specs.map((spec) => cellText(spec, rows, p));
  return { header, specs, cells, stamp };
}

/**
 * The ranked results as CSV for Korean Excel, in pieces: UTF-8 with BOM, cells that start like a formula escaped,
 * ids written as the text they are (leading zeros kept), the rubric stamped on every line. Lines are read from
 * `rows` one at a time and written as bytes, so a million institutions are written without the file, a result
 * list or a string per cell in memory. Byte for byte what csv-stringify writes: a line whose cells all stand as
 * they are (nearly all) is written directly; any other goes through csv-stringify.
 */
export function* gradeCsvChunks(doc: GradeDocument, rows: RankedRows, lang: Lang, fieldLabel: (field: string) => string): Generator<string | Uint8Array> {
  const { header, specs, cells, stamp } = gradeCsvCells(doc, lang, fieldLabel);
  yield stringify([header], { ...GRADE_CSV_OPTIONS, bom: true });
  const out = new CsvBytes();
  const end = Buffer.from(stringify([['', ...stamp]], GRADE_CSV_OPTIONS));
  const plainEnd = end.toString() === `,${stamp.join(',')}\r\n`;
  for (let p = 0; p < rows.count; p += 1) {
    out.beginLine();
    for (const spec of specs) showCell(spec, rows, p, out);
    if (plainEnd && out.isPlain) out.raw(end);
    else {
      out.dropLine();
      out.raw(Buffer.from(stringify([[...cells(rows, p), ...stamp]], GRADE_CSV_OPTIONS)));
    }
    const piece = out.full();
    if (piece !== undefined) yield piece;
  }
  const rest = out.take();
  if (rest.length > 0) yield rest;
}
