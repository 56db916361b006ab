import type { CompiledRubric } from '../rubric/model.js';
import { Column, float64Column, int32Column, Interner, RunColumn, sharedFloat64, sharedInt32, sharedInt8, sharedUint32, uint32Column, type Runs } from './columns.js';
import { evaluate, type EvalContext, type EvalFailure, type EvalResult } from './expression.js';
import { formatNumber } from './format-number.js';
import { bandGrade, quotaGrades, worseGrade } from './grade.js';
import { problem, type Position, type Problem } from './problems.js';
import { rankIndices, type RankedOrder } from './rank.js';
import type { GradableRecord, InstitutionRecord } from './records.js';
import { peerStats, type PeerStats } from './relative.js';
import type { RankedRows } from './ranked-rows.js';
import { rankedOrderOf, rankedRowsOf, rankingFacts, type RankingData } from './ranking.js';
import type { AppliedLimiter, DomainResult, GroupRank, InstitutionResult, Message } from './results.js';
import { roundHalfUp } from './rounding.js';
import { TextColumn, type TextColumnData } from './text-column.js';
import { ratingFunction, ratingOf, type RatingFunction } from './score.js';
import { formatValue, type FieldValue, type PlainDate } from './values.js';

export interface GradeOptions {
  readonly asOf: PlainDate;
  /** fields to rank within; default the rubric's peerGroups */
  readonly groupBy?: readonly string[];
}

/** The graded data set, kept compact: results are built one at a time, in ranked order, when asked for. */
export interface GradedTable {
  readonly count: number;
  /** scoring problems (type errors), then limiter problems, in record order */
  readonly problems: readonly Problem[];
  /** record indices (in the order they were added): ranked ones by rank then id, then withheld ones by id */
  readonly order: RankedOrder;
  /** how many institutions got each grade, best first */
  readonly byGrade: ReadonlyMap<string, number>;
  /** how many were graded (not withheld); the rest are withheld */
  readonly graded: number;
  /** an institution's result without its indicator findings (`indicators` is empty) */
  summary(index: number): InstitutionResult;
  /** the ranking lines, in ranked order (`order`), read from the compact arrays */
  readonly rows: RankedRows;
  /** what the ranking lines read, as data another thread can read in place */
  readonly ranking: RankingData;
  /** the peer statistics a relative indicator (by position in the rubric) compares this record with */
  peersOf(indicator: number, index: number): PeerStats | undefined;
}

/**
 * Records graded by another Grader (on another thread, from later lines of the same file), as plain data to be
 * appended with `Grader.append`: everything `add` keeps per record, with that grader's own codes and positions.
 */
export interface GradedPart {
  readonly count: number;
  readonly ids: TextColumnData;
  readonly names: TextColumnData;
  /** the part's tables, by its table codes, and the runs of records from one table */
  readonly tables: readonly { readonly file: string; readonly sheet: string | undefined }[];
  readonly tableCodes: Runs;
  readonly dataRows: Uint32Array;
  readonly lineGaps: Runs;
  /** the part's group values by its codes, and each record's codes per group-by field and per `within` field */
  readonly strings: readonly string[];
  readonly groupCodes: readonly Int32Array[];
  readonly withinCodes: readonly Int32Array[];
  readonly coverage: Float64Array;
  readonly domainPoints: readonly Float64Array[];
  readonly deferredPoints: readonly (Float64Array | undefined)[];
  readonly waitingValues: readonly (Float64Array | undefined)[];
  readonly waiting: readonly (Uint32Array | undefined)[];
  readonly failed: readonly (readonly [number, string[]])[];
  readonly limiterHits: readonly (readonly [number, number[]])[];
  readonly scoringProblems: readonly Problem[];
  readonly limiterProblems: readonly Problem[];
}

/** How far a part's data rows and lines are from where they lie in the table it continues. */
export interface PartShift {
  readonly row: number;
  readonly line: number;
}

const groupValue = (value: FieldValue): string | null => (value === null ? null : formatValue(value));
const NO_GRADE = -1;
/** No limiter hits, shared by every record that has none. */
const NONE: readonly never[] = [];

