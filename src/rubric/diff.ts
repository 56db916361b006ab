import { z } from 'zod';
import { resolvedGradeBands } from './grade-bands.js';
import type { CompiledRubric } from './model.js';
import type { Label, Rubric } from './schema.js';

/** What part of a rubric a change concerns. */
export const ChangeSubjectSchema = z.enum(['rubric', 'field', 'category', 'domain', 'indicator', 'grade', 'limiter', 'followUp', 'check']);

/** What changed: added or removed, a new label (renamed), or one named aspect. */
export const ChangeKindSchema = z.enum([
  'added',
  'removed',
  'renamed',
  'points',
  'weight',
  'domain',
  'category',
  'value',
  'direction',
  'method',
  'thresholds',
  'missing',
  'unit',
  'type',
  'required',
  'range',
  'values',
  'aliases',
  'bounds',
  'share',
  'condition',
  'effect',
  'action',
  'severity',
  'message',
  'setting',
]);

/** One difference between two rubric versions. */
export const RubricChangeSchema = z.object({
  subject: ChangeSubjectSchema,
  /** the item's id (a grade for grades and follow-ups; the setting's path for rubric settings) */
  id: z.string(),
  change: ChangeKindSchema,
  /** where the item is: in the newer rubric, or in the older one when removed */
  path: z.string(),
  before: z.json().optional(),
  after: z.json().optional(),
});

const RubricRefSchema = z.object({ id: z.string(), version: z.string(), file: z.string(), sha256: z.string() });

/** The JSON document of `sseval rubric diff --format json`. */
export const RubricDiffSchema = z.object({
  schemaVersion: z.literal(1),
  from: RubricRefSchema,
  to: RubricRefSchema,
  changes: z.array(RubricChangeSchema),
});

export type ChangeSubject = z.infer<typeof ChangeSubjectSchema>;
export type ChangeKind = z.infer<typeof ChangeKindSchema>;
export type RubricChange = z.infer<typeof RubricChangeSchema>;
export type RubricDiff = z.infer<typeof RubricDiffSchema>;

/** An item to compare, found by id in both versions. */
interface Keyed<T> {
  readonly id: string;
  readonly path: string;
  readonly item: T;
}

/**
 * One comparable aspect of an item; `applies` limits it to pairs where it makes sense, and `changedKeysOnly`
 * reports only the members of an object that differ (a threshold that moved, not the whole method).
 */
interface Aspect<T> {
  readonly change: ChangeKind;
  readonly get: (item: T) => unknown;
  readonly applies?: (before: T, after: T) => boolean;
  readonly changedKeysOnly?: boolean;
}

