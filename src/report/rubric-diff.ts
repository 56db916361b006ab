import { stringify } from 'yaml';
import { formatNumber } from '../core/format-number.js';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import { term } from '../messages/rubric-terms.js';
import type { RubricChange, RubricDiff } from '../rubric/diff.js';
import { renderTextTable } from './text-width.js';

/** The diff as a terminal table, one change per row, under a line naming both versions and the count. */
export function renderRubricDiffTable(diff: RubricDiff, lang: Lang): string {
  const from = `${diff.from.id}@${diff.from.version}`;
  const to = `${diff.to.id}@${diff.to.version}`;
  if (diff.changes.length === 0) return `${term('noChanges', lang, { from, to })}\n`;
  const columns = (['what', 'id', 'change', 'before', 'after'] as const).map((key) => ({ header: term(key, lang), align: 'left' as const }));
  const rows = diff.changes.map((c: RubricChange) => [
    term(`subject.${c.subject}`, lang),
    c.id,
    term(`change.${c.change}`, lang),
    formatChangeValue(c.before, lang),
    formatChangeValue(c.after, lang),
  ]);
  return `${term('diffSummary', lang, { from, to, count: diff.changes.length })}\n\n${renderTextTable(columns, rows)}`;
}

/** The diff as its versioned JSON document (RubricDiffSchema). */
export function renderRubricDiffJson(diff: RubricDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** A before or after value on one line: labels in the chosen language, numbers trimmed, anything larger in YAML flow style. */
function formatChangeValue(value: RubricChange['before'], lang: Lang): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number') return formatNumber(value, 6);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return term(value ? 'yes' : 'no', lang);
  if (!Array.isArray(value) && typeof value.ko === 'string' && Object.keys(value).every((k) => k === 'ko' || k === 'en')) {
    return pickLabel({ ko: value.ko, en: typeof value.en === 'string' ? value.en : undefined }, lang);
  }
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim();
}
