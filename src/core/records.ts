import type { Problem } from './problems.js';
import type { FieldValue } from './values.js';

/** Where a record came from: file, optional sheet, 1-based data row and physical line (or sheet row). */
export interface SourceRef {
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
  readonly line: number;
}

/** One institution's typed values, by rubric field id. A field absent from the map, or null, is missing. */
export interface InstitutionRecord {
  readonly id: string;
  readonly name: string;
  readonly values: ReadonlyMap<string, FieldValue>;
  readonly source: SourceRef;
}

/** What grading reads of a record: a kept `InstitutionRecord`, or a view of one row the fast CSV reader reuses. */
export interface GradableRecord {
  readonly id: string;
  readonly name: string;
  readonly values: { get(field: string): FieldValue | undefined };
  readonly source: SourceRef;
  /** the same values as one array by field slot, when the reader holds them so: read without a lookup each */
  readonly slots?: FieldSlots;
}

/** Values by slot, and each field's slot (the same map for every row of a table). */
export interface FieldSlots {
  readonly slotOf: ReadonlyMap<string, number>;
  readonly values: readonly FieldValue[];
}

/** An input file as read: path as given, sha256 of its bytes, and how it was read. */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  readonly records: number;
  readonly encoding?: string;
  readonly delimiter?: string;
  readonly sheet?: string;
  /** 2 when the file's second half was read on another thread */
  readonly threads?: number;
}

/** Everything read from the inputs: records, the problems found, and the files. */
export interface DataSet {
  readonly records: readonly InstitutionRecord[];
  readonly problems: readonly Problem[];
  readonly inputs: readonly InputFile[];
}
