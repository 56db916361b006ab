import type { CompiledCheck, CompiledIndicator, CompiledRubric } from '../rubric/model.js';
import type { Field } from '../rubric/schema.js';
import { evaluate, referencedNames, type EvalContext, type EvalResult } from './expression.js';
import { FastRowReader, type ByteRow } from './fast-rows.js';
import { FirstSeen } from './first-seen.js';
import type { TextColumn } from './text-column.js';
import { buildHeaderIndex, columnLetter, headerKey, headerScore, longRole, matchHeader, planHeaders, type HeaderPlan, type Layout } from './headers.js';
import { cellText, parseFieldValue, type CellContext } from './parse/field.js';
import { isBlankCell, type RawRow, type RawValue } from './parse/raw.js';
import { ownString } from './own-string.js';
import { ProblemLog, type ProblemTally } from './problem-log.js';
import { problem, type MessageArgs, type Position, type Problem, type Severity } from './problems.js';
import type { GradableRecord, InstitutionRecord, SourceRef } from './records.js';
import { formatValue, type FieldValue, type PlainDate } from './values.js';

/** What records are read against: the fields, which field is the id and the name, and what must hold. */
export interface RecordSpec {
  readonly fields: readonly Field[];
  readonly idField: string;
  readonly nameField: string;
  readonly checks: readonly CompiledCheck[];
  readonly indicators: readonly CompiledIndicator[];
}

/** The record spec of a rubric: its fields, its checks and its indicators (those with missing: fail are checked). */
export function recordSpecOf(rubric: CompiledRubric): RecordSpec {
  return {
    fields: rubric.rubric.fields,
    idField: rubric.rubric.idField,
    nameField: rubric.rubric.nameField,
    checks: rubric.checks,
    indicators: rubric.indicators,
  };
}

export interface ValidateOptions {
  readonly asOf: PlainDate;
  readonly layout: Layout | 'auto';
  /** keep at most this many errors (0 or undefined: all); the rest are only counted */
  readonly maxErrors?: number;
  /**
   * given: each record is handed on as it is admitted and not kept (a million records stream to the grader);
   * plain CSV rows then come as a view read straight from the bytes, valid only during the call
   */
  readonly onRecord?: (record: GradableRecord) => void;
  /** told, with `onRecord`, about how many more records a large table holds (an estimate), to make room at once */
  readonly onExpect?: (records: number) => void;
}

/** One table being read: a CSV file or a workbook sheet. */
export interface TableSource {
  readonly file: string;
  readonly sheet?: string;
  /** serial dates count from 1904 (a workbook setting) */
  readonly date1904: boolean;
  /** every row should have as many cells as the header row (CSV; a workbook simply leaves trailing cells out) */
  readonly fixedWidth: boolean;
}

/** Records read so far, the problems kept, the counts of all problems, and the institutions with errors. */
export interface Validation {
  /** the records, unless they were handed to `onRecord` as they came */
  readonly records: readonly InstitutionRecord[];
  readonly problems: readonly Problem[];
  readonly tally: ProblemTally;
  /** institutions that any error concerns (complete even when problems were cut at --max-errors) */
  readonly invalidInstitutions: ReadonlySet<string>;
}

/** How many rows from the top of a table are searched for the header row (title rows may come first). */
export const HEADER_SEARCH_ROWS = 30;

/** Where a cell is, worked out only when a problem is reported (building a position for every cell is costly). */
type Locate = () => Position;

/** A record being assembled, with where each value came from so later problems can point at the cell. */
interface Draft {
  readonly id: string;
  readonly source: SourceRef;
  readonly idPosition: Locate;
  readonly values: Map<string, FieldValue>;
  readonly positions: Map<string, Locate>;
  /** each field's cell as read; its text is worked out only for a problem (a number's text costs a conversion) */
  readonly cells: Map<string, RawValue | undefined>;
  /** fields already reported, so an indicator or check does not report the same cell again */
  readonly flagged: Set<string>;
}

/**
 * Turns raw rows into typed institution records and problems, table after table (files, sheets), so that
 * duplicate ids are found across files. Pure: the readers in src/ingest feed it rows.
 */
