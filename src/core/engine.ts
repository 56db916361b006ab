import type { CompiledIndicator, CompiledRubric } from '../rubric/model.js';
import { evaluate, type EvalFailure, type EvalResult } from './expression.js';
import { formatNumber } from './format-number.js';
import { bandGrade, quotaGrades, worseGrade } from './grade.js';
import { problem, type Problem } from './problems.js';
import { competitionRanks } from './rank.js';
import type { InstitutionRecord } from './records.js';
import { peerStats, type PeerStats } from './relative.js';
import type {
  AppliedLimiter,
  DomainResult,
  GroupRank,
  IndicatorFinding,
  InstitutionResult,
  Message,
} from './results.js';
import { roundHalfUp } from './rounding.js';
import { pointsReason, rateIndicator } from './score.js';
import { formatValue, isPlainDate, type FieldValue, type PlainDate } from './values.js';

export interface GradeOptions {
  readonly asOf: PlainDate;
  /** fields to rank within; default the rubric's peerGroups */
  readonly groupBy?: readonly string[];
}

export interface GradeOutcome {
  /** ranked: by rank, ties by id; withheld institutions last, by id */
  readonly results: InstitutionResult[];
  readonly problems: Problem[];
}

const groupValue = (value: FieldValue): string | null => (value === null ? null : formatValue(value));

/**
 * Scores, aggregates, grades and ranks institutions by a rubric: the whole pure pipeline
 * records → indicator findings → domains and total → grade with limiters → ranks.
 */