/** Lists every difference between two checked rubrics, in rubric order: settings, fields, categories, domains, indicators, grades, limiters, follow-ups, checks. */
export function diffRubrics(before: CompiledRubric, after: CompiledRubric): RubricChange[] {
  const a = before.rubric;
  const b = after.rubric;
  return [
    ...compareSettings(a, b),
    ...compareById('field', keyedList(a.fields, 'fields'), keyedList(b.fields, 'fields'), (f) => f.label, [
      { change: 'renamed', get: (f) => f.label },
      { change: 'type', get: (f) => f.type },
      { change: 'required', get: (f) => f.required },
      { change: 'range', get: (f) => ({ min: f.min, max: f.max }), changedKeysOnly: true },
      { change: 'values', get: (f) => f.values },
      { change: 'unit', get: (f) => f.unit },
      { change: 'aliases', get: (f) => f.aliases },
    ]),
    ...compareById('category', keyedList(a.categories, 'categories'), keyedList(b.categories, 'categories'), (c) => c.label, [
      { change: 'renamed', get: (c) => c.label },
      { change: 'points', get: (c) => c.points },
    ]),
    ...compareById('domain', keyedList(a.domains, 'domains'), keyedList(b.domains, 'domains'), (d) => d.label, [
      { change: 'renamed', get: (d) => d.label },
      { change: 'points', get: (d) => d.points },
      { change: 'category', get: (d) => d.category },
    ]),
    ...compareById('indicator', indicatorsOf(before), indicatorsOf(after), (i) => i.indicator.label, [
      { change: 'renamed', get: (i) => i.indicator.label },
      { change: 'domain', get: (i) => i.indicator.domain },
      { change: 'points', get: (i) => i.maxPoints },
      { change: 'weight', get: (i) => i.indicator.weight },
      { change: 'value', get: (i) => i.indicator.field ?? i.indicator.formula },
      { change: 'direction', get: (i) => i.indicator.direction },
      { change: 'method', get: (i) => i.indicator.method, applies: (x, y) => x.indicator.method.kind !== y.indicator.method.kind },
      { change: 'thresholds', get: (i) => i.indicator.method, applies: (x, y) => x.indicator.method.kind === y.indicator.method.kind, changedKeysOnly: true },
      { change: 'missing', get: (i) => i.missing },
      { change: 'unit', get: (i) => i.indicator.unit },
    ]),
    ...compareById('grade', gradesOf(a), gradesOf(b), (g) => g.bounds ?? g.share, [
      { change: 'renamed', get: (g) => g.label },
      { change: 'bounds', get: (g) => g.bounds, applies: (x, y) => x.bounds !== undefined && y.bounds !== undefined },
      { change: 'share', get: (g) => g.share, applies: (x, y) => x.share !== undefined && y.share !== undefined },
    ]),
    ...compareById('limiter', keyedList(a.limiters, 'limiters'), keyedList(b.limiters, 'limiters'), (l) => l.label, [
      { change: 'renamed', get: (l) => l.label },
      { change: 'condition', get: (l) => l.when },
      { change: 'effect', get: (l) => l.effect },
    ]),
    ...compareById('followUp', followUpsOf(a), followUpsOf(b), (f) => f.action, [{ change: 'action', get: (f) => f.action }]),
    ...compareById('check', keyedList(a.checks, 'checks'), keyedList(b.checks, 'checks'), (c) => c.assert, [
      { change: 'condition', get: (c) => c.assert },
      { change: 'severity', get: (c) => c.severity },
      { change: 'message', get: (c) => c.message },
    ]),
  ];
}

/** Rubric-wide settings, each compared as a whole and reported by its path. */
function compareSettings(a: Rubric, b: Rubric): RubricChange[] {
  const settings: [string, (r: Rubric) => unknown][] = [
    ['id', (r) => r.id],
    ['version', (r) => r.version],
    ['effective', (r) => r.effective],
    ['title', (r) => r.title],
    ['subject', (r) => r.subject],
    ['idField', (r) => r.idField],
    ['nameField', (r) => r.nameField],
    ['peerGroups', (r) => r.peerGroups],
    ['defaults.missing', (r) => r.defaults.missing],
    ['minCoverage', (r) => r.minCoverage],
    ['total.points', (r) => r.total.points],
    ['total.precision', (r) => r.total.precision],
    ['grading.kind', (r) => r.grading.kind],
    ['grading.within', (r) => (r.grading.kind === 'quotas' ? r.grading.within : undefined)],
    ['grading.minGroupSize', (r) => (r.grading.kind === 'quotas' ? r.grading.minGroupSize : undefined)],
    ['certification.passGrades', (r) => r.certification?.passGrades],
    ['certification.validity', (r) => r.certification?.validity],
    ['certification.renewalWindow', (r) => r.certification?.renewalWindow],
    ['certification.expiringWithin', (r) => r.certification?.expiringWithin],
  ];
  return settings.flatMap(([path, get]) => differ('rubric', path, 'setting', path, get(a), get(b)));
}

