import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PlainDate } from '../core/values.js';
import { sha256 } from '../core/digest.js';
import { chooseRubric, isRubricPath, rubricFilesIn, type RubricIdentity } from './locate.js';
import { compileRubric, type CompiledRubric } from './model.js';
import type { Rubric } from './schema.js';

/**
 * Where the build writes the bundled rubrics as they passed the schema: `dist/rubrics.prechecked.json` (this
 * file sits two levels below the package root; from src/ the path names no file, so tests take the full path).
 */
export const PRECHECKED_RUBRICS_FILE = fileURLToPath(new URL('../rubrics.prechecked.json', import.meta.url));

/**
 * The compiled schema module the rubrics were checked with (`dist/rubric/schema.js`). The file records its sha256:
 * after a build that changed the schema without writing the file again (tsc alone), the rubrics take the full path.
 */
export const RUBRIC_SCHEMA_MODULE = fileURLToPath(new URL('../rubric/schema.js', import.meta.url));

/** Rubrics as they passed the schema check, by the sha256 of their file's bytes. */
export type PrecheckedRubrics = ReadonlyMap<string, Rubric>;

/** The pre-checked rubrics file: the sha256 of the schema module that checked them, and the rubrics by file sha256. */
export interface PrecheckedRubricsFile {
  readonly schema: string;
  readonly rubrics: Readonly<Record<string, Rubric>>;
}

/** The sha256 of the schema module's text; undefined when there is no such file (src/ under test). */
export function rubricSchemaDigest(schemaModule: string = RUBRIC_SCHEMA_MODULE): string | undefined {
  try {
    return sha256(readFileSync(schemaModule));
  } catch {
    return undefined;
  }
}

/**
 * Reads the pre-checked rubrics the build wrote; none when there is no such file, it cannot be read, or it was
 * checked by another schema than the one beside it now.
 */
export function readPrecheckedRubrics(file: string = PRECHECKED_RUBRICS_FILE, schemaModule: string = RUBRIC_SCHEMA_MODULE): PrecheckedRubrics {
  try {
    const written = JSON.parse(readFileSync(file, 'utf8')) as PrecheckedRubricsFile;
    const schema = rubricSchemaDigest(schemaModule);
    return schema !== undefined && written.schema === schema ? new Map(Object.entries(written.rubrics)) : new Map();
  } catch {
    return new Map(); // the full path checks every rubric
  }
}

/** A checked rubric's identity, as `readRubricIdentity` reads it from the file. */
export function identityOfRubric(rubric: Rubric): RubricIdentity {
  return { id: rubric.id, version: rubric.version, from: rubric.effective.from, to: rubric.effective.to };
}

/**
 * Resolves a rubric reference (as `resolveRubric` does) from pre-checked rubrics alone, so that a small job
 * neither loads the YAML parser and the schema nor runs them. Undefined, for the full path to answer, as soon
 * as a file it needs is not one of them byte for byte (edited, or not bundled), when the reference does not
 * resolve, and when the load-time checks report anything (the full path gives the problems with their lines).
 */
export function resolvePrechecked(prechecked: PrecheckedRubrics, ref: string, asOf: PlainDate, dirs: readonly string[]): CompiledRubric | undefined {
  if (prechecked.size === 0) return undefined;
  const checked = (file: string) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const digest = sha256(bytes);
    const rubric = prechecked.get(digest);
    return rubric && { file, sha256: digest, rubric };
  };
  let found: ReturnType<typeof checked>;
  if (isRubricPath(ref)) {
    found = checked(ref);
  } else {
    const files = rubricFilesIn(dirs).map(checked);
    if (files.some((f) => f === undefined)) return undefined;
    const known = files.map((f) => ({ file: f!.file, ...identityOfRubric(f!.rubric) }));
    const chosen = chooseRubric(known, ref, asOf);
    found = 'file' in chosen ? files.find((f) => f!.file === chosen.file) : undefined;
  }
  if (found === undefined) return undefined;
  const compiled = compileRubric(found.rubric, { file: found.file, sha256: found.sha256 });
  return compiled.problems.length === 0 ? compiled.rubric : undefined;
}
