import { parseExpression, referencedNames, type Expr } from '../core/expression.js';
import { problem, type Problem } from '../core/problems.js';
import { resolvedGradeBands, type ResolvedBand } from './grade-bands.js';
import type { Field, Indicator, Limiter, Rubric } from './schema.js';

/** A rubric after its load-time checks: expressions parsed, maximum points resolved, lookups built. */
export interface CompiledIndicator {
  readonly indicator: Indicator;
  readonly index: number;
  readonly maxPoints: number;
  readonly value: Expr;
  readonly missing: 'fail' | 'zero' | 'exclude';
}

export interface CompiledLimiter {
  readonly limiter: Limiter;
  readonly when: Expr;
}

export interface CompiledCheck {
  readonly check: Rubric['checks'][number];
  readonly assert: Expr;
}

export interface RubricSource {
  /** path as given, or `bundled:<file>` */
  readonly file: string;
  readonly sha256: string;
}

export interface CompiledRubric {
  readonly rubric: Rubric;
  readonly source: RubricSource;
  readonly fields: ReadonlyMap<string, Field>;
  readonly indicators: readonly CompiledIndicator[];
  readonly limiters: readonly CompiledLimiter[];
  readonly checks: readonly CompiledCheck[];
  /** grades, best first */
  readonly grades: readonly string[];
  /** absolute grade bands with their bounds filled in (empty for quota grading) */
  readonly bands: readonly ResolvedBand[];
}

const TOLERANCE = 1e-9;
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/** Formats a rubric path such as indicators[3].method.bands[1].atLeast. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * Checks what the schema alone cannot (ids unique, references exist, weights add up, thresholds ordered,
 * grade bands cover the range) and compiles the rubric. Every problem is reported, each with its rubric path.
 */