/** Limiters that applied to one record, the withholding messages, and what its domains were set to. */
interface Exceptions {
  limiters: AppliedLimiter[];
  withheld: Message[];
  setBy: (string | null)[];
}

/**
 * Scores, aggregates, grades and ranks institutions by a rubric, one record at a time, keeping per record only
 * numbers (domain points, total, coverage, group codes) and its id and name, packed, in typed arrays: a million
 * institutions with four domains take about 150 MB and no object each while they are ranked, and nothing per
 * indicator survives a record unless a relative method needs it.
 * `gradeInstitutions` builds full results (with findings) on top of this, so both give the same numbers.
 */
export class Grader {
  private readonly groupBy: readonly string[];
  private readonly scoringProblems: Problem[] = [];
  private readonly limiterProblems: Problem[] = [];
  private readonly ids = new TextColumn();
  private readonly names = new TextColumn();
  private readonly tables = new Interner();
  private readonly tableFiles: string[] = [];
  private readonly tableSheets: (string | undefined)[] = [];
  private readonly tableCodes = new RunColumn();
  /** each record's data row in its table (the ranking lines are `GradedTable.rows`) */
  private readonly dataRows = uint32Column();
  /** line minus row: the same for every record of a table unless blank lines or line breaks in cells come between */
  private readonly lineGaps = new RunColumn();
  private readonly strings = new Interner();
  private readonly groupCodes: Column<Int32Array>[];
  private readonly coverage = float64Column();
  /** domain points before limiters (NaN: no data); for domains with a relative indicator, filled in by finish() */
  private readonly domainPoints: Column<Float64Array>[];
  /** per indicator of a domain with a relative indicator: its points (NaN: none), or its value waiting for its peers */
  private readonly deferredPoints: (Column<Float64Array> | undefined)[];
  private readonly waitingValues: (Column<Float64Array> | undefined)[];
  private readonly waiting: (Column<Uint32Array> | undefined)[];
  /** per `within` field of a relative indicator: the record's group code */
  private readonly withinCodes = new Map<string, Column<Int32Array>>();
  private readonly deferredDomains: ReadonlySet<number>;
  private readonly domainOf: readonly number[];
  private readonly failed = new Map<number, string[]>();
  private readonly limiterHits = new Map<number, number[]>();
  private readonly earned: Float64Array;
  private readonly available: Float64Array;
  /** per indicator: the field its value is, when the formula is just a field (read without evaluating) */
  private readonly plainFields: readonly (string | undefined)[];
  private readonly ratings: readonly RatingFunction[];
  /** per indicator, its most points: read a million times, from an array rather than from forty indicator objects */
  private readonly maxPoints: Float64Array;
  private lastTable = { file: '', sheet: undefined as string | undefined, code: -1 };
  /** per indicator: the slot of its plain field in the records' slots (-1: none, the value is worked out) */
  private indicatorSlots = new Int32Array(0);
  private slotsFor?: ReadonlyMap<string, number>;

  constructor(
    private readonly rubric: CompiledRubric,
    private readonly options: GradeOptions,
  ) {
    const r = rubric.rubric;
    this.groupBy = options.groupBy ?? r.peerGroups;
    this.groupCodes = this.groupBy.map(() => int32Column());
    this.domainPoints = r.domains.map(() => float64Column());
    this.domainOf = rubric.indicators.map((ci) => r.domains.findIndex((d) => d.id === ci.indicator.domain));
    this.deferredDomains = new Set(rubric.indicators.filter((ci) => ci.indicator.method.kind === 'relative').map((ci) => this.domainOf[ci.index]!));
    const relative = (i: number) => rubric.indicators[i]!.indicator.method.kind === 'relative';
    this.deferredPoints = rubric.indicators.map((_, i) => (this.deferredDomains.has(this.domainOf[i]!) ? float64Column() : undefined));
    this.waitingValues = rubric.indicators.map((_, i) => (relative(i) ? float64Column() : undefined));
    this.waiting = rubric.indicators.map((_, i) => (relative(i) ? uint32Column() : undefined));
    for (const { indicator } of rubric.indicators) {
      const method = indicator.method;
      if (method.kind === 'relative' && method.within !== undefined && !this.withinCodes.has(method.within)) this.withinCodes.set(method.within, int32Column());
    }
    this.earned = new Float64Array(r.domains.length);
    this.available = new Float64Array(r.domains.length);
    this.plainFields = rubric.indicators.map((ci) => (ci.value.kind === 'name' && ci.value.name !== 'as_of' ? ci.value.name : undefined));
    this.ratings = rubric.indicators.map(ratingFunction);
    this.maxPoints = Float64Array.from(rubric.indicators, (ci) => ci.maxPoints);
  }