export function gradeInstitutions(
  rubric: CompiledRubric,
  records: readonly InstitutionRecord[],
  options: GradeOptions,
): GradeOutcome {
  const problems: Problem[] = [];
  const groupBy = options.groupBy ?? rubric.rubric.peerGroups;
  const contexts = records.map((record) => ({
    get: (name: string) => record.values.get(name) ?? null,
    asOf: options.asOf,
  }));
  const values = records.map((_, r) => rubric.indicators.map((ci) => evaluate(ci.value, contexts[r]!)));
  const peers = relativePeers(rubric, records, values);

  const scored = records.map((record, r) => {
    const at = { file: record.source.file, row: record.source.row, line: record.source.line, institution: record.id };
    const findings = rubric.indicators.map((ci, i) => {
      const value = values[r]![i]!;
      if (!value.ok && value.failure.kind === 'type') {
        problems.push(problem('SCORE_TYPE_ERROR', 'error', { ...at, field: ci.indicator.id }, { detail: value.failure.detail }));
      }
      return findIndicator(ci, value, { get: contexts[r]!.get, peers: peers.get(ci.indicator.id)?.(record) });
    });
    return { record, at, findings, ...aggregate(rubric, findings) };
  });

  const partial = scored.map(({ record, at, findings, domains }, r) => {
    const limiters: AppliedLimiter[] = [];
    const withheld: Message[] = [];
    let cap: string | null = null;
    for (const { limiter, when } of rubric.limiters) {
      const condition = evaluate(when, contexts[r]!);
      if (!condition.ok) {
        problems.push(limiterProblem(condition.failure, limiter.id, at));
        continue;
      }
      if (condition.value !== true && condition.value !== 1) continue;
      const effect = limiter.effect;
      const label = limiter.label;
      if (effect.kind === 'capGrade') {
        cap = cap === null ? effect.grade : worseGrade(rubric.grades, cap, effect.grade);
        limiters.push({ id: limiter.id, label, effect: 'capGrade', detail: { code: 'LIMITER_CAP', args: { grade: effect.grade } } });
      } else if (effect.kind === 'setDomain') {
        const domain = domains.find((d) => d.id === effect.domain)!;
        const domainLabel = rubric.rubric.domains.find((d) => d.id === effect.domain)!.label;
        const args = {
          domain: domainLabel.ko,
          domainEn: domainLabel.en ?? domainLabel.ko,
          points: formatNumber(effect.points),
          before: domain.points === null ? '-' : formatNumber(domain.points),
        };
        limiters.push({ id: limiter.id, label, effect: 'setDomain', detail: { code: 'LIMITER_SET_DOMAIN', args } });
        domain.points = effect.points;
        domain.setBy = limiter.id;
      } else {
        limiters.push({ id: limiter.id, label, effect: 'withhold', detail: { code: 'LIMITER_WITHHOLD', args: {} } });
        withheld.push({ code: 'WITHHELD_LIMITER', args: { limiter: limiter.label.ko, limiterEn: limiter.label.en ?? limiter.label.ko } });
      }
    }
    const { total, coverage } = totalOf(rubric, findings, domains);
    const failed = findings.filter((f) => f.status === 'failed').map((f) => f.id);
    if (failed.length > 0) withheld.push({ code: 'WITHHELD_FAILED', args: { indicators: failed.join(', ') } });
    if (total === null) withheld.push({ code: 'WITHHELD_NO_DATA', args: {} });
    if (coverage < rubric.rubric.minCoverage) {
      withheld.push({ code: 'WITHHELD_COVERAGE', args: { coverage: formatNumber(coverage, 1), minimum: formatNumber(rubric.rubric.minCoverage, 1) } });
    }
    const groups = Object.fromEntries(groupBy.map((field) => [field, groupValue(record.values.get(field) ?? null)]));
    return { record, findings, domains, total, coverage, limiters, withheld, cap, groups };
  });

  const grading = rubric.rubric.grading;
  const gradable = partial.filter((p) => p.withheld.length === 0 && p.total !== null);
  const quota =
    grading.kind === 'quotas'
      ? quotaGrades(
          gradable.map((p) => ({
            key: p.record.id,
            score: p.total!,
            group: grading.within === undefined ? null : groupValue(p.record.values.get(grading.within) ?? null),
          })),
          grading,
        )
      : undefined;

  const results: InstitutionResult[] = partial.map((p) => {
    const isGraded = p.withheld.length === 0 && p.total !== null;
    const earnedGrade =
      p.total === null ? null : grading.kind === 'bands' ? bandGrade(rubric.bands, p.total) : (quota!.get(p.record.id) ?? null);
    const grade = !isGraded || earnedGrade === null ? null : p.cap === null ? earnedGrade : worseGrade(rubric.grades, earnedGrade, p.cap);
    const followUp = grade === null ? [] : rubric.rubric.followUps.filter((f) => f.grades.includes(grade)).map((f) => f.action);
    return {
      id: p.record.id,
      name: p.record.name,
      groups: p.groups,
      source: p.record.source,
      indicators: p.findings,
      domains: p.domains,
      total: p.total,
      coverage: p.coverage,
      earnedGrade,
      grade,
      status: isGraded ? 'graded' : 'withheld',
      withheld: p.withheld,
      limiters: p.limiters,
      followUp,
      rank: null,
      groupRanks: [],
    };
  });
  return { results: rankResults(results, groupBy), problems };
}

function limiterProblem(failure: EvalFailure, limiter: string, at: object): Problem {
  if (failure.kind === 'missing') return problem('LIMITER_CONDITION_MISSING', 'warning', { ...at, field: limiter }, { limiter, fields: failure.fields.join(', ') });
  const detail = failure.kind === 'type' ? failure.detail : 'division by zero';
  return problem('LIMITER_CONDITION_ERROR', 'error', { ...at, field: limiter }, { limiter, detail });
}