export class DataValidator {
  private readonly log: ProblemLog;
  private readonly records: InstitutionRecord[] = [];
  /** where each id was first seen, as `fileIndex * 2**32 + line` */
  private readonly seen = new FirstSeen();
  private readonly seenFiles: string[] = [];
  /** ids taken by `claimAll`, not yet noted in `seen` */
  private readonly unnoted: { ids: TextColumn; sourceAt: (index: number) => SourceRef }[] = [];
  readonly fieldById: ReadonlyMap<string, Field>;
  readonly headerIndex: ReadonlyMap<string, string>;
  /** long layout: names of fields and of indicators that read one field → field id */
  readonly itemIndex: ReadonlyMap<string, string>;
  /** indicators whose value may not be missing */
  private readonly requiredIndicators: readonly CompiledIndicator[];

  constructor(
    readonly spec: RecordSpec,
    readonly options: ValidateOptions,
  ) {
    this.log = new ProblemLog(options.maxErrors);
    this.fieldById = new Map(spec.fields.map((f) => [f.id, f]));
    this.headerIndex = buildHeaderIndex(spec.fields);
    const items = new Map(this.headerIndex);
    for (const { indicator } of spec.indicators) {
      if (indicator.field === undefined) continue;
      for (const name of [indicator.id, indicator.label.ko, indicator.label.en]) {
        const key = name === undefined ? '' : headerKey(name);
        if (key !== '' && !items.has(key)) items.set(key, indicator.field);
      }
    }
    this.itemIndex = items;
    this.requiredIndicators = spec.indicators.filter((ci) => ci.missing === 'fail');
  }

  /**
   * Starts a table; feed it rows, then end it. With `plan`, the table continues one whose header was found elsewhere
   * (later lines of a file read on another thread): its rows are data rows read by that plan, counted from 1.
   */
  openTable(source: TableSource, plan?: HeaderPlan): TableValidator {
    this.noteClaimed();
    return new TableValidator(this, source, plan);
  }

  /** Makes room for about `records` more records (an estimate, from a file's size): ids, and what `onExpect` keeps. */
  expectMore(records: number): void {
    this.seen.expectMore(records);
    this.options.onExpect?.(records);
  }

  /** Records a problem; file-level problems (`always`) are kept whatever --max-errors says. */
  report(p: Problem, always = false): void {
    if (always) this.log.addAlways(p);
    else this.log.add(p);
  }

  /** Everything validated so far. */
  result(): Validation {
    return {
      records: this.records,
      problems: this.log.problems(),
      tally: this.log.tally(),
      invalidInstitutions: this.log.invalidInstitutions(),
    };
  }

  /** Checks a complete draft (duplicate id, rubric checks, indicators that may not be missing) and keeps it. */
  admit(draft: Draft): boolean {
    const first = this.claim(draft.id, draft.source);
    if (first >= 0) {
      const args = { firstFile: this.seenFiles[Math.floor(first / 2 ** 32)]!, firstLine: first % 2 ** 32 };
      this.report(problem('ID_DUPLICATE', 'error', draft.idPosition(), args, draft.id));
      return false;
    }
    const context: EvalContext = { get: (name) => draft.values.get(name) ?? null, asOf: this.options.asOf };
    this.checkRules(draft, context);
    this.checkRequiredIndicators(draft, context);
    // the draft's own map becomes the record's, with every field of the spec (missing ones null)
    const values = draft.values;
    for (const field of this.spec.fields) if (!values.has(field.id)) values.set(field.id, null);
    const record = { id: draft.id, name: recordName(draft.id, values.get(this.spec.nameField) ?? null), values, source: draft.source };
    if (this.options.onRecord) this.options.onRecord(record);
    else this.records.push(record);
    return true;
  }

  /**
   * Admits a record read on the fast path when admitting it would report nothing: a new id, every rubric check
   * holding (or undecided for want of a value), every indicator that may not be missing computable. False leaves
   * everything as it was, for the careful path to admit the record and report what is wrong.
   */
  admitsQuietly(id: string, source: SourceRef, get: (name: string) => FieldValue): boolean {
    if (this.spec.checks.length > 0 || this.requiredIndicators.length > 0) {
      if (this.seen.at(id) >= 0) return false;
      const context: EvalContext = { get, asOf: this.options.asOf };
      for (const { assert } of this.spec.checks) {
        if (!passesQuietly(evaluate(assert, context))) return false;
      }
      for (const { value } of this.requiredIndicators) if (!evaluate(value, context).ok) return false;
    }
    return this.claim(id, source) < 0;
  }

