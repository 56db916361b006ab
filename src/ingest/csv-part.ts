import type { HeaderPlan } from '../core/headers.js';
import type { PartShift } from '../core/grader.js';
import type { TextColumn } from '../core/text-column.js';
import type { TableValidator } from '../core/validate.js';
import { fileSource } from './bytes.js';
import { readPlainBytes } from './plain-bytes.js';

/**
 * Reading a large CSV on two threads: this thread reads the lines before a line start in the middle, another
 * reads, admits and grades the lines from there on (`readCsvPart`), and its records are taken as they are when
 * every line of both halves was read plainly and admitted quietly, with no id in both. Anything else (a line that
 * needs the careful reader, a repeated id, a blank line) and the second half is read here after all, so results
 * and reports are the same either way. Given by a command that streams records into a grader.
 */
export interface SecondReader {
  /** the smallest file worth a second thread */
  readonly minBytes: number;
  /** Gets the other thread ready (starting one takes a while: long enough to scan a large file meanwhile). */
  prepare(): PreparedReader;
}

/** A second thread ready to read part of a file. */
export interface PreparedReader {
  /** Starts reading the file's lines from `job.start` on: the part read, or undefined when it must be read here after all. */
  start(job: PartJob): Promise<ReadPart | undefined>;
  /** Ends the thread, whether it read or not (nothing is taken from it after). */
  stop(): void;
}

/** Which lines another thread reads, and how this thread reads them. */
export interface PartJob {
  /** the file to read, and its name as problems give it */
  readonly path: string;
  readonly file: string;
  /** the byte offset of the first line to read, a line start */
  readonly start: number;
  readonly plan: HeaderPlan;
  readonly delimiter: string;
  readonly recordDelimiter: string;
  readonly maxRecordChars: number;
  /** about how many records the lines hold (an estimate from the file's first lines) */
  readonly expectedRecords: number;
}

/** The records another thread read and graded, by their position in its part (data rows and lines from 1). */
export interface ReadPart {
  readonly ids: TextColumn;
  row(index: number): number;
  line(index: number): number;
  /** adds the part's graded records to this thread's, after the records read here */
  take(shift: PartShift): void;
}

/** Thrown out of the reader when a line needs the careful reader: the part is not taken. */
const NEEDS_CARE = Symbol('needs care');

/**
 * Reads the lines of `job` into `table` (a table continuing the file's, see `DataValidator.openTable`): true when
 * every line was read plainly and taken from its bytes, false as soon as one was not.
 */
export async function readCsvPart(job: PartJob, table: TableValidator): Promise<boolean> {
  let line = 1;
  try {
    const rest = await readPlainBytes(
      fileSource(job.path, job.start)(),
      { delimiter: job.delimiter, maxRecordChars: job.maxRecordChars },
      {
        onRow: (row) => {
          if (!table.pushBytes(row, line)) throw NEEDS_CARE;
          line += 1;
        },
        onCells: () => {
          throw NEEDS_CARE;
        },
      },
      { continues: { recordDelimiter: job.recordDelimiter } },
    );
    return rest === undefined;
  } catch (error) {
    if (error === NEEDS_CARE) return false;
    throw error;
  }
}
