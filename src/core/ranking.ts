import { RankedOrder } from './rank.js';
import type { RankedRows } from './ranked-rows.js';
import type { AppliedLimiter, InstitutionResult, Message } from './results.js';
import { TextColumn, type TextColumnData } from './text-column.js';

type FollowUp = InstitutionResult['followUp'][number];

/** What a record that is limited or withheld says about it (records without either have none). */
export interface RecordExceptions {
  readonly limiters: readonly AppliedLimiter[];
  readonly withheld: readonly Message[];
}

/**
 * Everything a graded table's ranking lines say, as plain data by record index: the numbers in typed arrays on
 * shared memory (a column's arrays as its `parts()`), so that another thread given this data (to write half of
 * a large ranking) reads the very same arrays instead of a copy. A code of -1 means no value.
 */
export interface RankingData {
  /** record indices in ranked order: ranked ones by rank (tied ones not yet by id: see RankedOrder), then withheld ones by id */
  readonly order: Uint32Array;
  /** how many are ranked (the first positions of `order`) */
  readonly ranked: number;
  /** overall rank per record; -1: not ranked (withheld) */
  readonly ranks: Int32Array;
  readonly ids: TextColumnData;
  readonly names: TextColumnData;
  /** the peer-group values by code, and per group-by field each record's code */
  readonly groupValues: readonly string[];
  readonly groupCodes: readonly (readonly Int32Array[])[];
  /** per group-by field: each record's rank in its group (-1: not ranked), and how many are ranked by code + 1 */
  readonly groupRanks: readonly Int32Array[];
  readonly groupSizes: readonly Int32Array[];
  /** per domain: points after limiters (NaN: no data) */
  readonly domainPoints: readonly (readonly Float64Array[])[];
  /** NaN: no total */
  readonly totals: Float64Array;
  readonly coverage: readonly Float64Array[];
  /** per record, the grade's place in `gradeNames` (-1: none) */
  readonly grades: Int8Array | Int32Array;
  readonly gradeNames: readonly string[];
  readonly exceptions: ReadonlyMap<number, RecordExceptions>;
  /** the follow-up actions each grade calls for */
  readonly followUps: ReadonlyMap<string, readonly FollowUp[]>;
}

/** What a result says of the record at an index; the same accessors as `RankedRows`, by record index. */
export type RankingFacts = { readonly [K in Exclude<keyof RankedRows, 'count' | 'runStart' | 'within'>]: RankedRows[K] };

/** An empty list, shared by every record that has no withheld reason, limiter or follow-up. */
const NONE: readonly never[] = [];

/** A column of numbers read by slot. */
interface Numbers {
  get(slot: number): number;
}

/** The numbers of the ranking lines, by slot: the columns by record index, or a window's gathered copies. */
interface LineColumns<C> {
  readonly ranks: C;
  readonly totals: C;
  readonly grades: C;
  readonly coverage: C;
  readonly groupCodes: readonly C[];
  readonly groupRanks: readonly C[];
  readonly domainPoints: readonly C[];
}
type LineNumbers = LineColumns<Numbers>;

/** A column's numbers as they are kept: its arrays (one, or a column's own and an adopted one after it). */
type Parts = readonly ArrayLike<number>[];

/** The ranking data's columns as their arrays. */
function partsOf(data: RankingData): LineColumns<Parts> {
  return {
    ranks: [data.ranks],
    totals: [data.totals],
    grades: [data.grades],
    coverage: data.coverage,
    groupCodes: data.groupCodes,
    groupRanks: data.groupRanks.map((ranks) => [ranks]),
    domainPoints: data.domainPoints,
  };
}

/** Every column of `columns`, made into another kind of column. */
function mapColumns<A, B>(columns: LineColumns<A>, each: (column: A) => B): LineColumns<B> {
  return {
    ranks: each(columns.ranks),
    totals: each(columns.totals),
    grades: each(columns.grades),
    coverage: each(columns.coverage),
    groupCodes: columns.groupCodes.map(each),
    groupRanks: columns.groupRanks.map(each),
    domainPoints: columns.domainPoints.map(each),
  };
}

/** The numbers of a column's parts by record index, read in place. */
function numbersIn(parts: Parts): Numbers {
  const [first, rest] = parts;
  const size = first!.length;
  return { get: (index) => (index < size ? first![index]! : rest![index - size]!) };
}

/** Reads the ranking data by record index (the arrays read in place). */
export function rankingFacts(data: RankingData): RankingFacts {
  return factsBySlot(data, mapColumns(partsOf(data), numbersIn), (index) => index);
}

