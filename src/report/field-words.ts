import { formatNumber } from '../core/format-number.js';
import type { Lang } from '../messages/catalogue.js';
import { term } from '../messages/rubric-terms.js';
import type { Field } from '../rubric/schema.js';

/** The words a boolean cell takes in a template, true first; ingest reads both languages. */
export const BOOLEAN_CHOICES: Readonly<Record<Lang, readonly [string, string]>> = { ko: ['예', '아니오'], en: ['yes', 'no'] };

/** A field's allowed values or range in words ("0 ~ 100", "우수, 양호, …", "예, 아니오"); empty when anything goes. */
export function allowedValues(field: Field, lang: Lang): string {
  if (field.values !== undefined) return field.values.join(', ');
  if (field.type === 'boolean') return BOOLEAN_CHOICES[lang].join(', ');
  const min = field.min === undefined ? undefined : formatNumber(field.min, 6);
  const max = field.max === undefined ? undefined : formatNumber(field.max, 6);
  if (min !== undefined && max !== undefined) return term('between', lang, { min, max });
  if (min !== undefined) return term('atLeast', lang, { min });
  if (max !== undefined) return term('atMost', lang, { max });
  return '';
}
