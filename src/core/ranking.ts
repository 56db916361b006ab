import { float64Column, int32Column } from './columns.js';
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
export type RankingFacts = { readonly [K in Exclude<keyof RankedRows, 'count' | 'runStart'>]: RankedRows[K] };

/** An empty list, shared by every record that has no withheld reason, limiter or follow-up. */
const NONE: readonly never[] = [];

/** Reads the ranking data by record index (the arrays read in place). */
export function rankingFacts(data: RankingData): RankingFacts {
  const ids = TextColumn.from(data.ids);
  const names = TextColumn.from(data.names);
  const groupCodes = data.groupCodes.map((parts) => int32Column(...parts));
  const domainPoints = data.domainPoints.map((parts) => float64Column(...parts));
  const coverage = float64Column(...data.coverage);
  const { ranks, totals, grades, gradeNames, groupRanks, groupSizes, groupValues, exceptions, followUps } = data;
  const gradeName = (index: number) => (ranks[index] === -1 || grades[index] === -1 ? null : gradeNames[grades[index]!]!);
  return {
    rank: (index) => (ranks[index] === -1 ? null : ranks[index]!),
    id: (index) => ids.get(index),
    name: (index) => names.get(index),
    group: (index, g) => {
      const code = groupCodes[g]!.get(index);
      return code === -1 ? null : groupValues[code]!;
    },
    groupRank: (index, g) => {
      const rank = groupRanks[g]![index]!;
      return rank === -1 ? null : rank;
    },
    groupSize: (index, g) => (groupRanks[g]![index] === -1 ? 0 : groupSizes[g]![groupCodes[g]!.get(index) + 1]!),
    domainPoints: (index, d) => {
      const points = domainPoints[d]!.get(index);
      return Number.isNaN(points) ? null : points;
    },
    total: (index) => (Number.isNaN(totals[index]!) ? null : totals[index]!),
    grade: gradeName,
    status: (index) => (ranks[index] === -1 ? 'withheld' : 'graded'),
    coverage: (index) => coverage.get(index),
    withheld: (index) => exceptions.get(index)?.withheld ?? NONE,
    limiters: (index) => exceptions.get(index)?.limiters ?? NONE,
    followUp: (index) => {
      const grade = gradeName(index);
      return grade === null ? NONE : followUps.get(grade)!;
    },
  };
}

/** The record indices of the ranking in ranked order (by rank, then id). */
export function rankedOrderOf(data: RankingData): RankedOrder {
  const ids = TextColumn.from(data.ids);
  const totals = data.totals;
  return new RankedOrder(data.order, data.ranked, (index) => totals[index]!, (a, b) => ids.compare(a, b));
}

/** The ranking lines, by ranked position, of the records `facts` reads. */
export function rankedRowsOf(facts: RankingFacts, order: RankedOrder): RankedRows {
  const at = (position: number) => order.at(position);
  // spelled out, not mapped over `facts`: one shared wrapper would make every accessor call on the CSV's hot
  // path go through one call site that sees all fifteen functions
  return {
    count: order.length,
    runStart: (p) => order.runStart(p),
    rank: (p) => facts.rank(at(p)),
    id: (p) => facts.id(at(p)),
    name: (p) => facts.name(at(p)),
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