/** Builds, for each relative indicator, a lookup from a record to its peer statistics. */
function relativePeers(
  rubric: CompiledRubric,
  records: readonly InstitutionRecord[],
  values: readonly EvalResult[][],
): Map<string, (record: InstitutionRecord) => PeerStats> {
  const lookups = new Map<string, (record: InstitutionRecord) => PeerStats>();
  rubric.indicators.forEach((ci, i) => {
    const method = ci.indicator.method;
    if (method.kind !== 'relative') return;
    const within = method.within;
    const groupOf = (record: InstitutionRecord) => (within === undefined ? null : groupValue(record.values.get(within) ?? null));
    const byGroup = new Map<string | null, number[]>();
    const all: number[] = [];
    records.forEach((record, r) => {
      const result = values[r]![i]!;
      if (!result.ok || typeof result.value !== 'number') return;
      all.push(result.value);
      const group = groupOf(record);
      const members = byGroup.get(group);
      if (members) members.push(result.value);
      else byGroup.set(group, [result.value]);
    });
    const population = peerStats(null, all);
    const stats = new Map([...byGroup].map(([group, list]) => [group, list.length >= method.minGroupSize ? peerStats(group, list) : population]));
    lookups.set(ci.indicator.id, (record) => (within === undefined ? population : (stats.get(groupOf(record)) ?? population)));
  });
  return lookups;
}

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

/** Domain subtotals: earned points renormalised over the indicators that had data. */
function aggregate(rubric: CompiledRubric, findings: readonly IndicatorFinding[]): { domains: DomainResult[] } {
  const domains = rubric.rubric.domains.map((domain) => {
    const counted = findings.filter((f) => f.domain === domain.id && f.points !== null);
    const availableMax = counted.reduce((s, f) => s + f.maxPoints, 0);
    const earned = counted.reduce((s, f) => s + f.points!, 0);
    const points = availableMax === 0 ? null : (earned * domain.points) / availableMax;
    return { id: domain.id, points, maxPoints: domain.points, setBy: null as string | null };
  });
  return { domains };
}

/** The total (renormalised over domains with data, rounded half up) and the coverage in percent. */
function totalOf(
  rubric: CompiledRubric,
  findings: readonly IndicatorFinding[],
  domains: readonly DomainResult[],
): { total: number | null; coverage: number } {
  const maxTotal = rubric.rubric.total.points;
  const counted = domains.filter((d) => d.points !== null);
  const availableMax = counted.reduce((s, d) => s + d.maxPoints, 0);
  const earned = counted.reduce((s, d) => s + d.points!, 0);
  const total = availableMax === 0 ? null : roundHalfUp((earned * maxTotal) / availableMax, rubric.rubric.total.precision);
  const covered = findings.filter((f) => f.points !== null).reduce((s, f) => s + f.maxPoints, 0);
  return { total, coverage: (covered / maxTotal) * 100 };
}

/** Ranks graded institutions overall and within each group field, and orders the results. */
function rankResults(results: InstitutionResult[], groupBy: readonly string[]): InstitutionResult[] {
  const graded = results.filter((r) => r.status === 'graded' && r.total !== null);
  const overall = competitionRanks(graded.map((r) => ({ key: r.id, score: r.total! })));
  const groupRanks = groupBy.map((field) => {
    const byGroup = new Map<string | null, InstitutionResult[]>();
    for (const r of graded) {
      const group = r.groups[field] ?? null;
      const members = byGroup.get(group);
      if (members) members.push(r);
      else byGroup.set(group, [r]);
    }
    const ranks = new Map<string, GroupRank>();
    for (const [group, members] of byGroup) {
      const groupRank = competitionRanks(members.map((r) => ({ key: r.id, score: r.total! })));
      for (const r of members) ranks.set(r.id, { field, group, rank: groupRank.get(r.id)!, of: members.length });
    }
    return { field, ranks };
  });
  const ranked = results.map((r) => ({
    ...r,
    rank: overall.get(r.id) ?? null,
    groupRanks: groupRanks.map(({ field, ranks }) => ranks.get(r.id) ?? { field, group: r.groups[field] ?? null, rank: null, of: 0 }),
  }));
  return ranked.sort((a, b) => {
    if (a.rank !== null && b.rank !== null && a.rank !== b.rank) return a.rank - b.rank;
    if ((a.rank === null) !== (b.rank === null)) return a.rank === null ? 1 : -1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