/** Items matched by id: added (with `summary` as after), removed (with it as before), and each aspect that changed. */
function compareById<T>(
  subject: ChangeSubject,
  before: readonly Keyed<T>[],
  after: readonly Keyed<T>[],
  summary: (item: T) => unknown,
  aspects: readonly Aspect<T>[],
): RubricChange[] {
  const old = new Map(before.map((k) => [k.id, k]));
  const current = new Set(after.map((k) => k.id));
  const changes: RubricChange[] = [];
  for (const next of after) {
    const previous = old.get(next.id);
    if (!previous) {
      changes.push(...differ(subject, next.id, 'added', next.path, undefined, summary(next.item), { always: true }));
      continue;
    }
    for (const aspect of aspects) {
      if (aspect.applies && !aspect.applies(previous.item, next.item)) continue;
      const options = { changedKeysOnly: aspect.changedKeysOnly ?? false };
      changes.push(...differ(subject, next.id, aspect.change, next.path, aspect.get(previous.item), aspect.get(next.item), options));
    }
  }
  for (const previous of before) {
    if (!current.has(previous.id)) changes.push(...differ(subject, previous.id, 'removed', previous.path, summary(previous.item), undefined, { always: true }));
  }
  return changes;
}

/**
 * A change record when the two values differ (compared as JSON with sorted keys), else nothing; `always`
 * records it regardless (added, removed), `changedKeysOnly` keeps only the object members that differ.
 */
function differ(
  subject: ChangeSubject,
  id: string,
  change: ChangeKind,
  path: string,
  before: unknown,
  after: unknown,
  options: { always?: boolean; changedKeysOnly?: boolean } = {},
): RubricChange[] {
  let x = toJson(before);
  let y = toJson(after);
  if (!options.always && canonical(x) === canonical(y)) return [];
  if (options.changedKeysOnly && isObject(x) && isObject(y)) {
    const [ox, oy] = [x, y];
    const keys = new Set([...Object.keys(ox), ...Object.keys(oy)].filter((k) => canonical(ox[k]) !== canonical(oy[k])));
    x = pick(ox, keys);
    y = pick(oy, keys);
  }
  return [{ subject, id, change, path, ...(x === undefined ? {} : { before: x }), ...(y === undefined ? {} : { after: y }) }];
}

type Json = z.infer<ReturnType<typeof z.json>>;
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const pick = (value: JsonObject, keys: ReadonlySet<string>): JsonObject | undefined => {
  const entries = Object.entries(value).filter(([k]) => keys.has(k));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
};

/** Plain JSON in the rubric's own key order, undefined members and empty objects dropped. */
function toJson(value: unknown): Json | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v) => toJson(v) ?? null);
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, toJson(v)] as const)
      .filter((entry): entry is readonly [string, Json] => entry[1] !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value as Json;
}

/** JSON text with object keys sorted, so values that differ only in key order compare equal. */
function canonical(value: Json | undefined): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? '';
}

function keyedList<T extends { id: string }>(list: readonly T[], key: string): Keyed<T>[] {
  return list.map((item, i) => ({ id: item.id, path: `${key}[${i}]`, item }));
}

function indicatorsOf(rubric: CompiledRubric): Keyed<CompiledRubric['indicators'][number]>[] {
  return rubric.indicators.map((c) => ({ id: c.indicator.id, path: `indicators[${c.index}]`, item: c }));
}

interface GradeItem {
  readonly label: Label | undefined;
  readonly bounds?: { min: number; max: number };
  readonly share?: number;
}

function gradesOf(rubric: Rubric): Keyed<GradeItem>[] {
  const grading = rubric.grading;
  if (grading.kind === 'quotas') {
    return grading.quotas.map((q, i) => ({ id: q.grade, path: `grading.quotas[${i}]`, item: { label: q.label, share: q.share } }));
  }
  return resolvedGradeBands(rubric).map((band, i) => ({
    id: band.grade,
    path: `grading.bands[${i}]`,
    item: { label: band.label, bounds: { min: band.min, max: band.max } },
  }));
}

/** Follow-ups by grade: each grade's action, so a grade moving between actions shows as one change. */
function followUpsOf(rubric: Rubric): Keyed<{ action: Label }>[] {
  return rubric.followUps.flatMap((followUp, i) => followUp.grades.map((grade) => ({ id: grade, path: `followUps[${i}]`, item: { action: followUp.action } })));
}
