import { stringify } from 'csv-stringify/sync';
import type { RankedRows } from '../core/ranked-rows.js';
import type { RankingData } from '../core/ranking.js';
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

/** What a second thread needs to write ranking lines: the ranking (read in place), and the words of the lines. */
export interface CsvLinesJob {
  readonly ranking: RankingData;
  readonly doc: GradeDocument;
  readonly lang: Lang;
  /** the labels of the group-by fields */
  readonly fieldLabels: Readonly<Record<string, string>>;
}

/**
 * A second thread that writes the later lines of a large ranking while this one writes the earlier ones (the
 * CLI gives one when the ranking goes to a file). What it writes is kept aside until it is asked for.
 */
export interface SecondWriter {
  /** the fewest lines worth a second thread */
  readonly minLines: number;
  /** Starts writing the lines from ranked position `from` (the first of tied lines) to the end. */
  start(from: number): LaterLines;
}

/** The later lines being written by a second thread. */
export interface LaterLines {
  /** their bytes, in pieces valid until two more are asked for, once all are written; undefined when they must be written here after all */
  readonly done: Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Stops the thread and removes what it kept aside (also once the pieces were read, or when they never will be). */
  stop(): Promise<void>;
}

/**
 * Where the ranking is cut for two threads: in half. Measured at a million lines, the halves end within about
 * 0.1 s of each other, either first: this thread's other work (hashing, writing the file, reading the other half
 * back) is about what the other thread's cold start costs it.
 */
const FIRST_SHARE = 0.5;

/**
 * The ranked results as CSV for Korean Excel, in pieces: UTF-8 with BOM, cells that start like a formula escaped,
 * ids written as the text they are (leading zeros kept), the rubric stamped on every line. A large ranking is
 * written by two threads when `second` is given: the later lines come from it, in order, after the earlier ones.
 * A piece is valid until two more have been asked for (buffers are reused): write it, or copy it, before then.
 */
export async function* gradeCsvChunks(
  doc: GradeDocument,
  rows: RankedRows,
  lang: Lang,
  fieldLabel: (field: string) => string,
  second?: SecondWriter,
): AsyncGenerator<string | Uint8Array> {
  const { header } = gradeCsvCells(doc, lang, fieldLabel);
  yield stringify([header], { ...GRADE_CSV_OPTIONS, bom: true });
  // at the start of a run of tied lines: each thread puts the lines it writes in order
  const split = second !== undefined && rows.count >= second.minLines ? rows.runStart(Math.floor(rows.count * FIRST_SHARE)) : rows.count;
  const later = split < rows.count ? second!.start(split) : undefined;
  try {
    yield* gradeCsvLines(doc, rows, lang, fieldLabel, 0, split);
    yield* (await later?.done) ?? gradeCsvLines(doc, rows, lang, fieldLabel, split, rows.count);
  } finally {
    await later?.stop();
  }
}

/**
 * The ranking lines at ranked positions `from` to `to` (no header), in pieces. Lines are read from `rows` one at
 * a time and written as bytes, so a million institutions are written without the file, a result list or a string
 * per cell in memory. Byte for byte what csv-stringify writes: a line whose cells all stand as they are (nearly
 * all) is written directly; any other goes through csv-stringify. A piece is valid until two more are asked for.
 */
export function* gradeCsvLines(
  doc: GradeDocument,
  rows: RankedRows,
  lang: Lang,
  fieldLabel: (field: string) => string,
  from: number,
  to: number,
): Generator<Uint8Array> {
  const { specs, cells, stamp } = gradeCsvCells(doc, lang, fieldLabel);
  const lines = rows.within(from, to);
  const out = new CsvBytes();
  const end = Buffer.from(stringify([['', ...stamp]], GRADE_CSV_OPTIONS));
  const plainEnd = end.toString() === `,${stamp.join(',')}\r\n`;
  for (let p = from; p < to; p += 1) {
    out.beginLine();
    for (const spec of specs) showCell(spec, lines, p, out);
    if (plainEnd && out.isPlain) out.raw(end);
    else {
      out.dropLine();
      out.raw(Buffer.from(stringify([[...cells(lines, p), ...stamp]], GRADE_CSV_OPTIONS)));
    }
    const piece = out.full();
    if (piece !== undefined) yield piece;
  }
  const rest = out.take();
  if (rest.length > 0) yield rest;
}
