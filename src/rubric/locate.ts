import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareDates, parseIsoDate } from '../core/dates.js';
import { problem, type Problem } from '../core/problems.js';
import { formatDate, type PlainDate } from '../core/values.js';

/** The rubrics shipped with sseval: <package root>/rubrics (this file sits two levels below the root in src/ and dist/). */
export const BUNDLED_RUBRICS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'rubrics');

const RUBRIC_FILE = /\.(ya?ml|json)$/i;

/** What resolving a rubric reference needs to know of a file: its id, version and effective period. */
export interface RubricIdentity {
  readonly id: string;
  readonly version: string;
  readonly from: string;
  readonly to: string | undefined;
}

/** A rubric file's identity, read without full checking, for listing and resolving references. */
export interface RubricEntry extends RubricIdentity {
  readonly file: string;
}

/** True when the reference names a file rather than an id (`./x.yaml`, `rubrics/x.yml`). */
export function isRubricPath(ref: string): boolean {
  return ref.includes('/') || ref.includes(path.sep) || RUBRIC_FILE.test(ref);
}

/** The files of the given folders that may hold rubrics, folder by folder (bundled first), sorted by name within each. */
export function rubricFilesIn(dirs: readonly string[]): string[] {
  return dirs
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).sort().filter((name) => RUBRIC_FILE.test(name) && name !== 'schema.json').map((name) => path.join(dir, name)));
}

/**
 * Chooses the file an id reference names among the rubric files found: `id@version` exactly, `id` alone the
 * version effective on `asOf` (the latest start wins); the problems say what is there when none fits.
 */
export function chooseRubric(entries: readonly RubricEntry[], ref: string, asOf: PlainDate): { file: string } | { problems: Problem[] } {
  const [id, version] = ref.split('@', 2) as [string, string | undefined];
  const candidates = entries.filter((entry) => entry.id === id);
  if (candidates.length === 0) {
    const known = [...new Set(entries.map((e) => e.id))].join(', ');
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
  return { file: chosen.file };
}

function isEffective(entry: RubricEntry, asOf: PlainDate): boolean {
  const from = parseIsoDate(entry.from);
  const to = entry.to === undefined ? undefined : parseIsoDate(entry.to);
  if (!from || compareDates(asOf, from) < 0) return false;
  return to === undefined || compareDates(asOf, to) <= 0;
}