  /** How many records have been added. */
  get added(): number {
    return this.ids.length;
  }

  /** Makes room for about `more` records at once (see Column.expect): a large file's columns grow once, not by doubling. */
  expectMore(more: number): void {
    const total = this.ids.length + more;
    const columns = [this.dataRows, ...this.groupCodes, this.coverage, ...this.domainPoints, ...this.withinCodes.values()];
    for (const column of [...columns, ...this.deferredPoints, ...this.waitingValues, ...this.waiting]) column?.expect(total);
    this.ids.expect(total);
    this.names.expect(total);
  }

  /** Scores one record (its relative indicators wait for the whole data set). */
  add(record: GradableRecord): void {
    const index = this.ids.length;
    const rubric = this.rubric;
    const get = (name: string) => record.values.get(name) ?? null;
    const context = { get, asOf: this.options.asOf };
    this.ids.push(record.id);
    this.names.push(record.name);
    this.tableCodes.push(this.tableCode(record.source.file, record.source.sheet));
    this.dataRows.push(record.source.row);
    this.lineGaps.push(record.source.line - record.source.row);
    for (let g = 0; g < this.groupBy.length; g += 1) this.groupCodes[g]!.push(this.strings.code(groupValue(get(this.groupBy[g]!))));
    for (const [field, codes] of this.withinCodes) codes.push(this.strings.code(groupValue(get(field))));

    this.earned.fill(0);
    this.available.fill(0);
    let covered = 0;
    let failed: string[] | undefined;
    const ratingContext = { get };
    const slots = record.slots;
    if (slots !== undefined && slots.slotOf !== this.slotsFor) {
      this.slotsFor = slots.slotOf;
      this.indicatorSlots = Int32Array.from(this.plainFields, (field) => (field === undefined ? -1 : (slots.slotOf.get(field) ?? -1)));
    }
    for (let i = 0; i < rubric.indicators.length; i += 1) {
      const ci = rubric.indicators[i]!;
      const maxPoints = this.maxPoints[i]!;
      const slot = slots === undefined ? -1 : this.indicatorSlots[i]!;
      const value = slot >= 0 ? (slots!.values[slot] ?? null) : this.valueOf(i, context, record);
      const waits = this.waiting[i];
      let points: number | null;
      if (waits !== undefined) {
        const numeric = typeof value === 'number';
        waits.push(numeric ? 1 : 0);
        this.waitingValues[i]!.push(numeric ? value : Number.NaN);
        points = numeric ? Number.NaN : this.unrated(ci.missing);
      } else {
        const rating = value !== null ? this.ratings[i]!(value, ratingContext) : undefined;
        points = rating !== undefined ? (maxPoints * rating) / 100 : this.unrated(ci.missing);
      }
      if (points === null && ci.missing === 'fail') (failed ??= []).push(ci.indicator.id);
      if (points !== null) covered += maxPoints;
      const deferred = this.deferredPoints[i];
      if (deferred !== undefined) deferred.push(points ?? Number.NaN);
      else if (points !== null) {
        const d = this.domainOf[i]!;
        this.earned[d] = this.earned[d]! + points;
        this.available[d] = this.available[d]! + maxPoints;
      }
    }
    for (let d = 0; d < rubric.rubric.domains.length; d += 1) {
      const available = this.available[d]!;
      this.domainPoints[d]!.push(this.deferredDomains.has(d) || available === 0 ? Number.NaN : (this.earned[d]! * rubric.rubric.domains[d]!.points) / available);
    }
    this.coverage.push((covered / rubric.rubric.total.points) * 100);
    if (failed) this.failed.set(index, failed);

    let hits: number[] | undefined;
    rubric.limiters.forEach(({ limiter, when }, l) => {
      const condition = evaluate(when, context);
      if (!condition.ok) this.limiterProblems.push(limiterProblem(condition.failure, limiter.id, positionOf(record)));
      else if (condition.value === true || condition.value === 1) (hits ??= []).push(l);
    });
    if (hits) this.limiterHits.set(index, hits);
  }