/** What a result says of the record at a slot: its numbers read from `numbers`, the rest at its record index. */
function factsBySlot(data: RankingData, numbers: LineNumbers, indexAt: (slot: number) => number): RankingFacts {
  const ids = TextColumn.from(data.ids);
  const names = TextColumn.from(data.names);
  const { ranks, totals, grades, coverage, groupCodes, groupRanks, domainPoints } = numbers;
  const { gradeNames, groupSizes, groupValues, exceptions, followUps } = data;
  const gradeName = (slot: number) => {
    const grade = grades.get(slot);
    return ranks.get(slot) === -1 || grade === -1 ? null : gradeNames[grade]!;
  };
  return {
    rank: (slot) => {
      const rank = ranks.get(slot);
      return rank === -1 ? null : rank;
    },
    id: (slot) => ids.get(indexAt(slot)),
    name: (slot) => names.get(indexAt(slot)),
    idUnits: (slot) => ids.unitsOf(indexAt(slot)),
    nameUnits: (slot) => names.unitsOf(indexAt(slot)),
    group: (slot, g) => {
      const code = groupCodes[g]!.get(slot);
      return code === -1 ? null : groupValues[code]!;
    },
    groupRank: (slot, g) => {
      const rank = groupRanks[g]!.get(slot);
      return rank === -1 ? null : rank;
    },
    groupSize: (slot, g) => (groupRanks[g]!.get(slot) === -1 ? 0 : groupSizes[g]![groupCodes[g]!.get(slot) + 1]!),
    domainPoints: (slot, d) => {
      const points = domainPoints[d]!.get(slot);
      return Number.isNaN(points) ? null : points;
    },
    total: (slot) => {
      const total = totals.get(slot);
      return Number.isNaN(total) ? null : total;
    },
    grade: gradeName,
    status: (slot) => (ranks.get(slot) === -1 ? 'withheld' : 'graded'),
    coverage: (slot) => coverage.get(slot),
    withheld: (slot) => exceptions.get(indexAt(slot))?.withheld ?? NONE,
    limiters: (slot) => exceptions.get(indexAt(slot))?.limiters ?? NONE,
    followUp: (slot) => {
      const grade = gradeName(slot);
      return grade === null ? NONE : followUps.get(grade)!;
    },
  };
}

/** The record indices of the ranking in ranked order (by rank, then id). */
export function rankedOrderOf(data: RankingData): RankedOrder {
  const totals = data.totals;
  return new RankedOrder(data.order, data.ranked, (index) => totals[index]!, TextColumn.from(data.ids));
}

/** Ranked positions gathered at a time: the numbers of a window's lines stay in the fastest caches. */
const WINDOW = 512;

/**
 * The numbers of the lines at consecutive ranked positions, gathered column by column. The columns are read at
 * scattered record indices, each number a wait for memory; gathered a window at a time they measured faster than
 * a line at a time (a million lines on one thread: about 0.3 s less).
 */
class LineWindow {
  /** the record index at each slot */
  readonly indices = new Uint32Array(WINDOW);
  readonly numbers: LineNumbers;
  /** each column's arrays, and the window's copy of its numbers */
  private readonly copies: [Parts, Float64Array][] = [];
  private start = 0;
  private end = 0;

  /** `to`: the position after the last one read */
  constructor(
    private readonly order: RankedOrder,
    columns: LineColumns<Parts>,
    private readonly to: number,
  ) {
    this.numbers = mapColumns(columns, (parts) => {
      const values = new Float64Array(WINDOW);
      this.copies.push([parts, values]);
      return numbersIn([values]);
    });
  }

  /** The slot of a ranked position, its window gathered first when it is not the current one. */
  slot(position: number): number {
    if (position < this.start || position >= this.end) this.gather(position);
    return position - this.start;
  }

  private gather(position: number): void {
    const { indices, order } = this;
    const count = Math.min(WINDOW, this.to - position);
    if (count <= 0) throw new RangeError(`ranked line ${position} read past the lines asked for (up to ${this.to})`);
    for (let slot = 0; slot < count; slot += 1) indices[slot] = order.at(position + slot);
    // straight from the arrays, without a call per number
    for (const [[first, rest], values] of this.copies) {
      const size = first!.length;
      for (let slot = 0; slot < count; slot += 1) {
        const index = indices[slot]!;
        values[slot] = index < size ? first![index]! : rest![index - size]!;
      }
    }
    this.start = position;
    this.end = position + count;
  }
}

/**
 * The ranking lines, by ranked position, to be read in order (a window of them is gathered at a time); `to`: the
 * position after the last one read (a tie run past it is not put in order: another thread may be reading it).
 */
export function rankedRowsOf(data: RankingData, order: RankedOrder, to = order.length): RankedRows {
  const window = new LineWindow(order, partsOf(data), to);
  const facts = factsBySlot(data, window.numbers, (slot) => window.indices[slot]!);
  const at = (position: number) => window.slot(position);
  // spelled out, not mapped over `facts`: one shared wrapper would make every accessor call on the CSV's hot
  // path go through one call site that sees all fifteen functions
  return {
    count: order.length,
    runStart: (p) => order.runStart(p),
    within: (_from, end) => rankedRowsOf(data, order, end),
    rank: (p) => facts.rank(at(p)),
    id: (p) => facts.id(at(p)),
    name: (p) => facts.name(at(p)),
    idUnits: (p) => facts.idUnits(at(p)),
    nameUnits: (p) => facts.nameUnits(at(p)),
    group: (p, g) => facts.group(at(p), g),
    groupRank: (p, g) => facts.groupRank(at(p), g),
    groupSize: (p, g) => facts.groupSize(at(p), g),
    domainPoints: (p, d) => facts.domainPoints(at(p), d),
    total: (p) => facts.total(at(p)),
    grade: (p) => facts.grade(at(p)),
    status: (p) => facts.status(at(p)),
    coverage: (p) => facts.coverage(at(p)),
    withheld: (p) => facts.withheld(at(p)),
    limiters: (p) => facts.limiters(at(p)),
    followUp: (p) => facts.followUp(at(p)),
  };
}
