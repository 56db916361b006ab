import type { ChalkInstance } from 'chalk';
import type { Lang } from '../messages/catalogue.js';
import { renderCertsCsv } from './certs-csv.js';
import { renderCertsJson, type CertsDocument } from './certs-json.js';
import { renderCertsTable } from './certs-table.js';
import { renderCertsXlsx } from './certs-xlsx.js';

export interface CertsRenderContext {
  readonly lang: Lang;
  readonly color: ChalkInstance;
}

export type CertsRenderer = (doc: CertsDocument, context: CertsRenderContext) => Promise<string | Uint8Array>;

/** Output formats of `sseval certs`, chosen by name; xlsx needs --out. */
export const certsRenderers: Readonly<Record<string, CertsRenderer>> = {
  table: async (doc, { lang, color }) => renderCertsTable(doc, lang, color),
  csv: async (doc, { lang }) => renderCertsCsv(doc, lang),
  json: async (doc) => renderCertsJson(doc),
  xlsx: async (doc, { lang }) => renderCertsXlsx(doc, lang),
};
