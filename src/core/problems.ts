/** Problems are data: a code, a severity, a position and message arguments; reporters turn them into text. */
export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is: any subset of file, sheet, rows, column, field or a path inside a rubric file. */
export interface Position {
  /** input or rubric file path as the user gave it */
  file?: string;
  sheet?: string;
  /** 1-based data row (the first record after the header is 1) */
  row?: number;
  /** 1-based physical line in a text file, or the sheet row number in a workbook */
  line?: number;
  /** spreadsheet column letter (A, B, …, AA) */
  column?: string;
  /** header text as found in the file */
  header?: string;
  /** rubric field or indicator id */
  field?: string;
  /** institution id the problem concerns */
  institution?: string;
  /** path inside a rubric document, e.g. indicators[3].method.bands[1].atLeast */
  path?: string;
}

export type MessageArgs = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly code: string;
  readonly severity: Severity;
  readonly position: Position;
  /** the offending value as found, when there is one */
  readonly value?: string;
  readonly args: MessageArgs;
}

/** Builds a problem; `args` feed the message template of `code`. */
export function problem(
  code: string,
  severity: Severity,
  position: Position,
  args: MessageArgs = {},
  value?: string,
): Problem {
  return value === undefined ? { code, severity, position, args } : { code, severity, position, args, value };
}

/** True when any problem is an error. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
