import type { ChalkInstance } from 'chalk';
import { z } from 'zod';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../messages/catalogue.js';
import { problemMessage } from '../messages/index.js';
import { term } from '../messages/rubric-terms.js';
import { renderProblemsText } from './problems-text.js';

/** The problems lint found in one rubric file. */
export interface LintedFile {
  readonly file: string;
  readonly problems: readonly Problem[];
}

/** The JSON document of `sseval rubric lint --format json`. */
export const LintDocumentSchema = z.object({
  schemaVersion: z.literal(1),
  files: z.array(
    z.object({
      file: z.string(),
      problems: z.array(
        z.object({
          code: z.string(),
          severity: z.enum(['error', 'warning', 'info']),
          path: z.string().nullable(),
          line: z.number().int().nullable(),
          message: z.string(),
          args: z.record(z.string(), z.union([z.string(), z.number()])),
        }),
      ),
    }),
  ),
  summary: z.object({ files: z.number().int(), errors: z.number().int(), warnings: z.number().int(), notes: z.number().int() }),
});
export type LintDocument = z.infer<typeof LintDocumentSchema>;

/** Problems in file order by line (problems without a line last), so a reader can walk the file top to bottom. */
function byLine(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.position.line ?? Infinity) - (b.position.line ?? Infinity));
}

function summaryOf(files: readonly LintedFile[]) {
  const all = files.flatMap((f) => f.problems);
  return {
    files: files.length,
    errors: all.filter((p) => p.severity === 'error').length,
    warnings: all.filter((p) => p.severity === 'warning').length,
    notes: all.filter((p) => p.severity === 'info').length,
  };
}

/** Every problem of every file, one per line with its position, a "no problems" line for clean files, and the counts. */
export function renderLintText(files: readonly LintedFile[], lang: Lang, color: ChalkInstance): string {
  const body = files
    .map((f) => (f.problems.length === 0 ? `${color.green(term('lintClean', lang, { file: f.file }))}\n` : renderProblemsText(byLine(f.problems), lang, color)))
    .join('');
  return `${body}${term('lintSummary', lang, summaryOf(files))}\n`;
}

/** The lint result as a versioned JSON document with messages in the chosen language. */
export function renderLintJson(files: readonly LintedFile[], lang: Lang): string {
  const doc: LintDocument = {
    schemaVersion: 1,
    files: files.map((f) => ({
      file: f.file,
      problems: byLine(f.problems).map((p) => ({
        code: p.code,
        severity: p.severity,
        path: p.position.path ?? null,
        line: p.position.line ?? null,
        message: problemMessage(p, lang),
        args: { ...p.args },
      })),
    })),
    summary: summaryOf(files),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