export function compileRubric(rubric: Rubric, source: RubricSource): { rubric?: CompiledRubric; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (path: (string | number)[], code: string, args: Record<string, string | number> = {}) =>
    problems.push(problem(code, 'error', { file: source.file, path: formatPath(path) }, args));

  const fields = new Map<string, Field>();
  rubric.fields.forEach((field, i) => {
    if (fields.has(field.id)) report(['fields', i, 'id'], 'RUBRIC_DUPLICATE_ID', { kind: 'field', id: field.id });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
      report(['fields', i, 'max'], 'RUBRIC_THRESHOLDS_UNORDERED', { what: field.id, detail: `min ${field.min} > max ${field.max}` });
    }
    fields.set(field.id, field);
  });
  const requireField = (path: (string | number)[], id: string) => {
    if (!fields.has(id)) report(path, 'RUBRIC_UNKNOWN_FIELD', { id });
  };
  requireField(['idField'], rubric.idField);
  requireField(['nameField'], rubric.nameField);
  rubric.peerGroups.forEach((id, i) => requireField(['peerGroups', i], id));

  const unique = (list: readonly { id: string }[], key: string, kind: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) report([key, i, 'id'], 'RUBRIC_DUPLICATE_ID', { kind, id: item.id });
      seen.add(item.id);
    });
    return seen;
  };
  const categoryIds = unique(rubric.categories, 'categories', 'category');
  const domainIds = unique(rubric.domains, 'domains', 'domain');
  unique(rubric.indicators, 'indicators', 'indicator');
  unique(rubric.limiters, 'limiters', 'limiter');
  unique(rubric.checks, 'checks', 'check');

  const compileExpr = (path: (string | number)[], source: string): Expr | undefined => {
    const parsed = parseExpression(source);
    if (!parsed.ok) {
      report(path, 'RUBRIC_BAD_EXPRESSION', { expression: source, detail: parsed.error.message, at: parsed.error.at + 1 });
      return undefined;
    }
    for (const name of referencedNames(parsed.expr)) requireField(path, name);
    return parsed.expr;
  };

  // Domains and categories: points add up to the total.
  rubric.domains.forEach((domain, i) => {
    if (domain.category !== undefined && !categoryIds.has(domain.category)) {
      report(['domains', i, 'category'], 'RUBRIC_UNKNOWN_REF', { kind: 'category', id: domain.category });
    }
  });
  rubric.categories.forEach((category, i) => {
    const sum = rubric.domains.filter((d) => d.category === category.id).reduce((s, d) => s + d.points, 0);
    if (!sameNumber(sum, category.points)) {
      report(['categories', i, 'points'], 'RUBRIC_POINTS_MISMATCH', { what: category.id, declared: category.points, sum });
    }
  });
  const domainSum = rubric.domains.reduce((s, d) => s + d.points, 0);
  if (!sameNumber(domainSum, rubric.total.points)) {
    report(['total', 'points'], 'RUBRIC_POINTS_MISMATCH', { what: 'total', declared: rubric.total.points, sum: domainSum });
  }

  // Indicators: maximum points from points or weights, values, methods.
  const indicators: CompiledIndicator[] = [];
  for (const [d, domain] of rubric.domains.entries()) {
    const members = rubric.indicators.map((ind, index) => ({ ind, index })).filter(({ ind }) => ind.domain === domain.id);
    if (members.length === 0) report(['domains', d], 'RUBRIC_EMPTY_DOMAIN', { id: domain.id });
    const byWeight = members.filter(({ ind }) => ind.weight !== undefined);
    const weightSum = byWeight.reduce((s, { ind }) => s + (ind.weight ?? 0), 0);
    const pointSum = members.reduce((s, { ind }) => s + (ind.points ?? 0), 0);
    if (byWeight.length > 0 && byWeight.length < members.length) {
      report(['domains', d], 'RUBRIC_MIXED_WEIGHTS', { id: domain.id });
    } else if (byWeight.length === 0 && members.length > 0 && !sameNumber(pointSum, domain.points)) {
      report(['domains', d, 'points'], 'RUBRIC_POINTS_MISMATCH', { what: domain.id, declared: domain.points, sum: pointSum });
    }
    for (const { ind, index } of members) {
      const maxPoints = ind.weight !== undefined ? (domain.points * ind.weight) / weightSum : (ind.points ?? 0);
      const compiled = compileIndicator(ind, index, maxPoints, rubric, fields, report, compileExpr);
      if (compiled) indicators.push(compiled);
    }
  }
  rubric.indicators.forEach((ind, i) => {
    if (!domainIds.has(ind.domain)) report(['indicators', i, 'domain'], 'RUBRIC_UNKNOWN_REF', { kind: 'domain', id: ind.domain });
    if ((ind.points === undefined) === (ind.weight === undefined)) report(['indicators', i], 'RUBRIC_POINTS_OR_WEIGHT', { id: ind.id });
  });
  indicators.sort((a, b) => a.index - b.index);

  const grades = checkGrading(rubric, report);
  const gradeSet = new Set(grades);
  const requireGrade = (path: (string | number)[], grade: string) => {
    if (!gradeSet.has(grade)) report(path, 'RUBRIC_UNKNOWN_REF', { kind: 'grade', id: grade });
  };

  const limiters: CompiledLimiter[] = [];
  rubric.limiters.forEach((limiter, i) => {
    const when = compileExpr(['limiters', i, 'when'], limiter.when);
    const effect = limiter.effect;
    if (effect.kind === 'capGrade') requireGrade(['limiters', i, 'effect', 'grade'], effect.grade);
    if (effect.kind === 'setDomain') {
      const domain = rubric.domains.find((dm) => dm.id === effect.domain);
      if (!domain) report(['limiters', i, 'effect', 'domain'], 'RUBRIC_UNKNOWN_REF', { kind: 'domain', id: effect.domain });
      else if (effect.points > domain.points) {
        report(['limiters', i, 'effect', 'points'], 'RUBRIC_POINTS_ABOVE_MAX', { points: effect.points, max: domain.points });
      }
    }
    if (when) limiters.push({ limiter, when });
  });
  const checks: CompiledCheck[] = [];
  rubric.checks.forEach((check, i) => {
    const assert = compileExpr(['checks', i, 'assert'], check.assert);
    if (assert) checks.push({ check, assert });
  });
  rubric.followUps.forEach((followUp, i) => followUp.grades.forEach((g, j) => requireGrade(['followUps', i, 'grades', j], g)));
  rubric.certification?.passGrades.forEach((g, j) => requireGrade(['certification', 'passGrades', j], g));
  if (rubric.effective.to !== undefined && rubric.effective.to < rubric.effective.from) {
    report(['effective', 'to'], 'RUBRIC_THRESHOLDS_UNORDERED', { what: 'effective', detail: `${rubric.effective.from} > ${rubric.effective.to}` });
  }

  if (problems.length > 0) return { problems };
  return { rubric: { rubric, source, fields, indicators, limiters, checks, grades, bands: resolvedGradeBands(rubric) }, problems };
}

