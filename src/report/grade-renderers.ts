import type { ChalkInstance } from 'chalk';
import type { GradeNeeds, RankedResults } from '../core/engine.js';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../messages/catalogue.js';
import { pickLabel } from '../messages/label.js';
import type { CompiledRubric } from '../rubric/model.js';
import { gradeCsvChunks, type CsvLinesJob, type SecondWriter } from './grade-csv.js';
import type { GradeDocument } from './grade-document.js';
import { renderGradeTable } from './grade-table.js';
import type { OutputContent } from './output.js';

/** What a grade renderer gets besides the document. */
export interface GradeRenderContext {
  readonly rubric: CompiledRubric;
  readonly lang: Lang;
  /** validation and scoring problems (warnings, or errors of skipped institutions) */
  readonly problems: readonly Problem[];
  readonly color: ChalkInstance;
  /** a second thread for the later lines of a large ranking, when the output goes to a file */
  readonly secondWriter?: (job: CsvLinesJob) => SecondWriter;
}

/**
 * An output format of `sseval grade`: what it needs graded, and how it renders the document and the ranked
 * results (whose findings exist up front only when it needs `findings`; the document's results are then the same).
 */
export interface GradeRenderer {
  readonly needs: GradeNeeds;
  readonly render: (doc: GradeDocument, results: RankedResults, context: GradeRenderContext) => Promise<OutputContent>;
}

/** A peer-group field's label in the output language. */
export function fieldLabelOf(rubric: CompiledRubric, lang: Lang): (field: string) => string {
  return (field) => {
    const known = rubric.fields.get(field);
    return known ? pickLabel(known.label, lang) : field;
  };
}

/** Output formats of `sseval grade`, chosen by name; binary formats (xlsx) need --out. */
export const gradeRenderers: Readonly<Record<string, GradeRenderer>> = {
  table: { needs: 'findings', render: async (doc, _, { rubric, lang, color }) => renderGradeTable(doc, lang, color, fieldLabelOf(rubric, lang)) },
  // the ranking streams from the compact table, the workbook builds each institution's findings as it writes them
  csv: {
    needs: 'table',
    render: async (doc, results, { rubric, lang, secondWriter }) => {
      const fieldLabel = fieldLabelOf(rubric, lang);
      const fieldLabels = Object.fromEntries(doc.groupBy.map((field) => [field, fieldLabel(field)]));
      const second = results.ranking === undefined ? undefined : secondWriter?.({ ranking: results.ranking, doc, lang, fieldLabels });
      return gradeCsvChunks(doc, results.rows, lang, fieldLabel, second);
    },
  },
  json: { needs: 'findings', render: async (doc) => `${JSON.stringify(doc, null, 2)}\n` },
  // loaded on demand: both modules import this table (for fieldLabelOf), and xlsx pulls in exceljs
  xlsx: { needs: 'values', render: async (doc, results, context) => (await import('./grade-xlsx.js')).gradeXlsxPieces(doc, results, context) },
  html: { needs: 'findings', render: async (doc, _, context) => (await import('./grade-html.js')).renderGradeHtml(doc, context) },
};