  /**
   * Claims ids admitted elsewhere (by a table continuing one of this validator's, on another thread; none repeats
   * another) as if they had been admitted here, at their lines. False, and nothing claimed, when one was seen here.
   * They are noted when the next table opens: no row can repeat them before, and after the last table none will.
   */
  claimAll(ids: TextColumn, sourceAt: (index: number) => SourceRef): boolean {
    for (let index = 0; index < ids.length; index += 1) if (this.seen.atText(ids, index) >= 0) return false;
    this.unnoted.push({ ids, sourceAt });
    return true;
  }

  /** Notes the ids `claimAll` took. */
  private noteClaimed(): void {
    for (const { ids, sourceAt } of this.unnoted) {
      for (let index = 0; index < ids.length; index += 1) this.seen.addText(ids, index, this.placeOf(sourceAt(index)));
    }
    this.unnoted.length = 0;
  }

  /** Notes where an id is first seen: -1 when it is new, else where it was seen before (and nothing is noted). */
  private claim(id: string, source: SourceRef): number {
    return this.seen.add(id, this.placeOf(source));
  }

  /** Where a row is, as `seen` keeps it: `fileIndex * 2**32 + line` (files are noted in the order they come). */
  private placeOf(source: SourceRef): number {
    if (this.seenFiles[this.seenFiles.length - 1] !== source.file) this.seenFiles.push(source.file);
    return (this.seenFiles.length - 1) * 2 ** 32 + source.line;
  }

  /** The rubric's checks (e.g. numerator ≤ denominator); one that cannot be decided for want of a value is skipped. */
  private checkRules(draft: Draft, context: EvalContext): void {
    for (const { check, assert } of this.spec.checks) {
      const result = evaluate(assert, context);
      if (passesQuietly(result)) continue;
      const holds = checkHolds(result);
      const names = referencedNames(assert);
      const { position, text } = cellOf(draft, names[0]);
      if (holds === false) {
        const values = names.map((n) => `${n}=${formatValue(draft.values.get(n) ?? null)}`).join(', ');
        const args = { check: check.id, messageKo: check.message.ko, messageEn: check.message.en ?? check.message.ko, values };
        this.report(problem('CHECK_FAILED', check.severity, position, args, text));
      } else if (!result.ok && result.failure.kind === 'divisionByZero') {
        this.report(problem('CHECK_DIVISION_BY_ZERO', 'warning', position, { check: check.id }, text));
      } else {
        const detail = !result.ok && result.failure.kind === 'type' ? result.failure.detail : 'not true or false';
        this.report(problem('CHECK_NOT_EVALUATED', 'warning', position, { check: check.id, detail }, text));
      }
    }
  }

  /** Indicators whose missing policy is `fail` must have a value; fields already reported are not reported again. */
  private checkRequiredIndicators(draft: Draft, context: EvalContext): void {
    for (const { indicator, value } of this.requiredIndicators) {
      const result = evaluate(value, context);
      if (result.ok) continue;
      const labels = { indicator: indicator.id, labelKo: indicator.label.ko, labelEn: indicator.label.en ?? indicator.label.ko };
      const failure = result.failure;
      if (failure.kind === 'missing') {
        const fresh = failure.fields.filter((name) => !draft.flagged.has(name));
        if (fresh.length === 0) continue;
        const { position } = cellOf(draft, fresh[0]);
        this.report(problem('INDICATOR_VALUE_MISSING', 'error', { ...position, field: fresh[0]! }, { ...labels, fields: fresh.join(', ') }));
      } else {
        const { position, text } = cellOf(draft, referencedNames(value)[0]);
        const formula = indicator.formula ?? indicator.field ?? '';
        if (failure.kind === 'divisionByZero') this.report(problem('INDICATOR_DIVISION_BY_ZERO', 'error', position, { ...labels, formula }, text));
        else this.report(problem('INDICATOR_NOT_COMPUTABLE', 'error', position, { ...labels, formula, detail: failure.detail }, text));
      }
    }
  }
}