type Report = (path: (string | number)[], code: string, args?: Record<string, string | number>) => void;

function compileIndicator(
  ind: Indicator,
  index: number,
  maxPoints: number,
  rubric: Rubric,
  fields: ReadonlyMap<string, Field>,
  report: Report,
  compileExpr: (path: (string | number)[], source: string) => Expr | undefined,
): CompiledIndicator | undefined {
  const at = (...rest: (string | number)[]) => ['indicators', index, ...rest];
  let value: Expr | undefined;
  if ((ind.field === undefined) === (ind.formula === undefined)) {
    report(at(), 'RUBRIC_FIELD_OR_FORMULA', { id: ind.id });
  } else if (ind.field !== undefined) {
    if (!fields.has(ind.field)) report(at('field'), 'RUBRIC_UNKNOWN_FIELD', { id: ind.field });
    value = { kind: 'name', name: ind.field, at: 0 };
  } else {
    value = compileExpr(at('formula'), ind.formula!);
  }
  const method = ind.method;
  const checkScore = (path: (string | number)[], score: { points?: number | undefined; rating?: number | undefined }) => {
    if ((score.points === undefined) === (score.rating === undefined)) report(path, 'RUBRIC_POINTS_OR_RATING');
    else if (score.points !== undefined && score.points > maxPoints + TOLERANCE) {
      report([...path, 'points'], 'RUBRIC_POINTS_ABOVE_MAX', { points: score.points, max: maxPoints });
    }
  };
  const requireField = (path: (string | number)[], id: string) => {
    if (!fields.has(id)) report(path, 'RUBRIC_UNKNOWN_FIELD', { id });
  };
  switch (method.kind) {
    case 'linear':
      if (!(method.low < method.high)) report(at('method', 'high'), 'RUBRIC_THRESHOLDS_UNORDERED', { what: ind.id, detail: `low ${method.low} ≥ high ${method.high}` });
      if (method.minRating > method.maxRating) report(at('method', 'maxRating'), 'RUBRIC_THRESHOLDS_UNORDERED', { what: ind.id, detail: 'minRating > maxRating' });
      break;
    case 'bands': {
      const key = ind.direction === 'higher' ? 'atLeast' : 'atMost';
      const other = ind.direction === 'higher' ? 'atMost' : 'atLeast';
      let previous: number | undefined;
      method.bands.forEach((band, b) => {
        const threshold = band[key];
        if (threshold === undefined || band[other] !== undefined) {
          report(at('method', 'bands', b), 'RUBRIC_BAND_DIRECTION', { key, direction: ind.direction });
        } else {
          const ordered = ind.direction === 'higher' ? threshold < (previous ?? Infinity) : threshold > (previous ?? -Infinity);
          if (!ordered) report(at('method', 'bands', b, key), 'RUBRIC_THRESHOLDS_UNORDERED', { what: ind.id, detail: `${previous} → ${threshold}` });
          previous = threshold;
        }
        checkScore(at('method', 'bands', b), band);
      });
      if (method.otherwise) checkScore(at('method', 'otherwise'), method.otherwise);
      break;
    }
    case 'levels': {
      const seen = new Set<string>();
      method.levels.forEach((level, l) => {
        if (seen.has(level.level)) report(at('method', 'levels', l, 'level'), 'RUBRIC_DUPLICATE_ID', { kind: 'level', id: level.level });
        seen.add(level.level);
        checkScore(at('method', 'levels', l), level);
      });
      const field = ind.field === undefined ? undefined : fields.get(ind.field);
      for (const allowed of field?.values ?? []) {
        if (!seen.has(allowed)) report(at('method', 'levels'), 'RUBRIC_LEVEL_UNSCORED', { level: allowed, field: field!.id });
      }
      break;
    }
    case 'target':
      if (typeof method.target === 'object') requireField(at('method', 'target', 'field'), method.target.field);
      break;
    case 'improvement':
      requireField(at('method', 'baseline', 'field'), method.baseline.field);
      if (method.full === method.zero) report(at('method', 'full'), 'RUBRIC_THRESHOLDS_UNORDERED', { what: ind.id, detail: 'full = zero' });
      break;
    case 'relative':
      if (method.within !== undefined) requireField(at('method', 'within'), method.within);
      if (!(method.zRange[0] < method.zRange[1])) report(at('method', 'zRange'), 'RUBRIC_THRESHOLDS_UNORDERED', { what: ind.id, detail: 'zRange' });
      break;
    case 'direct':
    case 'binary':
      break;
  }
  if (!value) return undefined;
  return { indicator: ind, index, maxPoints, value, missing: ind.missing ?? rubric.defaults.missing };
}

