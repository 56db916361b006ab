import type { ChalkInstance } from 'chalk';
import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../core/problems.js';
import type { Lang } from '../messages/catalogue.js';
import { renderMessage } from '../messages/index.js';
import { formatPosition, renderProblemsText } from './problems-text.js';
import { renderTextTable } from './text-width.js';
import { validationDocument, type ValidationContext, type ValidationDocument } from './validation-document.js';

const word = (code: string, lang: Lang, args: Record<string, string | number> = {}) => renderMessage(code, args, lang);

const DELIMITER_WORDS: Readonly<Record<string, string>> = { ',': 'VALIDATE_DELIMITER_COMMA', '\t': 'VALIDATE_DELIMITER_TAB', ';': 'VALIDATE_DELIMITER_SEMICOLON' };

function describeInput(input: ValidationDocument['inputs'][number], lang: Lang): string {
  if (input.format === 'xlsx') return word('VALIDATE_INPUT_XLSX', lang, { path: input.path, sheet: input.sheet ?? '', records: input.records });
  const delimiter = input.delimiter === undefined ? '' : DELIMITER_WORDS[input.delimiter] ? word(DELIMITER_WORDS[input.delimiter]!, lang) : `"${input.delimiter}"`;
  return word('VALIDATE_INPUT_CSV', lang, { path: input.path, encoding: (input.encoding ?? '').toUpperCase(), delimiter, records: input.records });
}

/** Problems grouped by file, in the order the files were read; problems without a file come first. */
function groupByFile(problems: readonly Problem[]): Map<string | undefined, Problem[]> {
  const groups = new Map<string | undefined, Problem[]>();
  for (const p of problems) {
    const group = groups.get(p.position.file) ?? [];
    group.push(p);
    groups.set(p.position.file, group);
  }
  return groups;
}

/**
 * The report for a person: the rubric and inputs read, every problem grouped by file (severity, code,
 * position, plain-words message, offending value), a summary counting problems by code, an explicit line
 * when the list stopped at --max-errors, and the verdict.
 */
export function renderProblemsTable(context: ValidationContext, color: ChalkInstance): string {
  const { lang, tally } = context;
  const doc = validationDocument(context);
  const out: string[] = [];
  out.push(color.bold(word('VALIDATE_TITLE', lang, { rubric: doc.rubric.id, version: doc.rubric.version, asOf: doc.asOf })));
  for (const input of doc.inputs) out.push(`  ${describeInput(input, lang)}`);
  out.push('');
  for (const [file, problems] of groupByFile(context.problems)) {
    out.push(color.bold(file ?? word('VALIDATE_NO_FILE', lang)));
    for (const line of renderProblemsText(problems, lang, color).trimEnd().split('\n')) out.push(`  ${line}`);
    out.push('');
  }
  if (context.problems.length === 0) out.push(word('VALIDATE_NO_PROBLEMS', lang), '');
  out.push(
    word('VALIDATE_SUMMARY', lang, {
      errors: tally.errors,
      warnings: tally.warnings,
      infos: tally.infos,
      records: context.records,
      invalid: context.invalidInstitutions,
    }),
  );
  const byCode = Object.entries(tally.byCode).sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
  if (byCode.length > 0) {
    const table = renderTextTable(
      [
        { header: word('VALIDATE_COLUMN_CODE', lang), align: 'left' },
        { header: word('VALIDATE_COLUMN_COUNT', lang), align: 'right' },
      ],
      byCode.map(([code, count]) => [code, String(count)]),
    );
    out.push(...table.trimEnd().split('\n').map((line) => `  ${line}`));
  }
  if (tally.truncated) {
    out.push(color.yellow(word('VALIDATE_TRUNCATED', lang, { limit: tally.limit ?? 0, errors: tally.errors, warnings: tally.warnings, listed: context.problems.length })));
  }
  const verdict = doc.summary.valid ? 'VALIDATE_VALID' : tally.errors === 0 ? 'VALIDATE_INVALID_STRICT' : 'VALIDATE_INVALID';
  out.push(doc.summary.valid ? color.green(word(verdict, lang)) : color.red(word(verdict, lang)));
  return `${out.join('\n')}\n`;
}

/** The versioned JSON document. */
export function renderProblemsJson(context: ValidationContext): string {
  return `${JSON.stringify(validationDocument(context), null, 2)}\n`;
}

/** One row per problem for Korean Excel: UTF-8 with BOM, CRLF, cells that start like a formula escaped. */
export function renderProblemsCsv(context: ValidationContext): string {
  const { lang } = context;
  const columns = ['severity', 'code', 'file', 'sheet', 'line', 'row', 'column', 'header', 'field', 'institution', 'value', 'message', 'where'] as const;
  const header = columns.map((c) => word(`VALIDATE_CSV_${c.toUpperCase()}`, lang));
  const doc = validationDocument(context);
  const rows = doc.problems.map((p) => {
    const cell: Record<(typeof columns)[number], string> = {
      severity: word(`VALIDATE_SEVERITY_${p.severity.toUpperCase()}`, lang),
      code: p.code,
      file: p.position.file ?? '',
      sheet: p.position.sheet ?? '',
      line: p.position.line === undefined ? '' : String(p.position.line),
      row: p.position.row === undefined ? '' : String(p.position.row),
      column: p.position.column ?? '',
      header: p.position.header ?? '',
      field: p.position.field ?? '',
      institution: p.position.institution ?? '',
      value: p.value ?? '',
      message: p.message,
      where: formatPosition(p.position, lang),
    };
    return columns.map((c) => cell[c]);
  });
  return stringify([header, ...rows], { bom: true, escape_formulas: true, record_delimiter: 'windows' });
}

export type ProblemsRenderer = (context: ValidationContext, color: ChalkInstance) => string;

/** Formats of `sseval validate`, chosen by name. */
export const problemsRenderers: Readonly<Record<string, ProblemsRenderer>> = {
  table: renderProblemsTable,
  json: (context) => renderProblemsJson(context),
  csv: (context) => renderProblemsCsv(context),
};
