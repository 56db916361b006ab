import { formatNumber, formatPoints } from './format-number.js';
import { percentileOf, zScoreOf, type PeerStats } from './relative.js';
import type { Message } from './results.js';
import { formatValue, isPlainDate, type FieldValue } from './values.js';
import type { CompiledIndicator } from '../rubric/model.js';

/** A rating (0–100) and the reason a person can read; or why no rating could be given. */
export type Rating = { ok: true; rating: number; reason: Message } | { ok: false; reason: Message };

export interface RatingContext {
  /** a field of the same record (targets and baselines) */
  readonly get: (field: string) => FieldValue;
  /** the peer group of a relative indicator */
  readonly peers?: PeerStats;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * What rating a value gets, with the reason's code and a way to build its arguments: the arguments are display
 * strings, so they are only built when a reason is shown (grading a million records needs only the number).
 */
interface Assessment {
  /** 0–100 (clamped), or undefined when the value cannot be rated */
  readonly rating: number | undefined;
  readonly code: string;
  readonly args: () => Record<string, string>;
}

const noArgs = () => ({});

type Method<K extends CompiledIndicator['indicator']['method']['kind']> = Extract<CompiledIndicator['indicator']['method'], { kind: K }>;

/** A score given as points or as a rating, as a rating (0–100 before clamping). */
const scoreRating = (ci: CompiledIndicator, score: { points?: number | undefined; rating?: number | undefined }) => score.rating ?? ((score.points ?? 0) / ci.maxPoints) * 100;

/** The direct method: the value is the rating, or points out of the indicator's maximum. */
const directRating = (ci: CompiledIndicator, method: Method<'direct'>, x: number) => (method.scale === 'points' ? (x / ci.maxPoints) * 100 : x);

/** The linear method: the value's place between low and high, turned into a rating between minRating and maxRating. */
function linearRating(method: Method<'linear'>, higher: boolean, x: number): number {
  const position = clamp((x - method.low) / (method.high - method.low), 0, 1);
  const fraction = higher ? position : 1 - position;
  return method.minRating + (method.maxRating - method.minRating) * fraction;
}

/** The bands method: the first band the value reaches (at least, or at most when lower is better). */
function bandOf(method: Method<'bands'>, higher: boolean, x: number): Method<'bands'>['bands'][number] | undefined {
  for (const band of method.bands) if (higher ? x >= (band.atLeast ?? Infinity) : x <= (band.atMost ?? -Infinity)) return band;
  return undefined;
}

/** The bands method's rating for the band a value reached: the band's, else the `otherwise` score, else 0. */
function bandRating(ci: CompiledIndicator, method: Method<'bands'>, band: Method<'bands'>['bands'][number] | undefined): number {
  return band ? scoreRating(ci, band) : method.otherwise ? scoreRating(ci, method.otherwise) : 0;
}

function assess(ci: CompiledIndicator, value: Exclude<FieldValue, null>, context: RatingContext): Assessment {
  const ind = ci.indicator;
  const method = ind.method;
  const rated = (rating: number, code: string, args: () => Record<string, string> = noArgs): Assessment => ({ rating: clamp(rating, 0, 100), code, args });
  const notRated = (code: string, args: () => Record<string, string> = noArgs): Assessment => ({ rating: undefined, code, args });

  if (method.kind === 'levels') {
    const key = typeof value === 'string' ? value.normalize('NFKC').trim() : formatValue(value);
    const level = method.levels.find((l) => l.level === key);
    return level ? rated(scoreRating(ci, level), 'REASON_LEVEL') : notRated('REASON_LEVEL_UNKNOWN', () => ({ levels: method.levels.map((l) => l.level).join(', ') }));
  }
  if (method.kind === 'binary') {
    const yes = typeof value === 'boolean' ? value : typeof value === 'number' ? value !== 0 : undefined;
    if (yes === undefined) return notRated('REASON_NOT_A_NUMBER');
    return rated(yes ? 100 : 0, yes ? 'REASON_BINARY_YES' : 'REASON_BINARY_NO');
  }
  if (typeof value !== 'number' || isPlainDate(value)) return notRated('REASON_NOT_A_NUMBER');
  const x = value;
  const higher = ind.direction === 'higher';

  switch (method.kind) {
    case 'direct': {
      const rating = directRating(ci, method, x);
      const clamped = rating < 0 || rating > 100;
      return rated(rating, clamped ? 'REASON_DIRECT_CLAMPED' : 'REASON_DIRECT');
    }
    case 'linear': {
      return rated(linearRating(method, higher, x), 'REASON_LINEAR', () => ({ low: formatNumber(method.low), high: formatNumber(method.high) }));
    }
    case 'bands': {
      const band = bandOf(method, higher, x);
      if (!band) return rated(bandRating(ci, method, band), 'REASON_BAND_NONE');
      return rated(bandRating(ci, method, band), 'REASON_BAND', () => ({ op: higher ? '≥' : '≤', threshold: formatNumber((higher ? band.atLeast : band.atMost)!) }));
    }
    case 'target': {
      const target = typeof method.target === 'number' ? method.target : context.get(method.target.field);
      if (target === null) return notRated('REASON_MISSING', () => ({ fields: (method.target as { field: string }).field }));
      if (typeof target !== 'number' || target <= 0) return notRated('REASON_BAD_TARGET', () => ({ target: formatValue(target) }));
      const attainment = higher ? (x / target) * 100 : x <= 0 ? 100 : (target / x) * 100;
      const rating = ((attainment - method.zeroAt) / (100 - method.zeroAt)) * 100;
      return rated(rating, 'REASON_TARGET', () => ({ target: formatNumber(target), attainment: formatNumber(attainment, 1) }));
    }
    case 'improvement': {
      const baseline = context.get(method.baseline.field);
      if (baseline === null) return notRated('REASON_MISSING', () => ({ fields: method.baseline.field }));
      if (typeof baseline !== 'number') return notRated('REASON_NOT_A_NUMBER');
      if (method.measure === 'ratio' && baseline === 0) return notRated('REASON_DIVISION_BY_ZERO');
      const change = method.measure === 'difference' ? x - baseline : ((x - baseline) / Math.abs(baseline)) * 100;
      const improvement = higher ? change : -change;
      const rating = ((improvement - method.zero) / (method.full - method.zero)) * 100;
      return rated(rating, method.measure === 'difference' ? 'REASON_IMPROVEMENT' : 'REASON_IMPROVEMENT_RATIO', () => ({
        baseline: formatNumber(baseline),
        improvement: formatNumber(improvement),
        full: formatNumber(method.full),
      }));
    }
    case 'relative': {
      const peers = context.peers!;
      const scope = () => ({ group: peers.group ?? '', n: String(peers.sorted.length) });
      const suffix = peers.group === null ? '_ALL' : '';
      if (method.scale === 'percentile') {
        const percentile = percentileOf(peers, x, ind.direction);
        return rated(percentile, `REASON_PERCENTILE${suffix}`, () => ({ ...scope(), percentile: formatNumber(percentile, 1) }));
      }
      const z = zScoreOf(peers, x, ind.direction);
      const [zLow, zHigh] = method.zRange;
      return rated(((z - zLow) / (zHigh - zLow)) * 100, `REASON_ZSCORE${suffix}`, () => ({ ...scope(), z: formatNumber(z) }));
    }
  }
}

/**
 * Rates one indicator value by its method. The reason's arguments are display strings;
 * `{points}` and `{max}` are filled in by `pointsReason` once points are known.
 */
export function rateIndicator(ci: CompiledIndicator, value: Exclude<FieldValue, null>, context: RatingContext): Rating {
  const { rating, code, args } = assess(ci, value, context);
  const shown = typeof value === 'number' ? formatNumber(value) : formatValue(value);
  const reason = { code, args: { value: shown, unit: ci.indicator.unit ?? '', ...args() } };
  return rating === undefined ? { ok: false, reason } : { ok: true, rating, reason };
}

/** The rating alone (0–100), or undefined when the value cannot be rated: the same number `rateIndicator` gives. */
export function ratingOf(ci: CompiledIndicator, value: Exclude<FieldValue, null>, context: RatingContext): number | undefined {
  return assess(ci, value, context).rating;
}

/** How `ratingOf` rates values of one indicator. */
export type RatingFunction = (value: Exclude<FieldValue, null>, context: RatingContext) => number | undefined;

/**
 * `ratingOf` specialised once to an indicator's method, for grading many records: the same numbers from the same
 * formulas, without building a reason per call. Methods other than direct, linear and bands go through ratingOf.
 */
export function ratingFunction(ci: CompiledIndicator): RatingFunction {
  const method = ci.indicator.method;
  const higher = ci.indicator.direction === 'higher';
  switch (method.kind) {
    case 'direct':
      return (value) => (typeof value === 'number' ? clamp(directRating(ci, method, value), 0, 100) : undefined);
    case 'linear':
      return (value) => (typeof value === 'number' ? clamp(linearRating(method, higher, value), 0, 100) : undefined);
    case 'bands':
      return (value) => (typeof value === 'number' ? clamp(bandRating(ci, method, bandOf(method, higher, value)), 0, 100) : undefined);
    default:
      return (value, context) => ratingOf(ci, value, context);
  }
}

/** Adds the points to a reason once the points are known. */
export function pointsReason(reason: Message, points: number, maxPoints: number): Message {
  return { code: reason.code, args: { ...reason.args, points: formatPoints(points), max: formatNumber(maxPoints) } };
}
