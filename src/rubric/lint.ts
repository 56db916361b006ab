import { problem, type Problem } from '../core/problems.js';
import { formatPath } from './model.js';
import type { Rubric } from './schema.js';
import { fieldUses } from './usage.js';

/**
 * Lint-only findings on a rubric that passed the schema, with their rubric path: warnings for labels without
 * English, scored levels that are not allowed values and level fields without values; a note (info) for
 * fields no rule reads.
 * The schema and load-time checks (src/rubric/model.ts) report everything else; pass this function to
 * parseRubricText or loadRubricFile to get both, with lines.
 */
export function lintRubric(rubric: Rubric, file: string): Problem[] {
  const problems: Problem[] = [];
  const report = (severity: 'warning' | 'info') => (path: (string | number)[], code: string, args: Record<string, string | number>) =>
    problems.push(problem(code, severity, { file, path: formatPath(path) }, args));
  const warn = report('warning');

  const uses = fieldUses(rubric);
  rubric.fields.forEach((field, i) => {
    // info, not a warning: a field collected only for `--group-by` or for the record is legitimate
    if (!uses.has(field.id)) report('info')(['fields', i, 'id'], 'RUBRIC_UNUSED_FIELD', { id: field.id });
    if (field.type === 'level' && (field.values ?? []).length === 0) warn(['fields', i], 'RUBRIC_LEVEL_NO_VALUES', { id: field.id });
  });

  rubric.indicators.forEach((ind, i) => {
    if (ind.method.kind !== 'levels' || ind.field === undefined) return;
    const allowed = rubric.fields.find((f) => f.id === ind.field)?.values;
    if (allowed === undefined) return;
    ind.method.levels.forEach((level, l) => {
      if (!allowed.includes(level.level)) {
        warn(['indicators', i, 'method', 'levels', l, 'level'], 'RUBRIC_LEVEL_NOT_ALLOWED', { level: level.level, field: ind.field! });
      }
    });
  });

  for (const { path, label } of labelsOf(rubric, [])) {
    if (label.en === undefined) warn(path, 'RUBRIC_LABEL_NO_EN', { ko: label.ko });
  }
  return problems;
}

interface FoundLabel {
  readonly path: (string | number)[];
  readonly label: { ko: string; en?: string | undefined };
}

/** Every label in the document, found by its shape ({ko, en?}) so labels added to the language later are linted too. */
function labelsOf(node: unknown, path: (string | number)[]): FoundLabel[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => labelsOf(item, [...path, i]));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const keys = Object.keys(record);
  if (typeof record.ko === 'string' && keys.every((k) => k === 'ko' || k === 'en')) {
    return [{ path, label: { ko: record.ko, en: typeof record.en === 'string' ? record.en : undefined } }];
  }
  return keys.flatMap((key) => labelsOf(record[key], [...path, key]));
}
