import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseIsoDate } from '../core/dates.js';
import { problem } from '../core/problems.js';
import type { PlainDate } from '../core/values.js';
import { BUNDLED_RUBRICS_DIR } from '../rubric/locate.js';
import type { CompiledRubric } from '../rubric/model.js';
import { readPrecheckedRubrics, resolvePrechecked, type PrecheckedRubrics } from '../rubric/prechecked.js';
import { ExitCode, ExitError } from './exit.js';
import { todayInKorea } from './today.js';

/** Collects a repeatable option (`--dir a --dir b`). */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** The configuration file commands read rubric folders from: SSEVAL_CONFIG, else sseval.config.yaml in the working folder. */
export const DEFAULT_CONFIG_FILE = 'sseval.config.yaml';

/**
 * The `rubric-dirs` of a configuration file, resolved from its folder; none when the file does not exist.
 * A config whose `rubric-dirs` is not a list of folder names stops with exit 2.
 */
export async function configRubricDirs(configFile: string = process.env.SSEVAL_CONFIG ?? DEFAULT_CONFIG_FILE): Promise<string[]> {
  if (!existsSync(configFile)) return [];
  // the YAML parser is loaded only when there is a configuration to read
  const { parse: parseYaml } = await import('yaml');
  let dirs: unknown;
  try {
    dirs = (parseYaml(readFileSync(configFile, 'utf8')) as Record<string, unknown> | null)?.['rubric-dirs'];
  } catch {
    return []; // a config that does not parse is reported by `sseval run`, which reads it whole
  }
  if (dirs === undefined) return [];
  if (!Array.isArray(dirs) || !dirs.every((d) => typeof d === 'string')) {
    throw new ExitError(ExitCode.usage, [problem('CONFIG_RUBRIC_DIRS', 'error', { file: configFile, path: 'rubric-dirs' }, { file: configFile })]);
  }
  return dirs.map((dir) => path.resolve(path.dirname(configFile), dir));
}

/**
 * The folders to look for rubrics in: the bundled ones, then the config's `rubric-dirs`, then each `--dir`;
 * a missing folder stops with exit 2.
 */
export async function rubricDirs(extra: readonly string[], configured?: readonly string[]): Promise<string[]> {
  const wanted = [...(configured ?? (await configRubricDirs())), ...extra];
  const missing = wanted.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missing.length > 0) throw new ExitError(ExitCode.usage, missing.map((dir) => problem('RUBRIC_DIR_NOT_FOUND', 'error', {}, { dir })));
  return [BUNDLED_RUBRICS_DIR, ...wanted];
}

/** A YYYY-MM-DD option value; a date that is not real stops with exit 2, naming the option. */
export function dateOption(option: string, value: string): PlainDate {
  const date = parseIsoDate(value);
  if (!date) throw new ExitError(ExitCode.usage, [problem('CLI_BAD_DATE', 'error', {}, { option, value })]);
  return date;
}

/** `--as-of YYYY-MM-DD`, or today in Korea. */
export function asOfOption(value: string | undefined): PlainDate {
  return value === undefined ? todayInKorea() : dateOption('--as-of', value);
}

/** The build's pre-checked rubrics, read once per process (a batch run resolves a rubric for every job). */
let precheckedRubrics: PrecheckedRubrics | undefined;

/**
 * Resolves a rubric reference (id, id@version or file) to a checked rubric; one that does not load stops with its
 * problems and exit 2. A bundled rubric the build checked, unchanged, is taken as it was checked; any other goes
 * through the YAML parser and the schema, loaded only then.
 */
export async function loadRubricRef(ref: string, asOf: PlainDate, dirs: readonly string[]): Promise<CompiledRubric> {
  const prechecked = resolvePrechecked((precheckedRubrics ??= readPrecheckedRubrics()), ref, asOf, dirs);
  if (prechecked) return prechecked;
  const { resolveRubric } = await import('../rubric/files.js');
  const { rubric, problems } = resolveRubric(ref, asOf, dirs);
  if (!rubric) throw new ExitError(ExitCode.usage, problems);
  return rubric;
}

/** How a rubric file is shown: `bundled:<name>` for a shipped rubric found by id, else the path as the user gave it. */
export function displayRubricFile(file: string): string {
  return path.isAbsolute(file) && path.dirname(file) === BUNDLED_RUBRICS_DIR ? `bundled:${path.basename(file)}` : file;
}