  /** Everything added, as plain data for another grader's `append` (the arrays themselves: add no more after). */
  part(): GradedPart {
    return {
      count: this.ids.length,
      ids: this.ids.data(),
      names: this.names.data(),
      tables: this.tableFiles.map((file, code) => ({ file, sheet: this.tableSheets[code] })),
      tableCodes: this.tableCodes.runs(),
      dataRows: this.dataRows.values(),
      lineGaps: this.lineGaps.runs(),
      strings: this.strings.list(),
      groupCodes: this.groupCodes.map((codes) => codes.values()),
      withinCodes: [...this.withinCodes.values()].map((codes) => codes.values()),
      coverage: this.coverage.values(),
      domainPoints: this.domainPoints.map((column) => column.values()),
      deferredPoints: this.deferredPoints.map((column) => column?.values()),
      waitingValues: this.waitingValues.map((column) => column?.values()),
      waiting: this.waiting.map((column) => column?.values()),
      failed: [...this.failed],
      limiterHits: [...this.limiterHits],
      scoringProblems: this.scoringProblems,
      limiterProblems: this.limiterProblems,
    };
  }

  /**
   * Adds the records of a part graded by another grader of the same rubric and options, as if they had been added
   * here one by one: group values get the codes they would have got, positions move by `shift`. The part's arrays
   * are taken, not copied (the part must not be used after).
   */
  append(part: GradedPart, shift: PartShift): void {
    const base = this.ids.length;
    this.ids.adopt(part.ids);
    this.names.adopt(part.names);
    const tableCode = part.tables.map(({ file, sheet }) => this.tableCode(file, sheet));
    this.tableCodes.pushRuns(part.tableCodes, part.count, (code) => tableCode[code]!);
    this.lineGaps.pushRuns(part.lineGaps, part.count, (gap) => gap + shift.line - shift.row);
    this.dataRows.adopt(part.dataRows.map((row) => row + shift.row));
    // in the part's code order, which is the order its values first appeared in: the codes adding would have given
    const stringCode = part.strings.map((value) => this.strings.code(value));
    // the part's arrays are this grader's now: recoded where they are
    const recoded = (codes: Int32Array) => {
      for (let i = 0; i < codes.length; i += 1) if (codes[i]! >= 0) codes[i] = stringCode[codes[i]!]!;
      return codes;
    };
    this.groupCodes.forEach((column, g) => column.adopt(recoded(part.groupCodes[g]!)));
    [...this.withinCodes.values()].forEach((column, w) => column.adopt(recoded(part.withinCodes[w]!)));
    this.domainPoints.forEach((column, d) => column.adopt(part.domainPoints[d]!));
    this.deferredPoints.forEach((column, k) => column?.adopt(part.deferredPoints[k]!));
    this.waitingValues.forEach((column, k) => column?.adopt(part.waitingValues[k]!));
    this.waiting.forEach((column, k) => column?.adopt(part.waiting[k]!));
    this.coverage.adopt(part.coverage);
    for (const [index, failed] of part.failed) this.failed.set(base + index, failed);
    for (const [index, hits] of part.limiterHits) this.limiterHits.set(base + index, hits);
    const moved = (p: Problem): Problem => {
      const { row, line } = p.position;
      return { ...p, position: { ...p.position, ...(row === undefined ? {} : { row: row + shift.row }), ...(line === undefined ? {} : { line: line + shift.line }) } };
    };
    for (const p of part.scoringProblems) this.scoringProblems.push(moved(p));
    for (const p of part.limiterProblems) this.limiterProblems.push(moved(p));
  }

