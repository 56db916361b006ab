import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import type { Field, Rubric } from '../rubric/schema.js';

/** The columns of a data-collection template, in order: the id and name fields first, then the rest as the rubric lists them. */
export function templateFields(rubric: Rubric): Field[] {
  const lead = [rubric.idField, rubric.nameField];
  const first = lead.flatMap((id) => rubric.fields.filter((f) => f.id === id));
  return [...new Set([...first, ...rubric.fields])];
}

/** A template column's header: the field's label in the chosen language (Korean where the English is missing), which ingest matches. */
export function templateHeader(field: Field, lang: Lang): string {
  return pickLabel(field.label, lang);
}
