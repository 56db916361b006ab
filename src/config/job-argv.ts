import path from 'node:path';
import { fillTemplate } from '../messages/catalogue.js';
import { DEFAULT_NAME_TEMPLATE, type Job, type JobOutput } from './schema.js';

/** The file extension of each output format. */
const EXTENSIONS: Readonly<Record<string, string>> = { table: 'txt', csv: 'csv', json: 'json', xlsx: 'xlsx', html: 'html' };

/** What a job's output path is made of besides the job itself. */
export interface OutputContext {
  /** the folder relative paths resolve from: the config's */
  readonly configDir: string;
  /** --out-dir from the command line (absolute), which puts every output there */
  readonly outDir?: string;
  /** the config's out-dir (absolute) */
  readonly configOutDir?: string;
  readonly asOf: string;
  readonly rubricId: string;
  readonly rubricVersion: string;
}

/**
 * The absolute path a job writes to, `-` for stdout, or undefined when it has no output (the command prints
 * its default report). `--out-dir` on the command line wins: an explicit path keeps only its file name there.
 */
export function outputPath(job: Job, context: OutputContext): string | undefined {
  const output: JobOutput | undefined = job.output;
  if (output === undefined) return undefined;
  if (output.path === '-') return '-';
  if (output.path !== undefined) {
    return context.outDir === undefined ? path.resolve(context.configDir, output.path) : path.join(context.outDir, path.basename(output.path));
  }
  const name = fillTemplate(output.name ?? DEFAULT_NAME_TEMPLATE, {
    job: job.name,
    command: job.command,
    rubric: context.rubricId,
    version: context.rubricVersion,
    asOf: context.asOf,
    format: output.format,
    ext: EXTENSIONS[output.format] ?? output.format,
  });
  return path.join(context.outDir ?? context.configOutDir ?? context.configDir, name);
}

/** A flag with its value when the value is there. */
const flag = (name: string, value: string | number | undefined): string[] => (value === undefined ? [] : [`--${name}`, String(value)]);
const switchFlag = (name: string, on: boolean | undefined): string[] => (on === true ? [`--${name}`] : []);

/**
 * The command line that runs a job through the ordinary command, so every option has one definition:
 * the config's options first, then `overrides` (the options given to `sseval run` after `--`), which win
 * because a later option replaces an earlier one; the inputs come last, after `--`, so a file name is
 * never read as an option.
 */
export function jobArgv(
  job: Job,
  plan: { readonly files: readonly string[]; readonly rubric: string; readonly asOf: string; readonly lang?: string; readonly out?: string; readonly force: boolean },
  overrides: readonly string[],
): string[] {
  const common = [
    ...flag('rubric', plan.rubric),
    ...flag('as-of', plan.asOf),
    ...flag('lang', plan.lang),
    ...flag('encoding', job.encoding),
    ...flag('delimiter', job.delimiter),
    ...flag('sheet', job.sheet),
    ...flag('layout', job.layout),
    ...flag('max-errors', job['max-errors']),
    ...flag('format', job.output?.format),
    ...flag('out', plan.out),
    ...switchFlag('force', plan.force && plan.out !== undefined && plan.out !== '-'),
  ];
  const own = commandFlags(job);
  return [job.command, ...common, ...own, ...overrides, '--', ...plan.files];
}

function commandFlags(job: Job): string[] {
  switch (job.command) {
    case 'grade': {
      const groupBy = job['group-by'];
      return [
        ...flag('group-by', Array.isArray(groupBy) ? groupBy.join(',') : groupBy),
        ...switchFlag('skip-invalid', job['skip-invalid']),
        ...flag('fail-under', job.gates?.['fail-under']),
        ...flag('max-issues', job.gates?.['max-issues']),
      ];
    }
    case 'validate':
      return [...switchFlag('strict', job.strict), ...flag('max-issues', job.gates?.['max-issues'])];
    case 'certs':
      return [
        ...flag('within', job.within),
        ...flag('status', job.status),
        ...flag('group-by', job['group-by']),
        ...switchFlag('fail-if-expiring', job.gates?.['fail-if-expiring']),
      ];
  }
}