  /** An indicator's value for a record (null when it has none); a formula's type error is reported. */
  private valueOf(indicator: number, context: EvalContext, record: GradableRecord): FieldValue {
    const field = this.plainFields[indicator];
    if (field !== undefined) return context.get(field);
    const ci = this.rubric.indicators[indicator]!;
    const value = evaluate(ci.value, context);
    if (value.ok) return value.value;
    if (value.failure.kind === 'type') {
      this.scoringProblems.push(problem('SCORE_TYPE_ERROR', 'error', { ...positionOf(record), field: ci.indicator.id }, { detail: value.failure.detail }));
    }
    return null;
  }

  /** The code of a record's file and sheet (records come file by file, so the last one is remembered). */
  private tableCode(file: string, sheet: string | undefined): number {
    const last = this.lastTable;
    if (last.code >= 0 && last.file === file && last.sheet === sheet) return last.code;
    const code = this.tables.code(`${file}\u0000${sheet ?? ''}`);
    this.tableFiles[code] = file;
    this.tableSheets[code] = sheet;
    this.lastTable = { file, sheet, code };
    return code;
  }

  /** Points of an indicator with no rating: 0 when missing data scores zero, else none. */
  private unrated(missing: 'fail' | 'zero' | 'exclude'): number | null {
    return missing === 'zero' ? 0 : null;
  }

  /**
   * Rates the relative indicators against their peers, applies limiters, totals, grades and ranks. Institutions
   * in `excluded` (found invalid after they were added) are left out as if they had never been added.
   */
  finish(excluded: ReadonlySet<string> = new Set()): GradedTable {
    const rubric = this.rubric;
    const r = rubric.rubric;
    const count = this.ids.length;
    const all = new Uint32Array(count);
    for (let index = 0; index < count; index += 1) all[index] = index;
    const active = excluded.size === 0 ? all : all.filter((index) => !excluded.has(this.ids.get(index)));
    const peers = this.relativePeers(active);
    const peersOf = (indicator: number, index: number) => peers.get(indicator)?.(index);

    for (const index of active) {
      for (const d of this.deferredDomains) {
        let earned = 0;
        let available = 0;
        for (const ci of rubric.indicators) {
          if (this.domainOf[ci.index] !== d) continue;
          let points = this.deferredPoints[ci.index]!.get(index);
          if (this.waiting[ci.index]?.get(index) === 1) {
            const rating = ratingOf(ci, this.waitingValues[ci.index]!.get(index), { get: () => null, peers: peersOf(ci.index, index)! })!;
            points = (ci.maxPoints * rating) / 100;
          }
          if (Number.isNaN(points)) continue;
          earned += points;
          available += ci.maxPoints;
        }
        this.domainPoints[d]!.set(index, available === 0 ? Number.NaN : (earned * r.domains[d]!.points) / available);
      }
    }

    const totals = sharedFloat64(count);
    const caps = gradeCodes(count, rubric.grades.length);
    const exceptions = new Map<number, Exceptions>();
    const points = r.domains.map(() => 0);
    for (const index of active) {
      for (let d = 0; d < points.length; d += 1) points[d] = this.domainPoints[d]!.get(index);
      const hits = this.limiterHits.get(index) ?? NONE;
      // nearly every record has no exception: the record is made only for those that do
      let exception: Exceptions | undefined;
      const found = () => (exception ??= { limiters: [], withheld: [], setBy: r.domains.map(() => null) });
      let cap: string | null = null;
      for (const l of hits) {
        const { limiter } = rubric.limiters[l]!;
        const effect = limiter.effect;
        const label = limiter.label;
        if (effect.kind === 'capGrade') {
          cap = cap === null ? effect.grade : worseGrade(rubric.grades, cap, effect.grade);
          found().limiters.push({ id: limiter.id, label, effect: 'capGrade', detail: { code: 'LIMITER_CAP', args: { grade: effect.grade } } });
        } else if (effect.kind === 'setDomain') {
          const d = r.domains.findIndex((x) => x.id === effect.domain);
          const domainLabel = r.domains[d]!.label;
          const before = points[d]!;
          const args = {
            domain: domainLabel.ko,
            domainEn: domainLabel.en ?? domainLabel.ko,
            points: formatNumber(effect.points),
            before: Number.isNaN(before) ? '-' : formatNumber(before),
          };
          found().limiters.push({ id: limiter.id, label, effect: 'setDomain', detail: { code: 'LIMITER_SET_DOMAIN', args } });
          points[d] = effect.points;
          this.domainPoints[d]!.set(index, effect.points);
          found().setBy[d] = limiter.id;
        } else {
          found().limiters.push({ id: limiter.id, label, effect: 'withhold', detail: { code: 'LIMITER_WITHHOLD', args: {} } });
          found().withheld.push({ code: 'WITHHELD_LIMITER', args: { limiter: limiter.label.ko, limiterEn: limiter.label.en ?? limiter.label.ko } });
        }
      }
      let earned = 0;
      let available = 0;
      for (let d = 0; d < points.length; d += 1) {
        if (Number.isNaN(points[d])) continue;
        available += r.domains[d]!.points;
        earned += points[d]!;
      }
      const total = available === 0 ? Number.NaN : roundHalfUp((earned * r.total.points) / available, r.total.precision);
      totals[index] = total;
      const failed = this.failed.get(index);
      if (failed) found().withheld.push({ code: 'WITHHELD_FAILED', args: { indicators: failed.join(', ') } });
      if (Number.isNaN(total)) found().withheld.push({ code: 'WITHHELD_NO_DATA', args: {} });
      const coverage = this.coverage.get(index);
      if (coverage < r.minCoverage) {
        found().withheld.push({ code: 'WITHHELD_COVERAGE', args: { coverage: formatNumber(coverage, 1), minimum: formatNumber(r.minCoverage, 1) } });
      }
      if (cap !== null) caps[index] = rubric.grades.indexOf(cap);
      if (exception !== undefined) exceptions.set(index, exception);
    }
    const problems = [...this.scoringProblems, ...this.limiterProblems];
    const kept = excluded.size === 0 ? problems : problems.filter((p) => !excluded.has(p.position.institution ?? ''));
    return this.gradeAndRank(active, totals, caps, exceptions, peersOf, kept);
  }

