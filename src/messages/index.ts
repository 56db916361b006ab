import type { MessageArgs, Problem } from '../core/problems.js';
import { fillTemplate, type Catalogue, type Lang } from './catalogue.js';
import { certsMessages } from './certs.js';
import { cliMessages } from './cli.js';
import { dataMessages } from './data.js';
import { lintMessages } from './lint.js';
import { reasonMessages } from './reasons.js';
import { reportMessages } from './report.js';
import { rubricMessages } from './rubric.js';
import { runMessages } from './run.js';

export type { Lang } from './catalogue.js';

const catalogue: Catalogue = { ...rubricMessages, ...cliMessages, ...dataMessages, ...reasonMessages, ...lintMessages, ...reportMessages, ...certsMessages, ...runMessages };

/** Every message code sseval knows. */
export const messageCodes: readonly string[] = Object.keys(catalogue);

/** Renders a message code with its arguments in a language; an unknown code shows itself with its arguments. */
export function renderMessage(code: string, args: MessageArgs, lang: Lang): string {
  const entry = Object.hasOwn(catalogue, code) ? catalogue[code] : undefined;
  if (!entry) return `${code} ${JSON.stringify(args)}`;
  return fillTemplate(entry[lang], args);
}

/** The plain-words message of a problem. */
export function problemMessage(p: Problem, lang: Lang): string {
  return renderMessage(p.code, p.args, lang);
}