/** Whether a check's result says it holds: true or a non-zero number holds; undefined when it is neither. */
function checkHolds(result: EvalResult): boolean | undefined {
  if (!result.ok) return undefined;
  return typeof result.value === 'boolean' ? result.value : typeof result.value === 'number' ? result.value !== 0 : undefined;
}

/** A check that holds, or cannot be decided for want of a value: nothing to report. */
function passesQuietly(result: EvalResult): boolean {
  return checkHolds(result) === true || (!result.ok && result.failure.kind === 'missing');
}

/** What a record is called: its name field's value, else its id. */
const recordName = (id: string, name: FieldValue): string => (name === null ? id : formatValue(name));

/** Where a field's value came from in the draft (its cell), else the record's row; and the cell's text. */
function cellOf(draft: Draft, name: string | undefined): { position: Position; text?: string } {
  const recordAt: Position = { ...sourcePosition(draft.source), institution: draft.id };
  if (name === undefined) return { position: recordAt };
  const position = draft.positions.get(name)?.() ?? { ...recordAt, field: name };
  const text = draft.cells.has(name) ? cellText(draft.cells.get(name)) : undefined;
  return text === undefined ? { position } : { position, text };
}

const sourcePosition = (source: SourceRef): Position => ({
  file: source.file,
  ...(source.sheet === undefined ? {} : { sheet: source.sheet }),
  row: source.row,
  line: source.line,
});

/**
 * One table: finds the header row among the first rows (title rows and merged title cells above it are
 * skipped), then reads data rows until the first fully blank row; rows after that are reported, not read.
 */
export class TableValidator {
  private readonly pending: RawRow[] = [];
  private plan?: HeaderPlan;
  private failed = false;
  private columnFields = new Map<number, string>();
  private rowNumber = 0;
  private dataStarted = false;
  private blankSeen = false;
  private ignored = { count: 0, firstLine: 0 };
  private readonly unheaded = new Set<number>();
  private readonly longDrafts = new Map<string, Draft>();
  private admitted = 0;
  private readonly context: CellContext;
  private fast?: FastRowReader;

  constructor(
    private readonly validator: DataValidator,
    private readonly source: TableSource,
    plan?: HeaderPlan,
  ) {
    this.context = { date1904: source.date1904 };
    if (plan !== undefined) this.adoptPlan(plan);
  }

  /** The header plan the rows are read by, once the header is found. */
  get headerPlan(): HeaderPlan | undefined {
    return this.plan;
  }

  /** Whether a plain row pushed now may be taken from its bytes (read and admitted quietly, see pushBytes). */
  get takesBytes(): boolean {
    const plan = this.plan;
    return plan !== undefined && !this.failed && !this.blankSeen && plan.layout === 'wide' && this.validator.options.onRecord !== undefined;
  }

  /** How many data rows the table has had so far. */
  get rows(): number {
    return this.rowNumber;
  }

  /**
   * Takes the rows of `ids`, read and admitted quietly by a table continuing this one (see `openTable`) as its next data
   * rows, their ids claimed at their lines (`sourceAt` gives each one's source here). False, and nothing changed,
   * when the table no longer takes rows from bytes or one of the ids was seen before.
   */
  adoptRows(ids: TextColumn, sourceAt: (index: number) => SourceRef): boolean {
    if (!this.takesBytes || !this.validator.claimAll(ids, sourceAt)) return false;
    const count = ids.length;
    this.rowNumber += count;
    this.admitted += count;
    if (count > 0) this.dataStarted = true;
    return true;
  }

  /** Feeds the next row of the table. */
  push(row: RawRow): void {
    if (this.failed) return;
    if (this.plan) {
      this.dataRow(row);
      return;
    }
    this.pending.push(row);
    if (this.pending.length >= HEADER_SEARCH_ROWS) this.chooseHeader();
  }

