import type { ChalkInstance } from 'chalk';
import type { Lang } from '../messages/catalogue.js';
import { renderCompareCsv } from './compare-csv.js';
import type { CompareDocument } from './compare-document.js';
import { renderCompareTable } from './compare-table.js';
import { renderCompareXlsx } from './compare-xlsx.js';

export interface CompareRenderContext {
  readonly lang: Lang;
  readonly color: ChalkInstance;
}

export type CompareRenderer = (doc: CompareDocument, context: CompareRenderContext) => Promise<string | Uint8Array>;

/** Output formats of `sseval compare`, chosen by name; xlsx needs --out. */
export const compareRenderers: Readonly<Record<string, CompareRenderer>> = {
  table: async (doc, { lang, color }) => renderCompareTable(doc, lang, color),
  csv: async (doc, { lang }) => renderCompareCsv(doc, lang),
  json: async (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  xlsx: async (doc, { lang }) => renderCompareXlsx(doc, lang),
};