/** Checks grade bands (cover 0..total, no gap, no overlap; a missing max is the band above's min) or quotas (shares add to 100); returns grades best first. */
function checkGrading(rubric: Rubric, report: Report): string[] {
  const grading = rubric.grading;
  const list = grading.kind === 'bands' ? grading.bands : grading.quotas;
  const key = grading.kind === 'bands' ? 'bands' : 'quotas';
  const grades: string[] = [];
  list.forEach((entry, i) => {
    if (grades.includes(entry.grade)) report(['grading', key, i, 'grade'], 'RUBRIC_DUPLICATE_ID', { kind: 'grade', id: entry.grade });
    grades.push(entry.grade);
  });
  if (grading.kind === 'quotas') {
    const sum = grading.quotas.reduce((s, q) => s + q.share, 0);
    if (!sameNumber(sum, 100)) report(['grading', 'quotas'], 'RUBRIC_SHARES_NOT_100', { sum });
    if (grading.within !== undefined && !rubric.fields.some((f) => f.id === grading.within)) {
      report(['grading', 'within'], 'RUBRIC_UNKNOWN_FIELD', { id: grading.within });
    }
    return grades;
  }
  const total = rubric.total.points;
  grading.bands.forEach((band, i) => {
    const upper = band.max ?? (i === 0 ? total : grading.bands[i - 1]!.min);
    const lower = band.min ?? (i === grading.bands.length - 1 ? 0 : undefined);
    const path = ['grading', 'bands', i];
    if (upper === undefined) report([...path, 'max'], 'RUBRIC_BAND_BOUND_MISSING', { grade: band.grade, bound: 'max' });
    if (lower === undefined) report([...path, 'min'], 'RUBRIC_BAND_BOUND_MISSING', { grade: band.grade, bound: 'min' });
    if (upper !== undefined && lower !== undefined && !(lower < upper)) {
      report(path, 'RUBRIC_THRESHOLDS_UNORDERED', { what: band.grade, detail: `min ${lower} ≥ max ${upper}` });
    }
    if (i === 0 && upper !== undefined && !sameNumber(upper, total)) report([...path, 'max'], 'RUBRIC_BANDS_RANGE', { grade: band.grade, bound: upper, expected: total });
    if (i === grading.bands.length - 1 && lower !== undefined && !sameNumber(lower, 0)) report([...path, 'min'], 'RUBRIC_BANDS_RANGE', { grade: band.grade, bound: lower, expected: 0 });
    const next = grading.bands[i + 1];
    if (next && band.min !== undefined && next.max !== undefined && !sameNumber(band.min, next.max)) {
      report([...path, 'min'], band.min > next.max ? 'RUBRIC_BANDS_GAP' : 'RUBRIC_BANDS_OVERLAP', {
        grade: band.grade,
        next: next.grade,
        from: Math.min(band.min, next.max),
        to: Math.max(band.min, next.max),
      });
    }
  });
  return grades;
}