  /**
   * Takes a plain CSV row straight from its bytes when the table streams its records and the row needs no word
   * said about it (see FastRowReader and admitsQuietly). False: nothing was recorded, and the row must be pushed
   * as cells, so that the careful path reads it and reports exactly what is wrong.
   */
  pushBytes(row: ByteRow, line: number): boolean {
    if (!this.takesBytes) return false;
    const plan = this.plan!;
    const onRecord = this.validator.options.onRecord!;
    const fast = (this.fast ??= new FastRowReader(this.validator.spec, plan, this.validator.headerIndex, this.context));
    const id = fast.read(row);
    if (id === undefined) return false;
    const { file, sheet } = this.source;
    const at = this.rowNumber + 1;
    const source: SourceRef = sheet === undefined ? { file, row: at, line } : { file, sheet, row: at, line };
    if (!this.validator.admitsQuietly(id, source, fast.values.get)) return false;
    this.rowNumber += 1;
    this.dataStarted = true;
    this.admitted += 1;
    onRecord({ id, name: recordName(id, fast.values.get(this.validator.spec.nameField)), values: fast.values, source, slots: fast.slots });
    return true;
  }

  /** Ends the table; gives the number of records it contributed. */
  end(): number {
    if (!this.plan && !this.failed) this.chooseHeader();
    if (this.plan?.layout === 'long') {
      for (const draft of this.longDrafts.values()) this.finishDraft(draft);
    }
    if (this.ignored.count > 0) {
      this.report('ROWS_AFTER_BLANK', 'warning', { ...this.tableAt(), line: this.ignored.firstLine }, { count: this.ignored.count });
    }
    if (this.plan && this.admitted === 0 && !this.dataStarted) this.report('TABLE_NO_RECORDS', 'warning', this.tableAt());
    return this.admitted;
  }

  private tableAt(): Position {
    return { file: this.source.file, ...(this.source.sheet === undefined ? {} : { sheet: this.source.sheet }) };
  }

  /** Problems about the table as a whole (no data row: header, structure) are few and always kept, whatever --max-errors says. */
  private report(code: string, severity: Severity, position: Position, args: MessageArgs = {}, value?: string): void {
    this.validator.report(problem(code, severity, position, args, value), position.row === undefined);
  }

