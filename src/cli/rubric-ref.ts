import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseIsoDate } from '../core/dates.js';
import { problem } from '../core/problems.js';
import type { PlainDate } from '../core/values.js';
import type { CompiledRubric } from '../rubric/model.js';
import { BUNDLED_RUBRICS_DIR, resolveRubric } from '../rubric/files.js';
import { ExitCode, ExitError } from './exit.js';
import { todayInKorea } from './today.js';

/** Collects a repeatable option (`--dir a --dir b`). */
export function collect(value: string, previous: readonly string[]): string[] {
  return [...previous, value];
}

/** The folders to look for rubrics in: the bundled ones, then each `--dir`; a missing folder stops with exit 2. */
export function rubricDirs(extra: readonly string[]): string[] {
  const missing = extra.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missing.length > 0) throw new ExitError(ExitCode.usage, missing.map((dir) => problem('RUBRIC_DIR_NOT_FOUND', 'error', {}, { dir })));
  return [BUNDLED_RUBRICS_DIR, ...extra];
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

/** Resolves a rubric reference (id, id@version or file) to a checked rubric; one that does not load stops with its problems and exit 2. */
export function loadRubricRef(ref: string, asOf: PlainDate, dirs: readonly string[]): CompiledRubric {
  const { rubric, problems } = resolveRubric(ref, asOf, dirs);
  if (!rubric) throw new ExitError(ExitCode.usage, problems);
  return rubric;
}

/** How a rubric file is shown: `bundled:<name>` for a shipped rubric found by id, else the path as the user gave it. */
export function displayRubricFile(file: string): string {
  return path.isAbsolute(file) && path.dirname(file) === BUNDLED_RUBRICS_DIR ? `bundled:${path.basename(file)}` : file;
}
