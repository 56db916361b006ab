import { z } from 'zod';
import { formatNumber } from '../core/format-number.js';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import { term } from '../messages/rubric-terms.js';
import { resolvedGradeBands } from '../rubric/grade-bands.js';
import type { CompiledIndicator, CompiledRubric } from '../rubric/model.js';
import { RubricSchema, type Duration, type Rubric } from '../rubric/schema.js';
import { allowedValues } from './field-words.js';
import { renderTextTable } from './text-width.js';

/** The JSON document of `sseval rubric show --format json`: the rubric with defaults filled, and each indicator's maximum points. */
export const RubricShowDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  source: z.object({ file: z.string(), sha256: z.string() }),
  rubric: RubricSchema,
  /** maximum points of each indicator (resolved from weights where the rubric uses them) */
  maxPoints: z.record(z.string(), z.number()),
});
export type RubricShowDocument = z.infer<typeof RubricShowDocumentSchema>;

/** The rubric as a versioned JSON document. */
export function renderRubricShowJson(compiled: CompiledRubric, file: string): string {
  const doc: RubricShowDocument = {
    schemaVersion: 1,
    source: { file, sha256: compiled.source.sha256 },
    rubric: compiled.rubric,
    maxPoints: Object.fromEntries(compiled.indicators.map((c) => [c.indicator.id, c.maxPoints])),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The rubric as a readable tree: identity, fields, domains with their indicators, grades, limiters, follow-ups, checks, certification. */
export function renderRubricShowText(compiled: CompiledRubric, file: string, lang: Lang): string {
  const r = compiled.rubric;
  const label = (l: { ko: string; en?: string | undefined }) => pickLabel(l, lang);
  const lines: string[] = [];
  const section = (key: Parameters<typeof term>[0]) => lines.push('', term(key, lang));

  lines.push(`${label(r.title)} — ${r.id}@${r.version}`);
  lines.push(`${term('file', lang)}: ${file} (sha256 ${compiled.source.sha256.slice(0, 12)})`);
  lines.push(`${term('effective', lang)}: ${r.effective.from} ~ ${r.effective.to ?? ''}`.trimEnd());
  lines.push(
    [
      `${term('subject', lang)}: ${term(`subject.${r.subject}`, lang)}`,
      term('total', lang, { points: formatNumber(r.total.points), precision: r.total.precision }),
      term('minCoverage', lang, { value: formatNumber(r.minCoverage) }),
      term('missing', lang, { policy: term(`missing.${r.defaults.missing}`, lang) }),
    ].join(' · '),
  );
  if (r.peerGroups.length > 0) lines.push(`${term('peerGroups', lang)}: ${r.peerGroups.join(', ')}`);
  if (r.categories.length > 0) {
    const categories = r.categories.map((c) => `${label(c.label)} ${term('points', lang, { points: formatNumber(c.points) })}`);
    lines.push(`${term('categories', lang)}: ${categories.join(', ')}`);
  }

  section('fields');
  const fieldRows = r.fields.map((f) => [f.id, label(f.label), term(`type.${f.type}`, lang), f.unit ?? '', allowedValues(f, lang), f.required ? term('required', lang) : '']);
  const fieldColumns = (['fieldId', 'label', 'format', 'unit', 'allowed', 'requiredColumn'] as const).map((key) => ({ header: term(key, lang), align: 'left' as const }));
  lines.push(indent(renderTextTable(fieldColumns, fieldRows).trimEnd(), 2));

  section('domains');
  const byDomain = (id: string) => compiled.indicators.filter((c) => c.indicator.domain === id);
  for (const domain of r.domains) {
    const category = r.categories.find((c) => c.id === domain.category);
    const within = category ? ` · ${label(category.label)}` : '';
    lines.push(`  [${domain.id}] ${label(domain.label)} — ${term('points', lang, { points: formatNumber(domain.points) })}${within}`);
    for (const c of byDomain(domain.id)) lines.push(...describeIndicator(c, r, lang).map((line) => `    ${line}`));
  }

  section('grading');
  lines.push(...describeGrading(r, lang).map((line) => `  ${line}`));
  if (r.limiters.length > 0) {
    section('limiters');
    for (const l of r.limiters) lines.push(`  ${l.id}  ${label(l.label)} — ${term('when', lang, { condition: l.when })} → ${describeEffect(l.effect, lang)}`);
  }
  if (r.followUps.length > 0) {
    section('followUps');
    for (const f of r.followUps) lines.push(`  ${f.grades.join(', ')} → ${label(f.action)}`);
  }
  if (r.checks.length > 0) {
    section('checks');
    for (const c of r.checks) lines.push(`  ${c.id} (${term(`severity.${c.severity}`, lang)}): ${c.assert} — ${label(c.message)}`);
  }
  if (r.certification) {
    const cert = r.certification;
    section('certification');
    lines.push(`  ${term('passGrades', lang, { grades: cert.passGrades.join(', ') })}`);
    lines.push(`  ${term('validity', lang, { duration: describeDuration(cert.validity, lang) })}`);
    lines.push(`  ${term('renewalWindow', lang, { duration: describeDuration(cert.renewalWindow, lang) })}`);
    lines.push(`  ${term('expiringWithin', lang, { duration: describeDuration(cert.expiringWithin, lang) })}`);
  }
  return `${lines.join('\n')}\n`;
}

function describeIndicator(c: CompiledIndicator, r: Rubric, lang: Lang): string[] {
  const ind = c.indicator;
  const points = term('points', lang, { points: formatNumber(c.maxPoints) });
  const weight = ind.weight === undefined ? '' : ` (${term('weight', lang, { weight: formatNumber(ind.weight) })})`;
  const value = ind.field ?? ind.formula ?? '';
  const unit = ind.unit === undefined ? '' : ` (${ind.unit})`;
  const head = [
    `${ind.id}  ${pickLabel(ind.label, lang)} — ${points}${weight}`,
    term(`direction.${ind.direction}`, lang),
    term('valueField', lang, { value: value + unit }),
  ].join(' · ');
  const detail = [describeMethod(ind, lang)];
  if (ind.missing !== undefined && ind.missing !== r.defaults.missing) detail.push(term('missing', lang, { policy: term(`missing.${ind.missing}`, lang) }));
  return [head, ...detail.map((line) => `    ${line}`)];
}

/** How an indicator is scored, in one line. */
function describeMethod(ind: CompiledIndicator['indicator'], lang: Lang): string {
  const n = (value: number) => formatNumber(value, 6);
  const score = (s: { points?: number | undefined; rating?: number | undefined }) =>
    s.points !== undefined ? term('score.points', lang, { n: n(s.points) }) : term('score.rating', lang, { n: n(s.rating ?? 0) });
  const m = ind.method;
  switch (m.kind) {
    case 'direct':
      return term(`method.direct.${m.scale}`, lang);
    case 'linear': {
      const [lowRating, highRating] = ind.direction === 'higher' ? [m.minRating, m.maxRating] : [m.maxRating, m.minRating];
      return term('method.linear', lang, { low: n(m.low), high: n(m.high), lowRating: n(lowRating), highRating: n(highRating) });
    }
    case 'bands': {
      const bands = m.bands.map((b) => `${b.atLeast !== undefined ? `≥ ${n(b.atLeast)}` : `≤ ${n(b.atMost ?? 0)}`} → ${score(b)}`);
      bands.push(`${term('otherwise', lang)} → ${m.otherwise ? score(m.otherwise) : term('score.points', lang, { n: 0 })}`);
      return term('method.bands', lang, { bands: bands.join(', ') });
    }
    case 'levels':
      return term('method.levels', lang, { levels: m.levels.map((l) => `${l.level} → ${score(l)}`).join(', ') });
    case 'binary':
      return term('method.binary', lang);
    case 'target': {
      const target = typeof m.target === 'number' ? n(m.target) : term('fieldRef', lang, { field: m.target.field });
      return term('method.target', lang, { target, zeroAt: n(m.zeroAt) });
    }
    case 'improvement':
      return term(`method.improvement.${m.measure}`, lang, { baseline: m.baseline.field, zero: n(m.zero), full: n(m.full) });
    case 'relative': {
      const group = m.within === undefined ? term('wholePopulation', lang) : term('withinGroup', lang, { field: m.within, size: m.minGroupSize });
      return term(`method.relative.${m.scale}`, lang, { group, zLow: n(m.zRange[0]), zHigh: n(m.zRange[1]) });
    }
  }
}

function describeGrading(r: Rubric, lang: Lang): string[] {
  const grading = r.grading;
  const named = (grade: string, l: { ko: string; en?: string | undefined } | undefined) => (l ? `${grade} (${pickLabel(l, lang)})` : grade);
  if (grading.kind === 'quotas') {
    const group = grading.within === undefined ? '' : term('quotaGroup', lang, { field: grading.within, size: grading.minGroupSize });
    return [term('grading.quotas', lang, { group }), ...grading.quotas.map((q) => `  ${named(q.grade, q.label)}: ${term('share', lang, { share: formatNumber(q.share) })}`)];
  }
  const lines = resolvedGradeBands(r).map((band, i) => {
    const top = i === 0;
    const range = term('band', lang, {
      min: formatNumber(band.min),
      max: formatNumber(band.max),
      upper: term(top ? 'band.top' : 'band.below', lang),
      upperOp: top ? '≤' : '<',
    });
    return `  ${named(band.grade, band.label)}: ${range}`;
  });
  return [term('grading.bands', lang), ...lines];
}

function describeEffect(effect: Rubric['limiters'][number]['effect'], lang: Lang): string {
  switch (effect.kind) {
    case 'capGrade':
      return term('effect.capGrade', lang, { grade: effect.grade });
    case 'setDomain':
      return term('effect.setDomain', lang, { domain: effect.domain, points: formatNumber(effect.points) });
    case 'withhold':
      return term('effect.withhold', lang);
  }
}

function describeDuration(duration: Duration, lang: Lang): string {
  const parts = (['years', 'months', 'days'] as const)
    .filter((unit) => (duration[unit] ?? 0) > 0)
    .map((unit) => term(`duration.${unit}`, lang, { n: duration[unit]! }));
  return parts.length > 0 ? parts.join(' ') : term('duration.days', lang, { n: 0 });
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}