  /** Lookups from a record to its peer statistics, one per relative indicator (by rubric position). */
  private relativePeers(active: Uint32Array): Map<number, (index: number) => PeerStats> {
    const lookups = new Map<number, (index: number) => PeerStats>();
    for (const ci of this.rubric.indicators) {
      const method = ci.indicator.method;
      if (method.kind !== 'relative') continue;
      const within = method.within === undefined ? undefined : this.withinCodes.get(method.within)!;
      const values = this.waitingValues[ci.index]!;
      const waits = this.waiting[ci.index]!;
      const byGroup = new Map<number, number[]>();
      const all: number[] = [];
      for (const index of active) {
        if (waits.get(index) !== 1) continue;
        const value = values.get(index);
        all.push(value);
        const group = within === undefined ? -1 : within.get(index);
        const members = byGroup.get(group);
        if (members) members.push(value);
        else byGroup.set(group, [value]);
      }
      const population = peerStats(null, all);
      const stats = new Map([...byGroup].map(([group, list]) => [group, list.length >= method.minGroupSize ? peerStats(this.strings.value(group), list) : population]));
      lookups.set(ci.index, (index) => (within === undefined ? population : (stats.get(within.get(index)) ?? population)));
    }
    return lookups;
  }

  private gradeAndRank(
    active: Uint32Array,
    totals: Float64Array,
    caps: Int8Array | Int32Array,
    exceptions: ReadonlyMap<number, Exceptions>,
    peersOf: (indicator: number, index: number) => PeerStats | undefined,
    problems: readonly Problem[],
  ): GradedTable {
    const rubric = this.rubric;
    const grading = rubric.rubric.grading;
    const count = this.ids.length;
    const gradable = (index: number) => !Number.isNaN(totals[index]!) && (exceptions.get(index)?.withheld.length ?? 0) === 0;
    const quota =
      grading.kind === 'quotas'
        ? quotaGrades(
            [...active].filter(gradable).map((index) => ({
              key: this.ids.get(index),
              score: totals[index]!,
              group: grading.within === undefined ? null : (this.groupValueOf(grading.within, index) ?? null),
            })),
            grading,
          )
        : undefined;
    const earnedGrades = gradeCodes(count, rubric.grades.length);
    const grades = gradeCodes(count, rubric.grades.length);
    for (const index of active) {
      const total = totals[index]!;
      if (Number.isNaN(total)) continue;
      const earned = grading.kind === 'bands' ? bandGrade(rubric.bands, total) : (quota!.get(this.ids.get(index)) ?? null);
      if (earned === null) continue;
      earnedGrades[index] = rubric.grades.indexOf(earned);
      if (!gradable(index)) continue;
      const cap = caps[index]!;
      grades[index] = cap === NO_GRADE ? earnedGrades[index]! : rubric.grades.indexOf(worseGrade(rubric.grades, earned, rubric.grades[cap]!));
    }
    // an institution is ranked when it is graded (not withheld, with a total), whether or not a band fits its total
    const ranked = indicesWhere(active, gradable);
    const score = (index: number) => totals[index]!;
    const byId = (a: number, b: number) => this.ids.compare(a, b);
    // by score; tied institutions are put in id order only as their lines are read (see RankedOrder)
    const { order: rankedOrder, ranks: overall } = rankIndices(ranked, score, rubric.rubric.total.precision);
    const ranks = sharedInt32(count).fill(-1);
    for (let k = 0; k < rankedOrder.length; k += 1) ranks[rankedOrder[k]!] = overall[k]!;
    // the order within a group is the overall order by score restricted to it: no sort per group
    const groupRanks = this.groupBy.map((_, g) => groupRanksAlong(rankedOrder, overall, this.groupCodes[g]!, this.strings.size, count));
    const withheld = indicesWhere(active, (index) => ranks[index] === -1).sort(byId);
    const order = sharedUint32(active.length);
    order.set(rankedOrder);
    order.set(withheld, rankedOrder.length);

    const gradeName = (code: number) => (code === NO_GRADE ? null : rubric.grades[code]!);
    const counts = rubric.grades.map(() => 0);
    for (const index of ranked) {
      const code = grades[index]!;
      if (code !== NO_GRADE) counts[code] = counts[code]! + 1;
    }
    const byGrade = new Map(rubric.grades.map((grade, code) => [grade, counts[code]!]));
    const ranking: RankingData = {
      order,
      ranked: ranked.length,
      ranks,
      ids: this.ids.data(),
      names: this.names.data(),
      groupValues: this.strings.list(),
      groupCodes: this.groupCodes.map((codes) => codes.parts()),
      groupRanks: groupRanks.map((group) => group.rankInGroup),
      groupSizes: groupRanks.map((group) => group.sizes),
      domainPoints: this.domainPoints.map((points) => points.parts()),
      totals,
      coverage: this.coverage.parts(),
      grades,
      gradeNames: rubric.grades,
      exceptions,
      followUps: new Map(rubric.grades.map((grade) => [grade, rubric.rubric.followUps.filter((f) => f.grades.includes(grade)).map((f) => f.action)])),
    };
    // what a result says, by record index; `summary` and the ranking lines both read these
    const facts = rankingFacts(ranking);
    const inOrder = rankedOrderOf(ranking);
    const rows = rankedRowsOf(ranking, inOrder);

    const summary = (index: number): InstitutionResult => {
      const found = exceptions.get(index);
      const domains: DomainResult[] = rubric.rubric.domains.map((domain, d) => ({
        id: domain.id,
        points: facts.domainPoints(index, d),
        maxPoints: domain.points,
        setBy: found?.setBy[d] ?? null,
      }));
      const groups: Record<string, string | null> = {};
      const ranks: GroupRank[] = this.groupBy.map((field, g) => {
        const group = facts.group(index, g);
        groups[field] = group;
        return { field, group, rank: facts.groupRank(index, g), of: facts.groupSize(index, g) };
      });
      return {
        id: facts.id(index),
        name: facts.name(index),
        groups,
        source: this.sourceOf(index),
        indicators: [],
        domains,
        total: facts.total(index),
        coverage: facts.coverage(index),
        earnedGrade: gradeName(earnedGrades[index]!),
        grade: facts.grade(index),
        status: facts.status(index),
        withheld: [...facts.withheld(index)],
        limiters: [...facts.limiters(index)],
        followUp: [...facts.followUp(index)],
        rank: facts.rank(index),
        groupRanks: ranks,
      };
    };
    return {
      count: active.length,
      problems,
      order: inOrder,
      byGrade,
      graded: ranked.length,
      summary,
      rows,
      ranking,
      peersOf,
    };
  }

