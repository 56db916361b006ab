import type { ChalkInstance } from 'chalk';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import { renderGradeCsv } from './grade-csv.js';
import type { GradeDocument } from './grade-document.js';
import { renderGradeTable } from './grade-table.js';

/** What a grade renderer gets besides the document. */
export interface GradeRenderContext {
  readonly rubric: CompiledRubric;
  readonly lang: Lang;
  /** validation and scoring problems (warnings, or errors of skipped institutions) */
  readonly problems: readonly Problem[];
  readonly color: ChalkInstance;
}

export type GradeRenderer = (doc: GradeDocument, context: GradeRenderContext) => Promise<string | Uint8Array>;

/** A peer-group field's label in the output language. */
export function fieldLabelOf(rubric: CompiledRubric, lang: Lang): (field: string) => string {
  return (field) => {
    const known = rubric.fields.get(field);
    return known ? pickLabel(known.label, lang) : field;
  };
}

/** Output formats of `sseval grade`, chosen by name; binary formats (xlsx) need --out. */
export const gradeRenderers: Readonly<Record<string, GradeRenderer>> = {
  table: async (doc, { rubric, lang, color }) => renderGradeTable(doc, lang, color, fieldLabelOf(rubric, lang)),
  csv: async (doc, { rubric, lang }) => renderGradeCsv(doc, lang, fieldLabelOf(rubric, lang)),
  json: async (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  // loaded on demand: both modules import this table (for fieldLabelOf), and xlsx pulls in exceljs
  xlsx: async (doc, context) => (await import('./grade-xlsx.js')).renderGradeXlsx(doc, context),
  html: async (doc, context) => (await import('./grade-html.js')).renderGradeHtml(doc, context),
};
