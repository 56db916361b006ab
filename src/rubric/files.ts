import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDates, parseIsoDate } from '../core/dates.js';
import { problem, type Problem } from '../core/problems.js';
import { formatDate, type PlainDate } from '../core/values.js';
import { readRubricIdentity, type RubricIdentity } from './identity.js';
import type { CompiledRubric } from './model.js';
import { parseRubricText, sha256 } from './parse.js';

/** The rubrics shipped with sseval: <package root>/rubrics (this file sits two levels below the root in src/ and dist/). */
export const BUNDLED_RUBRICS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'rubrics');

const RUBRIC_FILE = /\.(ya?ml|json)$/i;

/** A rubric file's identity, read without full checking, for listing and resolving references. */
export interface RubricEntry extends RubricIdentity {
  readonly file: string;
}

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
  const entries: RubricEntry[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!RUBRIC_FILE.test(name) || name === 'schema.json') continue;
      const file = path.join(dir, name);
      // not a rubric: `sseval rubric lint` reports such files; resolution only needs the readable ones
      const identity = readRubricIdentity(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
      if (identity) entries.push({ file, ...identity });
    }
  }
  return entries;
}

/** True when the reference names a file rather than an id (`./x.yaml`, `rubrics/x.yml`). */
export function isRubricPath(ref: string): boolean {
  return ref.includes('/') || ref.includes(path.sep) || RUBRIC_FILE.test(ref);
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
  const [id, version] = ref.split('@', 2) as [string, string | undefined];
  const candidates = listRubricFiles(dirs).filter((entry) => entry.id === id);
  if (candidates.length === 0) {
    const known = [...new Set(listRubricFiles(dirs).map((e) => e.id))].join(', ');
    return { problems: [problem('RUBRIC_NOT_FOUND', 'error', {}, { ref, known })] };
  }
  const versions = candidates.map((c) => c.version).join(', ');
  const chosen =
    version !== undefined
      ? candidates.find((c) => c.version === version)
      : candidates
          .filter((c) => isEffective(c, asOf))
          .sort((a, b) => b.from.localeCompare(a.from))[0];
  if (!chosen) {
    return version !== undefined
      ? { problems: [problem('RUBRIC_VERSION_NOT_FOUND', 'error', {}, { id, version, versions })] }
      : { problems: [problem('RUBRIC_NONE_EFFECTIVE', 'error', {}, { id, asOf: formatDate(asOf), versions })] };
  }
  const loaded = loadRubricFile(chosen.file);
  return loaded;
}

function isEffective(entry: RubricEntry, asOf: PlainDate): boolean {
  const from = parseIsoDate(entry.from);
  const to = entry.to === undefined ? undefined : parseIsoDate(entry.to);
  if (!from || compareDates(asOf, from) < 0) return false;
  return to === undefined || compareDates(asOf, to) <= 0;
}