  private groupValueOf(field: string, index: number): string | null {
    const g = this.groupBy.indexOf(field);
    if (g >= 0) return this.strings.value(this.groupCodes[g]!.get(index));
    const within = this.withinCodes.get(field);
    return within === undefined ? null : this.strings.value(within.get(index));
  }

  private sourceOf(index: number): InstitutionRecord['source'] {
    const table = this.tableCodes.get(index);
    const file = this.tableFiles[table]!;
    const sheet = this.tableSheets[table];
    const row = this.dataRows.get(index);
    const line = row + this.lineGaps.get(index);
    return sheet === undefined ? { file, row, line } : { file, sheet, row, line };
  }
}

/**
 * Standard competition ranks (1-2-2-4) within each group, read along the overall order by score (`overall`: the
 * overall rank at each position): restricted to a group, that order is the group's own, so no group is sorted
 * again (tied scores share a rank, so the order among them does not matter). `codes` gives each
 * record's group (-1: no value; all such records are ranked together, as one group); `-1` in `rankInGroup` marks
 * a record not ranked.
 */
function groupRanksAlong(
  rankedOrder: Uint32Array,
  overall: Uint32Array,
  codes: Column<Int32Array>,
  groups: number,
  count: number,
): { rankInGroup: Int32Array; sizes: Int32Array } {
  const rankInGroup = sharedInt32(count).fill(-1);
  // by code + 1, so the null group (-1) has a slot too
  const seen = sharedInt32(groups + 1);
  const lastRank = new Int32Array(groups + 1);
  // the overall rank of each group's last one: equal overall ranks are equal scores (read in order, not by index)
  const lastOverall = new Uint32Array(groups + 1);
  for (let k = 0; k < rankedOrder.length; k += 1) {
    const index = rankedOrder[k]!;
    const slot = codes.get(index) + 1;
    const place = seen[slot]! + 1;
    const rank = place > 1 && overall[k] === lastOverall[slot] ? lastRank[slot]! : place;
    seen[slot] = place;
    lastRank[slot] = rank;
    lastOverall[slot] = overall[k]!;
    rankInGroup[index] = rank;
  }
  return { rankInGroup, sizes: seen };
}