  private chooseHeader(): void {
    const index = this.validator.headerIndex;
    let best = -1;
    let bestScore = 0;
    this.pending.forEach((row, i) => {
      const score = headerScore(row.cells.map(cellText), index);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    const header = this.pending[best];
    if (!header) {
      this.failed = true;
      const id = this.validator.fieldById.get(this.validator.spec.idField);
      this.report('HEADER_NOT_FOUND', 'error', this.tableAt(), { rows: HEADER_SEARCH_ROWS, expected: id ? `${id.label.ko}(${id.id})` : this.validator.spec.idField });
      return;
    }
    const { plan, problems } = planHeaders(header.cells.map(cellText), {
      fields: this.validator.spec.fields,
      idField: this.validator.spec.idField,
      layout: this.validator.options.layout,
      at: { ...this.tableAt(), line: header.line },
    });
    for (const p of problems) this.validator.report(p, true);
    if (!plan) {
      this.failed = true;
      return;
    }
    this.adoptPlan(plan);
    for (const row of this.pending.slice(best + 1)) this.dataRow(row);
    this.pending.length = 0;
  }

  private adoptPlan(plan: HeaderPlan): void {
    this.plan = plan;
    this.columnFields = new Map([...plan.fieldColumns].map(([field, column]) => [column, field]));
  }

  private dataRow(row: RawRow): void {
    this.rowNumber += 1;
    const blank = row.cells.every(isBlankCell);
    if (blank) {
      if (this.dataStarted) this.blankSeen = true;
      return;
    }
    if (this.blankSeen) {
      if (this.ignored.count === 0) this.ignored.firstLine = row.line;
      this.ignored.count += 1;
      return;
    }
    this.dataStarted = true;
    const plan = this.plan!;
    if (this.isHeaderRepeat(row, plan)) {
      this.report('ROW_REPEATED_HEADER', 'info', { ...this.tableAt(), row: this.rowNumber, line: row.line });
      return;
    }
    const idField = this.validator.fieldById.get(this.validator.spec.idField)!;
    const idColumn = plan.fieldColumns.get(idField.id)!;
    const idOutcome = parseFieldValue(idField, row.cells[idColumn], this.context);
    const idText = idOutcome.ok && idOutcome.value !== null ? ownString(formatValue(idOutcome.value)) : undefined;
    const undecodable = idText?.includes('\uFFFD') === true;
    const institution = undecodable ? undefined : idText;
    const at = (column: number, field?: string): Position => ({
      ...this.tableAt(),
      row: this.rowNumber,
      line: row.line,
      column: columnLetter(column),
      header: plan.headers[column] ?? '',
      ...(field === undefined ? {} : { field }),
      ...(institution === undefined ? {} : { institution }),
    });
    const locate = (column: number, field: string): Locate => () => at(column, field);
    this.checkShape(row, plan, at);
    if (institution === undefined) {
      const code = undecodable ? 'CELL_UNDECODABLE' : idOutcome.ok ? 'ID_MISSING' : idOutcome.code;
      this.report(code, 'error', at(idColumn, idField.id), idOutcome.ok ? {} : idOutcome.args, cellText(row.cells[idColumn]) || undefined);
      return;
    }
    const source: SourceRef = { ...this.tableAt(), file: this.source.file, row: this.rowNumber, line: row.line };
    if (plan.layout === 'wide') {
      const draft = newDraft(institution, source, locate(idColumn, idField.id));
      draft.positions.set(idField.id, draft.idPosition);
      draft.cells.set(idField.id, row.cells[idColumn]);
      for (const field of this.validator.spec.fields) {
        const column = plan.fieldColumns.get(field.id);
        if (column !== undefined && field.id !== idField.id) this.readCell(draft, field, row.cells[column], locate(column, field.id));
      }
      draft.values.set(idField.id, institution);
      this.checkRequired(draft);
      if (this.validator.admit(draft)) this.admitted += 1;
    } else {
      this.longRow(row, plan, institution, source, at, locate);
    }
  }

  /** Rows wider or narrower than the header (CSV), and data under columns that have no header. */
  private checkShape(row: RawRow, plan: HeaderPlan, at: (column: number) => Position): void {
    const width = plan.headers.length;
    if (this.source.fixedWidth && row.cells.length !== width) {
      const extra = row.cells.slice(width).findIndex((cell) => !isBlankCell(cell));
      if (row.cells.length < width) {
        this.report('ROW_TOO_FEW_CELLS', 'error', at(row.cells.length), { expected: width, actual: row.cells.length });
      } else if (extra >= 0) {
        this.report('ROW_TOO_MANY_CELLS', 'error', at(width + extra), { expected: width, actual: row.cells.length }, cellText(row.cells[width + extra]));
      }
    }
    const limit = this.source.fixedWidth ? Math.min(width, row.cells.length) : row.cells.length;
    for (let column = 0; column < limit; column += 1) {
      if ((plan.headers[column] ?? '').trim() !== '' || isBlankCell(row.cells[column]) || this.unheaded.has(column)) continue;
      this.unheaded.add(column);
      this.report('COLUMN_WITHOUT_HEADER', 'warning', at(column), {}, cellText(row.cells[column]));
    }
  }

  /** A row that repeats the header (two files pasted together, or a second header row of field ids). */
  private isHeaderRepeat(row: RawRow, plan: HeaderPlan): boolean {
    const index = this.validator.headerIndex;
    let named = 0;
    for (const [column, cell] of row.cells.entries()) {
      if (isBlankCell(cell)) continue;
      const text = cellText(cell);
      const field = this.columnFields.get(column);
      const role = column === plan.keyColumn ? 'key' : column === plan.valueColumn ? 'value' : undefined;
      if (field !== undefined && matchHeader(text, index) === field) named += 1;
      else if (role !== undefined && longRole(text) === role) named += 1;
      else return false;
    }
    return named > 0;
  }

  /** Types one cell into the draft and reports what is wrong with it. */
  private readCell(draft: Draft, field: Field, raw: RawValue | undefined, locate: Locate): void {
    draft.positions.set(field.id, locate);
    draft.cells.set(field.id, raw);
    const fail = (code: string, args: MessageArgs = {}) => {
      this.report(code, 'error', locate(), args, cellText(raw));
      draft.flagged.add(field.id);
      draft.values.set(field.id, null);
    };
    if (typeof raw === 'string' && raw.includes('\uFFFD')) return fail('CELL_UNDECODABLE');
    const outcome = parseFieldValue(field, raw, this.context);
    if (!outcome.ok) return fail(outcome.code, outcome.args);
    // a kept text value must not hold the block of text the reader cut it from
    const value = typeof outcome.value === 'string' ? ownString(outcome.value) : outcome.value;
    draft.values.set(field.id, value);
    if (typeof value === 'number') {
      if (field.min !== undefined && value < field.min) fail('VALUE_BELOW_MIN', { min: field.min });
      else if (field.max !== undefined && value > field.max) fail('VALUE_ABOVE_MAX', { max: field.max });
    }
  }

  /** Required fields left blank (unless the cell was already reported). */
  private checkRequired(draft: Draft): void {
    for (const field of this.validator.spec.fields) {
      if (!field.required || field.id === this.validator.spec.idField || draft.flagged.has(field.id)) continue;
      if ((draft.values.get(field.id) ?? null) !== null) continue;
      const position = draft.positions.get(field.id)?.() ?? { ...sourcePosition(draft.source), institution: draft.id, field: field.id };
      this.report('VALUE_REQUIRED', 'error', position, { label: field.label.ko });
      draft.flagged.add(field.id);
    }
  }

  /** Long layout: one value per row, folded into the institution's draft; other field columns are per-institution values. */
  private longRow(row: RawRow, plan: HeaderPlan, institution: string, source: SourceRef, at: (column: number) => Position, locate: (column: number, field: string) => Locate): void {
    const idField = this.validator.spec.idField;
    let draft = this.longDrafts.get(institution);
    if (!draft) {
      draft = newDraft(institution, source, locate(plan.fieldColumns.get(idField)!, idField));
      draft.values.set(idField, institution);
      this.longDrafts.set(institution, draft);
    }
    for (const [fieldId, column] of plan.fieldColumns) {
      const raw = row.cells[column];
      if (fieldId === idField || isBlankCell(raw)) continue;
      this.readLongValue(draft, this.validator.fieldById.get(fieldId)!, raw, locate(column, fieldId));
    }
    const keyText = cellText(row.cells[plan.keyColumn!]);
    const fieldId = this.validator.itemIndex.get(headerKey(keyText));
    const field = fieldId === undefined ? undefined : this.validator.fieldById.get(fieldId);
    if (!field) {
      this.report('LONG_UNKNOWN_ITEM', 'error', at(plan.keyColumn!), {}, keyText);
      return;
    }
    this.readLongValue(draft, field, row.cells[plan.valueColumn!], locate(plan.valueColumn!, field.id));
  }

  /** A value for a field the institution already has (from an earlier row) must be the same value. */
  private readLongValue(draft: Draft, field: Field, raw: RawValue | undefined, locate: Locate): void {
    const earlier = draft.positions.get(field.id);
    if (earlier === undefined) {
      this.readCell(draft, field, raw, locate);
      return;
    }
    const probe = newDraft(draft.id, draft.source, draft.idPosition);
    this.readCell(probe, field, raw, locate);
    if (probe.flagged.size > 0) {
      draft.flagged.add(field.id);
      return;
    }
    const before = formatValue(draft.values.get(field.id) ?? null);
    const now = formatValue(probe.values.get(field.id) ?? null);
    if (before !== now) {
      this.report('LONG_CONFLICT', 'error', locate(), { firstLine: earlier().line ?? '', firstValue: before }, cellText(raw));
      draft.flagged.add(field.id);
    }
  }

  private finishDraft(draft: Draft): void {
    this.checkRequired(draft);
    if (this.validator.admit(draft)) this.admitted += 1;
  }
}

function newDraft(id: string, source: SourceRef, idPosition: Locate): Draft {
  return { id, source, idPosition, values: new Map(), positions: new Map(), cells: new Map(), flagged: new Set() };
}
