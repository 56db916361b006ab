import { readFileSync, existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { problem, type Problem } from '../core/problems.js';
import type { PlainDate } from '../core/values.js';
import { sha256 } from '../core/digest.js';
import { readRubricIdentity } from './identity.js';
import { BUNDLED_RUBRICS_DIR, chooseRubric, isRubricPath, rubricFilesIn, type RubricEntry } from './locate.js';
import type { CompiledRubric } from './model.js';
import { parseRubricText } from './parse.js';
import type { Rubric } from './schema.js';

export { BUNDLED_RUBRICS_DIR } from './locate.js';

/** Loads and checks one rubric file; `extraChecks` as in parseRubricText (the linter passes its own). */
export function loadRubricFile(
  file: string,
  extraChecks?: Parameters<typeof parseRubricText>[3],
): { rubric?: CompiledRubric; problems: Problem[] } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { problems: [problem('RUBRIC_UNREADABLE', 'error', { file }, { detail: (error as NodeJS.ErrnoException).code ?? String(error) })] };
  }
  return parseRubricText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file, sha256(bytes), extraChecks);
}

/** Lists the rubric files of the given folders (bundled first); files that cannot be read as rubrics are skipped. */
export function listRubricFiles(dirs: readonly string[] = [BUNDLED_RUBRICS_DIR]): RubricEntry[] {
  return rubricFilesIn(dirs).flatMap((file) => {
    // not a rubric, or not a readable file (a folder named x.yaml): `sseval rubric lint` reports such files;
    // resolution only needs the readable ones
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    const identity = readRubricIdentity(text.replace(/^\uFEFF/, ''));
    return identity ? [{ file, ...identity }] : [];
  });
}

/**
 * Resolves `id@version`, `id` (the version effective on `asOf`) or a file path to a checked rubric.
 */
export function resolveRubric(
  ref: string,
  asOf: PlainDate,
  dirs: readonly string[] = [BUNDLED_RUBRICS_DIR],
): { rubric?: CompiledRubric; problems: Problem[] } {
  if (isRubricPath(ref)) {
    if (!existsSync(ref)) return { problems: [problem('RUBRIC_NOT_FOUND', 'error', { file: ref }, { ref })] };
    return loadRubricFile(ref);
  }
  const chosen = chooseRubric(listRubricFiles(dirs), ref, asOf);
  return 'problems' in chosen ? chosen : loadRubricFile(chosen.file);
}

/**
 * The rubric files that pass every check, as the schema gave them, by the sha256 of their bytes: what the build
 * writes for `resolvePrechecked`. A rubric the JSON file could not carry unchanged is left out (it takes the full path).
 */
export function precheckRubricFiles(files: readonly string[]): Record<string, Rubric> {
  const prechecked: Record<string, Rubric> = {};
  for (const file of files) {
    const { rubric, problems } = loadRubricFile(file);
    if (rubric === undefined || problems.length > 0) continue;
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(rubric.rubric)), rubric.rubric)) prechecked[rubric.source.sha256] = rubric.rubric;
  }
  return prechecked;
}