/** The indices for which `test` holds, in their order (a typed array's `filter` collects them in a plain array first). */
function indicesWhere(indices: Uint32Array, test: (index: number) => boolean): Uint32Array {
  const kept = new Uint32Array(indices.length);
  let count = 0;
  for (const index of indices) if (test(index)) kept[count++] = index;
  return kept.subarray(0, count);
}

/** One grade code per record (a grade's place in the rubric's list, or NO_GRADE), in a byte each when the grades fit. */
function gradeCodes(count: number, grades: number): Int8Array | Int32Array {
  return (grades < 127 ? sharedInt8(count) : sharedInt32(count)).fill(NO_GRADE);
}

/** Where a record's scoring problems point: its file, row and line, and the institution. */
function positionOf(record: GradableRecord): Position {
  return { file: record.source.file, row: record.source.row, line: record.source.line, institution: record.id };
}

function limiterProblem(failure: EvalFailure, limiter: string, at: Position): Problem {
  if (failure.kind === 'missing') return problem('LIMITER_CONDITION_MISSING', 'warning', { ...at, field: limiter }, { limiter, fields: failure.fields.join(', ') });
  const detail = failure.kind === 'type' ? failure.detail : 'division by zero';
  return problem('LIMITER_CONDITION_ERROR', 'error', { ...at, field: limiter }, { limiter, detail });
}

/** Evaluates every indicator's value for one record (what findings are built from). */
export function indicatorValues(rubric: CompiledRubric, record: InstitutionRecord, asOf: PlainDate): EvalResult[] {
  const context = { get: (name: string) => record.values.get(name) ?? null, asOf };
  return rubric.indicators.map((ci) => evaluate(ci.value, context));
}
