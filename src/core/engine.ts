import type { CompiledIndicator, CompiledRubric } from '../rubric/model.js';
import type { EvalFailure, EvalResult } from './expression.js';
import { Grader, indicatorValues, type GradedTable, type GradeOptions } from './grader.js';
import type { Problem } from './problems.js';
import type { InstitutionRecord } from './records.js';
import { listedRows, type RankedRows } from './ranked-rows.js';
import type { RankingData } from './ranking.js';
import type { IndicatorFinding, InstitutionResult, Message } from './results.js';
import { pointsReason, rateIndicator } from './score.js';
import { formatValue, isPlainDate, type FieldValue, type PlainDate } from './values.js';

export type { GradeOptions } from './grader.js';

export interface GradeOutcome {
  /** ranked: by rank, ties by id; withheld institutions last, by id */
  readonly results: InstitutionResult[];
  readonly problems: Problem[];
}

/** Grades every record with the compact grader (see grader.ts); the records are added in order. */
export function gradeTable(rubric: CompiledRubric, records: Iterable<InstitutionRecord>, options: GradeOptions): GradedTable {
  const grader = new Grader(rubric, options);
  for (const record of records) grader.add(record);
  return grader.finish();
}

/**
 * Scores, aggregates, grades and ranks institutions by a rubric: the whole pure pipeline
 * records → indicator findings → domains and total → grade with limiters → ranks, every indicator explained.
 */
export function gradeInstitutions(
  rubric: CompiledRubric,
  records: readonly InstitutionRecord[],
  options: GradeOptions,
): GradeOutcome {
  const table = gradeTable(rubric, records, options);
  return { results: explainedResults(rubric, records, table, options.asOf), problems: [...table.problems] };
}

/**
 * The graded table's results in order, each with its indicator findings: the numbers come from the compact
 * grader, the findings are the same ratings with their reasons. `records` are those the table was graded from.
 */
export function explainedResults(rubric: CompiledRubric, records: readonly InstitutionRecord[], table: GradedTable, asOf: PlainDate): InstitutionResult[] {
  return Array.from(table.order, (index) => explainedResult(rubric, table, index, records[index]!.values, asOf));
}

/** The result of the record the table graded at `index`, with its findings; `values` are that record's field values. */
function explainedResult(
  rubric: CompiledRubric,
  table: GradedTable,
  index: number,
  values: ReadonlyMap<string, FieldValue>,
  asOf: PlainDate,
): InstitutionResult {
  const summary = table.summary(index);
  const get = (name: string) => values.get(name) ?? null;
  const evaluated = indicatorValues(rubric, { id: summary.id, name: summary.name, source: summary.source, values }, asOf);
  const indicators = rubric.indicators.map((ci, i) => findIndicator(ci, evaluated[i]!, { get, peers: table.peersOf(i, index) }));
  return { ...summary, indicators };
}

/**
 * Graded results in ranked order, taken by position one at a time, with or without their indicator findings: a
 * report over 100k institutions builds each full result as it writes it and keeps none.
 */
export interface RankedResults {
  readonly count: number;
  /** what a ranking line shows, read without building results */
  readonly rows: RankedRows;
  /** the same, as data another thread can read in place (a graded table's; not a built result list's) */
  readonly ranking?: RankingData;
  /** the result at a position in ranked order, without findings (`indicators` may be empty) */
  summary(position: number): InstitutionResult;
  /** the result at a position in ranked order with its findings, built anew on each call */
  explained(position: number): InstitutionResult;
}

/** A graded table's results in ranked order; `valuesAt(index)` gives the field values of the record graded at `index`. */
export function rankedResults(
  rubric: CompiledRubric,
  table: GradedTable,
  valuesAt: (index: number) => ReadonlyMap<string, FieldValue>,
  asOf: PlainDate,
): RankedResults {
  return {
    count: table.order.length,
    rows: table.rows,
    ranking: table.ranking,
    summary: (position) => table.summary(table.order.at(position)),
    explained: (position) => {
      const index = table.order.at(position);
      return explainedResult(rubric, table, index, valuesAt(index), asOf);
    },
  };
}

/** Results already built with their findings (a grade document's), as ranked results. */
export function listedResults(results: readonly InstitutionResult[]): RankedResults {
  return { count: results.length, rows: listedRows(results), summary: (position) => results[position]!, explained: (position) => results[position]! };
}

/**
 * What an output needs graded: every finding built up front (`findings`), only the compact table (`table`: a
 * ranking), or the table and the records' field values, to build each institution's findings as it is written
 * (`values`: the result workbook).
 */
export type GradeNeeds = 'findings' | 'table' | 'values';

/** Scores one indicator, applying its missing-data policy when there is no usable value. */
function findIndicator(
  ci: CompiledIndicator,
  value: EvalResult,
  context: Parameters<typeof rateIndicator>[2],
): IndicatorFinding {
  const ind = ci.indicator;
  const base = { id: ind.id, domain: ind.domain, method: ind.method.kind, direction: ind.direction, maxPoints: ci.maxPoints };
  const shown = value.ok ? (isPlainDate(value.value) ? formatValue(value.value) : value.value) : null;
  const rating = value.ok ? rateIndicator(ci, value.value, context) : { ok: false as const, reason: failureReason(value.failure) };
  if (rating.ok) {
    const points = (ci.maxPoints * rating.rating) / 100;
    return { ...base, value: shown, status: 'scored', rating: rating.rating, points, reason: pointsReason(rating.reason, points, ci.maxPoints) };
  }
  const reason = pointsReason(rating.reason, 0, ci.maxPoints);
  if (ci.missing === 'zero') return { ...base, value: shown, status: 'zero', rating: 0, points: 0, reason };
  return { ...base, value: shown, status: ci.missing === 'exclude' ? 'excluded' : 'failed', rating: null, points: null, reason };
}

function failureReason(failure: EvalFailure): Message {
  if (failure.kind === 'missing') return { code: 'REASON_MISSING', args: { fields: failure.fields.join(', ') } };
  if (failure.kind === 'divisionByZero') return { code: 'REASON_DIVISION_BY_ZERO', args: {} };
  return { code: 'REASON_TYPE_ERROR', args: { detail: failure.detail } };
}
