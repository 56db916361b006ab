import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../messages/catalogue.js';
import type { Rubric } from '../rubric/schema.js';
import { templateFields, templateHeader } from './template-fields.js';

/** A CSV data-collection template: the header row only, UTF-8 with BOM so Korean Excel reads the labels. */
export function renderTemplateCsv(rubric: Rubric, lang: Lang): string {
  const header = templateFields(rubric).map((field) => templateHeader(field, lang));
  return stringify([header], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}
